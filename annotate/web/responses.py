"""Helpers every view shares: loading a record or 404, htmx fragment responses, toasts."""
from flask import abort
from flask import make_response
from flask import render_template
from flask import request

from annotate.extensions import db
from annotate.models import MAX_INTEGER


def get_or_404(model, ident, options: tuple = ()):
    """Fetch a record by primary key or answer 404 (an id beyond the INTEGER column is simply not there);
    `options` are loader options, such as what the page shows next to the record."""
    if isinstance(ident, int) and not 0 < ident <= MAX_INTEGER:
        abort(404)
    record = db.session.get(model, ident, options=options)
    if record is None:
        abort(404)
    return record


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


def conditional(response):
    """A GET fragment with an ETag: the browser revalidates it (private, no-cache) and gets 304 when unchanged."""
    response.add_etag()
    response.headers["Cache-Control"] = "private, no-cache"
    return response.make_conditional(request)


def form_errors(form) -> str:
    """All of a form's errors as one line, for a toast."""
    return " ".join(message for messages in form.errors.values() for message in messages)


def toast_fragment(message: str, level: str = "error") -> tuple:
    """A toast, out of band, to ride along with whatever else a response swaps."""
    return ("_toast_oob.html", {"message": message, "level": level})


def toast(message: str, status: int = 422, *extra, level: str = "error"):
    """Tell the user what happened without swapping anything else (extra fragments ride out of band)."""
    return hx_fragments(toast_fragment(message, level), *extra, status=status, reswap="none")
