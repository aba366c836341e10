"""Fixed vocabularies of the export format, version 1 (a public contract)."""

ROLES = ("admin", "editor", "reviewer")

ATTRIBUTION_TYPES = ("direct", "indirect", "mixed", "author", "unattributed")
ATTRIBUTION_LABELS = {
    "direct": "Direct quote",
    "indirect": "Indirect (paraphrase)",
    "mixed": "Mixed (partial quote)",
    "author": "The article's own assertion",
    "unattributed": "Unattributed",
}

STATUSES = (
    "unverified",
    "in_review",
    "supported",
    "refuted",
    "misleading",
    "unverifiable",
    "disputed",
)
STATUS_LABELS = {
    "unverified": "Unverified",
    "in_review": "In review",
    "supported": "Supported",
    "refuted": "Refuted",
    "misleading": "Misleading",
    "unverifiable": "Unverifiable",
    "disputed": "Disputed",
}

STANCES = ("supports", "refutes", "context")
STANCE_LABELS = {"supports": "Supports", "refutes": "Refutes", "context": "Context"}

SENTENCE_KINDS = ("body", "heading", "caption", "boilerplate")
