"""A claim's discussion in the panel: post, reply, resolve; polled every few seconds for teammates' comments."""
from flask import Blueprint
from flask import make_response
from flask import request
from flask_login import current_user

from .. import discussion as talk
from ..errors import InputError
from ..extensions import db
from ..models import Claim
from ..models import Comment
from ..review_templating import discussion_view
from ..review_templating import review_panel
from .common import get_or_404
from .common import hx_fragments


bp = Blueprint("discussion", __name__)


def thread_fragment(claim: Claim, status: int = 200):
    return hx_fragments(("review/_thread.html", {"claim": claim, "talk": discussion_view(claim)}), status=status)


def section_fragment(claim: Claim, status: int = 200, error: str | None = None, values: dict | None = None):
    """The discussion section, its form emptied after a post (or kept, with the message, after a refusal)."""
    context = {"claim": claim, "rp": review_panel(claim), "comment_error": error, "comment_values": values or {}}
    return hx_fragments(("review/_discussion.html", context), status=status)


@bp.route("/claims/<int:claim_id>/comments", methods=["POST"])
def post(claim_id: int):
    """Post a comment or a reply; @name mentions a teammate."""
    claim = get_or_404(Claim, claim_id)
    form = request.form
    try:
        talk.add_comment(claim, current_user, form.get("body", ""), form.get("parent_id"), form.get("evidence_id"))
    except InputError as error:
        db.session.rollback()
        return section_fragment(claim, 422, error.message, form.to_dict())
    db.session.commit()
    return section_fragment(claim)


@bp.route("/claims/<int:claim_id>/thread")
def thread(claim_id: int):
    """The thread for polling: 204 while nothing changed since the stamp the page holds."""
    claim = get_or_404(Claim, claim_id)
    if request.args.get("stamp") == talk.stamp(claim):
        return make_response("", 204)
    return thread_fragment(claim)


@bp.route("/claims/<int:claim_id>/read", methods=["POST"])
def read(claim_id: int):
    """The user has seen the discussion: its comments stop showing as new next time."""
    claim = get_or_404(Claim, claim_id)
    talk.mark_read(current_user, claim)
    db.session.commit()
    return make_response("", 204)


def _resolve(comment_id: int, resolved: bool):
    comment = get_or_404(Comment, comment_id)
    talk.set_resolved(comment, current_user, resolved)
    db.session.commit()
    return thread_fragment(comment.claim)


@bp.route("/comments/<int:comment_id>/resolve", methods=["POST"])
def resolve(comment_id: int):
    """Mark a thread resolved."""
    return _resolve(comment_id, True)


@bp.route("/comments/<int:comment_id>/unresolve", methods=["POST"])
def unresolve(comment_id: int):
    """Open a resolved thread again."""
    return _resolve(comment_id, False)
