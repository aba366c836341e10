"""One loaded snapshot of articles and everything an export writes about them, as mapped objects.

W3C, ClaimReview and CSV build from a Snapshot, so the database is read once per export, in a fixed number of
queries however many claims there are. The native JSON and the API's article read write every column they read,
and read plain rows instead (rows.py), several times faster.
"""
import gc
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from annotate.extensions import db
from annotate.interchange import review_records
from annotate.models import Article
from annotate.models import Claim
from annotate.models import Comment
from annotate.models import Decision
from annotate.models import Evidence
from annotate.models import Rating
from annotate.models import Verdict

# What serialising a claim reads besides its own columns; for a select of claims or nested under articles.
CLAIM_LOADS = (
    selectinload(Claim.evidence).selectinload(Evidence.created_by),
    selectinload(Claim.created_by),
    selectinload(Claim.updated_by),
    selectinload(Claim.flagged_by),
)


@dataclass
class Snapshot:
    """Articles (with sentences, claims, evidence and users), their claims' review records, and the vocabulary."""

    articles: list[Article]
    extras: review_records.Extras
    ratings: list[Rating]

    @property
    def claims(self) -> list[Claim]:
        return [claim for article in self.articles for claim in article.claims]

    @cached_property
    def labels(self) -> dict[str, str]:
        """Rating key -> label, for the formats that show a verdict to people."""
        return {rating.key: rating.label for rating in self.ratings}

    def decision(self, claim: Claim) -> Decision | None:
        return self.extras.standing_decision(claim.id)

    def verdicts(self) -> list[Verdict]:
        """Every verdict of the snapshot's claims the reader may see (superseded ones too), oldest record first."""
        seen = self.extras.viewer.verdicts
        return sorted((v for claim in self.claims for v in seen(claim, self.extras.verdicts.get(claim.id, []))),
                      key=lambda v: v.id)

    def comments(self) -> list[Comment]:
        """Every comment of the snapshot's claims, oldest record first."""
        return sorted((c for claim in self.claims for c in self.extras.comments.get(claim.id, [])),
                      key=lambda c: c.id)


def load(article_ids: list[int] | None = None) -> Snapshot:
    """The snapshot of the given articles (all when None)."""
    query = select(Article).order_by(Article.id).options(
        selectinload(Article.sentences), selectinload(Article.created_by),
        selectinload(Article.claims).options(*CLAIM_LOADS),
    )
    claim_ids = select(Claim.id)
    if article_ids is not None:
        query = query.where(Article.id.in_(article_ids))
        claim_ids = claim_ids.where(Claim.article_id.in_(article_ids))
    articles = list(db.session.scalars(query))
    extras = review_records.Extras(claim_ids)  # each kind of review record is read when a format first needs it
    ratings = list(db.session.scalars(select(Rating).order_by(Rating.position, Rating.id)))
    return Snapshot(articles, extras, ratings)


@contextmanager
def collector_paused():
    """Pause the cyclic garbage collector while an export is built: the snapshot and the document made from it are
    tens of thousands of small objects that all live until the body is written, and the collector would walk them
    again every few hundred allocations (about half an export's time at 2,000 claims). Reference counting still
    frees everything as usual, and the collector resumes (if it was running) when the block ends."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
