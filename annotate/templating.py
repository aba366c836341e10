"""Template globals: vocabularies and their labels, shared by every page."""
from flask import Flask
from flask import g
from flask import url_for

from . import vocab
from .forms import ClaimForm
from .forms import EvidenceForm


def claim_form(claim) -> ClaimForm:
    """A panel form filled from the claim as stored."""
    return ClaimForm(obj=claim, formdata=None)


def evidence_form_for() -> EvidenceForm:
    """An empty evidence form; its fields are prefixed so their ids never clash with the panel's."""
    return EvidenceForm(prefix="evidence", formdata=None)


PLACEHOLDER = 2147480001


def id_url(endpoint: str, param: str, ident: int) -> str:
    """url_for(endpoint, **{param: ident}), built once per request and filled in by string replacement.

    The article page renders several links per sentence; a thousand-sentence article made url_for a
    sixth of the page's time.
    """
    cache = g.setdefault("id_url_patterns", {})
    key = (endpoint, param)
    if key not in cache:
        cache[key] = url_for(endpoint, **{param: PLACEHOLDER})
    return cache[key].replace(str(PLACEHOLDER), str(int(ident)))


def init_app(app: Flask) -> None:
    """Expose the vocabularies so templates never hard-code a status."""

    @app.context_processor
    def vocabularies():
        return {
            "STATUSES": vocab.STATUSES,
            "STATUS_LABELS": vocab.STATUS_LABELS,
            "ATTRIBUTION_LABELS": vocab.ATTRIBUTION_LABELS,
            "STANCE_LABELS": vocab.STANCE_LABELS,
            "claim_form": claim_form,
            "id_url": id_url,
            "evidence_form_for": evidence_form_for,
        }
