"""The claim panel's review view model: verdicts as the user may see them, the discussion, assignees; nav figures.

The user is passed in (templates pass current_user), so the view model can be built for anyone, without a request.
"""
from dataclasses import dataclass
from dataclasses import field
from datetime import datetime
from functools import cache

from flask import g
from sqlalchemy import bindparam
from sqlalchemy import func
from sqlalchemy import select

from annotate.accounts import permissions
from annotate.extensions import db
from annotate.models import Claim
from annotate.models import Rating
from annotate.models import User
from annotate.models import utcnow
from annotate.claims import history
from annotate.review import assignments
from annotate.review import discussion
from annotate.review import ratings
from annotate.review import visibility
from annotate.review import workflow


@dataclass
class DiscussionView:
    """A claim's threads as one user sees them: which comments are new to them, and the poll stamp."""

    claim: Claim
    user: User
    threads: list[discussion.Thread]
    stamp: str
    seen: datetime | None

    def unread(self, comment) -> bool:
        return discussion.is_unread(comment, self.user, self.seen)

    @property
    def count(self) -> int:
        return sum(1 + len(t.replies) for t in self.threads)

    @property
    def unread_count(self) -> int:
        return sum(self.unread(c) for t in self.threads for c in [t.root, *t.replies])


def discussion_view(claim: Claim, user: User) -> DiscussionView:
    """The claim's discussion for this user (what is new to them since they last read it)."""
    threads = discussion.threads(claim)
    return DiscussionView(claim, user, threads, discussion.stamp_of(threads), discussion.last_read(user, claim))


@dataclass
class ReviewPanel:
    """Everything the claim panel's review sections show to one user."""

    claim: Claim
    verdicts: workflow.VerdictView
    talk: DiscussionView
    assignees: list
    judgement_hidden: bool = False  # blind review: the status and rationale someone else set are not shown
    team: list = field(default_factory=list)  # active accounts, for an editor's assign menu (empty for others)

    def own_edit(self, stale: dict) -> dict:
        """After a refused stale save: only what this user changed, to show and to reapply."""
        return history.own_edit(self.claim, stale)


def review_panel(claim: Claim, user: User, verdicts: list | None = None) -> ReviewPanel:
    """The panel's review sections for this user: blind review decides which verdicts they see (`verdicts`: the
    claim's current ones, when a change just produced them)."""
    assignees, team = people(claim, user)
    return ReviewPanel(claim, workflow.verdict_view(claim, user, verdicts), discussion_view(claim, user), assignees,
                       visibility.Viewer(user).hides_judgement(claim), team)


def new_claim_panel(claim: Claim, user: User) -> ReviewPanel:
    """The review sections of a claim made in this request: no verdicts and no discussion yet, so none is looked up
    (marking a claim costs the same whatever the claim's neighbours hold); the article's assignees apply."""
    assignees, team = people(claim, user)
    return ReviewPanel(claim, workflow.VerdictView(claim, None), DiscussionView(claim, user, [], discussion.stamp_of([]),
                                                                                None), assignees, team=team)


def people(claim: Claim, user: User) -> tuple[list[User], list[User]]:
    """(assignees, team): an editor's panel offers the team to assign from; a locked claim takes no assignment."""
    if permissions.is_editor(user) and not claim.locked:
        return assignments.assignees_and_team(claim)
    return assignments.claim_assignees(claim), []


def load_nav_data(user_id: int | None = None) -> None:
    """The vocabulary and the layout's figures (disputed claims, the reader's unread mentions) in a single query,
    when the vocabulary is still to be read; a fragment that reads no figures then costs nothing more."""
    if "ratings" in g:
        return
    rows = db.session.execute(_nav_statements()[0], {"user_id": user_id}).all()
    g.ratings = [rating for rating, _, _ in rows]
    if rows:
        g.nav_figures = rows[0][1], rows[0][2]


@cache
def _nav_statements() -> tuple:
    """(the vocabulary with the layout's figures, the figures alone), built once: every page reads them, and
    building the two counts cost about as much as running them. Without a user (None), no mention is theirs: 0."""
    disputed = select(func.count(Claim.id)).where(Claim.workflow_state == "disputed").scalar_subquery()
    mentions = assignments.unread_mentions_query(bindparam("user_id")).scalar_subquery()
    return select(Rating, disputed, mentions).order_by(Rating.position, Rating.id), select(disputed, mentions)


def nav_figures(user_id: int | None) -> tuple[int, int]:
    """(claims disputed now, the reader's unread @mentions): the layout's counts, read once per request (with the
    vocabulary when that is read here too)."""
    load_nav_data(user_id)
    if "nav_figures" not in g:  # the vocabulary was read already (a status filter checks against it)
        g.nav_figures = tuple(db.session.execute(_nav_statements()[1], {"user_id": user_id}).one())
    return g.nav_figures


def status_labels(user_id: int | None = None) -> dict[str, str]:
    """Labels of every status a claim can show, with the layout's figures loaded in the same query."""
    load_nav_data(user_id)
    return ratings.labels()


def ago(moment: datetime | None) -> str:
    """A short relative time ('just now', '5 min ago', '3 h ago', '2 d ago'), the exact one goes in a title."""
    if moment is None:
        return ""
    seconds = max(0, int((utcnow() - moment).total_seconds()))
    for size, unit in ((86400, "d"), (3600, "h"), (60, "min")):
        if seconds >= size:
            return f"{seconds // size} {unit} ago"
    return "just now"

