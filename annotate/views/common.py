"""Helpers the views share: loading records or 404, and htmx-aware rendering."""
from flask import abort
from flask import make_response
from flask import render_template

from ..extensions import db
from ..extensions import htmx


MAX_ID = 2**31 - 1  # ids are INTEGER columns: larger ones overflow (a 500 on PostgreSQL instead of a 404)


def get_or_404(model, ident):
    """Fetch a record by primary key or answer 404."""
    if isinstance(ident, int) and not 0 < ident <= MAX_ID:
        abort(404)
    record = db.session.get(model, ident)
    if record is None:
        abort(404)
    return record


def render(page: str, fragment: str, status: int = 200, **context):
    """The same view answers htmx with the fragment and a browser with the full page."""
    template = fragment if htmx and not htmx.boosted else page
    response = make_response(render_template(template, **context), status)
    response.vary.add("HX-Request")
    return response


def hx_fragments(*templates_and_contexts, status: int = 200, retarget: str | None = None, reswap: str | None = None):
    """Answer an htmx request with several fragments (the first swaps in, the rest out of band)."""
    body = "".join(render_template(name, **ctx) for name, ctx in templates_and_contexts)
    response = make_response(body, status)
    if retarget:
        response.headers["HX-Retarget"] = retarget
    if reswap:
        response.headers["HX-Reswap"] = reswap
    response.vary.add("HX-Request")
    return response


def form_errors(form) -> str:
    """All of a form's errors as one line, for a toast."""
    return " ".join(message for messages in form.errors.values() for message in messages)
