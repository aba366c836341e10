"""JSON errors for the API: {"error": {"code", "message", "field"}} with the right status, whatever went wrong."""
from flask import current_app
from flask import jsonify
from werkzeug.exceptions import HTTPException

from annotate.errors import InputError
from annotate.extensions import db
from annotate.api import bp

CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
         409: "conflict", 413: "too_large", 415: "unsupported_media_type", 422: "invalid", 500: "server_error"}


class ApiError(Exception):
    """An API failure with its status, a stable code, a message for people, and the field it concerns."""

    def __init__(self, status: int, message: str, field: str | None = None, code: str | None = None, **extra):
        super().__init__(message)
        self.status, self.message, self.field = status, message, field
        self.code = code or CODES.get(status, "error")
        self.extra = extra


def error_response(status: int, message: str, field: str | None = None, code: str | None = None, **extra):
    """The one shape of every API error body."""
    body = {"error": {"code": code or CODES.get(status, "error"), "message": message, "field": field}, **extra}
    response = jsonify(body)
    response.status_code = status
    if status == 401:
        response.headers["WWW-Authenticate"] = 'Bearer realm="api"'
    return response


def http_error_json(error: HTTPException):
    """Werkzeug's HTTP errors (404, 405, 413, ...) as JSON; also used for unrouted /api/ paths."""
    db.session.rollback()
    status = error.code or 500
    messages = {404: "There is no such resource.", 405: "This method is not allowed here.",
                413: "The request body is too large."}
    response = error_response(status, messages.get(status, error.description or "Request failed."))
    if status == 405 and getattr(error, "valid_methods", None):
        response.headers["Allow"] = ", ".join(error.valid_methods)
    return response


def unexpected_json(error: Exception):
    """A bug must still answer JSON, and roll back whatever it began."""
    db.session.rollback()
    current_app.logger.exception("unhandled API error")
    return error_response(500, "Something went wrong on our side; nothing was saved.")


@bp.errorhandler(ApiError)
def api_error(error: ApiError):
    db.session.rollback()
    return error_response(error.status, error.message, error.field, error.code, **error.extra)


@bp.errorhandler(InputError)
def input_error(error: InputError):
    """A domain refusal: 422 naming the field; a conflict (a signed-off claim, a verdict changed meanwhile) 409."""
    db.session.rollback()
    return error_response(error.status, error.message, error.field, error.code)


bp.register_error_handler(HTTPException, http_error_json)
bp.register_error_handler(Exception, unexpected_json)
