"""Static files under fingerprinted addresses: /static/css/app.css?v=<content hash> is cached for a year, so a
returning reader's browser asks for nothing but the page; a changed file gets a new hash, hence a new address."""
import hashlib
from pathlib import Path

from flask import Flask
from flask import current_app
from flask import request
from flask import url_for

YEAR = 365 * 24 * 3600
_hashes: dict[tuple[str, float], str] = {}


_urls: dict[tuple[str, str], str] = {}


def content_hash(filename: str) -> str:
    """The first 12 hex digits of the file's SHA-256, computed once per version of the file (its mtime)."""
    path = Path(current_app.static_folder) / filename
    key = (filename, path.stat().st_mtime)
    if key not in _hashes:
        _hashes[key] = hashlib.sha256(path.read_bytes()).hexdigest()[:12]
    return _hashes[key]


def static_url(filename: str) -> str:
    """url_for('static') with the file's content hash, the address that may be cached for a year.

    A page links a score of assets: outside debug mode, where files change only with a new release (and a restart),
    each address is made once per process instead of a stat() and a url_for() per link and page."""
    if current_app.debug:
        return url_for("static", filename=filename, v=content_hash(filename))
    key = (filename, request.script_root)
    if key not in _urls:
        _urls[key] = url_for("static", filename=filename, v=content_hash(filename))
    return _urls[key]


def init_app(app: Flask) -> None:
    """A year of caching for fingerprinted requests that name the file's current hash; the rest revalidate."""

    @app.after_request
    def cache_fingerprinted(response):
        if request.endpoint != "static" or response.status_code != 200:
            return response
        fingerprint = request.args.get("v")
        filename = (request.view_args or {}).get("filename", "")
        if fingerprint and fingerprint == content_hash(filename):
            response.cache_control.public = True
            response.cache_control.max_age = YEAR
            response.cache_control.immutable = True
            response.cache_control.no_cache = None
        return response
