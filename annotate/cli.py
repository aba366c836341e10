"""Command-line tools; each calls the same functions as the web views."""
import sys
from datetime import date
from pathlib import Path

import click
from flask import Flask
from flask import current_app
from flask_migrate import upgrade

from . import accounts
from . import articles as article_ops
from . import exports
from . import importer
from . import ingest
from . import vocabulary
from .errors import InputError
from .extensions import db
from .models import Article
from .vocab import ROLES
from .vocab import STATUSES


def init_db(load_seed: bool = True) -> None:
    """Bring the schema up to date (idempotent) and load the sample article into an empty database."""
    upgrade()
    vocabulary.ensure_default_vocabulary()
    if load_seed:
        article_ops.load_seed_article()
    db.session.commit()


def fail(error: InputError):
    raise click.ClickException(error.message)


@click.command("init-db")
@click.option("--no-seed", is_flag=True, help="Do not load the sample article.")
def init_db_command(no_seed: bool):
    """Create or upgrade the database; load the sample article when there are none."""
    init_db(load_seed=not no_seed)
    click.echo("Database is up to date.")


@click.command("create-user")
@click.argument("username")
@click.option("--role", type=click.Choice(ROLES), default="reviewer", show_default=True)
@click.option("--password", help="Generated and printed when not given.")
def create_user_command(username: str, role: str, password: str | None):
    """Create an account (the first one is usually --role admin)."""
    try:
        user, password_used = accounts.create_user(username, role, password)
    except InputError as error:
        fail(error)
    db.session.commit()
    click.echo(f"Created {role} {user.username!r}.")
    if not password:
        click.echo(f"Password: {password_used}")


@click.command("import-article")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--title", default="", help="Defaults to the page title or the first line.")
@click.option("--url", "source_url", default="", help="Where the article was published.")
@click.option("--published", type=click.DateTime(formats=["%Y-%m-%d"]), default=None, help="YYYY-MM-DD")
def import_article_command(path: Path, title: str, source_url: str, published):
    """Add an article from a .txt, .md or .html file; prints its id on the last line."""
    try:
        text, suggested = ingest.text_from_upload(path.name, path.read_bytes())
        day: date | None = published.date() if published else None
        article = article_ops.create_article(text, None, title=title or suggested, source_url=source_url,
                                             published=day)
    except InputError as error:
        db.session.rollback()
        fail(error)
    db.session.commit()
    click.echo(f"Imported {article.title!r}: {len(article.sentences)} sentences.")
    click.echo(article.id)


@click.command("export")
@click.option("--article", "article_id", type=int, help="One article (default: all).")
@click.option("--status", type=click.Choice(STATUSES), help="Only claims with this status (json format).")
@click.option("--format", "fmt", type=click.Choice(list(exports.FORMATS)), default="json", show_default=True,
              help="json (annotate.claims v1), w3c (Web Annotation), claimreview (schema.org) or csv.")
@click.option("--output", type=click.Path(dir_okay=False, writable=True), help="File to write (default: stdout).")
def export_command(article_id: int | None, status: str | None, fmt: str, output: str | None):
    """Write the annotation set (by default as JSON, format annotate.claims, version 1)."""
    if article_id and db.session.get(Article, article_id) is None:
        raise click.ClickException(f"No article with id {article_id}.")
    config = current_app.config
    text = exports.render_export(fmt, [article_id] if article_id else None, status,
                                 config.get("PUBLIC_BASE_URL") or "http://127.0.0.1:5000/",
                                 config.get("PUBLISHER_NAME", "Claim desk"))
    if output:
        Path(output).write_text(text, encoding="utf-8")
        click.echo(f"Wrote {fmt} export to {output}.", err=True)
    else:
        sys.stdout.write(text)


@click.command("import-annotations")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--mode", type=click.Choice(importer.MODES), default="skip", show_default=True,
              help="What to do with claims that already exist here.")
def import_annotations_command(path: Path, mode: str):
    """Import an annotation set (validated whole first; nothing is written unless all of it is valid)."""
    if path.stat().st_size > importer.MAX_IMPORT_BYTES:
        raise click.ClickException(f"{path} is larger than the {importer.MAX_IMPORT_BYTES // 1048576} MB limit.")
    try:
        report = importer.import_document(importer.parse(path.read_bytes()), mode)
    except importer.ImportInvalid as invalid:
        db.session.rollback()
        for error in invalid.errors:
            click.echo(f"{error['path']}: {error['message']}", err=True)
        raise click.ClickException(f"Nothing was imported: {len(invalid.errors)} problem(s) in {path}.")
    db.session.commit()
    click.echo(f"Imported {path}: {report.summary()}")
    for note in report.notes:
        click.echo(f"  {note}")


def init_app(app: Flask) -> None:
    for command in (init_db_command, create_user_command, import_article_command, export_command,
                    import_annotations_command):
        app.cli.add_command(command)
    from .cli_api import init_app as init_api_commands

    init_api_commands(app)
    from .cli_assist import init_app as init_assist_commands

    init_assist_commands(app)
