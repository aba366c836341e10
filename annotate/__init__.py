"""The fact-checking annotation desk: create_app() builds the Flask application."""
from pathlib import Path

from flask import Flask

from annotate import config
from annotate import migrations
from annotate.extensions import compress
from annotate.extensions import csrf
from annotate.extensions import db
from annotate.extensions import htmx
from annotate.extensions import limiter
from annotate.extensions import login_manager

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def create_app(test_config: dict | None = None) -> Flask:
    """Application factory: config, extensions, request hooks, blueprints, CLI, template globals."""
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
    migrations.init_app(app)
    csrf.init_app(app)
    htmx.init_app(app)
    compress.init_app(app)
    login_manager.init_app(app)
    limiter.init_app(app)
    _register_request_hooks(app)
    _register_blueprints(app)
    from annotate import cli
    from annotate.web import templating

    cli.init_app(app)
    templating.init_app(app)
    return app


def _register_request_hooks(app: Flask) -> None:
    """Security headers, error pages, the disabled-account check (first in line, before the login check), and the end
    of a request's committed-writes mark (annotate.config.commit_then_respond; tests share one app context)."""
    from annotate.accounts.views import refuse_disabled_accounts
    from annotate.web import assets
    from annotate.web import errors
    from annotate.web import security

    security.init_app(app)
    assets.init_app(app)
    errors.init_app(app)
    app.before_request_funcs.setdefault(None, []).insert(0, refuse_disabled_accounts)
    app.teardown_request(config.forget_the_commit)


def _register_blueprints(app: Flask) -> None:
    """One blueprint per feature package, and the JSON API."""
    from annotate import api
    from annotate.accounts import views as accounts
    from annotate.articles import views as articles
    from annotate.claims import views as claims
    from annotate.interchange import views as interchange
    from annotate.jobs import runner
    from annotate.jobs import views as jobs
    from annotate.review import views as review
    from annotate.suggestions import views as suggestions

    for feature in (accounts, articles, claims, review, suggestions, interchange, jobs):
        app.register_blueprint(feature.bp)
    runner.init_app(app)
    api.init_app(app)
