"""Export of annotation sets in the 'annotate.claims' format, version 1; no request objects."""
import hashlib
import json
from datetime import datetime
from datetime import timezone

from annotate.interchange import review_records
from annotate.interchange import snapshot
from annotate.interchange.schema import FORMAT
from annotate.interchange.schema import VERSION
from annotate.models import Article
from annotate.models import Claim
from annotate.models import Sentence
from annotate.review.ratings import shows_status
from annotate.text.times import iso

CONTEXT_CHARS = 32


def text_sha256(text: str) -> str:
    """Fingerprint of an article text, so an import can tell whether offsets still hold."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def quote_context(text: str, start: int, end: int) -> tuple[str, str]:
    """Up to 32 characters either side of a span: what re-anchors it when the text has changed."""
    return text[max(0, start - CONTEXT_CHARS) : start], text[end : end + CONTEXT_CHARS]


def username(user) -> str | None:
    return user.username if user is not None else None


def evidence_dict(item) -> dict:
    return {"id": item.uuid, "url": item.url, "title": item.title, "excerpt": item.excerpt,
            "stance": item.stance, "created_by": username(item.created_by), "created_at": iso(item.created_at)}


def claim_dict(claim: Claim, sentence_index: int, text: str, extras: review_records.Extras) -> dict:
    prefix, suffix = quote_context(text, claim.start, claim.end)
    return {
        "id": claim.uuid,
        "sentence_index": sentence_index,
        "start": claim.start,
        "end": claim.end,
        "quote": claim.quote,
        "prefix": prefix,
        "suffix": suffix,
        "attribution": {"source": claim.attr_source, "role": claim.attr_role, "cue": claim.attr_cue,
                        "type": claim.attr_type},
        "status": claim.status,
        "rating": claim.rating,
        "rationale": extras.viewer.rationale(claim),
        "evidence": [evidence_dict(e) for e in claim.evidence],
        "created_by": username(claim.created_by), "created_at": iso(claim.created_at),
        "updated_by": username(claim.updated_by), "updated_at": iso(claim.updated_at),
        "version": claim.version,
    } | review_records.claim_extras(claim, extras)


def claim_dicts(claims: list[Claim]) -> list[dict]:
    """Claims outside a whole-article snapshot (a page of them, one just saved): review records loaded once."""
    extras = review_records.Extras([claim.id for claim in claims])
    return [claim_dict(claim, claim.sentence.index, claim.article.text, extras) for claim in claims]


def sentence_dict(sentence: Sentence, text: str) -> dict:
    return {"index": sentence.index, "start": sentence.start, "end": sentence.end, "kind": sentence.kind,
            "paragraph": sentence.paragraph, "no_claim": sentence.no_claim,
            "text": text[sentence.start : sentence.end]}


def article_dict(article: Article, extras: review_records.Extras, status: str | None = None) -> dict:
    """One article as the export writes it (also the API's article read), claims in text order."""
    index_of = {s.id: s.index for s in article.sentences}
    claims = [c for c in article.claims if status is None or shows_status(c, status)]
    return {
        "id": article.uuid,
        "title": article.title,
        "source_url": article.source_url,
        "published": article.published.isoformat() if article.published else None,
        "text": article.text,
        "sha256": text_sha256(article.text),
        "created_by": username(article.created_by), "created_at": iso(article.created_at),
        "sentences": [sentence_dict(s, article.text) for s in article.sentences],
        "claims": [claim_dict(c, index_of[c.sentence_id], article.text, extras)
                   for c in sorted(claims, key=lambda c: (c.start, c.end, c.uuid))],
    }


def document(loaded: snapshot.Snapshot, status: str | None = None) -> dict:
    """The export document of a snapshot; with a status (an export status, a workflow state or a rating key), only
    the claims showing it and the articles holding one."""
    articles = [a for a in loaded.articles if status is None or any(shows_status(c, status) for c in a.claims)]
    return {"format": FORMAT, "version": VERSION, "exported_at": iso(datetime.now(timezone.utc)),
            "vocabulary": review_records.vocabulary(loaded.ratings),
            "articles": [article_dict(a, loaded.extras, status) for a in articles]}


def export_articles(article_ids: list[int] | None = None, status: str | None = None) -> dict:
    """The export document for the given articles (all when None), claims filtered by status."""
    return document(snapshot.load(article_ids), status)


def export_json(data) -> str:
    """Serialise an export once, compactly (the C encoder; indenting costs four times as long), text readable."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
