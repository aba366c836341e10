"""Personal API tokens: shown once at creation, stored only as a SHA-256, revocable, checked per request."""
import hashlib
import hmac
import secrets

from sqlalchemy import bindparam
from sqlalchemy import select

from annotate.errors import InputError
from annotate.extensions import db
from annotate.models import MAX_INTEGER
from annotate.models import ApiToken
from annotate.models import User
from annotate.models import utcnow

TOKEN_PREFIX = "ann_"
PREFIX_LENGTH = 12
MAX_NAME_LENGTH = 100
LAST_USED_RESOLUTION = 60  # seconds: a busy script should not write on every request


def token_digest(plaintext: str) -> str:
    """The stored form of a token; the plaintext itself is never kept."""
    return hashlib.sha256(plaintext.encode("utf-8")).hexdigest()


def create_token(user: User, name: str = "") -> tuple[ApiToken, str]:
    """A new token for the user; the plaintext is returned here and never again (flushed, not committed)."""
    name = (name or "").strip()
    if len(name) > MAX_NAME_LENGTH:
        raise InputError(f"The token name is too long ({MAX_NAME_LENGTH} characters at most).", "name")
    if not user.active:
        raise InputError(f"The account {user.username!r} is disabled; it cannot have tokens.", "user")
    plaintext = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(user=user, name=name or "API token", token_hash=token_digest(plaintext),
                     prefix=plaintext[:PREFIX_LENGTH])
    db.session.add(token)
    db.session.flush()
    return token, plaintext


def user_tokens(user: User) -> list[ApiToken]:
    """The user's tokens, newest first, revoked ones included (they show as revoked)."""
    query = select(ApiToken).where(ApiToken.user_id == user.id).order_by(ApiToken.created_at.desc(),
                                                                          ApiToken.id.desc())
    return list(db.session.scalars(query))


def revoke_token(token_id: int, user: User) -> ApiToken:
    """Revoke one of the user's own tokens; revoking twice is harmless."""
    token = db.session.get(ApiToken, token_id) if 0 < token_id <= MAX_INTEGER else None  # not an overflow
    if token is None or token.user_id != user.id:
        raise InputError("There is no such token on your account.", "token")
    if token.revoked_at is None:
        token.revoked_at = utcnow()
        db.session.flush()
    return token


def bearer_token(header: str | None) -> str | None:
    """The token of an `Authorization: Bearer ...` header, or None when the header is missing or another scheme."""
    scheme, _, value = (header or "").strip().partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        return None
    return value.strip()


# Built once: every API request runs it, and building it (with an eager load of the owner) cost a quarter of the
# lookup. The token and its owner come in one row.
_TOKEN_AND_OWNER = (select(ApiToken, User).join(User, ApiToken.user_id == User.id)
                    .where(ApiToken.token_hash == bindparam("digest")))


def authenticate(plaintext: str | None) -> User | None:
    """The active owner of a live token, or None; records when the token was last used."""
    if not plaintext or not plaintext.startswith(TOKEN_PREFIX) or len(plaintext) > 200:
        return None
    digest = token_digest(plaintext)
    found = db.session.execute(_TOKEN_AND_OWNER, {"digest": digest}).first()
    if found is None or not hmac.compare_digest(found.ApiToken.token_hash, digest):
        return None
    token = found.ApiToken  # token.user is the owner loaded with it (from the session, without a statement)
    if token.revoked_at is not None or not token.user.active:
        return None
    now = utcnow()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > LAST_USED_RESOLUTION:
        token.last_used_at = now
    return token.user
