"""Article pages: the list, adding an article, the reading page; sentence fixes: no-claim, merge, split."""
from flask import Blueprint
from flask import abort
from flask import current_app
from flask import flash
from flask import redirect
from flask import render_template
from flask import request
from flask import url_for
from flask_login import current_user

from annotate.articles import fetch
from annotate.articles import operations
from annotate.articles import reading
from annotate.articles import sentences
from annotate.articles.forms import ArticleForm
from annotate.articles.forms import SplitForm
from annotate.articles.fragments import sentence_response
from annotate.articles.fragments import sentences_response
from annotate.errors import InputError
from annotate.extensions import db
from annotate.models import Article
from annotate.models import Sentence
from annotate.text import extract
from annotate.web.responses import form_errors
from annotate.web.responses import get_or_404
from annotate.web.responses import toast

bp = Blueprint("articles", __name__)


@bp.route("/")
def index():
    """Every article with its progress and claim counts by status."""
    status = request.args.get("status") or None
    try:
        summaries = operations.article_summaries(status)
    except InputError as error:
        abort(400, error.message)
    return render_template("articles/list.html", summaries=summaries, status=status,
                           present_statuses=operations.statuses_in_use())


def _text_of(form: ArticleForm) -> tuple[str, str]:
    """The article text and a suggested title, from the upload when there is one."""
    upload = form.file.data
    if upload and upload.filename:
        return extract.text_from_upload(upload.filename, upload.read(current_app.config["MAX_CONTENT_LENGTH"] + 1))
    return form.text.data or "", ""


@bp.route("/articles/new", methods=["GET", "POST"])
def new():
    """Add an article by pasting text, uploading a .txt, .md or .html file, or fetching it from a URL."""
    form = ArticleForm()
    if form.validate_on_submit():
        try:
            if form.fetch_url.data:
                article = fetch.article_from_url(form.fetch_url.data, current_user, form.title.data or "",
                                                 form.published.data)
            else:
                text, suggested_title = _text_of(form)
                article = operations.create_article(text, current_user, title=form.title.data or suggested_title,
                                                    source_url=form.source_url.data or "",
                                                    published=form.published.data)
        except InputError as error:
            db.session.rollback()
            getattr(form, error.field if error.field in form else "text").errors.append(error.message)
        else:
            db.session.commit()
            flash(f"Added “{article.title}” with {len(article.sentences)} sentences.", "success")
            return redirect(url_for("articles.show", article_id=article.id), 303)
    status = 422 if form.errors else 200
    return render_template("articles/new.html", form=form, limit=current_app.config["MAX_ARTICLE_CHARS"]), status


@bp.errorhandler(413)
def upload_too_large(error):
    """An oversized upload gets the form back with the limit, not a bare error page."""
    form = ArticleForm(formdata=None)
    limit = current_app.config["MAX_CONTENT_LENGTH"]
    form.file.errors = [f"The file (or pasted text) is too large; the limit is {limit // (1024 * 1024)} MB "
                        "for one article."]
    return render_template("articles/new.html", form=form, limit=current_app.config["MAX_ARTICLE_CHARS"]), 413


@bp.route("/articles/<int:article_id>")
def show(article_id: int):
    """Read an article as numbered sentences; ?claim=ID opens that claim's panel."""
    article = get_or_404(Article, article_id)
    claim = reading.claim_to_open(article, request.args.get("claim", type=int))
    views = reading.sentence_views(article)
    return render_template("articles/page.html", article=article, paragraphs=reading.paragraphs(views),
                           progress=operations.article_progress(article), claim=claim)


@bp.route("/sentences/<int:sentence_id>/no-claim", methods=["POST"])
def no_claim(sentence_id: int):
    """Toggle 'checked, no claim' on a sentence."""
    sentence = get_or_404(Sentence, sentence_id)
    try:
        sentences.set_no_claim(sentence, not sentence.no_claim, current_user)
    except InputError as error:
        db.session.rollback()
        return toast(error.message)
    db.session.commit()
    return sentence_response(sentence)


@bp.route("/sentences/<int:sentence_id>/merge", methods=["POST"])
def merge(sentence_id: int):
    """Merge a sentence with the next one, keeping the claims of both."""
    sentence = get_or_404(Sentence, sentence_id)
    try:
        sentences.merge_with_next(sentence, current_user)
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
        sentences.split_at_browser_offset(sentence, form.offset16.data, current_user)
    except InputError as error:
        db.session.rollback()
        return toast(error.message)
    db.session.commit()
    return sentences_response(sentence.article, sentence)
