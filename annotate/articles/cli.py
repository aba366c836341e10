"""Article commands: add an article from a file."""
from datetime import date
from pathlib import Path

import click

from annotate.articles import operations
from annotate.errors import InputError
from annotate.extensions import db
from annotate.text import extract


@click.command("import-article")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--title", default="", help="Defaults to the page title or the first line.")
@click.option("--url", "source_url", default="", help="Where the article was published.")
@click.option("--published", type=click.DateTime(formats=["%Y-%m-%d"]), default=None, help="YYYY-MM-DD")
def import_article_command(path: Path, title: str, source_url: str, published):
    """Add an article from a .txt, .md or .html file; prints its id on the last line."""
    try:
        given = extract.text_from_upload(path.name, path.read_bytes())
        day: date | None = published.date() if published else given.published
        article = operations.create_article(given.text, None, title=title or given.title, source_url=source_url,
                                             published=day)
    except InputError as error:
        db.session.rollback()
        raise click.ClickException(error.message) from None
    db.session.commit()
    click.echo(f"Imported {article.title!r}: {len(article.sentences)} sentences.")
    click.echo(article.id)


COMMANDS = (import_article_command,)
