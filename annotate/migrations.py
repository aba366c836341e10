"""The schema's migrations (Flask-Migrate over Alembic), bound when they are used.

Importing Flask-Migrate loads Alembic, about half a second that the web server never needs: init-db binds it when
it runs, and under the `flask` command, which loads Flask-Migrate for its `db` plugin commands anyway, create_app
binds it at no cost.
"""
import sys
from pathlib import Path

from flask import Flask
from flask import current_app

DIRECTORY = Path(__file__).resolve().parent.parent / "migrations"


def bind(app: Flask) -> None:
    """Flask-Migrate on this app (once); `flask db ...` and upgrade() work from then on."""
    if "migrate" in app.extensions:
        return
    from flask_migrate import Migrate

    from annotate.extensions import db

    Migrate(app, db, directory=str(DIRECTORY), render_as_batch=True)


def upgrade() -> None:
    """Bring the schema of the current app's database up to date (idempotent)."""
    from flask_migrate import upgrade as apply_migrations

    bind(current_app._get_current_object())
    apply_migrations()


def init_app(app: Flask) -> None:
    """Bind now only if Flask-Migrate is loaded already (the `flask` command did it for its plugins)."""
    if "flask_migrate" in sys.modules:
        bind(app)
