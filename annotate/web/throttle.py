"""How often login and first-run setup may fail: per account and per address (Flask-Limiter); the pages use it.

Only failed attempts count (the form answered 422), so a team logging in all morning from one office is never
refused; guessing is. The limits are settings (LOGIN_LIMIT_PER_ACCOUNT, LOGIN_LIMIT_PER_ADDRESS); where the counts
live is RATELIMIT_STORAGE_URI: this process's memory by default, Redis when several processes serve the site.
"""
import math
import time

from flask import current_app
from flask import request
from flask_limiter.util import get_remote_address

from annotate.extensions import limiter

SCOPE = "login"  # login and setup share their counts: a guess at one is a guess at the other


def account_key() -> str:
    """The account a login names, in the case-insensitive form the login compares."""
    return "account:" + (request.form.get("username") or "").strip().lower()[:80]


def failed(response) -> bool:
    return response.status_code == 422


def wait_message() -> str:
    """What the refused person reads: why, and how long to wait (the Retry-After header says the same)."""
    current = limiter.current_limit
    seconds = max(1, math.ceil(current.reset_at - time.time())) if current else 60
    wait = f"{seconds} seconds" if seconds < 120 else f"{math.ceil(seconds / 60)} minutes"
    return f"Too many failed attempts for this account or from this address. Try again in {wait}."


def _limit(setting: str, key_func):
    return limiter.shared_limit(lambda: current_app.config[setting], SCOPE, key_func=key_func, methods=["POST"],
                                deduct_when=failed, error_message=wait_message)


def throttled(view):
    """Refuse a view's POST with 429 once its failures pass either limit."""
    return _limit("LOGIN_LIMIT_PER_ACCOUNT", account_key)(_limit("LOGIN_LIMIT_PER_ADDRESS", get_remote_address)(view))
