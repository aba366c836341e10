"""Domain errors carry the field they concern; HTTP errors render as pages, never a 500 trace."""
from flask import Flask
from flask import render_template
from flask import request
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from .extensions import db


class InputError(ValueError):
    """Bad input from a user: a message, and the form field it belongs next to."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


def init_app(app: Flask) -> None:
    """Render errors with the layout; roll back whatever a failed request began."""

    @app.errorhandler(CSRFError)
    def csrf_error(error):
        db.session.rollback()
        message = "Your session's security token is missing or expired. Reload the page and try again."
        return render_template("error.html", code=400, message=message), 400

    @app.errorhandler(HTTPException)
    def http_error(error):
        db.session.rollback()
        if request.path.startswith("/api/"):  # unrouted API paths and methods answer JSON too
            from .api.errors import http_error_json

            return http_error_json(error)
        return render_template("error.html", code=error.code, message=error.description), error.code

    @app.errorhandler(Exception)
    def unexpected_error(error):
        db.session.rollback()
        if request.path.startswith("/api/"):
            from .api.errors import unexpected_json

            return unexpected_json(error)
        app.logger.exception("unhandled error")
        message = "Something went wrong on our side; nothing was saved. Please try again."
        return render_template("error.html", code=500, message=message), 500
