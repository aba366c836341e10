"""Claims: marking a span, the claim panel (attribution, status, rationale), evidence added or removed inline."""
from flask import Blueprint
from flask import redirect
from flask import url_for
from flask_login import current_user
from sqlalchemy.orm import joinedload

from annotate.articles.fragments import is_checked
from annotate.articles.fragments import moved_progress
from annotate.articles.fragments import sentence_fragments
from annotate.articles.fragments import sentence_response
from annotate.claims import operations
from annotate.claims.forms import ClaimForm
from annotate.claims.forms import EvidenceForm
from annotate.claims.forms import MarkForm
from annotate.claims.fragments import PANEL_LOADS
from annotate.claims.fragments import new_claim_panel_fragment
from annotate.claims.fragments import panel_fragment
from annotate.claims.fragments import panel_response
from annotate.claims.operations import StaleEdit
from annotate.config import commit_then_respond
from annotate.config import read_before_the_write_lock
from annotate.errors import InputError
from annotate.extensions import db
from annotate.extensions import htmx
from annotate.models import Article
from annotate.models import Claim
from annotate.models import Evidence
from annotate.models import Sentence
from annotate.review.workflow import ClaimGone
from annotate.review.workflow import ClaimLocked
from annotate.review.workflow import check_unlocked
from annotate.suggestions import operations as suggestion_ops
from annotate.suggestions.fragments import figures_oob
from annotate.web.responses import form_errors
from annotate.web.responses import get_or_404
from annotate.web.responses import hx_fragments
from annotate.web.responses import toast

bp = Blueprint("claims", __name__)


@bp.route("/articles/<int:article_id>/claims", methods=["POST"])
def mark(article_id: int):
    """Mark the selected words (or the whole sentence) as a claim and open its panel."""
    form = MarkForm()  # checked before the first read
    if not form.validate():
        return toast(form_errors(form))
    with read_before_the_write_lock(db.session()):  # mark_selection checks the sentence again inside the lock
        article = get_or_404(Article, article_id)
        sentence = get_or_404(Sentence, form.sentence_id.data, (joinedload(Sentence.claims),))  # one query
        was_checked = is_checked(sentence)
    try:
        claim, is_new = operations.mark_selection(article, sentence, current_user, form.whole.data,
                                                  form.start16.data, form.end16.data, form.quote.data or None)
    except InputError as error:
        db.session.rollback()
        return toast(error.message, 404 if isinstance(error, operations.ElsewhereError) else 422)
    commit_then_respond(db.session())
    extra = ()
    if not is_new:  # a span marked before answers with its claim
        panel = panel_fragment(claim, oob=True)
    else:  # marked by hand: its attribution comes pre-filled from what the rules read there, as a suggestion
        proposal, settled = suggestion_ops.proposed_attribution(claim)
        panel = new_claim_panel_fragment(claim, current_user, proposal)
        extra = (figures_oob(article),) if settled else ()
    return sentence_response(sentence, panel, *extra, was_checked=was_checked)


@bp.route("/claims/<int:claim_id>")
def show(claim_id: int):
    """Open a claim in the side panel (a link opens the article with the panel open)."""
    claim = get_or_404(Claim, claim_id)
    if not htmx:
        return redirect(url_for("articles.show", article_id=claim.article_id, claim=claim.id))
    return panel_response(claim)


@bp.route("/claims/<int:claim_id>", methods=["POST"])
def save(claim_id: int):
    """Save attribution, status and rationale; refuse a save made on an outdated version."""
    claim = get_or_404(Claim, claim_id, PANEL_LOADS)
    form = ClaimForm()
    try:
        check_unlocked(claim)  # before the form: a decided claim's panel has no form to correct
        if not form.validate():
            return panel_response(claim, form, status=422)
        operations.update_claim(claim, form.data, current_user, form.version.data)
    except ClaimLocked as error:
        return toast(error.message, 409)
    except StaleEdit:
        db.session.rollback()
        return panel_response(claim, status=409, stale=form.data)
    except InputError as error:
        db.session.rollback()
        getattr(form, error.field).errors.append(error.message)
        return panel_response(claim, form, status=422)
    commit_then_respond(db.session())
    return panel_response(claim, saved=True, with_sentence=True)


@bp.route("/claims/<int:claim_id>/delete", methods=["POST"])
def delete(claim_id: int):
    """Delete a claim; the panel closes and the sentence loses its highlight."""
    claim = get_or_404(Claim, claim_id)
    sentence = claim.sentence
    was_checked = is_checked(sentence)
    try:
        operations.delete_claim(claim, current_user)
    except ClaimLocked as error:
        return toast(error.message, 409)
    commit_then_respond(db.session())
    db.session.expire(sentence, ["claims"])  # the deleted claim is still in the loaded list
    return moved_progress(hx_fragments(("claims/_empty_panel.html", {}), *sentence_fragments(sentence)),
                          sentence, was_checked)


def evidence_section(claim: Claim, form: EvidenceForm | None = None, status: int = 200):
    """The claim's evidence list with its form (emptied after an addition, kept with messages after a refusal)."""
    return hx_fragments(("claims/_evidence.html", {"claim": claim, "evidence_form": form}), status=status)


@bp.route("/claims/<int:claim_id>/evidence", methods=["POST"])
def add_evidence(claim_id: int):
    """Add an evidence item to a claim."""
    with read_before_the_write_lock(db.session()):  # add_evidence's write checks the claim again
        claim = get_or_404(Claim, claim_id)
    form = EvidenceForm(prefix="evidence")
    try:
        check_unlocked(claim)  # before the form, as for the panel
        if not form.validate():
            return evidence_section(claim, form, 422)
        operations.add_evidence(claim, form.url.data, current_user, form.title.data or "", form.excerpt.data or "",
                               form.stance.data)
    except (ClaimLocked, ClaimGone) as error:
        db.session.rollback()
        return toast(error.message, error.status)
    except InputError as error:
        db.session.rollback()
        getattr(form, error.field).errors.append(error.message)
        return evidence_section(claim, form, 422)
    commit_then_respond(db.session())
    return evidence_section(claim)


@bp.route("/evidence/<int:evidence_id>/delete", methods=["POST"])
def remove_evidence(evidence_id: int):
    """Remove an evidence item from its claim."""
    evidence = get_or_404(Evidence, evidence_id)
    try:
        claim = operations.remove_evidence(evidence, current_user)
    except ClaimLocked as error:
        return toast(error.message, 409)
    commit_then_respond(db.session())
    return evidence_section(claim)
