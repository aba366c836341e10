"""Bearer-token authentication for every API request: a session cookie alone is never enough."""
from flask import g
from flask import request

from annotate.accounts import tokens
from annotate.config import read_before_the_write_lock
from annotate.extensions import db
from annotate.api import bp
from annotate.api.errors import ApiError

PUBLIC_ENDPOINTS = {"api.openapi_document"}


@bp.before_request
def authenticate_bearer():
    """Set g.api_user from `Authorization: Bearer ...`; anything else is 401, whatever cookies came along."""
    if request.endpoint in PUBLIC_ENDPOINTS:
        return None
    header = request.headers.get("Authorization")
    plaintext = tokens.bearer_token(header)
    if plaintext is None:
        raise ApiError(401, "Send a personal API token as `Authorization: Bearer <token>` "
                            "(create one on your Account page).")
    with read_before_the_write_lock(db.session()):  # a new last_used_at is committed with the read
        user = tokens.authenticate(plaintext)
    if user is None:
        raise ApiError(401, "This token is unknown, revoked, or belongs to a disabled account.")
    if db.session.dirty:  # a new last_used_at: kept even when the request itself fails later
        db.session.commit()
    g.api_user = user
    return None


def api_user():
    """The user the token belongs to."""
    return g.api_user
