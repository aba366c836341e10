"""The JSON API, version 1, under /api/v1: personal tokens only, JSON in and out, never HTML, never a 500."""
from flask import Blueprint
from flask import Flask

bp = Blueprint("api", __name__, url_prefix="/api/v1")
API_PREFIX = "/api/"

from . import auth  # noqa: E402  (the modules attach their routes to bp)
from . import errors  # noqa: E402
from . import routes_articles  # noqa: E402
from . import routes_claims  # noqa: E402
from . import routes_review  # noqa: E402
from . import routes_docs  # noqa: E402


def init_app(app: Flask) -> None:
    """Register the blueprint; it takes no session cookie, so it needs no CSRF token either."""
    from ..extensions import csrf

    csrf.exempt(bp)
    app.register_blueprint(bp)
