"""How reviewers received the suggestions: counts by state and the acceptance rate, for the page and the CLI."""
from dataclasses import dataclass

from sqlalchemy import func
from sqlalchemy import select

from annotate.extensions import db
from annotate.models import ArticleFigures
from annotate.models import Suggestion


@dataclass
class Figures:
    """Counts by state, and how many of the accepted ones were edited first."""

    open: int = 0
    accepted: int = 0
    rejected: int = 0
    superseded: int = 0  # settled by a claim a person marked there by hand: neither accepted nor rejected
    edited: int = 0  # accepted after changing the span or the attribution

    @property
    def total(self) -> int:
        return self.open + self.accepted + self.rejected + self.superseded

    @property
    def acceptance_rate(self) -> float | None:
        """Accepted over decided; None before anything was decided."""
        decided = self.accepted + self.rejected
        return self.accepted / decided if decided else None

    @property
    def percent(self) -> int | None:
        rate = self.acceptance_rate
        return None if rate is None else round(100 * rate)

    def as_dict(self) -> dict:
        return {"open": self.open, "accepted": self.accepted, "rejected": self.rejected,
                "superseded": self.superseded, "edited": self.edited, "total": self.total,
                "acceptance_rate": self.acceptance_rate}


def figures_of(suggestions: list[Suggestion]) -> Figures:
    """Figures of suggestions already loaded (the article page has them; no query)."""
    result = Figures()
    for suggestion in suggestions:
        setattr(result, suggestion.state, getattr(result, suggestion.state) + 1)
        result.edited += suggestion.state == "accepted" and bool(suggestion.edited)
    return result


def figures_row(article_id: int) -> ArticleFigures | None:
    """An article's figures row read afresh, one row by its key: a write of this session may have moved it."""
    query = select(ArticleFigures).where(ArticleFigures.article_id == article_id)
    return db.session.scalars(query.execution_options(populate_existing=True)).first()


def figures_from(row: ArticleFigures | None) -> Figures:
    """Figures from an article's figures row, which the database keeps as suggestions change (no counting)."""
    if row is None:
        return Figures()
    return Figures(open=row.suggestions_open, accepted=row.suggestions_accepted, rejected=row.suggestions_rejected,
                   superseded=row.suggestions_superseded, edited=row.suggestions_edited)


def figures(article_id: int | None = None) -> Figures:
    """Figures of one article (its figures row, read afresh: a write in this session may have moved it), or the sum
    over every article; one query either way."""
    if article_id is not None:
        return figures_from(figures_row(article_id))
    columns = (ArticleFigures.suggestions_open, ArticleFigures.suggestions_accepted,
               ArticleFigures.suggestions_rejected, ArticleFigures.suggestions_superseded,
               ArticleFigures.suggestions_edited)
    totals = db.session.execute(select(*(func.coalesce(func.sum(column), 0) for column in columns))).one()
    return Figures(*totals)
