"""Suggested claims on the article page: accept (as is or edited), reject, and compute for older articles."""
from flask import Blueprint
from flask import redirect
from flask import request
from flask import url_for
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import SelectField
from wtforms import StringField
from wtforms import TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Length
from wtforms.validators import Optional

from .. import articles as article_ops
from .. import reading
from .. import suggestions as suggestion_ops
from ..errors import InputError
from ..extensions import db
from ..extensions import htmx
from ..forms import ClaimForm
from ..models import Article
from ..models import Suggestion
from ..vocab import ATTRIBUTION_LABELS
from .common import get_or_404
from .common import hx_fragments

bp = Blueprint("assist", __name__)

EDIT_FIELDS = ("quote", "attr_source", "attr_role", "attr_cue", "attr_type")


class SuggestionForm(FlaskForm):
    """The suggestion, editable before accepting; a field that was not sent keeps the suggestion's value."""

    quote = TextAreaField("Claim text", validators=[Optional(), Length(max=20000)])
    attr_source = StringField("Source", validators=[Optional(), Length(max=300)])
    attr_role = StringField("Role", validators=[Optional(), Length(max=300)])
    attr_cue = StringField("Cue", validators=[Optional(), Length(max=100)])
    attr_type = SelectField("Type", choices=[SelectChoice(value, label) for value, label in ATTRIBUTION_LABELS.items()],
                            validate_choice=False)  # checked by update_claim, with its message

    def edits(self) -> dict:
        """Only the fields the request carried: a one-click accept sends none."""
        return {name: self[name].data for name in EDIT_FIELDS if self[name].name in request.form}


def edit_form(suggestion: Suggestion) -> SuggestionForm:
    data = suggestion_ops.proposed_fields(suggestion) | {"quote": suggestion.quote}
    return SuggestionForm(formdata=None, data=data, prefix="suggestion")


def figures_oob(article: Article) -> tuple:
    return ("assist/_figures.html", {"article": article, "figures": suggestion_ops.figures(article.id), "oob": True})


def sentence_part(sentence, oob: bool = True) -> tuple:
    return ("articles/_sentence.html", {"view": reading.sentence_view(sentence), "oob": oob})


def refuse(message: str, status: int = 409, *extra):
    """Say why nothing changed; the stale parts of the page refresh out of band."""
    return hx_fragments(("_toast_oob.html", {"message": message, "level": "error"}), *extra, status=status,
                        reswap="none")


def edit_panel(suggestion: Suggestion, form: SuggestionForm, status: int = 200):
    sentence = suggestion_ops.owner_of(suggestion)
    context = {"suggestion": suggestion, "sentence": sentence, "form": form}
    return hx_fragments(("assist/_edit.html", context), status=status, retarget="#panel", reswap="outerHTML")


@bp.route("/suggestions/<int:suggestion_id>/edit")
def edit(suggestion_id: int):
    """Open the suggestion in the side panel, prefilled, to change its span or attribution before accepting."""
    suggestion = get_or_404(Suggestion, suggestion_id)
    if not htmx:
        return redirect(url_for("articles.show", article_id=suggestion.article_id))
    if not suggestion.is_open:
        return refuse(suggestion_ops.AlreadyDecided(suggestion).message)
    return edit_panel(suggestion, edit_form(suggestion))


@bp.route("/suggestions/<int:suggestion_id>/accept", methods=["POST"])
def accept(suggestion_id: int):
    """Accept a suggestion as a claim with its attribution filled in, then open the claim's panel."""
    suggestion = get_or_404(Suggestion, suggestion_id)
    form = SuggestionForm(prefix="suggestion")
    if not form.validate():
        return edit_panel(suggestion, form, 422)
    try:
        claim = suggestion_ops.accept(suggestion, current_user, form.edits())
    except suggestion_ops.AlreadyDecided as error:
        db.session.rollback()
        return refuse(error.message, 409, sentence_part(suggestion_ops.owner_of(suggestion)))
    except InputError as error:
        db.session.rollback()
        if not form.edits():
            return refuse(error.message, 422)
        getattr(form, error.field if error.field in EDIT_FIELDS else "quote").errors.append(error.message)
        return edit_panel(suggestion, form, 422)
    db.session.commit()
    panel = ("claims/_panel.html", {"claim": claim, "form": ClaimForm(obj=claim, formdata=None), "oob": True})
    progress = ("articles/_progress.html", {"progress": article_ops.article_progress(claim.article), "oob": True})
    return hx_fragments(sentence_part(claim.sentence, oob=False), progress, panel, figures_oob(claim.article),
                        retarget=f"#s-{claim.sentence_id}", reswap="outerHTML")


@bp.route("/suggestions/<int:suggestion_id>/reject", methods=["POST"])
def reject(suggestion_id: int):
    """Turn a suggestion down; it disappears from the sentence and counts as rejected."""
    suggestion = get_or_404(Suggestion, suggestion_id)
    try:
        suggestion_ops.reject(suggestion, current_user)
    except InputError as error:
        db.session.rollback()
        return refuse(error.message, 409 if isinstance(error, suggestion_ops.AlreadyDecided) else 422,
                      sentence_part(suggestion_ops.owner_of(suggestion)))
    db.session.commit()
    sentence = suggestion_ops.owner_of(suggestion)
    if request.form.get("from_panel"):  # the edit panel closes; the sentence updates out of band
        return hx_fragments(("claims/_empty_panel.html", {}), sentence_part(sentence), figures_oob(suggestion.article),
                            retarget="#panel", reswap="outerHTML")
    return hx_fragments(sentence_part(sentence, oob=False), figures_oob(suggestion.article),
                        retarget=f"#s-{sentence.id}", reswap="outerHTML")


@bp.route("/articles/<int:article_id>/suggestions", methods=["POST"])
def compute(article_id: int):
    """Compute suggestions for an article that has none (one imported before suggestions existed)."""
    article = get_or_404(Article, article_id)
    if suggestion_ops.article_suggestions(article):
        return refuse("This article has suggestions already.", 409, figures_oob(article))
    created = suggestion_ops.store_suggestions(article)
    db.session.commit()
    views = reading.sentence_views(article)
    message = f"{len(created)} claims suggested." if created else "No sentence scored high enough to suggest."
    return hx_fragments(("articles/_sentences.html", {"article": article, "paragraphs": reading.paragraphs(views)}),
                        figures_oob(article), ("_toast_oob.html", {"message": message, "level": "success"}),
                        retarget="#sentences", reswap="outerHTML")


@bp.app_template_global("suggestion_figures")
def suggestion_figures(article: Article) -> suggestion_ops.Figures:
    """The article page's figures line (one query)."""
    return suggestion_ops.figures(article.id)


@bp.app_template_global("suggestions_hidden")
def suggestions_hidden() -> bool:
    """The reviewer hid suggestions (a cookie set by assist.js, so the page renders that way at once)."""
    return request.cookies.get("suggestions") == "hidden"
