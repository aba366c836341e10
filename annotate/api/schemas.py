"""Request and response shapes of the API, as JSON Schema: the OpenAPI document and the validator share them."""
from annotate.models.choices import ATTRIBUTION_TYPES
from annotate.models.choices import STANCES
from annotate.models.choices import STATUSES

HTTP_URL = {"type": "string", "pattern": "^[Hh][Tt][Tt][Pp][Ss]?://", "maxLength": 2000}
OFFSET = {"type": "integer", "minimum": 0, "maximum": 10_000_000}

ATTRIBUTION_INPUT = {
    "type": "object", "additionalProperties": False,
    "properties": {"source": {"type": "string", "maxLength": 300}, "role": {"type": "string", "maxLength": 300},
                   "cue": {"type": "string", "maxLength": 100}, "type": {"enum": list(ATTRIBUTION_TYPES)}},
}
CLAIM_FIELDS = {"attribution": ATTRIBUTION_INPUT,
                "status": {"enum": list(STATUSES), "description": "Read-only: derived from the verdicts and the "
                           "decision. Sent back unchanged it is ignored; a different value gets 422."},
                "rationale": {"type": "string", "maxLength": 20000}}

ARTICLE_CREATE = {
    "type": "object", "additionalProperties": False,
    "description": "Give the text, or a fetch_url to fetch and extract the page (one of the two). A fetched "
                   "article keeps the page's final URL, title and date; a title or date given here wins.",
    "properties": {
        "text": {"type": "string", "description": "Plain text; one paragraph per line."},
        "fetch_url": {**HTTP_URL, "description": "Fetch this page and extract its main text (SSRF-guarded)."},
        "title": {"type": "string", "maxLength": 300},
        "source_url": HTTP_URL,
        "published": {"type": "string", "format": "date"},
    },
}
CLAIM_CREATE = {
    "type": "object", "additionalProperties": False,
    "description": "Mark a span by article offsets (Unicode code points, end exclusive) inside one sentence, "
                   "or a whole sentence by its index. Offsets are snapped outwards to whole words.",
    "properties": {"start": OFFSET, "end": OFFSET, "quote": {"type": "string", "maxLength": 20000},
                   "sentence_index": {"type": "integer", "minimum": 0, "maximum": 1_000_000}, **CLAIM_FIELDS},
}
CLAIM_UPDATE = {
    "type": "object", "additionalProperties": False, "required": ["version"],
    "description": "Send the claim's current version; a stale one gets 409 and the claim as it is now.",
    "properties": {"version": {"type": "integer", "minimum": 1, "maximum": 2_000_000_000}, **CLAIM_FIELDS},
}
EVIDENCE_CREATE = {
    "type": "object", "additionalProperties": False, "required": ["url"],
    "properties": {"url": HTTP_URL, "title": {"type": "string", "maxLength": 500},
                   "excerpt": {"type": "string", "maxLength": 5000}, "stance": {"enum": list(STANCES)}},
}
IMPORT_DOCUMENT = {
    "type": "object",
    "description": "An annotation set as exported (format annotate.claims, any published version). It is validated "
                   "in full before anything is written; see ExportDocument for version 1.",
}
VERDICT_CREATE = {
    "type": "object", "additionalProperties": False, "required": ["rating"],
    "properties": {
        "rating": {"type": "string", "maxLength": 40, "description": "A key of the rating vocabulary (admin-edited)."},
        "confidence": {"type": "integer", "minimum": 1, "maximum": 5},
        "note": {"type": "string", "maxLength": 5000},
        "evidence": {"type": "array", "maxItems": 100, "uniqueItems": True, "items": {"type": "string", "maxLength": 36},
                     "description": "Ids of this claim's evidence that the verdict rests on."},
    },
}
COMMENT_CREATE = {
    "type": "object", "additionalProperties": False, "required": ["body"],
    "properties": {
        "body": {"type": "string", "maxLength": 5000, "description": "Text; @username mentions a teammate."},
        "parent_id": {"type": "string", "maxLength": 36, "description": "Reply to this comment of the claim."},
        "evidence_id": {"type": "string", "maxLength": 36, "description": "Attach to this evidence of the claim."},
    },
}
