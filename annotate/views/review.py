"""Verdicts, dispute flags, sign-off and reopen from the claim panel; the agreement page; the vocabulary colours."""
from flask import Blueprint
from flask import Response
from flask import render_template
from flask import request
from flask_login import current_user

from .. import agreement
from .. import assignments
from .. import review as review_ops
from .. import timeline
from .. import vocabulary
from ..errors import InputError
from ..extensions import db
from ..forms import ClaimForm
from ..models import Article
from ..models import Claim
from ..permissions import require_role
from .claims import sentence_oob
from .common import get_or_404
from .common import hx_fragments

bp = Blueprint("review", __name__)


def panel_response(claim: Claim, status: int = 200, errors: dict | None = None, values: dict | None = None,
                   notice: str | None = None):
    """The whole claim panel (state, status and sections all move together), with the sentence out of band."""
    context = {"claim": claim, "form": ClaimForm(obj=claim, formdata=None), "review_errors": errors or {},
               "review_values": values or {}, "review_notice": notice}
    extra = () if status >= 400 else (sentence_oob(claim),)
    return hx_fragments(("claims/_panel.html", context), *extra, status=status)


def attempt(claim: Claim, operation, notice: str, form_name: str):
    """Run one workflow operation: commit and re-render, or roll back and show the message by its form."""
    try:
        operation()
    except InputError as error:
        db.session.rollback()
        db.session.refresh(claim)
        return panel_response(claim, 409 if isinstance(error, review_ops.ClaimLocked) else 422,
                              errors={form_name: error.message}, values=request.form.to_dict())
    db.session.commit()
    return panel_response(claim, notice=notice)


@bp.route("/claims/<int:claim_id>/verdict", methods=["POST"])
def verdict(claim_id: int):
    """Give or revise your own verdict on a claim."""
    claim = get_or_404(Claim, claim_id)
    form = request.form
    return attempt(claim, lambda: review_ops.give_verdict(
        claim, current_user, form.get("rating", ""), form.get("confidence"), form.get("note", ""),
        form.getlist("evidence")), "Your verdict is recorded.", "verdict")


@bp.route("/claims/<int:claim_id>/flag", methods=["POST"])
def flag(claim_id: int):
    """Flag a claim as disputed by hand, with a reason."""
    claim = get_or_404(Claim, claim_id)
    return attempt(claim, lambda: review_ops.flag_dispute(claim, current_user, request.form.get("reason", "")),
                   "Flagged as disputed.", "flag")


@bp.route("/claims/<int:claim_id>/unflag", methods=["POST"])
def unflag(claim_id: int):
    """Withdraw a manual dispute flag."""
    claim = get_or_404(Claim, claim_id)
    return attempt(claim, lambda: review_ops.withdraw_flag(claim, current_user), "Dispute flag withdrawn.", "flag")


@bp.route("/claims/<int:claim_id>/signoff", methods=["POST"])
def signoff(claim_id: int):
    """An editor signs off: final rating, public explanation, method; the claim locks."""
    require_role(current_user, "editor")
    claim = get_or_404(Claim, claim_id)
    form = request.form
    return attempt(claim, lambda: review_ops.sign_off(claim, current_user, form.get("rating", ""),
                                                      form.get("explanation", ""), form.get("method", "")),
                   "Signed off: the claim is decided and locked.", "signoff")


@bp.route("/claims/<int:claim_id>/reopen", methods=["POST"])
def reopen(claim_id: int):
    """An editor reopens a decided claim."""
    require_role(current_user, "editor")
    claim = get_or_404(Claim, claim_id)
    return attempt(claim, lambda: review_ops.reopen(claim, current_user), "Reopened: verdicts can change again.",
                   "signoff")


@bp.route("/claims/<int:claim_id>/assign", methods=["POST"])
def assign_claim(claim_id: int):
    """An editor gives this one claim to a reviewer."""
    require_role(current_user, "editor")
    claim = get_or_404(Claim, claim_id)
    return attempt(claim, lambda: assignments.assign(claim.article, request.form.get("reviewer_id"), current_user,
                                                     claim), "Assigned.", "assign")


@bp.route("/claims/<int:claim_id>/history")
def history(claim_id: int):
    """The claim's timeline: who changed what, when, before and after (newest first)."""
    claim = get_or_404(Claim, claim_id)
    return hx_fragments(("review/_timeline.html", {"entries": timeline.claim_timeline(claim)}))


@bp.route("/articles/<int:article_id>/agreement")
def article_agreement(article_id: int):
    """Agreement between reviewers on one article; ?pair=A-B lists the claims that pair disagrees on."""
    require_role(current_user, "editor")
    article = get_or_404(Article, article_id)
    report = agreement.article_agreement(article)
    pair = next((p for p in report.pairs if p.key == request.args.get("pair")), None)
    return render_template("review/agreement.html", article=article, report=report, pair=pair,
                           labels=vocabulary.labels())


@bp.route("/vocabulary.css")
def vocabulary_css():
    """The rating colours as a stylesheet (inline styles are forbidden by the CSP)."""
    response = Response(vocabulary.stylesheet(), mimetype="text/css")
    response.headers["Cache-Control"] = "no-cache"
    response.add_etag()
    return response.make_conditional(request)
