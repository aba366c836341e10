"""Test apps and the databases under them: settings, compiled templates shared by every app, the PostgreSQL
server at 127.0.0.1:5432 (trust authentication), and emptying a database.

Unreachable PostgreSQL skips its tests, except in CI (CI=true), where it is a failure.
"""
import getpass
import os
import uuid
from contextlib import contextmanager

import pytest
from flask import Flask
from jinja2 import BytecodeCache
from sqlalchemy import text
from werkzeug.routing import Rule

from annotate import create_app
from annotate.extensions import db
from annotate.review import ratings

IN_CI = os.environ.get("CI") == "true"
POSTGRES_HOST = "127.0.0.1:5432"
# 1,000 rounds of PBKDF2 instead of scrypt: hashing was half of the suite's CPU (a user per test, a login per test).
CHEAP_PASSWORD_HASH = "pbkdf2:sha256:1000"


class SharedStatementCache(dict):
    """SQLAlchemy's compiled statements, kept for the whole run. Each engine caches what it compiled under its own
    dialect object, so every test's new engine compiled its queries again (a quarter of the CPU of tests/review).
    Engines of one dialect class on one server version compile alike: they share entries here."""

    def canonical(self, key: tuple) -> tuple:
        dialect = key[0]
        return (type(dialect), dialect.server_version_info, *key[1:])

    def get(self, key, default=None):
        return super().get(self.canonical(key), default)

    def __setitem__(self, key, value) -> None:
        super().__setitem__(self.canonical(key), value)


STATEMENTS = SharedStatementCache()


def config_for(folder, path, **extra) -> dict:
    """The test settings for an app on the SQLite file at `path` (another SQLALCHEMY_DATABASE_URI may be in `extra`)."""
    return {"TESTING": True, "SECRET_KEY": "test-secret", "INSTANCE_PATH": str(folder),
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}", "WTF_CSRF_ENABLED": False,
            "PASSWORD_HASH_METHOD": CHEAP_PASSWORD_HASH,
            "SQLALCHEMY_ENGINE_OPTIONS": {"execution_options": {"compiled_cache": STATEMENTS}}, **extra}


class SharedTemplateCache(BytecodeCache):
    """Compiled templates kept for the whole run. Every test has an app of its own, so a Jinja environment of its
    own, which compiled each template it rendered again: that was a third of the suite's time."""

    def __init__(self):
        self.compiled = {}

    def load_bytecode(self, bucket) -> None:
        checksum, code = self.compiled.get(bucket.key, (None, None))
        if checksum == bucket.checksum:  # the template's source is unchanged
            bucket.code = code

    def dump_bytecode(self, bucket) -> None:
        self.compiled[bucket.key] = (bucket.checksum, bucket.code)


TEMPLATES = SharedTemplateCache()
_URL_BUILDERS: dict = {}
_compile_url_builder = Rule._compile_builder


def _shared_url_builder(rule: Rule, append_unknown: bool = True):
    """Werkzeug's URL builder for a rule, compiled once for the run: creating an app compiled one for each of its
    70 rules (90 % of create_app's time). The generated function reads the rule's converters from its `self`
    argument when called, so rules of the same shape share one."""
    key = (tuple(rule._trace), repr(sorted((rule.defaults or {}).items())), append_unknown)
    if key not in _URL_BUILDERS:
        _URL_BUILDERS[key] = _compile_url_builder(rule, append_unknown)
    return _URL_BUILDERS[key]


Rule._compile_builder = _shared_url_builder


def make_app(config: dict) -> Flask:
    """create_app with these settings, on the run's shared compiled templates."""
    app = create_app(config)
    app.jinja_env.bytecode_cache = TEMPLATES
    return app


def admin_connection():
    """An autocommit psycopg connection able to create databases, and its user name; skips (fails in CI) if none."""
    psycopg = pytest.importorskip("psycopg")
    errors = []
    for user in dict.fromkeys(("postgres", getpass.getuser())):
        for database in ("test", "postgres"):
            try:
                connection = psycopg.connect(f"postgresql://{user}@{POSTGRES_HOST}/{database}", autocommit=True,
                                             connect_timeout=3)
                return connection, user
            except psycopg.Error as error:
                errors.append(f"{user}@{database}: {error}".strip())
    message = f"PostgreSQL is not reachable at {POSTGRES_HOST}: " + "; ".join(errors)[:500]
    if IN_CI:
        pytest.fail(message)
    pytest.skip(message)


def create_database() -> tuple:
    """A new, empty database with a unique name (other test runs share the server): (SQLAlchemy URL, name)."""
    connection, user = admin_connection()
    name = f"annotate_test_{uuid.uuid4().hex[:12]}"
    with connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    return f"postgresql+psycopg://{user}@{POSTGRES_HOST}/{name}", name


def drop_database(name: str) -> None:
    connection, _ = admin_connection()
    with connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def empty_database() -> None:
    """Delete every row and restart the id counters, leaving the schema and the default vocabulary, as `init-db`
    leaves a new database. (DELETE, not TRUNCATE: on tables this small it is 4 times faster, 20 ms a test.)"""
    statements = [f"DELETE FROM {db.engine.dialect.identifier_preparer.quote(table.name)}"
                  for table in reversed(db.metadata.sorted_tables)]
    if db.engine.dialect.name == "postgresql":
        statements.insert(0, "SET LOCAL lock_timeout = '10s'")  # a connection left in a transaction: fail, not hang
        statements.append("SELECT setval(c.oid, 1, false) FROM pg_class c WHERE c.relkind = 'S'")
    elif db.session.scalar(text("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_sequence'")):
        statements.append("DELETE FROM sqlite_sequence")
    for statement in statements:
        db.session.execute(text(statement))
    ratings.ensure_default_vocabulary()
    db.session.commit()
    db.session.remove()


@contextmanager
def app_at_revision(database: str, folder, revision: str):
    """An app, in its context, on a new database of its own (SQLite in `folder`, or a PostgreSQL one dropped
    afterwards) migrated only as far as `revision`: where a migration's tests write the rows it will find."""
    from flask_migrate import upgrade

    from annotate import migrations

    name = None
    if database == "postgresql":
        url, name = create_database()
        application = make_app(config_for(folder, None, SQLALCHEMY_DATABASE_URI=url))
    else:
        application = make_app(config_for(folder, folder / "old.sqlite"))
    try:
        with application.app_context():
            migrations.bind(application)
            upgrade(revision=revision)
            yield application
            db.session.remove()
            db.engine.dispose()
    finally:
        if name:
            drop_database(name)
