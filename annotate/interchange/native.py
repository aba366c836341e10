"""Export of annotation sets in the 'annotate.claims' format, version 1; no request objects."""
import hashlib
import json
from datetime import datetime
from datetime import timezone

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from annotate.interchange import review_records
from annotate.extensions import db
from annotate.models import Article
from annotate.models import Claim
from annotate.models import Evidence
from annotate.interchange.schema import FORMAT
from annotate.interchange.schema import VERSION
from annotate.models import Sentence
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


def claim_dict(claim: Claim, sentence_index: int, text: str, extras: "review_records.Extras | None" = None) -> dict:
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
        "rationale": claim.rationale,
        "evidence": [evidence_dict(e) for e in claim.evidence],
        "created_by": username(claim.created_by), "created_at": iso(claim.created_at),
        "updated_by": username(claim.updated_by), "updated_at": iso(claim.updated_at),
        "version": claim.version,
    } | review_records.claim_extras(claim, extras)


def sentence_dict(sentence: Sentence, text: str) -> dict:
    return {"index": sentence.index, "start": sentence.start, "end": sentence.end, "kind": sentence.kind,
            "paragraph": sentence.paragraph, "no_claim": sentence.no_claim,
            "text": text[sentence.start : sentence.end]}


def article_dict(article: Article, status: str | None = None,
                 extras: "review_records.Extras | None" = None) -> dict:
    index_of = {s.id: s.index for s in article.sentences}
    claims = [c for c in article.claims if status is None or c.status == status]
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


def export_articles(article_ids: list[int] | None = None, status: str | None = None) -> dict:
    """The export document for the given articles (all when None), claims filtered by status."""
    claims = selectinload(Article.claims)
    query = select(Article).order_by(Article.id).options(  # users too: no query per distinct author
        selectinload(Article.sentences), selectinload(Article.created_by),
        claims.selectinload(Claim.evidence).selectinload(Evidence.created_by),
        claims.selectinload(Claim.created_by), claims.selectinload(Claim.updated_by),
    )
    if article_ids is not None:
        query = query.where(Article.id.in_(article_ids))
    articles = db.session.scalars(query).all()
    if status:
        articles = [a for a in articles if any(c.status == status for c in a.claims)]
    extras = review_records.preload([c.id for a in articles for c in a.claims])  # review records, query-bounded
    return {"format": FORMAT, "version": VERSION, "exported_at": iso(datetime.now(timezone.utc)),
            "vocabulary": review_records.vocabulary(),
            "articles": [article_dict(a, status, extras) for a in articles]}


def export_json(document: dict) -> str:
    """Serialise an export, keeping non-ASCII text readable."""
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
