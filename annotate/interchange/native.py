"""Export of annotation sets in the 'annotate.claims' format, version 1; no request objects."""
import hashlib
import json
from datetime import datetime
from datetime import timezone

import orjson

from annotate.interchange import review_records
from annotate.interchange import rows
from annotate.interchange.schema import FORMAT
from annotate.interchange.schema import VERSION
from annotate.models import Claim
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


def evidence_fields(item, created_by: str | None) -> dict:
    return {"id": item.uuid, "url": item.url, "title": item.title, "excerpt": item.excerpt,
            "stance": item.stance, "created_by": created_by, "created_at": iso(item.created_at)}


def evidence_dict(item) -> dict:
    return evidence_fields(item, username(item.created_by))


def claim_fields(claim, sentence_index: int, text: str, rationale: str, evidence: list[dict],
                 created_by: str | None, updated_by: str | None) -> dict:
    """A claim's own fields, in the format's order (a mapped claim or a row: the columns share their names)."""
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
        "rationale": rationale,
        "evidence": evidence,
        "created_by": created_by, "created_at": iso(claim.created_at),
        "updated_by": updated_by, "updated_at": iso(claim.updated_at),
        "version": claim.version,
    }


def claim_dict(claim: Claim, sentence_index: int, text: str, extras: review_records.Extras) -> dict:
    """A mapped claim (the API's claim reads); a whole article is written from rows (claim_row_dict)."""
    return claim_fields(claim, sentence_index, text, extras.viewer.rationale(claim),
                        [evidence_dict(e) for e in claim.evidence], username(claim.created_by),
                        username(claim.updated_by)) | review_records.claim_extras(claim, extras)


def claim_dicts(claims: list[Claim]) -> list[dict]:
    """Claims outside a whole-article snapshot (a page of them, one just saved): review records loaded once."""
    extras = review_records.Extras([claim.id for claim in claims])
    return [claim_dict(claim, claim.sentence.index, claim.article.text, extras) for claim in claims]


def claim_row_dict(claim, blind: bool, text: str, loaded: rows.Rows) -> dict:
    """A claim read as a row, with its records as loaded.rows holds them, as the reader may see them."""
    viewer, names, claim_id = loaded.viewer, loaded.names, claim.id
    sees = viewer.sees_under(claim, blind)
    evidence = loaded.evidence.get(claim_id)
    data = claim_fields(claim, claim.sentence_index, text, viewer.rationale(claim, sees),
                        [evidence_fields(e, names.get(e.created_by_id)) for e in evidence] if evidence else [],
                        names.get(claim.created_by_id), names.get(claim.updated_by_id))
    verdicts, comments = loaded.verdicts.get(claim_id), loaded.comments.get(claim_id)
    decisions, events = loaded.decisions.get(claim_id), loaded.history.get(claim_id)
    data.update(review_records.review_fields(
        claim, names.get(claim.flagged_by_id),
        _verdict_dicts(viewer.verdicts(claim, verdicts, sees), loaded) if verdicts else [],
        _comment_dicts(comments, loaded) if comments else [],
        [review_records.decision_dict(d, names.get(d.decided_by_id), names.get(d.reopened_by_id))
         for d in decisions] if decisions else [],
        [review_records.event_dict(e, values) for e in events
         if (values := viewer.event_values(claim, e, sees)) is not None] if events else []))
    return data


def _verdict_dicts(verdicts: list, loaded: rows.Rows) -> list[dict]:
    names, linked = loaded.names, loaded.verdict_evidence
    return [review_records.verdict_dict(v, names.get(v.reviewer_id), linked.get(v.id, [])) for v in verdicts]


def _comment_dicts(comments: list, loaded: rows.Rows) -> list[dict]:
    names, mentions = loaded.names, loaded.mentions
    uuid_of = {c.id: c.uuid for c in comments}  # a reply's parent, when it is a comment of the same claim
    return [review_records.comment_dict(c, uuid_of.get(c.parent_id), names.get(c.author_id),
                                        names.get(c.resolved_by_id), c.evidence_uuid, mentions.get(c.id, []))
            for c in comments]


def sentence_dict(sentence, text: str) -> dict:
    """A sentence row (its index read as `position`)."""
    return {"index": sentence.position, "start": sentence.start, "end": sentence.end, "kind": sentence.kind,
            "paragraph": sentence.paragraph, "no_claim": sentence.no_claim,
            "text": text[sentence.start : sentence.end]}


def article_dict(article, loaded: rows.Rows, status: str | None = None) -> dict:
    """One article row as the export writes it (also the API's article read), claims in text order."""
    text, blind = article.text, article.blind_verdicts
    claims = [c for c in loaded.claims.get(article.id, ()) if status is None or shows_status(c, status)]
    return {
        "id": article.uuid,
        "title": article.title,
        "source_url": article.source_url,
        "published": article.published.isoformat() if article.published else None,
        "text": text,
        "sha256": text_sha256(text),
        "created_by": loaded.names.get(article.created_by_id), "created_at": iso(article.created_at),
        "sentences": [sentence_dict(s, text) for s in loaded.sentences.get(article.id, ())],
        "claims": [claim_row_dict(c, blind, text, loaded) for c in claims],
    }


def document(loaded: rows.Rows, status: str | None = None) -> dict:
    """The export document of the loaded rows; with a status (an export status, a workflow state or a rating key),
    only the claims showing it and the articles holding one."""
    articles = [a for a in loaded.articles
                if status is None or any(shows_status(c, status) for c in loaded.claims.get(a.id, ()))]
    return {"format": FORMAT, "version": VERSION, "exported_at": iso(datetime.now(timezone.utc)),
            "vocabulary": review_records.vocabulary(loaded.ratings),
            "articles": [article_dict(a, loaded, status) for a in articles]}


def export_articles(article_ids: list[int] | None = None, status: str | None = None) -> dict:
    """The export document for the given articles (all when None), claims filtered by status."""
    return document(rows.load(article_ids), status)


def _fast_json(data, floats: bool) -> bytes | None:
    """orjson writes what json.dumps(ensure_ascii=False, separators=(",", ":")) writes, ten times as fast, except
    floats (0.00001 against 1e-05), NaN, lone surrogates and integers past 64 bits. Only a history value from an
    imported file can hold one: the row loader says when one holds a float, and orjson refuses the others."""
    if floats:
        return None
    try:
        return orjson.dumps(data, option=orjson.OPT_APPEND_NEWLINE)
    except orjson.JSONEncodeError:
        return None


def _json_text(data) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def export_json(data, floats: bool = False) -> str:
    """Serialise an export once, compactly (indenting costs four times as long), text readable."""
    body = _fast_json(data, floats)
    return body.decode() if body is not None else _json_text(data)


def export_json_bytes(data, floats: bool = False) -> bytes:
    """export_json as UTF-8, for a response: straight from the encoder, neither decoded nor encoded again."""
    body = _fast_json(data, floats)
    return body if body is not None else _json_text(data).encode()
