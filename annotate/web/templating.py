"""Template globals, in one context processor: vocabularies, labels, and the helpers templates call."""
from flask import Flask
from flask import g
from flask import request
from flask import url_for
from flask_login import current_user

from annotate.accounts import permissions
from annotate.web import assets
from annotate.claims.forms import ClaimForm
from annotate.claims.forms import EvidenceForm
from annotate.models import choices
from annotate.review import discussion
from annotate.review import panel
from annotate.review import ratings
from annotate.review import workflow
from annotate.suggestions import figures as suggestion_figures_of


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


def url_pattern(endpoint: str, param: str) -> str:
    """A URL with "{id}" where a record's id goes, for the page's script to fill in."""
    return id_url(endpoint, param, PLACEHOLDER).replace(str(PLACEHOLDER), "{id}")


def suggestion_figures(article) -> suggestion_figures_of.Figures:
    """The article page's figures line: from the figures row the page loaded with the article."""
    return suggestion_figures_of.figures_from(article.figures)


def suggestions_hidden() -> bool:
    """The reviewer hid suggestions (a cookie set by suggestions.js, so the page renders that way at once)."""
    return request.cookies.get("suggestions") == "hidden"


def init_app(app: Flask) -> None:
    """One context processor: vocabularies and their labels, and what the layout and the claim panel need."""

    @app.context_processor
    def template_globals():
        shared = {
            "STATUSES": choices.STATUSES,
            "STATUS_LABELS": choices.STATUS_LABELS,
            "ATTRIBUTION_LABELS": choices.ATTRIBUTION_LABELS,
            "STANCE_LABELS": choices.STANCE_LABELS,
            "claim_form": claim_form,
            "id_url": id_url,
            "url_pattern": url_pattern,
            "status_chip": ratings.chip,
            "status_chips": ratings.chip_keys,
            "EXPORT_STATUSES": ratings.EXPORT_STATUSES,
            "static_url": assets.static_url,
            "evidence_form_for": evidence_form_for,
            "suggestion_figures": suggestion_figures,
            "suggestions_hidden": suggestions_hidden,
        }
        if not current_user.is_authenticated:
            return shared
        return shared | {
            "STATUS_LABELS": panel.status_labels(current_user.id),
            "WORKFLOW_LABELS": ratings.WORKFLOW_LABELS,
            "METHOD_LABELS": workflow.METHOD_LABELS,
            "CONFIDENCE_LABELS": workflow.CONFIDENCE_LABELS,
            "ratings": ratings.active_ratings,
            "disputed_count": lambda: panel.nav_figures(current_user.id)[0],
            "unread_mentions": lambda: panel.nav_figures(current_user.id)[1],
            "review_panel": panel.review_panel,
            "is_editor": permissions.is_editor,
            "has_role": permissions.has_role,
            "render_comment": discussion.render_body,
            "ago": panel.ago,
        }
