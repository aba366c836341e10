"""Configuration: defaults, instance/config.py, then the environment."""
import os
import secrets
import sqlite3
from pathlib import Path

from contextlib import contextmanager

from flask import g
from flask import has_request_context
from flask import request
from sqlalchemy import event
from sqlalchemy.engine import Engine

from annotate.sqlite_writers import QueuedWriterConnection

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
        SESSION_COOKIE_SECURE=None,  # None: decided below from PUBLIC_BASE_URL
        LOAD_SEED=True,
        PASSWORD_HASH_METHOD="scrypt",  # werkzeug's default; the test suite picks a cheap one
        # Flask-Compress: pages, fragments and static assets (zstd, br or gzip, as the browser accepts); JSON
        # (exports, the API) is left as it is.
        COMPRESS_MIMETYPES=["text/html", "text/css", "text/javascript", "application/javascript", "image/svg+xml"],
        SQLITE_SYNCHRONOUS="NORMAL",  # FULL: an fsync per commit, durable across power loss (see _sqlite_pragmas)
        RATELIMIT_ENABLED=True,
        RATELIMIT_STORAGE_URI=os.environ.get("RATELIMIT_STORAGE_URI", "memory://"),  # redis://host:6379 for a team
        LOGIN_LIMIT_PER_ACCOUNT="10 per minute; 50 per hour",  # failed login and setup attempts
        LOGIN_LIMIT_PER_ADDRESS="30 per minute; 300 per hour",
        PROXY_COUNT=0,  # proxies in front that set X-Forwarded-For/-Proto (1 behind nginx); 0 trusts no header
        JOBS_IN_PROCESS=True,  # each app process runs queued jobs in a thread; false when `flask jobs-worker` does
        JOB_IMPORT_BYTES=1_000_000,  # imports larger than this, or with more claims than the next, run as a job
        JOB_IMPORT_CLAIMS=500,
        JOB_ARTICLE_CHARS=200_000,  # longer article texts are added by a job (segmenting and suggesting take seconds)
    )
    if test_config is None:
        app.config.from_pyfile("config.py", silent=True)
        app.config.from_prefixed_env("ANNOTATE")
    else:
        app.config.from_mapping(test_config)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = secret_key(app.instance_path)
    if app.config.get("SESSION_COOKIE_SECURE") is None:  # on by itself when the site is served over https
        app.config["SESSION_COOKIE_SECURE"] = served_over_https(app)
    private_database_file(app.config["SQLALCHEMY_DATABASE_URI"])
    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        options = app.config.setdefault("SQLALCHEMY_ENGINE_OPTIONS", {})
        connect_args = options.setdefault("connect_args", {})
        connect_args.setdefault("factory", QueuedWriterConnection)
        synchronous = str(app.config["SQLITE_SYNCHRONOUS"]).upper()
        if synchronous not in ("NORMAL", "FULL", "EXTRA"):
            raise ValueError(f"SQLITE_SYNCHRONOUS must be NORMAL, FULL or EXTRA, not {synchronous!r}")
        connect_args.setdefault("synchronous", synchronous)


def served_over_https(app) -> bool:
    """Whether the public address is https (then the session cookie is Secure and HSTS is sent)."""
    return str(app.config.get("PUBLIC_BASE_URL") or "").lower().startswith("https://")


def private_database_file(url: str) -> None:
    """Create a SQLite file readable by its owner alone: it holds password and token hashes.

    SQLite gives its -wal and -shm files the main file's permissions, so those stay private too.
    """
    prefix = "sqlite:///"
    if not url.startswith(prefix) or url == prefix or ":memory:" in url:
        return
    path = Path(url[len(prefix):])
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.touch(mode=0o600)


WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
WRITE_STATEMENTS = frozenset({"INSERT", "UPDATE", "DELETE", "REPLAC"})


@event.listens_for(Engine, "connect")
def _sqlite_pragmas(dbapi_connection, connection_record) -> None:
    """SQLite: write-ahead log, enforced foreign keys, and waiting on locks instead of failing.

    synchronous=NORMAL: in WAL mode a commit is durable when the app process crashes or is killed, and the
    database never corrupts; only a power cut or an OS crash can take back the last commits before the next
    checkpoint. FULL adds an fsync to every commit, made while the write lock is held: 1 to 3.5 ms each here,
    which alone capped the desk under 300 writes/s. Set ANNOTATE_SQLITE_SYNCHRONOUS=FULL (or SQLITE_SYNCHRONOUS
    in instance/config.py) to pay that for durability across power loss; teams use PostgreSQL.
    """
    if isinstance(dbapi_connection, sqlite3.Connection):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA synchronous={getattr(dbapi_connection, 'synchronous', 'NORMAL')}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=20000")  # queue behind other writers, within the 30 s request limit
        cursor.close()


@event.listens_for(Engine, "begin")
def _sqlite_begin(connection) -> None:
    """A request that changes data takes SQLite's write lock when its transaction begins.

    Otherwise the driver begins a deferred transaction at the first write, after the request's reads:
    a transaction that read first and writes later cannot wait for another writer (SQLite answers
    "database is locked" at once rather than risk a deadlock). Taken up front, the lock is waited for
    (busy_timeout), so concurrent writers queue instead of failing. Reads (GET) and work outside a
    request (CLI) keep the driver's behaviour: reads never block each other in WAL mode.
    """
    if (connection.dialect.name == "sqlite" and has_request_context() and request.method in WRITE_METHODS
            and not g.get("reading_before_the_lock") and not g.get("write_committed")):
        wait_turn = getattr(connection.connection.dbapi_connection, "wait_turn", None)
        if wait_turn is not None:  # queue behind the other app processes' writers (annotate.sqlite_writers)
            wait_turn()
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def commit_then_respond(session) -> None:
    """Commit the request's writes before its response is made, so the response is made outside the write lock.

    Writers take SQLite's write lock one at a time: whatever a request does while holding it, every other writer
    waits for, and rendering a fragment or serialising a JSON body took as long as the writes. Nothing this
    request loaded is expired by the commit, so the response shows what it wrote without reading it again; what
    it reads besides runs in a read transaction, as a GET's does. A write after this would not queue for the
    lock: it is refused (RuntimeError), on every database, so that a test finds it. PostgreSQL gains nothing
    from the order and loses nothing."""
    commit_keeping_loaded(session)
    if has_request_context():
        g.write_committed = session


def commit_keeping_loaded(session) -> None:
    """Commit without expiring what the session loaded, so reading it again costs no statement."""
    expire, session.expire_on_commit = session.expire_on_commit, False
    try:
        session.commit()
    finally:
        session.expire_on_commit = expire


def forget_the_commit(error=None) -> None:
    """The request's end ends its mark, and what its session kept unexpired is expired after all: tests make
    several requests in one app context, hence one `g` and one session, and must read what was stored."""
    session = g.pop("write_committed", None)
    if session is not None:
        session.expire_all()


@event.listens_for(Engine, "before_cursor_execute")
def _no_write_after_the_commit(connection, cursor, statement, parameters, context, executemany) -> None:
    if statement.lstrip()[:6].upper() in WRITE_STATEMENTS and has_request_context() and g.get("write_committed"):
        raise RuntimeError("This request committed its writes (commit_then_respond) and cannot write again: "
                           + statement[:80])


@contextmanager
def read_before_the_write_lock(session):
    """What a write request reads to find its way is read before it takes SQLite's write lock, so writers queue
    for the lock only with the work that needs it: who is asking (the session's user, a token's owner) and the
    rows the write goes against (an article, a sentence, a claim). Whatever of those another writer could change
    meanwhile, the write checks again inside the lock, in the statement that depends on it (claims.operations.
    mark_claim, add_evidence). The read transaction ends here, keeping what it loaded
    (a token's new last-used time is written then, without the queue: SQLite's wait). On PostgreSQL the request
    stays one transaction."""
    if not (session.get_bind().dialect.name == "sqlite" and request.method in WRITE_METHODS):
        yield
        return
    g.reading_before_the_lock = True
    try:
        yield
    finally:
        g.reading_before_the_lock = False
    if session.in_transaction():
        commit_keeping_loaded(session)  # the next statement begins the request's write transaction, with the lock
