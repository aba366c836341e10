"""Admin settings kept in the database (AppSetting), read by the code they govern."""
from annotate.accounts.permissions import has_role
from annotate.errors import InputError
from annotate.extensions import db
from annotate.models import AppSetting
from annotate.models import User

ALLOW_PRIVATE_URLS = "allow_private_urls"
DEFAULTS = {ALLOW_PRIVATE_URLS: False}


def get_setting(key: str):
    """The stored value, or the default when an admin never set it."""
    row = db.session.get(AppSetting, key)
    if row is None or row.value is None:
        return DEFAULTS.get(key)
    return row.value.get("value", DEFAULTS.get(key))


def set_setting(key: str, value, user: User | None) -> None:
    """Store a setting; only admins may change them (checked here, not only in the page)."""
    if user is not None and not has_role(user, "admin"):
        raise InputError("Only an admin can change this setting.", key)
    if key not in DEFAULTS:
        raise InputError(f"Unknown setting {key!r}.", key)
    row = db.session.get(AppSetting, key) or AppSetting(key=key)
    row.value = {"value": value}
    db.session.add(row)
    db.session.flush()


def private_urls_allowed() -> bool:
    """Whether article fetching may reach private, loopback and link-local addresses (off by default)."""
    return bool(get_setting(ALLOW_PRIVATE_URLS))
