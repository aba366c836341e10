"""Accounts: creating users with hashed passwords, and checking a login."""
import secrets

from sqlalchemy import func
from sqlalchemy import select
from werkzeug.security import check_password_hash
from werkzeug.security import generate_password_hash

from .errors import InputError
from .extensions import db
from .extensions import login_manager
from .models import User
from .vocab import ROLES


def has_users() -> bool:
    """False until the first account exists (then first-run setup closes)."""
    return bool(db.session.scalar(select(func.count(User.id))))


def create_user(username: str, role: str = "reviewer", password: str | None = None) -> tuple[User, str]:
    """Create an account; returns it with its password (generated when none is given)."""
    username = (username or "").strip()
    if not username or len(username) > 80:
        raise InputError("A username of 1 to 80 characters is needed.", "username")
    if role not in ROLES:
        raise InputError(f"The role must be one of: {', '.join(ROLES)}.", "role")
    if db.session.scalar(select(User).where(func.lower(User.username) == username.lower())):
        raise InputError(f"The username {username!r} is taken.", "username")
    password = password or secrets.token_urlsafe(12)
    user = User(username=username, role=role, password_hash=generate_password_hash(password))
    db.session.add(user)
    db.session.flush()
    return user, password


def authenticate(username: str, password: str) -> User | None:
    """The active user with these credentials, or None."""
    user = db.session.scalar(select(User).where(func.lower(User.username) == (username or "").strip().lower()))
    if user is None or not user.active or not check_password_hash(user.password_hash, password or ""):
        return None
    return user


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    return db.session.get(User, int(user_id)) if user_id.isdigit() else None
