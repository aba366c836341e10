"""How records look in the API: the export's own shapes, plus where each record hangs; lists come in pages."""
from functools import cache

from flask import url_for
from sqlalchemy import bindparam
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy.orm import joinedload
from sqlalchemy.orm import selectinload
from sqlalchemy.orm.attributes import set_committed_value

from annotate.extensions import db
from annotate.interchange import native
from annotate.interchange import review_records
from annotate.interchange import rows
from annotate.interchange import snapshot
from annotate.models import Article
from annotate.models import Claim
from annotate.models import Evidence
from annotate.models import Sentence
from annotate.api.bodies import DEFAULT_PER_PAGE
from annotate.api.bodies import MAX_PAGE
from annotate.api.bodies import MAX_PER_PAGE
from annotate.api.bodies import int_arg
from annotate.api.errors import ApiError
from annotate.text.times import iso


# Options for reading claims to serialise them: what the export preloads, plus the sentence and the article.
CLAIM_READ = (*snapshot.CLAIM_LOADS, joinedload(Claim.sentence), selectinload(Claim.article))
ARTICLE_READ = (selectinload(Article.created_by),)


def claims_json(claims: list[Claim]) -> list[dict]:
    """Claims exactly as the export writes them, with the id of their article; review records loaded once."""
    return [data | {"article_id": claim.article.uuid} for claim, data in zip(claims, native.claim_dicts(claims))]


def claim_json(claim: Claim) -> dict:
    return claims_json([claim])[0]


def new_claim_json(claim: Claim) -> dict:
    """A claim marked in this request: it can have no evidence, verdict, comment or decision yet, so only its
    history is read, whatever the article's size."""
    set_committed_value(claim, "evidence", [])
    extras = review_records.Extras([claim.id])
    extras.verdicts, extras.comments, extras.decisions = {}, {}, {}  # their cached_property values: nothing to read
    return native.claim_dict(claim, claim.sentence.index, claim.article.text, extras) | {"article_id": claim.article.uuid}


def article_json(article: Article) -> dict:
    """An article exactly as the export writes it, from the export's own snapshot."""
    with snapshot.collector_paused():
        loaded = rows.load([article.id])
        return native.article_dict(loaded.articles[0], loaded)


def evidence_json(item: Evidence) -> dict:
    return native.evidence_dict(item) | {"claim_id": item.claim.uuid}


def verdict_json(verdict) -> dict:
    return {"id": verdict.uuid, "claim_id": verdict.claim.uuid, "reviewer": native.username(verdict.reviewer),
            "rating": verdict.rating, "confidence": verdict.confidence, "note": verdict.note,
            "evidence": [item.uuid for item in verdict.evidence], "created_at": iso(verdict.created_at),
            "workflow_state": verdict.claim.workflow_state}


def comment_json(comment) -> dict:
    return {"id": comment.uuid, "claim_id": comment.claim.uuid, "author": native.username(comment.author),
            "body": comment.body, "parent_id": comment.parent.uuid if comment.parent else None,
            "evidence_id": comment.evidence.uuid if comment.evidence else None,
            "created_at": iso(comment.created_at), "resolved": comment.resolved}


def article_summary(article: Article, sentences: int, claims: int) -> dict:
    """One row of the article list (the full article, text and all, is one request away)."""
    return {"id": article.uuid, "title": article.title, "source_url": article.source_url,
            "published": article.published.isoformat() if article.published else None,
            "created_by": native.username(article.created_by), "created_at": iso(article.created_at),
            "sentence_count": sentences, "claim_count": claims,
            "url": url_for("api.read_article", article_id=article.uuid, _external=True)}


def page_args() -> tuple[int, int]:
    return int_arg("page", 1, 1, MAX_PAGE), int_arg("per_page", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE)


def paginate(query, endpoint: str, serialize, **values) -> dict:
    """One page of a query's rows with the total and a `next` link (null on the last page)."""
    page, per_page = page_args()
    total = db.session.scalar(select(func.count()).select_from(query.order_by(None).subquery()))
    rows = db.session.scalars(query.limit(per_page).offset((page - 1) * per_page)).all()
    more = page * per_page < total
    next_url = url_for(endpoint, page=page + 1, per_page=per_page, _external=True, **values) if more else None
    return {"items": serialize(rows), "page": page, "per_page": per_page, "total": total, "next": next_url}


def article_summaries(articles: list[Article]) -> list[dict]:
    """Summaries with sentence and claim counts, in two queries for the whole page."""
    ids = [a.id for a in articles]
    sentences = dict(db.session.execute(select(Sentence.article_id, func.count(Sentence.id))
                                        .where(Sentence.article_id.in_(ids)).group_by(Sentence.article_id)).all())
    claims = dict(db.session.execute(select(Claim.article_id, func.count(Claim.id))
                                     .where(Claim.article_id.in_(ids)).group_by(Claim.article_id)).all())
    return [article_summary(a, sentences.get(a.id, 0), claims.get(a.id, 0)) for a in articles]


def by_uuid(model, uuid: str, name: str, *options):
    """A record by its stable id (loaded with the given options), or 404 naming what was looked for."""
    record = db.session.scalar(_uuid_lookup(model, options), {"uuid": uuid}) if len(uuid) <= 36 else None
    if record is None:
        raise ApiError(404, f"There is no {name} with id {uuid!r}.")
    return record


@cache
def _uuid_lookup(model, options: tuple):
    """The lookup, built once per model and options (module constants): every API request makes one, and building
    the statement cost a third of running it."""
    return select(model).where(model.uuid == bindparam("uuid")).options(*options)
