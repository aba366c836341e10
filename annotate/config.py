"""Configuration: defaults, instance/config.py, then the environment."""
import os
import secrets
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import Engine

MAX_ARTICLE_CHARS = 500_000
MAX_UPLOAD_BYTES = 2 * 1024 * 1024


def secret_key(instance_path: str) -> str:
    """Read the instance's secret key, generating it on first run so none is shipped."""
    path = Path(instance_path) / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_hex(32))
        path.chmod(0o600)
    return path.read_text().strip()


def database_url(instance_path: str) -> str:
    """DATABASE_URL when set (PostgreSQL for teams), else SQLite in instance/."""
    url = os.environ.get("DATABASE_URL")
    if url:
        if url.startswith("postgres://"):
            url = "postgresql://" + url[len("postgres://") :]
        if url.startswith("postgresql://"):
            url = "postgresql+psycopg://" + url[len("postgresql://") :]
        return url
    return "sqlite:///" + str(Path(instance_path) / "annotate.sqlite")


def configure(app, test_config: dict | None) -> None:
    """Fill app.config in order: defaults, instance/config.py or test config, environment."""
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    app.config.from_mapping(
        SQLALCHEMY_DATABASE_URI=database_url(app.instance_path),
        MAX_CONTENT_LENGTH=MAX_UPLOAD_BYTES,
        MAX_FORM_MEMORY_SIZE=MAX_UPLOAD_BYTES,  # Flask's 500 kB default refuses long pasted articles
        MAX_ARTICLE_CHARS=MAX_ARTICLE_CHARS,
        WTF_CSRF_TIME_LIMIT=None,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        LOAD_SEED=True,
        PASSWORD_HASH_METHOD="scrypt",  # werkzeug's default; the test suite picks a cheap one
    )
    if test_config is None:
        app.config.from_pyfile("config.py", silent=True)
        app.config.from_prefixed_env("ANNOTATE")
    else:
        app.config.from_mapping(test_config)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = secret_key(app.instance_path)


@event.listens_for(Engine, "connect")
def _sqlite_pragmas(dbapi_connection, connection_record) -> None:
    """SQLite: write-ahead log, enforced foreign keys, and waiting on locks instead of failing."""
    if type(dbapi_connection).__module__.startswith("sqlite3"):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.close()
