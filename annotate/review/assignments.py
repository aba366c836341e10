"""Who works on what: editors assign articles or single claims to reviewers; 'My work' gathers it per person."""
from dataclasses import dataclass
from dataclasses import field

from sqlalchemy import func
from sqlalchemy import or_
from sqlalchemy import select

from annotate.accounts.permissions import require_role
from annotate.claims import history
from annotate.errors import InputError
from annotate.extensions import db
from annotate.models import Article
from annotate.models import Assignment
from annotate.models import Claim
from annotate.models import Comment
from annotate.models import CommentRead
from annotate.models import Mention
from annotate.models import User
from annotate.row_locks import hold_article
from annotate.models import Verdict


def reviewers() -> list[User]:
    """Active accounts that can give verdicts, by name."""
    return list(db.session.scalars(select(User).where(User.active.is_(True)).order_by(func.lower(User.username))))


def _reviewer(user_id) -> User:
    person = db.session.get(User, int(user_id)) if str(user_id or "").isdigit() else None
    if person is None or not person.active:
        raise InputError("Choose an active teammate.", "reviewer_id")
    return person


def assign(article: Article, reviewer_id, by: User, claim: Claim | None = None) -> Assignment:
    """Give an article (or one of its claims) to a reviewer; assigning twice changes nothing."""
    require_role(by, "editor")
    person = _reviewer(reviewer_id)
    if claim is not None and claim.article_id != article.id:
        raise InputError("That claim belongs to another article.", "claim_id")
    claim_id = claim.id if claim is not None else None
    hold_article(article.id)  # PostgreSQL: another editor assigning now waits, then finds this assignment
    existing = db.session.scalar(select(Assignment).where(
        Assignment.article_id == article.id, Assignment.reviewer_id == person.id,
        Assignment.claim_id.is_(None) if claim_id is None else Assignment.claim_id == claim_id))
    if existing is not None:
        return existing
    assignment = Assignment(article_id=article.id, claim_id=claim_id, reviewer=person, assigned_by=by)
    db.session.add(assignment)
    db.session.flush()
    history.record("assigned", "assignment", claim, by, None, {"reviewer": person.username},
                   None, article_id=article.id)
    return assignment


def unassign(assignment: Assignment, by: User) -> None:
    require_role(by, "editor")
    claim = db.session.get(Claim, assignment.claim_id) if assignment.claim_id else None
    history.record("unassigned", "assignment", claim, by, {"reviewer": assignment.reviewer.username}, None,
                   None, article_id=assignment.article_id)
    db.session.delete(assignment)
    db.session.flush()


def article_assignments(article: Article) -> list[Assignment]:
    return list(db.session.scalars(select(Assignment).where(Assignment.article_id == article.id)
                                   .order_by(Assignment.claim_id.is_not(None), Assignment.id)))


def _assigned_to(claim: Claim):
    return (Assignment.article_id == claim.article_id,
            or_(Assignment.claim_id.is_(None), Assignment.claim_id == claim.id))


def claim_assignees(claim: Claim) -> list[User]:
    """Reviewers assigned to this claim directly or through its article."""
    query = (select(User).join(Assignment, Assignment.reviewer_id == User.id).where(*_assigned_to(claim))
             .order_by(User.username))
    return list(dict.fromkeys(db.session.scalars(query)))


def assignees_and_team(claim: Claim) -> tuple[list[User], list[User]]:
    """The claim's assignees and, for an editor's assign menu, every active account (as `reviewers`), in one query:
    the panel shows both after every save and verdict."""
    assigned = select(Assignment.id).where(Assignment.reviewer_id == User.id, *_assigned_to(claim)).exists()
    rows = db.session.execute(select(User, assigned).where(or_(User.active.is_(True), assigned))
                              .order_by(func.lower(User.username))).all()
    assignees = sorted((user for user, is_assigned in rows if is_assigned), key=lambda user: user.username)
    return assignees, [user for user, _ in rows if user.active]


@dataclass
class ArticleWork:
    article: Article
    claims: int = 0
    done: int = 0

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.claims) if self.claims else 0


@dataclass
class MyWork:
    articles: list[ArticleWork] = field(default_factory=list)
    awaiting: list[Claim] = field(default_factory=list)
    mentions: list[tuple[Mention, bool]] = field(default_factory=list)


def my_work(user: User) -> MyWork:
    """Assigned articles with progress, claims awaiting the user's verdict, and where they were mentioned."""
    work = MyWork()
    mine = db.session.scalars(select(Assignment).where(Assignment.reviewer_id == user.id)).all()
    whole = {a.article_id for a in mine if a.claim_id is None}
    single = {a.claim_id for a in mine if a.claim_id is not None}
    if whole or single:
        claims = db.session.scalars(select(Claim).where(or_(Claim.article_id.in_(whole), Claim.id.in_(single)))
                                    .order_by(Claim.article_id, Claim.start)).all()
        judged = set(db.session.scalars(select(Verdict.claim_id).where(
            Verdict.reviewer_id == user.id, Verdict.superseded_at.is_(None),
            Verdict.claim_id.in_([c.id for c in claims]))))
        rows: dict[int, ArticleWork] = {}
        for claim in claims:
            row = rows.setdefault(claim.article_id, ArticleWork(claim.article))
            row.claims += 1
            row.done += claim.id in judged or claim.locked
            if claim.id not in judged and not claim.locked:
                work.awaiting.append(claim)
        for article_id in whole - set(rows):
            rows[article_id] = ArticleWork(db.session.get(Article, article_id))
        work.articles = sorted(rows.values(), key=lambda r: r.article.title.lower())
    mentions = db.session.execute(mentions_of(user.id, Mention, CommentRead.last_read_at)
                                  .order_by(Comment.created_at.desc()).limit(50)).all()
    work.mentions = [(m, seen is None or m.comment.created_at > seen) for m, seen in mentions]
    return work


def mentions_of(user_id: int, *columns):
    """The user's @mentions with their comment and how far the user read that claim's discussion."""
    return (select(*columns).select_from(Mention).join(Comment, Mention.comment_id == Comment.id)
            .outerjoin(CommentRead, (CommentRead.claim_id == Comment.claim_id) & (CommentRead.user_id == user_id))
            .where(Mention.user_id == user_id))


def unread_mentions_query(user_id: int):
    """How many of the user's @mentions sit in comments newer than what they read of that discussion."""
    return mentions_of(user_id, func.count(Mention.id)).where(
        CommentRead.last_read_at.is_(None) | (Comment.created_at > CommentRead.last_read_at))
