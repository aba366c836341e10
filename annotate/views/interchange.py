"""Importing annotation sets, the orphaned claims they left, and exports in standard formats."""
from flask import Blueprint
from flask import Response
from flask import abort
from flask import current_app
from flask import render_template
from flask import request
from flask_login import current_user
from sqlalchemy import select

from .. import importer
from ..exports import FORMATS
from ..exports import render_export
from ..extensions import db
from ..forms import ImportForm
from ..models import Article
from ..models import OrphanClaim
from .common import get_or_404

bp = Blueprint("interchange", __name__)
IMPORT_ROLES = ("admin", "editor")


def require_importer() -> None:
    """Imports write in bulk, so they are for editors and admins."""
    if current_user.role not in IMPORT_ROLES:
        abort(403, "Only editors and admins can import annotation sets.")


@bp.route("/import", methods=["GET", "POST"])
def import_page():
    """Upload an annotation set; it is validated whole and written whole, or not at all."""
    require_importer()
    request.max_content_length = importer.MAX_IMPORT_BYTES
    form, report, errors = ImportForm(), None, []
    if form.validate_on_submit():
        try:
            document = importer.parse(form.file.data.read(importer.MAX_IMPORT_BYTES + 1))
            report = importer.import_document(document, form.mode.data, current_user)
        except importer.ImportInvalid as invalid:
            db.session.rollback()
            errors = invalid.errors
        else:
            db.session.commit()
    status = 422 if errors or form.errors else 200
    return render_template("interchange/import.html", form=form, report=report, errors=errors), status


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


def download(fmt: str, article_ids: list[int] | None, name: str) -> Response:
    if fmt not in FORMATS:
        abort(404, "Unknown export format.")
    mimetype, suffix = FORMATS[fmt]
    body = render_export(fmt, article_ids, base_url=base_url(),
                         publisher=current_app.config.get("PUBLISHER_NAME", "Claim desk"))
    response = Response(body, content_type=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{name}-{fmt}.{suffix}"'
    return response


@bp.route("/export/<fmt>")
def export_all(fmt: str):
    """Every article in one of the export formats."""
    return download(fmt, None, "claims-all")


@bp.route("/articles/<int:article_id>/export/<fmt>")
def export_article(article_id: int, fmt: str):
    """One article in one of the export formats."""
    article = get_or_404(Article, article_id)
    return download(fmt, [article.id], f"article-{article.id}")
