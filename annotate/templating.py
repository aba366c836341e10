"""Template globals: vocabularies and their labels, shared by every page."""
from flask import Flask

from . import vocab
from .forms import ClaimForm
from .forms import EvidenceForm


def claim_form(claim) -> ClaimForm:
    """A panel form filled from the claim as stored."""
    return ClaimForm(obj=claim, formdata=None)


def evidence_form_for() -> EvidenceForm:
    """An empty evidence form; its fields are prefixed so their ids never clash with the panel's."""
    return EvidenceForm(prefix="evidence", formdata=None)


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
            "evidence_form_for": evidence_form_for,
        }
