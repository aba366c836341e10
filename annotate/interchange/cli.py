"""Interchange commands: export in any format, import an annotation set."""
import sys
from pathlib import Path

import click
from flask import current_app

from annotate.extensions import db
from annotate.interchange import export as interchange_export
from annotate.interchange import importer
from annotate.models import Article
from annotate.models.choices import STATUSES


@click.command("export")
@click.option("--article", "article_id", type=int, help="One article (default: all).")
@click.option("--status", type=click.Choice(STATUSES), help="Only claims with this status (json format).")
@click.option("--format", "fmt", type=click.Choice(list(interchange_export.FORMATS)), default="json", show_default=True,
              help="json (annotate.claims v1), w3c (Web Annotation), claimreview (schema.org) or csv.")
@click.option("--output", type=click.Path(dir_okay=False, writable=True), help="File to write (default: stdout).")
def export_command(article_id: int | None, status: str | None, fmt: str, output: str | None):
    """Write the annotation set (by default as JSON, format annotate.claims, version 1)."""
    if article_id and db.session.get(Article, article_id) is None:
        raise click.ClickException(f"No article with id {article_id}.")
    config = current_app.config
    body = interchange_export.export_body(fmt, [article_id] if article_id else None, status,
                                          config.get("PUBLIC_BASE_URL") or "http://127.0.0.1:5000/",
                                          config.get("PUBLISHER_NAME", "Claim desk"))  # the download's own bytes
    if output:
        Path(output).write_bytes(body)
        click.echo(f"Wrote {fmt} export to {output}.", err=True)
    else:
        sys.stdout.flush()
        sys.stdout.buffer.write(body)
        sys.stdout.buffer.flush()


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


COMMANDS = (export_command, import_annotations_command)
