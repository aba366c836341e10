"""Suggested claims on the article page: accept (as is or edited), reject, undo either, and compute for older
articles."""
from flask import Blueprint
from flask import redirect
from flask import request
from flask import url_for
from flask_login import current_user

from annotate.articles import reading
from annotate.articles.fragments import column_fragment
from annotate.articles.fragments import is_checked
from annotate.articles.fragments import moved_progress
from annotate.articles.fragments import sentence_fragments
from annotate.articles.fragments import sentence_response
from annotate.articles.sentences import sentence_at_index
from annotate.claims.fragments import panel_fragment
from annotate.config import commit_then_respond
from annotate.errors import InputError
from annotate.extensions import db
from annotate.extensions import htmx
from annotate.models import Article
from annotate.models import Suggestion
from annotate.suggestions import operations
from annotate.suggestions.forms import EDIT_FIELDS
from annotate.suggestions.forms import RejectForm
from annotate.suggestions.forms import SuggestionForm
from annotate.suggestions.fragments import figures_oob
from annotate.web.responses import get_or_404
from annotate.web.responses import hx_fragments
from annotate.web.responses import toast
from annotate.web.responses import toast_fragment

bp = Blueprint("suggestions", __name__)


def edit_panel(suggestion: Suggestion, form: SuggestionForm, status: int = 200):
    """The suggestion in the side panel, its form prefilled (or as submitted, with messages)."""
    sentence = operations.owner_of(suggestion)
    context = {"suggestion": suggestion, "sentence": sentence, "form": form}
    return hx_fragments(("suggestions/_edit.html", context), status=status, retarget="#panel", reswap="outerHTML")


@bp.route("/suggestions/<int:suggestion_id>/edit")
def edit(suggestion_id: int):
    """Open the suggestion in the side panel, prefilled, to change its span or attribution before accepting."""
    suggestion = get_or_404(Suggestion, suggestion_id)
    if not htmx:
        return redirect(url_for("articles.show", article_id=suggestion.article_id))
    try:
        draft = operations.draft(suggestion)
    except operations.AlreadyDecided as error:
        return toast(error.message, 409)
    return edit_panel(suggestion, SuggestionForm(formdata=None, data=draft, prefix="suggestion"))


@bp.route("/suggestions/<int:suggestion_id>/accept", methods=["POST"])
def accept(suggestion_id: int):
    """Accept a suggestion as a claim with its attribution filled in, then open the claim's panel."""
    suggestion = get_or_404(Suggestion, suggestion_id)
    form = SuggestionForm(prefix="suggestion")
    if not form.validate():
        return edit_panel(suggestion, form, 422)
    owner = operations.owner_of(suggestion) if suggestion.is_open else None
    was_checked = is_checked(owner) if owner is not None else None
    try:
        claim = operations.accept(suggestion, current_user, form.edits())
    except operations.AlreadyDecided as error:
        db.session.rollback()
        return toast(error.message, 409, *sentence_fragments(operations.owner_of(suggestion)))
    except InputError as error:
        db.session.rollback()
        if not form.edits():
            return toast(error.message, 422)
        getattr(form, error.field if error.field in EDIT_FIELDS else "quote").errors.append(error.message)
        return edit_panel(suggestion, form, 422)
    commit_then_respond(db.session())
    notice = None
    if suggestion.state == "superseded":
        notice = "That span was already a claim: the suggestion is settled, not counted as accepted, and filled in " \
                 "only the fields left empty."
    return sentence_response(claim.sentence, panel_fragment(claim, oob=True, review_notice=notice),
                             figures_oob(claim.article), was_checked=was_checked if owner is claim.sentence else None)


@bp.route("/suggestions/<int:suggestion_id>/reject", methods=["POST"])
def reject(suggestion_id: int):
    """Turn a suggestion down; it disappears from the sentence and counts as rejected."""
    suggestion = get_or_404(Suggestion, suggestion_id)
    form = RejectForm()
    try:
        operations.reject(suggestion, current_user)
    except InputError as error:
        db.session.rollback()
        return toast(error.message, 409 if isinstance(error, operations.AlreadyDecided) else 422,
                     *sentence_fragments(operations.owner_of(suggestion)))
    commit_then_respond(db.session())
    sentence = operations.owner_of(suggestion)
    if form.from_panel.data:  # the edit panel closes; the sentence updates out of band
        response = hx_fragments(("claims/_empty_panel.html", {}), *sentence_fragments(sentence),
                                figures_oob(suggestion.article), retarget="#panel", reswap="outerHTML")
    else:
        response = hx_fragments(*sentence_fragments(sentence, oob=False), figures_oob(suggestion.article),
                                retarget=f"#s-{sentence.id}", reswap="outerHTML")
    return response


@bp.route("/suggestions/<int:suggestion_id>/undo", methods=["POST"])
def undo(suggestion_id: int):
    """Undo an accept or a reject: the suggestion is open again; a claim the acceptance made goes, and the panel
    showing it closes."""
    suggestion = get_or_404(Suggestion, suggestion_id)
    made = suggestion.state == "accepted"
    was_checked = is_checked(operations.owner_of(suggestion))
    try:
        sentence = operations.reopen(suggestion, current_user)
    except InputError as error:
        db.session.rollback()
        return toast(error.message, 409)
    commit_then_respond(db.session())
    db.session.expire(sentence, ["claims"])
    if made:
        response = hx_fragments(("claims/_empty_panel.html", {}), *sentence_fragments(sentence),
                                figures_oob(suggestion.article), retarget="#panel", reswap="outerHTML")
    else:
        response = hx_fragments(*sentence_fragments(sentence, oob=False), figures_oob(suggestion.article),
                                retarget=f"#s-{sentence.id}", reswap="outerHTML")
    response = moved_progress(response, sentence, was_checked)
    return response


@bp.route("/articles/<int:article_id>/suggestions", methods=["POST"])
def compute(article_id: int):
    """Compute suggestions for an article that has none (one imported before suggestions existed)."""
    article = get_or_404(Article, article_id)
    try:
        created = operations.compute_missing(article)
    except InputError as error:
        db.session.rollback()
        return toast(error.message, 409, figures_oob(article))
    db.session.commit()
    focus = reading.sentence_of(article, request.headers.get("X-Current-Sentence", type=int))
    message = f"{len(created)} claims suggested." if created else "No sentence scored high enough to suggest."
    return hx_fragments(column_fragment(article, focus or sentence_at_index(article.id, 0)), figures_oob(article),
                        toast_fragment(message, "success"), retarget="#sentences", reswap="outerHTML")
