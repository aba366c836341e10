"""The disputed queue: every disputed claim across articles, newest activity first, with its verdicts side by side."""
from dataclasses import dataclass
from dataclasses import field
from datetime import datetime

from sqlalchemy import func
from sqlalchemy import or_
from sqlalchemy import select
from sqlalchemy import tuple_
from sqlalchemy.orm import selectinload

from annotate.extensions import db
from annotate.models import MAX_INTEGER
from annotate.models import Article
from annotate.models import Assignment
from annotate.models import Claim
from annotate.models import Comment
from annotate.models import HistoryEvent
from annotate.models import Mention
from annotate.models import Sentence
from annotate.models import User
from annotate.models import Verdict
from annotate.review.workflow import can_see_verdicts


@dataclass
class Filters:
    """The queue's filters, read from the query string (garbage is ignored, not refused)."""

    article_id: int | None = None
    reviewer_id: int | None = None
    rating: str | None = None
    mine: bool = False

    @classmethod
    def from_args(cls, args) -> "Filters":
        def record_id(name):  # int("²") fails although "²".isdigit(); ids beyond MAX_INTEGER overflow the column
            try:
                value = int(args.get(name, ""))
            except ValueError:
                return None
            return value if 0 < value <= MAX_INTEGER else None

        return cls(record_id("article"), record_id("reviewer"), args.get("rating") or None, args.get("mine") == "1")

    @property
    def active(self) -> bool:
        return bool(self.article_id or self.reviewer_id or self.rating or self.mine)


@dataclass
class QueueItem:
    """One disputed claim in the queue: the claim in its context, the verdicts the user may see, its activity."""

    claim: Claim
    before: str = ""
    after: str = ""
    verdicts: list[Verdict] = field(default_factory=list)
    hidden: int = 0
    comments: int = 0
    latest_comment: Comment | None = None
    last_activity: datetime | None = None


def filter_choices() -> tuple[list[Article], list[User]]:
    """The articles and the people the queue's filters offer, by title and by name."""
    articles = db.session.scalars(select(Article).order_by(Article.title)).all()
    people = db.session.scalars(select(User).order_by(User.username)).all()
    return list(articles), list(people)


def involving(user: User):
    """Claims the user has a hand in: a verdict, a comment, a mention, an assignment or a flag."""
    verdict = select(Verdict.claim_id).where(Verdict.reviewer_id == user.id)
    comment = select(Comment.claim_id).where(Comment.author_id == user.id)
    mention = select(Comment.claim_id).join(Mention, Mention.comment_id == Comment.id).where(Mention.user_id == user.id)
    assigned_claim = select(Assignment.claim_id).where(Assignment.reviewer_id == user.id,
                                                       Assignment.claim_id.is_not(None))
    assigned_article = select(Assignment.article_id).where(Assignment.reviewer_id == user.id,
                                                           Assignment.claim_id.is_(None))
    return or_(Claim.id.in_(verdict), Claim.id.in_(comment), Claim.id.in_(mention), Claim.id.in_(assigned_claim),
               Claim.article_id.in_(assigned_article), Claim.flagged_by_id == user.id)


def disputed_items(user: User, filters: Filters) -> list[QueueItem]:
    """The queue for one user (blind review hides verdicts they may not see yet), in five queries."""
    activity = (select(HistoryEvent.claim_id, func.max(HistoryEvent.at).label("at"))
                .group_by(HistoryEvent.claim_id).subquery())
    query = (select(Claim, activity.c.at).outerjoin(activity, activity.c.claim_id == Claim.id)
             .where(Claim.workflow_state == "disputed")
             .options(selectinload(Claim.article), selectinload(Claim.sentence), selectinload(Claim.flagged_by)))
    current = Verdict.superseded_at.is_(None)
    if filters.article_id:
        query = query.where(Claim.article_id == filters.article_id)
    if filters.reviewer_id:
        query = query.where(Claim.id.in_(select(Verdict.claim_id).where(current,
                                                                        Verdict.reviewer_id == filters.reviewer_id)))
    if filters.rating:
        query = query.where(Claim.id.in_(select(Verdict.claim_id).where(current, Verdict.rating == filters.rating)))
    if filters.mine:
        query = query.where(involving(user))
    rows = db.session.execute(query).all()
    items = {claim.id: QueueItem(claim, last_activity=at or claim.state_since) for claim, at in rows}
    if not items:
        return []
    ids = list(items)
    verdicts = db.session.scalars(select(Verdict).where(Verdict.claim_id.in_(ids), current)
                                  .options(selectinload(Verdict.reviewer)).order_by(Verdict.created_at)).all()
    for verdict in verdicts:
        items[verdict.claim_id].verdicts.append(verdict)
    for item in items.values():
        own = next((v for v in item.verdicts if v.reviewer_id == user.id), None)
        if not can_see_verdicts(item.claim, user, own):
            item.hidden, item.verdicts = len(item.verdicts), []
    _comments(items)
    _context(items)
    return sorted(items.values(), key=lambda i: (i.last_activity is not None, i.last_activity), reverse=True)


def _comments(items: dict[int, QueueItem]) -> None:
    counts = select(Comment.claim_id, func.count(Comment.id), func.max(Comment.id)).where(
        Comment.claim_id.in_(list(items))).group_by(Comment.claim_id)
    latest_ids = {}
    for claim_id, count, last in db.session.execute(counts):
        items[claim_id].comments = count
        latest_ids[last] = claim_id
    if latest_ids:
        for comment in db.session.scalars(select(Comment).where(Comment.id.in_(list(latest_ids)))
                                          .options(selectinload(Comment.author))):
            items[latest_ids[comment.id]].latest_comment = comment


def _context(items: dict[int, QueueItem]) -> None:
    """The sentences before and after each claim's sentence, in one query."""
    wanted = {}
    for item in items.values():
        s = item.claim.sentence
        wanted[(s.article_id, s.index - 1)] = (item, "before")
        wanted[(s.article_id, s.index + 1)] = (item, "after")
    rows = db.session.execute(select(Sentence.article_id, Sentence.index, Sentence.start, Sentence.end)
                              .where(tuple_(Sentence.article_id, Sentence.index).in_(list(wanted)))).all()
    for article_id, index, start, end in rows:
        item, side = wanted[(article_id, index)]
        setattr(item, side, item.claim.article.text[start:end])
