"""Blind review, written once: who may see the verdicts (and the rationale someone else wrote) of a claim.

Under blind review (the article's `blind_verdicts`) a reviewer who has not given a verdict on a claim sees no
other reviewer's verdict, rating, confidence or note, nor the rationale someone else wrote, until they give
theirs or the claim is decided. A claim's status and rating are never hidden: both are derived, and say a rating
only once the claim is decided (review.workflow.outcome). Editors and admins see everything, and so does a
reader with no user at all (the CLI). Every reader goes through here: the panel and queue (can_see_others_verdicts), the history
fragment, every export format and the API (a Viewer, which the export loader takes from the request).
"""
from functools import cached_property

from flask import g
from flask import has_request_context
from flask_login import current_user
from sqlalchemy import select

from annotate.accounts.permissions import is_editor
from annotate.extensions import db
from annotate.models import Claim
from annotate.models import User
from annotate.models import Verdict

# Fields of a claim that carry the marker's judgement, hidden from a blind reader like a verdict is (history
# events from before the rating model may hold a status set by hand).
JUDGEMENT_FIELDS = ("status", "rationale")


def can_see_others_verdicts(user: User | None, claim: Claim, has_own_verdict: bool) -> bool:
    """The rule: no blind review, or the user has judged, or the claim is decided, or the user is an editor."""
    return (not claim.article.blind_verdicts) or has_own_verdict or is_decided(claim) or is_editor(user)


def is_decided(claim) -> bool:
    """Decided by an editor's sign-off, or by the single verdict the article asks for."""
    return claim.workflow_state == "decided" or bool(claim.locked)


class Viewer:
    """One reader's view of many claims; which claims they have judged is read once, on first need."""

    def __init__(self, user: User | None):
        self.user = user
        self._judged: set[int] | None = None

    # Both are asked once per claim or event of a whole export: read once.
    @cached_property
    def user_id(self) -> int | None:
        return getattr(self.user, "id", None)

    @cached_property
    def editor(self) -> bool:
        return is_editor(self.user)

    def judged(self, claim: Claim) -> bool:
        if self._judged is None:
            query = select(Verdict.claim_id).where(Verdict.reviewer_id == self.user_id,
                                                   Verdict.superseded_at.is_(None))
            self._judged = set(db.session.scalars(query)) if self.user_id is not None else set()
        return claim.id in self._judged

    def sees(self, claim: Claim) -> bool:
        """Whether this reader may see the others' verdicts on the claim."""
        return self.sees_under(claim, claim.article.blind_verdicts)

    def sees_under(self, claim, blind: bool) -> bool:
        """sees(), for a claim read as a row: its article's blind_verdicts given."""
        if self.editor or not blind or is_decided(claim):
            return True
        return self.judged(claim)

    # The readers below take `sees` when the caller worked it out already (a claim read as a row, without its
    # article); otherwise they ask sees() about the claim.

    def verdicts(self, claim: Claim, verdicts: list, sees: bool | None = None) -> list:
        """The verdicts of the claim this reader may see: all of them, or only their own."""
        if self.sees(claim) if sees is None else sees:
            return list(verdicts)
        return [v for v in verdicts if v.reviewer_id == self.user_id]

    def hides_judgement(self, claim: Claim, sees: bool | None = None) -> bool:
        """The rationale is hidden when someone else wrote it and the reader is blind."""
        return (bool(claim.rationale) and claim.updated_by_id != self.user_id
                and not (self.sees(claim) if sees is None else sees))

    def rationale(self, claim: Claim, sees: bool | None = None) -> str:
        return "" if self.hides_judgement(claim, sees) else claim.rationale

    def event_values(self, claim: Claim, event, sees: bool | None = None) -> tuple[dict | None, dict | None] | None:
        """An event's before and after as this reader may read them, or None when the whole event is hidden."""
        if event.actor_id == self.user_id or (self.sees(claim) if sees is None else sees):
            return event.before, event.after
        if event.entity == "verdict":
            return None
        return _without_judgement(event.before), _without_judgement(event.after)


class FullView(Viewer):
    """The reader with no user (the CLI, a backup): everything."""

    def __init__(self):
        super().__init__(None)

    def sees(self, claim: Claim) -> bool:
        return True

    def sees_under(self, claim, blind: bool) -> bool:
        return True


def _without_judgement(values: dict | None) -> dict | None:
    if values is None:
        return None
    return {k: v for k, v in values.items() if k not in JUDGEMENT_FIELDS}


def request_user() -> User | None:
    """The user behind the current request: the API token's, else the session's; None outside a request."""
    if not has_request_context():
        return None
    api_user = g.get("api_user")
    if api_user is not None:
        return api_user
    # the user itself, not the proxy: a reader's view asks about them once per claim of a whole export
    return current_user._get_current_object() if getattr(current_user, "is_authenticated", False) else None


def current_viewer() -> Viewer:
    """The reader of the current request (blind to everything blind when not logged in), or the full view."""
    if not has_request_context():
        return FullView()
    return Viewer(request_user())
