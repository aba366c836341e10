"""An admin's account management: roles and disabling, never leaving the desk without an active admin."""
from sqlalchemy import func
from sqlalchemy import select

from .errors import InputError
from .extensions import db
from .models import User
from .permissions import require_role
from .vocab import ROLES


def _active_admins() -> int:
    return db.session.scalar(select(func.count(User.id)).where(User.role == "admin", User.active.is_(True))) or 0


def _keeps_an_admin(user: User, role: str, active: bool) -> None:
    if user.role == "admin" and user.active and (role != "admin" or not active) and _active_admins() <= 1:
        raise InputError("This is the last active admin; make someone else admin first.", "role")


def change_account(user: User, by: User, role: str | None = None, active: bool | None = None) -> User:
    """Change a user's role and/or whether they can log in (an admin's action)."""
    require_role(by, "admin")
    role = user.role if role is None else role
    active = user.active if active is None else active
    if role not in ROLES:
        raise InputError(f"The role must be one of: {', '.join(ROLES)}.", "role")
    if user.id == by.id and not active:
        raise InputError("You cannot disable your own account.", "active")
    _keeps_an_admin(user, role, active)
    user.role, user.active = role, active
    db.session.flush()
    return user


def all_users() -> list[User]:
    return list(db.session.scalars(select(User).order_by(User.active.desc(), func.lower(User.username))))
