"""The OpenAPI 3.1 document of API v1, built from the same schemas the API validates with.

The article, claim and evidence shapes are the export's own JSON Schema (docs/export-schema-v1.json), pulled in
here, so the document cannot drift from what the export and the API write.
"""
import copy

from annotate.interchange import schema as export_schema
from annotate.api import schemas

JSON = "application/json"
ERROR_CODES = {400: "The request is malformed (not JSON, or a bad query parameter).",
               401: "No token, or an unknown, revoked or disabled one.",
               403: "The account's role does not allow this.",
               404: "No such record.",
               409: "Conflict with the record's current state.",
               413: "The request body is too large.",
               422: "The request is well-formed but its content is invalid; `field` names the culprit."}


def ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def export_components() -> dict:
    """The export schema's definitions as components named Export<Name>, references rewritten."""
    schema = export_schema.load_schema()
    names = {key: "Export" + "".join(part.capitalize() for part in key.split("_")) for key in schema["$defs"]}

    def rewrite(node):
        if isinstance(node, dict) and str(node.get("$ref", "")).startswith("#/$defs/"):
            return {**node, **ref(names[node["$ref"].rsplit("/", 1)[1]])}
        if isinstance(node, dict):
            return {key: rewrite(value) for key, value in node.items()}
        if isinstance(node, list):
            return [rewrite(item) for item in node]
        return node

    components = {names[key]: rewrite(value) for key, value in schema["$defs"].items()}
    root = {k: v for k, v in schema.items() if k not in ("$schema", "$id", "$defs")}
    components["ExportDocument"] = rewrite(root)
    return components


def with_fields(base: str, **properties) -> dict:
    """An export shape plus the fields the API adds (all present in every response)."""
    return {"allOf": [ref(base), {"type": "object", "required": list(properties), "properties": properties}]}


STRING = {"type": "string"}
NULLABLE_STRING = {"type": ["string", "null"]}
ERROR = {"type": "object", "required": ["code", "message", "field"],
         "properties": {"code": STRING, "message": STRING, "field": NULLABLE_STRING}}


def api_components() -> dict:
    """The API's own shapes (what it adds to the export's), then the request bodies."""
    count = {"type": "integer", "minimum": 0}
    summary = {"type": "object",
               "required": ["id", "title", "source_url", "published", "created_by", "created_at", "sentence_count",
                            "claim_count", "url"],
               "properties": {"id": STRING, "title": STRING, "source_url": NULLABLE_STRING,
                              "published": NULLABLE_STRING, "created_by": NULLABLE_STRING,
                              "created_at": NULLABLE_STRING, "sentence_count": count, "claim_count": count,
                              "url": STRING}}
    return {
        "Error": {"type": "object", "required": ["error"], "properties": {"error": ERROR}},
        "ClaimConflict": {"type": "object", "required": ["error", "claim"],
                          "properties": {"error": ERROR, "claim": ref("Claim")}},
        "ImportInvalid": {"type": "object", "required": ["error"], "properties": {
            "error": ERROR, "errors": {"type": "array", "items": {
                "type": "object", "required": ["path", "message"],
                "properties": {"path": STRING, "message": STRING}}}}},
        "Me": {"type": "object", "required": ["username", "role"], "properties": {"username": STRING, "role": STRING}},
        "ArticleSummary": summary,
        "ArticlePage": page_of(ref("ArticleSummary")),
        "ClaimPage": page_of(ref("Claim")),
        "Claim": with_fields("ExportClaim", article_id=STRING),
        "Evidence": with_fields("ExportEvidence", claim_id=STRING),
        **review_components(),
        "Job": job_component(),
        "ImportReport": {"type": "object", "required": ["report"], "properties": {"report": {
            "type": "object", "description": "What the import did: counts of created, matched, replaced, skipped, "
                                             "re-anchored and orphaned records, users created disabled, notes."}}},
        "ArticleCreate": schemas.ARTICLE_CREATE,
        "ClaimCreate": schemas.CLAIM_CREATE,
        "ClaimUpdate": schemas.CLAIM_UPDATE,
        "EvidenceCreate": schemas.EVIDENCE_CREATE,
        "VerdictCreate": schemas.VERDICT_CREATE,
        "CommentCreate": schemas.COMMENT_CREATE,
        "ImportDocument": schemas.IMPORT_DOCUMENT,
    }


def job_component() -> dict:
    """Long work (a large import, a very long article) runs as a job, polled at /jobs/{id}."""
    count = {"type": "integer", "minimum": 0}
    return {"type": "object", "required": ["id", "kind", "state", "done", "total", "step", "result", "error", "page"],
            "properties": {
                "id": {"type": "integer"}, "kind": {"enum": ["import", "article"]},
                "state": {"enum": ["queued", "running", "done", "failed"]}, "done": count, "total": count,
                "step": STRING, "page": {"type": "string", "description": "The job's page in the web app."},
                "result": {"type": ["object", "null"],
                           "description": "Once done: the import's `report`, or the new article's `article_id`, "
                                          "`title` and `sentences`."},
                "error": {"type": ["object", "null"],
                          "description": "Once failed: `message`, and `errors` (each a JSON `path` and `message`)."}}}


def review_components() -> dict:
    """A verdict and a comment as the review endpoints answer them."""
    return {
        "Verdict": {"type": "object", "required": ["id", "claim_id", "reviewer", "rating", "confidence", "note",
                                                   "evidence", "created_at", "workflow_state"],
                    "properties": {"id": STRING, "claim_id": STRING, "reviewer": NULLABLE_STRING, "rating": STRING,
                                   "confidence": {"type": "integer", "minimum": 1, "maximum": 5}, "note": STRING,
                                   "evidence": {"type": "array", "items": STRING}, "created_at": STRING,
                                   "workflow_state": STRING}},
        "Comment": {"type": "object", "required": ["id", "claim_id", "author", "body", "parent_id", "evidence_id",
                                                   "created_at", "resolved"],
                    "properties": {"id": STRING, "claim_id": STRING, "author": NULLABLE_STRING, "body": STRING,
                                   "parent_id": NULLABLE_STRING, "evidence_id": NULLABLE_STRING,
                                   "created_at": STRING, "resolved": {"type": "boolean"}}},
    }


def page_of(item: dict) -> dict:
    return {"type": "object", "required": ["items", "page", "per_page", "total", "next"],
            "properties": {"items": {"type": "array", "items": item}, "page": {"type": "integer", "minimum": 1},
                           "per_page": {"type": "integer", "minimum": 1}, "total": {"type": "integer", "minimum": 0},
                           "next": {"type": ["string", "null"], "description": "URL of the next page; null on the last."}}}


def json_response(description: str, schema: dict, headers: dict | None = None) -> dict:
    response = {"description": description, "content": {JSON: {"schema": schema}}}
    if headers:
        response["headers"] = headers
    return response


def errors(*codes: int) -> dict:
    """The error responses an operation can give; 401 on every authenticated one."""
    return {str(code): {"$ref": f"#/components/responses/Error{code}"} for code in sorted({401, *codes})}


def operation(op_id: str, summary: str, ok: dict, *codes: int, body: str | None = None, params=(), tag="") -> dict:
    spec = {"operationId": op_id, "summary": summary, "tags": [tag], "responses": {**ok, **errors(*codes)}}
    if params:
        spec["parameters"] = list(params)
    if body:
        spec["requestBody"] = {"required": True, "content": {JSON: {"schema": ref(body)}}}
        spec["responses"].update(errors(400, 413, 422))
    return spec


def path_id(name: str, what: str) -> dict:
    return {"name": name, "in": "path", "required": True, "description": f"The {what}'s stable id (a UUID).",
            "schema": {"type": "string", "minLength": 1, "maxLength": 100}}


def query(name: str, description: str, schema: dict) -> dict:
    return {"name": name, "in": "query", "required": False, "description": description, "schema": schema}


LOCATION = {"Location": {"description": "Where the new record can be read.", "schema": {"type": "string"}}}
JOB_LOCATION = {"Location": {"description": "Where the job can be polled.", "schema": {"type": "string"}}}
PAGING = (query("page", "Page number, from 1.", {"type": "integer", "minimum": 1, "maximum": 1_000_000}),
          query("per_page", "Items per page (default 20).", {"type": "integer", "minimum": 1, "maximum": 100}))


ARTICLE = path_id("article_id", "article")
CLAIM = path_id("claim_id", "claim")
EVIDENCE = path_id("evidence_id", "evidence item")
NO_CONTENT = {"204": {"description": "Done."}}
ACCEPTED = json_response("Long work (over JOB_ARTICLE_CHARS characters, or an import over JOB_IMPORT_BYTES or "
                         "JOB_IMPORT_CLAIMS claims) is queued as a job: poll Location.", ref("Job"), JOB_LOCATION)


def paths() -> dict:
    """Every operation, by path; one function per resource group keeps each readable."""
    return {**article_paths(), **claim_paths(), **review_paths(), **interchange_paths(), **job_paths()}


def job_paths() -> dict:
    job_id = {"name": "job_id", "in": "path", "required": True, "description": "The job's number.",
              "schema": {"type": "integer", "minimum": 1}}
    return {"/jobs/{job_id}": {"get": operation(
        "readJob", "A job: its state and progress, then its result",
        {"200": json_response("The job.", ref("Job"))}, 404, params=[job_id], tag="jobs")}}


def article_paths() -> dict:
    return {
        "/me": {"get": operation("me", "Who the token belongs to", {"200": json_response("The account.", ref("Me"))},
                                 tag="account")},
        "/articles": {
            "get": operation("listArticles", "List articles, newest first",
                             {"200": json_response("A page of articles.", ref("ArticlePage"))}, 400,
                             params=PAGING, tag="articles"),
            "post": operation("createArticle", "Add an article from its text or fetched from a URL",
                              {"201": json_response("The article as exported.", ref("ExportArticle"), LOCATION),
                               "202": ACCEPTED}, body="ArticleCreate", tag="articles"),
        },
        "/articles/{article_id}": {"get": operation(
            "readArticle", "An article as the export writes it",
            {"200": json_response("The article.", ref("ExportArticle"))}, 404, params=[ARTICLE], tag="articles")},
    }


def claim_paths() -> dict:
    return {
        "/articles/{article_id}/claims": {
            "get": operation("listClaims", "The article's claims in text order",
                             {"200": json_response("A page of claims.", ref("ClaimPage"))}, 400, 404,
                             params=[ARTICLE, *PAGING], tag="claims"),
            "post": operation("createClaim", "Mark a claim (a span or a whole sentence)",
                              {"201": json_response("The new claim.", ref("Claim"), LOCATION),
                               "409": json_response("That span is already a claim (it is in `claim`).",
                                                    ref("ClaimConflict"))},
                              403, 404, body="ClaimCreate", params=[ARTICLE], tag="claims"),
        },
        "/claims/{claim_id}": {
            "get": operation("readClaim", "One claim", {"200": json_response("The claim.", ref("Claim"))}, 404,
                             params=[CLAIM], tag="claims"),
            "patch": operation("updateClaim", "Describe a claim: attribution and rationale",
                               {"200": json_response("The claim after the change.", ref("Claim")),
                                "409": json_response("The version sent is stale, or the claim is locked; the claim "
                                                     "as it is now is in `claim`.", ref("ClaimConflict"))},
                               403, 404, body="ClaimUpdate", params=[CLAIM], tag="claims"),
            "delete": operation("deleteClaim", "Delete a claim and its evidence", NO_CONTENT, 403, 404, 409,
                                params=[CLAIM], tag="claims"),
        },
        "/claims/{claim_id}/evidence": {"post": operation(
            "addEvidence", "Attach evidence to a claim", {"201": json_response("The evidence.", ref("Evidence"))},
            403, 404, 409, body="EvidenceCreate", params=[CLAIM], tag="claims")},
        "/evidence/{evidence_id}": {"delete": operation(
            "removeEvidence", "Remove evidence from its claim", NO_CONTENT, 403, 404, 409, params=[EVIDENCE],
            tag="claims")},
    }


def review_paths() -> dict:
    return {
        "/claims/{claim_id}/verdicts": {"post": operation(
            "giveVerdict", "Give (or revise) the caller's verdict on a claim",
            {"201": json_response("The verdict.", ref("Verdict")),
             "409": json_response("The claim is signed off and locked.", ref("Error"))},
            403, 404, body="VerdictCreate", params=[CLAIM], tag="review")},
        "/claims/{claim_id}/comments": {"post": operation(
            "addComment", "Comment on a claim, or reply to a comment",
            {"201": json_response("The comment.", ref("Comment"))}, 403, 404, 409, body="CommentCreate", params=[CLAIM],
            tag="review")},
    }


def interchange_paths() -> dict:
    from annotate.interchange.importer import MODES
    from annotate.models.choices import STATUSES

    return {
        "/export": {"get": operation(
            "exportAnnotations", "Export an annotation set (format annotate.claims)",
            {"200": json_response("The annotation set.", ref("ExportDocument"))}, 400, 404,
            params=[query("article", "Only this article (its id).", {"type": "string", "maxLength": 100}),
                    query("status", "Only claims with this status.", {"enum": list(STATUSES)})],
            tag="interchange")},
        "/import": {"post": {**operation(
            "importAnnotations", "Import an annotation set; all of it or nothing (editors and admins)",
            {"200": json_response("What was imported.", ref("ImportReport")), "202": ACCEPTED}, 403,
            body="ImportDocument",
            params=[query("mode", "skip (default) keeps existing claims; replace overwrites them.",
                          {"enum": list(MODES)})], tag="interchange")}},
    }


def document() -> dict:
    """The whole OpenAPI document (built per request: cheap, and always current)."""
    doc = {
        "openapi": "3.1.0",
        "info": {"title": "Claim desk API", "version": "1",
                 "description": "Every action of the annotation desk, scriptable. Authenticate with a personal token "
                                "from your Account page: `Authorization: Bearer <token>`; the session cookie is never "
                                "accepted. Errors are JSON `{\"error\": {\"code\", \"message\", \"field\"}}` "
                                "(also 404 and 405 for unknown paths and methods). Offsets are Unicode code points."},
        "servers": [{"url": "/api/v1"}],
        "security": [{"bearerAuth": []}],
        "paths": paths(),
        "components": {
            "securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer",
                                               "description": "A personal token (ann_...)."}},
            "schemas": {**export_components(), **api_components()},
            "responses": {f"Error{code}": json_response(text, ref("Error")) for code, text in ERROR_CODES.items()},
        },
    }
    doc["components"]["responses"]["Error422Import"] = json_response(ERROR_CODES[422], ref("ImportInvalid"))
    doc["paths"]["/openapi.json"] = {"get": {
        "operationId": "openapiDocument", "summary": "This document", "security": [], "tags": ["meta"],
        "responses": {"200": {"description": "The OpenAPI document.", "content": {JSON: {"schema": {"type": "object"}}}}}}}
    doc["paths"]["/import"]["post"]["responses"]["422"] = {"$ref": "#/components/responses/Error422Import"}
    return copy.deepcopy(doc)
