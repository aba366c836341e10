"""How reviewers received the suggestions: counts by state and the acceptance rate, for the page and the CLI."""
from dataclasses import dataclass

from sqlalchemy import func
from sqlalchemy import select

from annotate.extensions import db
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


def figures(article_id: int | None = None) -> Figures:
    """Figures of one article, or of every article, in one query."""
    query = select(Suggestion.state, Suggestion.edited, func.count(Suggestion.id)).group_by(Suggestion.state,
                                                                                          Suggestion.edited)
    if article_id is not None:
        query = query.where(Suggestion.article_id == article_id)
    result = Figures()
    for state, edited, count in db.session.execute(query):
        setattr(result, state, getattr(result, state) + count)
        result.edited += count if state == "accepted" and edited else 0
    return result
