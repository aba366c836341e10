"""The claim panel: attribution, status, rationale, and evidence added or removed inline."""
from flask import Blueprint
from flask import redirect
from flask import url_for
from flask_login import current_user

from .. import articles as article_ops
from .. import claims as claim_ops
from .. import reading
from ..claims import StaleEdit
from ..errors import InputError
from ..extensions import db
from ..extensions import htmx
from ..forms import ClaimForm
from ..forms import EvidenceForm
from ..models import Claim
from ..models import Evidence
from .common import get_or_404
from .common import hx_fragments

bp = Blueprint("claims", __name__)


def panel(claim: Claim, form: ClaimForm | None = None, status: int = 200, saved: bool = False, extra: tuple = ()):
    """The panel fragment for a claim; extra fragments ride along out of band."""
    context = {"claim": claim, "form": form or ClaimForm(obj=claim, formdata=None), "saved": saved}
    return hx_fragments(("claims/_panel.html", context), *extra, status=status)


def refuse_locked(claim: Claim):
    """A decided claim takes no edits until an editor reopens it: say so and change nothing."""
    message = "This claim is decided and locked; an editor must reopen it before it can change."
    return hx_fragments(("_toast_oob.html", {"message": message, "level": "error"}), status=409, reswap="none")


def sentence_oob(claim_or_sentence) -> tuple:
    sentence = getattr(claim_or_sentence, "sentence", claim_or_sentence)
    return ("articles/_sentence.html", {"view": reading.sentence_view(sentence), "oob": True})


@bp.route("/claims/<int:claim_id>")
def show(claim_id: int):
    """Open a claim in the side panel (a link opens the article with the panel open)."""
    claim = get_or_404(Claim, claim_id)
    if not htmx:
        return redirect(url_for("articles.show", article_id=claim.article_id, claim=claim.id))
    return panel(claim)


@bp.route("/claims/<int:claim_id>", methods=["POST"])
def save(claim_id: int):
    """Save attribution, status and rationale; refuse a save made on an outdated version."""
    claim = get_or_404(Claim, claim_id)
    if claim.locked:
        return refuse_locked(claim)
    form = ClaimForm()
    if not form.validate():
        return panel(claim, form, status=422)
    try:
        claim_ops.update_claim(claim, form.data, current_user, form.version.data)
    except StaleEdit:
        db.session.rollback()
        fresh = ClaimForm(obj=claim, formdata=None)
        return hx_fragments(("claims/_panel.html", {"claim": claim, "form": fresh, "stale": form.data}), status=409)
    except InputError as error:
        db.session.rollback()
        getattr(form, error.field).errors.append(error.message)
        return panel(claim, form, status=422)
    db.session.commit()
    return panel(claim, saved=True, extra=(sentence_oob(claim),))


@bp.route("/claims/<int:claim_id>/delete", methods=["POST"])
def delete(claim_id: int):
    """Delete a claim; the panel closes and the sentence loses its highlight."""
    claim = get_or_404(Claim, claim_id)
    if claim.locked:
        return refuse_locked(claim)
    sentence = claim.sentence
    claim_ops.delete_claim(claim, current_user)
    db.session.commit()
    progress = article_ops.article_progress(sentence.article)
    return hx_fragments(("claims/_empty_panel.html", {}), sentence_oob(sentence),
                        ("articles/_progress.html", {"progress": progress, "oob": True}))


def evidence_section(claim: Claim, form: EvidenceForm | None = None, status: int = 200):
    return hx_fragments(("claims/_evidence.html", {"claim": claim, "evidence_form": form}), status=status)


@bp.route("/claims/<int:claim_id>/evidence", methods=["POST"])
def add_evidence(claim_id: int):
    """Add an evidence item to a claim."""
    claim = get_or_404(Claim, claim_id)
    if claim.locked:
        return refuse_locked(claim)
    form = EvidenceForm(prefix="evidence")
    if not form.validate():
        return evidence_section(claim, form, 422)
    try:
        claim_ops.add_evidence(claim, form.url.data, current_user, form.title.data or "", form.excerpt.data or "",
                               form.stance.data)
    except InputError as error:
        db.session.rollback()
        getattr(form, error.field).errors.append(error.message)
        return evidence_section(claim, form, 422)
    db.session.commit()
    return evidence_section(claim)


@bp.route("/evidence/<int:evidence_id>/delete", methods=["POST"])
def remove_evidence(evidence_id: int):
    """Remove an evidence item from its claim."""
    evidence = get_or_404(Evidence, evidence_id)
    if evidence.claim.locked:
        return refuse_locked(evidence.claim)
    claim = claim_ops.remove_evidence(evidence, current_user)
    db.session.commit()
    return evidence_section(claim)
