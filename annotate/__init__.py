"""The fact-checking annotation desk: create_app() builds the Flask application."""
from pathlib import Path

from flask import Flask

from . import config
from . import security
from .extensions import csrf
from .extensions import db
from .extensions import htmx
from .extensions import login_manager
from .extensions import migrate

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def create_app(test_config: dict | None = None) -> Flask:
    """Application factory: config, extensions, blueprints, CLI."""
    app = Flask(
        __name__,
        instance_path=str(PROJECT_ROOT / "instance"),
        instance_relative_config=True,
        template_folder=str(PROJECT_ROOT / "templates"),
        static_folder=str(PROJECT_ROOT / "static"),
    )
    if test_config and test_config.get("INSTANCE_PATH"):
        app.instance_path = test_config["INSTANCE_PATH"]
    config.configure(app, test_config)
    db.init_app(app)
    migrate.init_app(app, db, directory=str(PROJECT_ROOT / "migrations"), render_as_batch=True)
    csrf.init_app(app)
    htmx.init_app(app)
    login_manager.init_app(app)
    security.init_app(app)
    _register_blueprints(app)
    from . import cli
    from . import errors
    from . import review_templating
    from . import templating

    cli.init_app(app)
    errors.init_app(app)
    templating.init_app(app)
    review_templating.init_app(app)
    return app


def _register_blueprints(app: Flask) -> None:
    """One blueprint per area of the site."""
    from . import api
    from .views import account
    from .views import admin
    from .views import articles
    from .views import assist
    from .views import auth
    from .views import claims
    from .views import discussion
    from .views import interchange
    from .views import review
    from .views import sentences
    from .views import work

    for module in (auth, articles, sentences, claims, interchange, account):
        app.register_blueprint(module.bp)
    app.register_blueprint(assist.bp)
    for module in (admin, discussion, review, work):
        app.register_blueprint(module.bp)
    api.init_app(app)
