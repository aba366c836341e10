"""Account commands: create a user, create a personal API token for scripts."""
import click
from sqlalchemy import func
from sqlalchemy import select

from annotate.accounts import operations
from annotate.accounts import tokens
from annotate.errors import InputError
from annotate.extensions import db
from annotate.models import User
from annotate.models.choices import ROLES


@click.command("create-user")
@click.argument("username")
@click.option("--role", type=click.Choice(ROLES), default="reviewer", show_default=True)
@click.option("--password", help="Generated and printed when not given.")
def create_user_command(username: str, role: str, password: str | None):
    """Create an account (the first one is usually --role admin)."""
    try:
        user, password_used = operations.create_user(username, role, password)
    except InputError as error:
        db.session.rollback()
        raise click.ClickException(error.message) from None
    db.session.commit()
    click.echo(f"Created {role} {user.username!r}.")
    if not password:
        click.echo(f"Password: {password_used}")


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


COMMANDS = (create_user_command, create_token_command)
