"""The article list, adding an article, the reading page, and JSON export downloads."""
from flask import Blueprint
from flask import Response
from flask import abort
from flask import current_app
from flask import flash
from flask import redirect
from flask import render_template
from flask import request
from flask import url_for
from flask_login import current_user

from .. import articles as article_ops
from .. import exchange
from .. import fetch
from .. import ingest
from .. import reading
from ..errors import InputError
from ..extensions import db
from ..forms import ArticleForm
from ..models import Article
from ..models import Claim
from ..vocabulary import labels as status_labels
from .common import MAX_ID
from .common import get_or_404

bp = Blueprint("articles", __name__)


@bp.route("/")
def index():
    """Every article with its progress and claim counts by status."""
    status = request.args.get("status") or None
    if status is not None and status not in status_labels():
        abort(400, "Unknown status filter.")
    return render_template("articles/list.html", summaries=article_ops.article_summaries(status), status=status,
                           present_statuses=article_ops.statuses_in_use())


def _text_of(form: ArticleForm) -> tuple[str, str]:
    """The article text and a suggested title, from the upload when there is one."""
    upload = form.file.data
    if upload and upload.filename:
        return ingest.text_from_upload(upload.filename, upload.read(current_app.config["MAX_CONTENT_LENGTH"] + 1))
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
                article = article_ops.create_article(text, current_user, title=form.title.data or suggested_title,
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


@bp.route("/articles/<int:article_id>")
def show(article_id: int):
    """Read an article as numbered sentences; ?claim=ID opens that claim's panel."""
    article = get_or_404(Article, article_id)
    claim = None
    claim_id = request.args.get("claim", type=int)
    if claim_id is not None and 0 < claim_id <= MAX_ID:  # int("²") fails although "²".isdigit()
        claim = db.session.get(Claim, claim_id)
        if claim is not None and claim.article_id != article.id:
            claim = None
    views = reading.sentence_views(article)
    return render_template("articles/page.html", article=article, paragraphs=reading.paragraphs(views),
                           progress=article_ops.article_progress(article), claim=claim)


def _download(document: dict, filename: str) -> Response:
    """Send an export as a file download."""
    response = Response(exchange.export_json(document), mimetype="application/json")
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@bp.route("/articles/<int:article_id>/export.json")
def export_article(article_id: int):
    """Download one article's annotation set."""
    article = get_or_404(Article, article_id)
    return _download(exchange.export_articles([article.id]), f"article-{article.id}-claims.json")


@bp.route("/export.json")
def export_all():
    """Download every article's annotation set, optionally only claims of one status."""
    status = request.args.get("status") or None
    if status is not None and status not in status_labels():
        abort(400, "Unknown status filter.")
    name = f"claims-{status}.json" if status else "claims-all.json"
    return _download(exchange.export_articles(status=status), name)


@bp.errorhandler(413)
def upload_too_large(error):
    """An oversized upload gets the form back with the limit, not a bare error page."""
    form = ArticleForm(formdata=None)
    limit = current_app.config["MAX_CONTENT_LENGTH"]
    form.file.errors = [f"The file (or pasted text) is too large; the limit is {limit // (1024 * 1024)} MB for one article."]
    return render_template("articles/new.html", form=form, limit=current_app.config["MAX_ARTICLE_CHARS"]), 413
