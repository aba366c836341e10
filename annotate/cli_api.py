"""Command-line tools for the API: personal tokens for scripts."""
import click
from sqlalchemy import func
from sqlalchemy import select

from . import tokens
from .errors import InputError
from .extensions import db
from .models import User


@click.command("create-token")
@click.argument("username")
@click.option("--name", default="CLI token", show_default=True, help="What the token is for.")
def create_token_command(username: str, name: str):
    """Create a personal API token for USERNAME and print it (it is shown this once)."""
    user = db.session.scalar(select(User).where(func.lower(User.username) == username.strip().lower()))
    if user is None:
        raise click.ClickException(f"No user named {username!r}.")
    try:
        _, plaintext = tokens.create_token(user, name)
    except InputError as error:
        db.session.rollback()
        raise click.ClickException(error.message) from None
    db.session.commit()
    click.echo(f"Created token {name!r} for {user.username}; it will not be shown again:", err=True)
    click.echo(plaintext)


def init_app(app) -> None:
    app.cli.add_command(create_token_command)
