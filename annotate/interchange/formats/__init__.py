"""Exports in the field's standard formats, built from the same records as the native JSON."""
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from annotate.extensions import db
from annotate.models import Article
from annotate.models import Claim
from annotate.models import Decision
from annotate.models import Rating


def load_articles(article_ids: list[int] | None = None) -> list[Article]:
    """Articles with their sentences, claims and evidence, in a fixed number of queries."""
    query = select(Article).order_by(Article.id).options(
        selectinload(Article.sentences), selectinload(Article.claims).selectinload(Claim.evidence)
    )
    if article_ids is not None:
        query = query.where(Article.id.in_(article_ids))
    return list(db.session.scalars(query))


def active_decisions(claim_ids: list[int]) -> dict[int, Decision]:
    """The standing (not reopened) decision of each claim that has one."""
    if not claim_ids:
        return {}
    query = select(Decision).where(Decision.claim_id.in_(claim_ids), Decision.reopened_at.is_(None))
    return {d.claim_id: d for d in db.session.scalars(query.order_by(Decision.decided_at))}


def rating_labels() -> dict[str, str]:
    """Vocabulary key -> label; keys without an entry fall back to a readable form of the key."""
    return {r.key: r.label for r in db.session.scalars(select(Rating))}


def label_for(key: str, labels: dict[str, str]) -> str:
    return labels.get(key) or key.replace("_", " ").capitalize()


def article_iri(article: Article) -> str:
    """The article's web address when known, else a stable URN from its id."""
    return article.source_url or f"urn:uuid:{article.uuid}"
