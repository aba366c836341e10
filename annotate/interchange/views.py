"""Importing annotation sets and the orphaned claims they left; every export download, in every format."""
from flask import Blueprint
from flask import Response
from flask import abort
from flask import current_app
from flask import render_template
from flask import request
from flask_login import current_user
from sqlalchemy import select

from annotate.accounts.permissions import require_role
from annotate.extensions import db
from annotate.interchange import importer
from annotate.interchange.export import FORMATS
from annotate.interchange.export import export_body
from annotate.interchange.forms import ImportForm
from annotate.jobs import operations as jobs
from annotate.jobs.views import follow
from annotate.models import Article
from annotate.models import OrphanClaim
from annotate.review.ratings import labels as status_labels
from annotate.web.responses import get_or_404

bp = Blueprint("interchange", __name__)


def allow_large_imports():
    """The import page takes files up to MAX_IMPORT_BYTES: set before the CSRF check reads the form, else the
    site-wide 2 MB upload limit refused any larger file with a 413."""
    if request.endpoint == "interchange.import_page":
        request.max_content_length = importer.MAX_IMPORT_BYTES


@bp.record_once
def first_in_line(state):
    state.app.before_request_funcs.setdefault(None, []).insert(0, allow_large_imports)


@bp.route("/import", methods=["GET", "POST"])
def import_page():
    """Upload an annotation set; it is validated whole and written whole, or not at all."""
    require_role(current_user, importer.IMPORT_ROLE)
    form, report, errors = ImportForm(), None, []
    if form.validate_on_submit():
        try:
            data = form.file.data.read(importer.MAX_IMPORT_BYTES + 1)
            document = importer.parse(data)
            if jobs.import_is_long(data, document):
                return import_in_a_job(data, form.mode.data)
            report = importer.import_document(document, form.mode.data, current_user)
        except importer.ImportInvalid as invalid:
            db.session.rollback()
            errors = invalid.errors
        else:
            db.session.commit()
    status = 422 if errors or form.errors else 200
    return render_template("interchange/import.html", form=form, report=report, errors=errors), status


def import_in_a_job(data: bytes, mode: str):
    """A large file is checked and written by a job; its page shows the progress, then the report."""
    return follow(jobs.enqueue_import(data, mode, current_user))


@bp.errorhandler(413)
def import_too_large(error):
    form = ImportForm(formdata=None)
    limit = importer.MAX_IMPORT_BYTES // (1024 * 1024)
    errors = [{"path": "$", "message": f"the file is larger than the {limit} MB limit"}]
    return render_template("interchange/import.html", form=form, report=None, errors=errors), 413


@bp.route("/orphans")
def orphans():
    """Imported claims whose quote could not be placed in the article text here."""
    rows = db.session.scalars(select(OrphanClaim).order_by(OrphanClaim.created_at.desc(), OrphanClaim.id.desc()))
    return render_template("interchange/orphans.html", orphans=list(rows))


def base_url() -> str:
    return current_app.config.get("PUBLIC_BASE_URL") or request.host_url


def download_name(fmt: str, article_id: int | None, status: str | None) -> str:
    """article-3-claims.json, claims-all.json, claims-refuted.json; article-3-w3c.jsonld for the other formats."""
    suffix = FORMATS[fmt][1]
    if fmt == "json":
        scope = f"article-{article_id}-claims" if article_id else f"claims-{status or 'all'}"
        return f"{scope}.{suffix}"
    scope = f"article-{article_id}" if article_id else "claims-all"
    return f"{scope}-{fmt}.{suffix}"


def download(fmt: str, article_id: int | None) -> Response:
    """Every download goes through here: one article or all, in any format (status filter: native JSON)."""
    if fmt not in FORMATS:
        abort(404, "Unknown export format.")
    status = request.args.get("status") or None
    if status is not None and status not in status_labels():
        abort(400, "Unknown status filter.")
    body = export_body(fmt, [article_id] if article_id else None, status, base_url=base_url(),
                       publisher=current_app.config.get("PUBLISHER_NAME", "Claim desk"))
    response = Response(body, content_type=FORMATS[fmt][0])
    response.headers["Content-Disposition"] = f'attachment; filename="{download_name(fmt, article_id, status)}"'
    return response


@bp.route("/export/<fmt>")
def export_all(fmt: str):
    """Every article's annotation set in one of the export formats (?status= filters the native JSON)."""
    return download(fmt, None)


@bp.route("/export.json")
def export_all_json():
    """The native JSON of every article, at its short address."""
    return download("json", None)


@bp.route("/articles/<int:article_id>/export/<fmt>")
def export_article(article_id: int, fmt: str):
    """One article's annotation set in one of the export formats."""
    article = get_or_404(Article, article_id)
    return download(fmt, article.id)


@bp.route("/articles/<int:article_id>/export.json")
def export_article_json(article_id: int):
    """One article's native JSON, at its short address."""
    return export_article(article_id, "json")
