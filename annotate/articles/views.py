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
from sqlalchemy.orm import joinedload

from annotate.articles import fetch
from annotate.articles import operations
from annotate.articles import reading
from annotate.articles import sentences
from annotate.articles.forms import ArticleForm
from annotate.articles.forms import SplitForm
from annotate.articles.fragments import column_fragment
from annotate.articles.fragments import is_checked
from annotate.articles.fragments import sentence_response
from annotate.articles.fragments import sentences_response
from annotate.config import commit_then_respond
from annotate.errors import InputError
from annotate.extensions import db
from annotate.jobs import operations as jobs
from annotate.jobs.views import follow
from annotate.extensions import htmx
from annotate.models import Article
from annotate.models import Sentence
from annotate.suggestions.fragments import figures_oob
from annotate.text import extract
from annotate.web.responses import conditional
from annotate.web.responses import form_errors
from annotate.web.responses import get_or_404
from annotate.web.responses import hx_fragments
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


def _text_of(form: ArticleForm) -> extract.Extracted:
    """The article text with the title and date it suggests, from the upload when there is one."""
    upload = form.file.data
    if upload and upload.filename:
        return extract.text_from_upload(upload.filename, upload.read(current_app.config["MAX_CONTENT_LENGTH"] + 1))
    return extract.Extracted(form.text.data or "")


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
                given = _text_of(form)
                if jobs.article_is_long(given.text):
                    return _add_in_a_job(form, given)
                article = operations.create_article(given.text, current_user, title=form.title.data or given.title,
                                                    source_url=form.source_url.data or "",
                                                    published=form.published.data or given.published)
        except InputError as error:
            db.session.rollback()
            getattr(form, error.field if error.field in form else "text").errors.append(error.message)
        else:
            earlier = operations.same_text_as(article)
            db.session.commit()
            flash(operations.added_message(article), "success")
            if earlier is not None:
                flash(f"The same text was added before, as “{earlier.title}” (article {earlier.id}): "
                      "delete this copy if it is a duplicate.", "warning")
            return redirect(url_for("articles.show", article_id=article.id), 303)
    status = 422 if form.errors else 200
    return render_template("articles/new.html", form=form, limit=current_app.config["MAX_ARTICLE_CHARS"]), status


def _add_in_a_job(form: ArticleForm, given: extract.Extracted):
    """A very long text is segmented and given its suggestions by a job; its page shows the progress."""
    published = form.published.data or given.published
    fields = {"title": form.title.data or given.title, "source_url": form.source_url.data or "",
              "published": published.isoformat() if published else None}
    return follow(jobs.enqueue_article(given.text, fields, current_user))


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
    """Read an article: its first window of sentences, or the window around ?claim=ID with that claim's panel open."""
    article = get_or_404(Article, article_id, options=(joinedload(Article.created_by),  # "added by" in the header
                                                       joinedload(Article.figures)))  # progress, suggestion figures
    claim = reading.claim_to_open(article, request.args.get("claim", type=int))
    if claim is not None:
        win = reading.window_around(article, claim.sentence.index)
    else:
        win = reading.window(article, 0, reading.WINDOW)
    current = next((v.sentence for v in win.views if claim is None or v.sentence.id == claim.sentence_id), None)
    tools_view = reading.sentence_view(current) if current is not None else None  # the toolbar, under it already
    return render_template("articles/page.html", article=article, win=win, tools_view=tools_view, claim=claim,
                           progress=operations.progress_from(article, article.figures))


@bp.route("/articles/<int:article_id>/sentences")
def sentences_window(article_id: int):
    """The window after ?from=N or before ?to=N, for the reading column as the reader scrolls."""
    article = get_or_404(Article, article_id)
    side = "before" if "to" in request.args else "after"
    if side == "before":
        stop = request.args.get("to", type=int) or 0
        win = reading.window(article, stop - reading.WINDOW, stop)
    else:
        first = request.args.get("from", type=int) or 0
        win = reading.window(article, first, first + reading.WINDOW)
    return conditional(hx_fragments(("articles/_window.html", {"win": win, "tools_view": None, "side": side})))


@bp.route("/articles/<int:article_id>/jump")
def jump(article_id: int):
    """A fresh column around one sentence (?sentence=ID, ?index=N), or around the next one not checked yet after
    index N (?unchecked_after=N; 204 when there is none): keys and links reach sentences not loaded yet."""
    article = get_or_404(Article, article_id)
    if "unchecked_after" in request.args:
        target = reading.next_unchecked(article, request.args.get("unchecked_after", type=int) or 0)
    elif "index" in request.args:
        target = sentences.sentence_at_index(article.id, request.args.get("index", type=int) or 0)
    else:
        target = reading.sentence_of(article, request.args.get("sentence", type=int))
    if target is None:
        return "", 204
    return conditional(hx_fragments(column_fragment(article, target)))


@bp.route("/sentences/<int:sentence_id>/tools")
def tools(sentence_id: int):
    """The toolbar of one sentence: its claims, its suggestions, and what can be done to it."""
    sentence = get_or_404(Sentence, sentence_id)
    if not htmx:
        return redirect(url_for("articles.show", article_id=sentence.article_id, _anchor=f"s-{sentence.id}"))
    return conditional(hx_fragments(("articles/_tools.html", {"view": reading.sentence_view(sentence), "oob": False})))


@bp.route("/sentences/<int:sentence_id>/no-claim", methods=["POST"])
def no_claim(sentence_id: int):
    """Toggle 'checked, no claim' on a sentence."""
    sentence = get_or_404(Sentence, sentence_id)
    was_checked = is_checked(sentence)
    try:
        sentences.set_no_claim(sentence, not sentence.no_claim, current_user)
    except InputError as error:
        db.session.rollback()
        return toast(error.message)
    commit_then_respond(db.session())
    extra = (figures_oob(sentence.article),) if sentence.no_claim else ()  # it rejected the open suggestions
    return sentence_response(sentence, *extra, was_checked=was_checked)


@bp.route("/sentences/<int:sentence_id>/merge", methods=["POST"])
def merge(sentence_id: int):
    """Merge a sentence with the next one, keeping the claims of both."""
    sentence = get_or_404(Sentence, sentence_id)
    return _mend(sentence, lambda: sentences.merge_with_next(sentence, current_user))


@bp.route("/sentences/<int:sentence_id>/split", methods=["POST"])
def split(sentence_id: int):
    """Split a sentence at the point the reviewer chose (a UTF-16 offset into the sentence)."""
    sentence = get_or_404(Sentence, sentence_id)
    form = SplitForm()
    if not form.validate():
        return toast(form_errors(form))
    return _mend(sentence, lambda: sentences.split_at_browser_offset(sentence, form.offset16.data, current_user))


def _mend(sentence: Sentence, change):
    """Merge or split: the column is re-rendered (the numbering changed), or the refusal is toasted."""
    try:
        change()
    except InputError as error:
        db.session.rollback()
        return toast(error.message)
    commit_then_respond(db.session())
    return sentences_response(sentence.article, sentence)
