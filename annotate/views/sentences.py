"""Marking claims on sentences, 'checked, no claim', and merging or splitting sentences."""
from flask import Blueprint
from flask_login import current_user

from .. import articles as article_ops
from .. import claims as claim_ops
from .. import reading
from .. import sentences as sentence_ops
from ..errors import InputError
from ..extensions import db
from ..forms import ClaimForm
from ..forms import MarkForm
from ..forms import SplitForm
from ..models import Article
from ..models import Sentence
from .common import form_errors
from .common import get_or_404
from .common import hx_fragments

bp = Blueprint("sentences", __name__)


def toast(message: str, status: int = 422):
    """Tell the user what went wrong without swapping anything else."""
    return hx_fragments(("_toast_oob.html", {"message": message, "level": "error"}), status=status, reswap="none")


def sentence_response(sentence: Sentence, *extra):
    """The changed sentence, swapped in place, with the progress bar out of band."""
    progress = article_ops.article_progress(sentence.article)
    return hx_fragments(
        ("articles/_sentence.html", {"view": reading.sentence_view(sentence)}),
        ("articles/_progress.html", {"progress": progress, "oob": True}),
        *extra,
        retarget=f"#s-{sentence.id}",
        reswap="outerHTML",
    )


@bp.route("/articles/<int:article_id>/claims", methods=["POST"])
def mark(article_id: int):
    """Mark the selected words (or the whole sentence) as a claim and open its panel."""
    article = get_or_404(Article, article_id)
    form = MarkForm()
    if not form.validate():
        return toast(form_errors(form))
    sentence = get_or_404(Sentence, form.sentence_id.data)
    if sentence.article_id != article.id:
        return toast("That sentence belongs to another article.", 404)
    try:
        if form.whole.data:
            claim = claim_ops.mark_sentence(sentence, current_user)
        else:
            start, end = claim_ops.span_from_browser(sentence, form.start16.data, form.end16.data)
            claim = claim_ops.mark_claim(sentence, start, end, current_user, quote=form.quote.data or None)
    except InputError as error:
        db.session.rollback()
        return toast(error.message)
    sentence.no_claim = False
    db.session.commit()
    panel = ("claims/_panel.html", {"claim": claim, "form": ClaimForm(obj=claim, formdata=None), "oob": True})
    return sentence_response(sentence, panel)


@bp.route("/sentences/<int:sentence_id>/no-claim", methods=["POST"])
def no_claim(sentence_id: int):
    """Toggle 'checked, no claim' on a sentence."""
    sentence = get_or_404(Sentence, sentence_id)
    if sentence.claims:
        return toast("This sentence holds claims, so it is already checked.")
    sentence_ops.set_no_claim(sentence, not sentence.no_claim, current_user)
    db.session.commit()
    return sentence_response(sentence)


def sentences_response(article: Article, focus: Sentence):
    """After a merge or split the numbering changes: re-render the whole column."""
    db.session.expire_all()
    views = reading.sentence_views(article)
    context = {"article": article, "paragraphs": reading.paragraphs(views), "focus_id": focus.id}
    return hx_fragments(("articles/_sentences.html", context),
                        ("articles/_progress.html", {"progress": article_ops.article_progress(article), "oob": True}),
                        retarget="#sentences", reswap="outerHTML")


@bp.route("/sentences/<int:sentence_id>/merge", methods=["POST"])
def merge(sentence_id: int):
    """Merge a sentence with the next one, keeping the claims of both."""
    sentence = get_or_404(Sentence, sentence_id)
    try:
        sentence_ops.merge_with_next(sentence, current_user)
    except InputError as error:
        db.session.rollback()
        return toast(error.message)
    db.session.commit()
    return sentences_response(sentence.article, sentence)


@bp.route("/sentences/<int:sentence_id>/split", methods=["POST"])
def split(sentence_id: int):
    """Split a sentence at the point the reviewer chose (a UTF-16 offset into the sentence)."""
    sentence = get_or_404(Sentence, sentence_id)
    form = SplitForm()
    if not form.validate():
        return toast(form_errors(form))
    try:
        offset, _ = claim_ops.span_from_browser(sentence, form.offset16.data, form.offset16.data)
        sentence_ops.split_at(sentence, offset, current_user)
    except InputError as error:
        db.session.rollback()
        return toast(error.message)
    db.session.commit()
    return sentences_response(sentence.article, sentence)
