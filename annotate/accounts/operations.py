"""Accounts: the username and password rules, creating users, checking a login, roles and disabling.

Every path that creates or changes an account (setup page, admin page, CLI, import) comes through
here, so the rules hold everywhere.
"""
import re
import secrets

from flask import current_app
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from werkzeug.security import check_password_hash
from werkzeug.security import generate_password_hash

from annotate.accounts.common_passwords import is_common
from annotate.accounts.permissions import require_role
from annotate.errors import InputError
from annotate.extensions import db
from annotate.extensions import login_manager
from annotate.models import MAX_INTEGER
from annotate.models import User
from annotate.models.choices import ROLES

USERNAME_PATTERN = re.compile(r"^[\w.@+-]{2,80}$")
SESSION_ID = re.compile(r"(?P<user>[0-9]{1,10}):(?P<generation>[0-9]{1,10})")
MIN_PASSWORD_CHARS = 10
MAX_PASSWORD_CHARS = 200


def check_username(username: str) -> str:
    """The username as stored: 2 to 80 letters, digits or . @ + - _ (it appears in @mentions and exports)."""
    username = (username or "").strip()
    if not USERNAME_PATTERN.match(username):
        raise InputError("Letters, digits and . @ + - _ only, 2 to 80 characters.", "username")
    return username


def check_password(password: str) -> str:
    """A password a person chose: long enough, and not one of the passwords attackers try first."""
    if not MIN_PASSWORD_CHARS <= len(password or "") <= MAX_PASSWORD_CHARS:
        raise InputError(f"Use at least {MIN_PASSWORD_CHARS} characters (and at most {MAX_PASSWORD_CHARS}).",
                         "password")
    if is_common(password):
        raise InputError("This password is on the list of the commonest passwords, the first ones tried by anyone "
                         "guessing; choose another.", "password")
    return password


def hash_password(password: str) -> str:
    """Hash with the configured method (scrypt by default; tests choose a cheap one)."""
    return generate_password_hash(password, method=current_app.config["PASSWORD_HASH_METHOD"])


def has_users() -> bool:
    """False until the first account exists (then first-run setup closes)."""
    return bool(db.session.scalar(select(func.count(User.id))))


def check_role(role: str) -> str:
    if role not in ROLES:
        raise InputError(f"The role must be one of: {', '.join(ROLES)}.", "role")
    return role


def create_user(username: str, role: str = "reviewer", password: str | None = None,
                active: bool = True) -> tuple[User, str]:
    """Create an account; returns it with its password (generated when none is given)."""
    username = check_username(username)
    check_role(role)
    taken = InputError(f"The username {username!r} is taken.", "username")
    if db.session.scalar(select(User.id).where(func.lower(User.username) == username.lower())):
        raise taken
    password = secrets.token_urlsafe(12) if password is None else check_password(password)
    user = User(username=username, role=role, active=active, password_hash=hash_password(password))
    try:
        with db.session.begin_nested():  # another admin may create the same name, in any case, at the same moment
            db.session.add(user)
    except IntegrityError:
        raise taken from None
    return user, password


def _stand_in_hash() -> str:
    """A hash of a random password, made with the configured method, checked when the username is unknown."""
    method = current_app.config["PASSWORD_HASH_METHOD"]
    made = current_app.extensions.setdefault("stand_in_password_hash", {})
    if method not in made:
        made[method] = generate_password_hash(secrets.token_urlsafe(16), method=method)
    return made[method]


def authenticate(username: str, password: str) -> User | None:
    """The active user with these credentials, or None.

    A hash is checked whatever the username, so an unknown or disabled account answers as slowly as a wrong
    password: the time of a refusal does not tell which usernames exist."""
    user = db.session.scalar(select(User).where(func.lower(User.username) == (username or "").strip().lower()))
    matches = check_password_hash(user.password_hash if user else _stand_in_hash(), password or "")
    if user is None or not user.active or not matches:
        return None
    return user


def end_sessions(user: User) -> None:
    """Every session of the user ends at its next request (load_user compares the generation)."""
    db.session.execute(update(User).where(User.id == user.id)
                       .values(session_generation=User.session_generation + 1))
    db.session.expire(user, ["session_generation"])


def set_password(user: User, password: str) -> None:
    """A new password, under the same rule as every other; the user's open sessions end."""
    user.password_hash = hash_password(check_password(password))
    end_sessions(user)
    db.session.flush()


def change_password(user: User, current_password: str, new_password: str) -> None:
    """The user's own change, proven with the current password."""
    if not check_password_hash(user.password_hash, current_password or ""):
        raise InputError("That is not your current password.", "current_password")
    set_password(user, new_password)


def reset_password(user: User, by: User, password: str | None = None) -> str:
    """An admin gives a user a new password (generated when none is given); returns it."""
    require_role(by, "admin")
    password = password or secrets.token_urlsafe(12)
    set_password(user, password)
    return password


def _active_admins() -> int:
    return db.session.scalar(select(func.count(User.id)).where(User.role == "admin", User.active.is_(True))) or 0


def _keeps_an_admin(user: User, role: str, active: bool) -> None:
    if user.role == "admin" and user.active and (role != "admin" or not active) and _active_admins() <= 1:
        raise InputError("This is the last active admin; make someone else admin first.", "role")


def change_account(user: User, by: User, role: str | None = None, active: bool | None = None) -> User:
    """Change a user's role and/or whether they can log in (an admin's action)."""
    require_role(by, "admin")
    role = check_role(user.role if role is None else role)
    active = user.active if active is None else active
    if user.id == by.id and not active:
        raise InputError("You cannot disable your own account.", "active")
    _keeps_an_admin(user, role, active)
    user.role, user.active = role, active
    db.session.flush()
    return user


def all_users() -> list[User]:
    return list(db.session.scalars(select(User).order_by(User.active.desc(), func.lower(User.username))))


@login_manager.user_loader
def load_user(session_id: str) -> User | None:
    """The user of a session ("id:generation"), as long as no logout or password change has ended it since."""
    match = SESSION_ID.fullmatch(session_id)
    if match is None or int(match["user"]) > MAX_INTEGER:
        return None
    user = db.session.get(User, int(match["user"]))
    return user if user is not None and user.session_generation == int(match["generation"]) else None
