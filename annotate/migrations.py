"""The schema's migrations (Flask-Migrate over Alembic), loaded when they are used.

Importing Flask-Migrate loads Alembic, about half a second that the web server and most commands never need:
init-db binds it when it runs, and `flask db ...` is a stand-in group that loads Flask-Migrate's own commands the
moment it is invoked.
"""
from pathlib import Path

import click
from flask import Flask
from flask import current_app

DIRECTORY = Path(__file__).resolve().parent.parent / "migrations"


def bind(app: Flask) -> None:
    """Flask-Migrate on this app (once); upgrade() and Flask-Migrate's commands work from then on."""
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


class MigrationCommands(click.Group):
    """`flask db ...`: stands in for Flask-Migrate's command group, which is imported and bound (and then parses,
    lists and runs everything) only when `flask db` is invoked; `flask --help` lists it without loading it."""

    def flask_migrate_group(self) -> click.Group:
        bind(current_app._get_current_object())  # the flask command has pushed the app's context by now
        from flask_migrate.cli import db as flask_migrate_commands

        return flask_migrate_commands

    def get_params(self, ctx):
        return self.flask_migrate_group().get_params(ctx)

    def parse_args(self, ctx, args):
        return self.flask_migrate_group().parse_args(ctx, args)

    def invoke(self, ctx):
        return self.flask_migrate_group().invoke(ctx)

    def list_commands(self, ctx):
        return self.flask_migrate_group().list_commands(ctx)

    def get_command(self, ctx, name):
        return self.flask_migrate_group().get_command(ctx, name)


def init_app(app: Flask) -> None:
    """Register `flask db` without loading anything yet."""
    app.cli.add_command(MigrationCommands("db", help="Database migrations (Flask-Migrate, Alembic)."))
