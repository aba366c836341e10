"""HTTP errors render as pages with the layout, never a 500 trace; an area may answer its own errors (the API: JSON)."""
from flask import Flask
from flask import current_app
from flask import render_template
from flask import request
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from annotate.extensions import db


def register_error_renderer(app: Flask, path_prefix: str, http_error, unexpected_error) -> None:
    """Requests under path_prefix get their errors from these two functions instead of the HTML pages."""
    app.extensions.setdefault("error_renderers", {})[path_prefix] = (http_error, unexpected_error)


def _renderers_for_path():
    for prefix, renderers in current_app.extensions.get("error_renderers", {}).items():
        if request.path.startswith(prefix):
            return renderers
    return None


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
        renderers = _renderers_for_path()  # unrouted paths and methods under an area answer in its format too
        if renderers is not None:
            return renderers[0](error)
        return render_template("error.html", code=error.code, message=error.description), error.code

    @app.errorhandler(Exception)
    def unexpected_error(error):
        db.session.rollback()
        renderers = _renderers_for_path()
        if renderers is not None:
            return renderers[1](error)
        app.logger.exception("unhandled error")
        message = "Something went wrong on our side; nothing was saved. Please try again."
        return render_template("error.html", code=500, message=message), 500
