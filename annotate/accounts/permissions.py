"""Who may do what: role checks shared by the web views and the JSON API, enforced on the server."""
import functools

from flask_login import current_user
from werkzeug.exceptions import Forbidden

from annotate.models import Claim
from annotate.models import Comment
from annotate.models import User
from annotate.models import Verdict

# Each role includes the ones below it: an admin can do what an editor can, an editor what a reviewer can.
RANK = {"reviewer": 1, "editor": 2, "admin": 3}


class NotAllowed(Forbidden):
    """A 403 with a message that says what the role would have needed."""


def has_role(user: User | None, role: str) -> bool:
    """True for an active account whose role is at least `role`."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return RANK.get(user.role, 0) >= RANK[role]


def require_role(user: User | None, role: str) -> None:
    """Raise a 403 unless the user holds `role` (or a higher one)."""
    if not has_role(user, role):
        article = "an" if role[0] in "aeiou" else "a"
        raise NotAllowed(f"Only {article} {role} can do that.")


def role_required(role: str):
    """A view decorator: the current user must hold `role` (or a higher one), or the request is refused with 403."""

    def decorate(view):
        @functools.wraps(view)
        def guarded(*args, **kwargs):
            require_role(current_user, role)
            return view(*args, **kwargs)

        return guarded

    return decorate


def is_editor(user: User | None) -> bool:
    return has_role(user, "editor")


def require_verdict_owner(user: User, verdict: Verdict) -> None:
    """A verdict belongs to its reviewer; nobody else may revise it."""
    if verdict.reviewer_id != getattr(user, "id", None):
        raise NotAllowed("A verdict can only be changed by the reviewer who gave it.")


def can_resolve(user: User, comment: Comment) -> bool:
    """The author of a comment, or an editor, marks its thread resolved."""
    return comment.author_id == user.id or is_editor(user)


def may_change(user: User | None, record) -> bool:
    """Reviewers change the claims and evidence they created; anyone else's needs an editor.

    A record nobody created (an import, a script) belongs to the team: any reviewer may change it. No user at
    all is the system itself (the CLI, an import), which acts for whoever it names.
    """
    if user is None or is_editor(user):
        return True
    return has_role(user, "reviewer") and record.created_by_id in (None, user.id)


def require_change(user: User | None, record) -> None:
    """Raise a 403 unless the user may edit or delete the claim or evidence (may_change)."""
    if not may_change(user, record):
        kind = "claim" if isinstance(record, Claim) else "evidence"
        raise NotAllowed(f"Only whoever created this {kind}, or an editor, can change or delete it.")


def can_unflag(user: User, claim: Claim) -> bool:
    """Whoever raised a manual dispute flag, or an editor, may withdraw it."""
    return claim.flagged_by_id == user.id or is_editor(user)

