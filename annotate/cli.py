"""The database command, and the registration of every feature's commands."""
import click
from flask import Flask

from annotate import migrations
from annotate.accounts import cli as accounts_cli
from annotate.articles import cli as articles_cli
from annotate.articles import operations as article_operations
from annotate.extensions import db
from annotate.interchange import cli as interchange_cli
from annotate.jobs import cli as jobs_cli
from annotate.review import ratings
from annotate.suggestions import cli as suggestions_cli


def init_db(load_seed: bool = True) -> None:
    """Bring the schema up to date (idempotent) and load the sample article into an empty database."""
    migrations.upgrade()
    ratings.ensure_default_vocabulary()
    if load_seed:
        article_operations.load_seed_article()
    db.session.commit()


@click.command("init-db")
@click.option("--no-seed", is_flag=True, help="Do not load the sample article.")
def init_db_command(no_seed: bool):
    """Create or upgrade the database; load the sample article when there are none."""
    init_db(load_seed=not no_seed)
    click.echo("Database is up to date.")


def init_app(app: Flask) -> None:
    """Every command is a plain top-level `flask --app app NAME`; each feature lists its own."""
    app.cli.add_command(init_db_command)
    for feature in (accounts_cli, articles_cli, interchange_cli, jobs_cli, suggestions_cli):
        for command in feature.COMMANDS:
            app.cli.add_command(command)
