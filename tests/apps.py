"""Test apps: their settings, and the compiled templates and URL builders every app of the run shares."""
from flask import Flask
from jinja2 import BytecodeCache
from werkzeug.routing import Rule

from annotate import create_app

# 1,000 rounds of PBKDF2 instead of scrypt: hashing was half of the suite's CPU (a user per test, a login per test).
CHEAP_PASSWORD_HASH = "pbkdf2:sha256:1000"


def config_for(folder, path, **extra) -> dict:
    """The test settings for an app on the SQLite file at `path` (another SQLALCHEMY_DATABASE_URI may be in `extra`)."""
    return {"TESTING": True, "SECRET_KEY": "test-secret", "INSTANCE_PATH": str(folder),
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}", "WTF_CSRF_ENABLED": False,
            "PASSWORD_HASH_METHOD": CHEAP_PASSWORD_HASH, **extra}


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
