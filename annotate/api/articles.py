"""API routes for articles, whole annotation sets (export, import) and the caller's identity."""
from flask import Response
from flask import jsonify
from flask import request
from flask import url_for
from sqlalchemy import select

from annotate.accounts.permissions import require_role
from annotate.api import bp
from annotate.api import schemas
from annotate.api.auth import api_user
from annotate.api.bodies import choice_arg
from annotate.api.bodies import date_value
from annotate.api.bodies import json_body
from annotate.api.errors import ApiError
from annotate.api.jobs import accepted
from annotate.api.serializers import ARTICLE_READ
from annotate.api.serializers import CLAIM_READ
from annotate.api.serializers import article_json
from annotate.api.serializers import article_summaries
from annotate.api.serializers import by_uuid
from annotate.api.serializers import claims_json
from annotate.api.serializers import paginate
from annotate.articles import fetch
from annotate.articles import operations as article_ops
from annotate.extensions import db
from annotate.jobs import operations as jobs
from annotate.interchange.export import export_body
from annotate.models import Article
from annotate.models import Claim
from annotate.models.choices import STATUSES


def created(body: dict, endpoint: str | None = None, **values):
    """201 with the new record, and (when it has its own URL) the endpoint and values to read it at."""
    response = jsonify(body)
    response.status_code = 201
    if endpoint:
        response.headers["Location"] = url_for(endpoint, **values)
    return response


def deleted(operation, record) -> Response:
    """Run a delete operation as the caller and commit; 204, with no body and so no content type."""
    operation(record, api_user())
    db.session.commit()
    response = Response(status=204)
    del response.headers["Content-Type"]
    return response


@bp.get("/me")
def me():
    """Who the token belongs to."""
    user = api_user()
    return jsonify({"username": user.username, "role": user.role})


@bp.get("/articles")
def list_articles():
    """Articles, newest first, a page at a time."""
    query = select(Article).order_by(Article.id.desc()).options(*ARTICLE_READ)
    return jsonify(paginate(query, "api.list_articles", article_summaries))


@bp.post("/articles")
def create_article():
    """Store an article from its text, or fetch it from a URL (with the same guards as the page)."""
    data = json_body(schemas.ARTICLE_CREATE)
    published = date_value(data.get("published"), "published")
    if bool(data.get("text")) == bool(data.get("fetch_url")):
        raise ApiError(422, "Give either the article text or a fetch_url (one of the two).", "text")
    if data.get("fetch_url"):
        article = fetch.article_from_url(data["fetch_url"], api_user(), data.get("title", ""), published)
    else:
        source_url = fetch.with_lowercase_scheme(data.get("source_url", ""))
        if jobs.article_is_long(data["text"]):  # segmenting and suggesting take seconds: a job does it
            fields = {"title": data.get("title", ""), "source_url": source_url,
                      "published": published.isoformat() if published else None}
            return accepted(jobs.enqueue_article(data["text"], fields, api_user()))
        article = article_ops.create_article(data["text"], api_user(), title=data.get("title", ""),
                                             source_url=source_url, published=published)
    db.session.commit()
    return created(article_json(article), "api.read_article", article_id=article.uuid)


@bp.get("/articles/<article_id>")
def read_article(article_id: str):
    """An article exactly as the export writes it: text, sentences, claims and evidence."""
    return jsonify(article_json(by_uuid(Article, article_id, "article")))


@bp.get("/articles/<article_id>/claims")
def list_claims(article_id: str):
    """The article's claims in text order, a page at a time."""
    article = by_uuid(Article, article_id, "article")
    query = (select(Claim).where(Claim.article_id == article.id).order_by(Claim.start, Claim.end, Claim.id)
             .options(*CLAIM_READ))
    return jsonify(paginate(query, "api.list_claims", claims_json, article_id=article.uuid))


@bp.get("/export")
def export():
    """The annotation set (format annotate.claims): everything, one article, or claims of one status.

    Built and serialised by the same entry point as the downloads and the CLI.
    """
    status = choice_arg("status", STATUSES)
    article_ids = None
    if request.args.get("article"):
        article_ids = [by_uuid(Article, request.args["article"], "article").id]
    return Response(export_body("json", article_ids, status), mimetype="application/json")


@bp.post("/import")
def import_annotations():
    """Import an annotation set; all of it or nothing. Editors and admins only."""
    from annotate.interchange import importer

    require_role(api_user(), importer.IMPORT_ROLE)
    mode = choice_arg("mode", importer.MODES) or "skip"
    request.max_content_length = importer.MAX_IMPORT_BYTES
    document = json_body(schemas.IMPORT_DOCUMENT)
    if jobs.import_is_long(request.get_data(), document):
        return accepted(jobs.enqueue_import(request.get_data(), mode, api_user()))
    try:
        report = importer.import_document(document, mode=mode, actor=api_user())
    except importer.ImportInvalid as invalid:
        first = invalid.errors[0] if invalid.errors else {"path": "$", "message": "invalid"}
        message = f"The file cannot be imported; nothing was written. {first['path']}: {first['message']}"
        raise ApiError(422, message, first["path"], "invalid_import", errors=invalid.errors) from None
    db.session.commit()
    return jsonify({"report": report.as_dict()})
