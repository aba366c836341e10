"""The JSON API, version 1, under /api/v1: personal tokens only, JSON in and out, never HTML, never a 500."""
from flask import Blueprint
from flask import Flask

bp = Blueprint("api", __name__, url_prefix="/api/v1")
API_PREFIX = "/api/"

from annotate.api import articles  # noqa: E402  (the modules attach their routes to bp)
from annotate.api import auth  # noqa: E402
from annotate.api import claims  # noqa: E402
from annotate.api import docs  # noqa: E402
from annotate.api import errors  # noqa: E402
from annotate.api import jobs  # noqa: E402
from annotate.api import review  # noqa: E402


def init_app(app: Flask) -> None:
    """Register the blueprint and its JSON errors; it takes no session cookie, so it needs no CSRF token either."""
    from annotate.extensions import csrf
    from annotate.web.errors import register_error_renderer

    csrf.exempt(bp)
    app.register_blueprint(bp)
    register_error_renderer(app, API_PREFIX, errors.http_error_json, errors.unexpected_json)
