"""The rating vocabulary an admin edits, kept apart from the fixed workflow states."""
import re

from flask import g
from flask import has_request_context
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy import update

from annotate.errors import InputError
from annotate.extensions import db
from annotate.models import Claim
from annotate.models import Rating
from annotate.models import choices as models_choices

WORKFLOW_LABELS = {
    "unverified": "Unverified",
    "in_review": "In review",
    "disputed": "Disputed",
    "awaiting_signoff": "Awaiting sign-off",
    "decided": "Decided",
}
WORKFLOW_STATES = tuple(WORKFLOW_LABELS)

# What a claim's export-v1 `status` says before a rating is decided; once decided it is the rating's bucket.
STATE_STATUS = {"unverified": "unverified", "in_review": "in_review", "awaiting_signoff": "in_review",
                "disputed": "disputed"}
# The export-v1 statuses a decided rating can map to (set per rating on the vocabulary page).
EXPORT_STATUSES = ("supported", "refuted", "misleading", "unverifiable")

# key, label, description, colour, agreement group, export-v1 status
DEFAULT_RATINGS = (
    ("supported", "Supported", "The evidence backs the claim as stated.", "#15803d", "supported", "supported"),
    ("mostly_supported", "Mostly supported", "Accurate, but needs clarification or leaves out context.", "#4d7c0f",
     "supported", "supported"),
    ("mixed", "Mixed", "Partly accurate, partly not.", "#a16207", "mixed", "misleading"),
    ("misleading", "Misleading", "Contains fact but creates a false impression.", "#c2570c", "misleading",
     "misleading"),
    ("refuted", "Refuted", "The evidence contradicts the claim.", "#c0262d", "refuted", "refuted"),
    ("unverifiable", "Unverifiable", "No reliable evidence either way could be found.", "#7c3aed", "unverifiable",
     "unverifiable"),
)

KEY_PATTERN = re.compile(r"^[a-z][a-z0-9_]{0,19}$")
COLOUR_PATTERN = re.compile(r"^#[0-9a-fA-F]{6}$")


def ensure_default_vocabulary() -> int:
    """Seed the default ratings into an empty vocabulary (idempotent); returns how many were added."""
    if db.session.scalar(select(func.count(Rating.id))):
        return 0
    for position, (key, label, description, colour, group, bucket) in enumerate(DEFAULT_RATINGS):
        db.session.add(Rating(key=key, label=label, description=description, colour=colour,
                              position=position, agreement_group=group, export_status=bucket, active=True))
    db.session.flush()
    return len(DEFAULT_RATINGS)


def all_ratings() -> list[Rating]:
    """Every rating, active or not, in the admin's order (cached for the request)."""
    if has_request_context() and g.get("ratings") is not None:
        return g.ratings
    ratings = list(db.session.scalars(select(Rating).order_by(Rating.position, Rating.id)))
    if has_request_context():
        g.ratings = ratings
    return ratings


def forget_cache() -> None:
    if has_request_context():
        g.pop("ratings", None)


def active_ratings() -> list[Rating]:
    return [r for r in all_ratings() if r.active]


def rating_by_key(key: str) -> Rating | None:
    return next((r for r in all_ratings() if r.key == key), None)


def check_rating(key: str, field: str = "rating") -> Rating:
    """The active rating with this key, or a message saying which ones exist."""
    rating = rating_by_key((key or "").strip())
    if rating is None or not rating.active:
        choices = ", ".join(r.label for r in active_ratings())
        raise InputError(f"Choose a rating from the vocabulary: {choices}.", field)
    return rating


def group_of(key: str) -> str:
    """The agreement group of a rating: ratings in one group count as agreeing."""
    rating = rating_by_key(key)
    return (rating.agreement_group or rating.key) if rating is not None else key


def default_export_status(key: str, given: str | None = None) -> str:
    """The export status a rating maps to when a file names none (older exports): the default vocabulary's."""
    if given in EXPORT_STATUSES:
        return given
    return next((bucket for k, *_, bucket in DEFAULT_RATINGS if k == key), "unverifiable")


def export_status_of(key: str) -> str:
    """The export-v1 status of a claim decided with this rating (an unknown key counts as unverifiable)."""
    rating = rating_by_key(key)
    return rating.export_status if rating is not None and rating.export_status in EXPORT_STATUSES else "unverifiable"


def status_for(state: str, rating: str | None) -> str:
    """A claim's export-v1 status: the decided rating's bucket, else what its workflow state says."""
    return export_status_of(rating) if rating else STATE_STATUS.get(state, "unverified")


def chip(claim) -> str:
    """The one status a claim shows everywhere (highlight, chips, list counts and filters): its decided rating,
    else its workflow state. Both are derived, never set by hand, so a blind reader may see them."""
    return claim.rating or claim.workflow_state


def chip_keys() -> list[str]:
    """Every chip a claim can show, in the legend's order: the undecided states, then the vocabulary."""
    return [s for s in WORKFLOW_STATES if s != "decided"] + [r.key for r in all_ratings()]


def shows_status(claim, key: str) -> bool:
    """Whether a claim matches a status filter: its export status (refuted) or its chip (mostly_supported)."""
    return key in (claim.status, chip(claim))


def groups() -> dict[str, str]:
    """Every rating key mapped to its agreement group."""
    return {r.key: (r.agreement_group or r.key) for r in all_ratings()}


def labels() -> dict[str, str]:
    """Labels for every status a claim can show: core statuses, workflow states and ratings."""
    merged = dict(models_choices.STATUS_LABELS) | WORKFLOW_LABELS
    merged.update({r.key: r.label for r in all_ratings()})
    return merged


def _clean(data: dict, rating: Rating | None) -> dict:
    label = (data.get("label") or "").strip()
    if not 1 <= len(label) <= 80:
        raise InputError("A label of 1 to 80 characters is needed.", "label")
    colour = (data.get("colour") or "").strip()
    if not COLOUR_PATTERN.match(colour):
        raise InputError("Give the colour as #rrggbb, e.g. #15803d.", "colour")
    try:
        position = int(data.get("position") or 0)
    except ValueError:
        raise InputError("The order is a whole number.", "position") from None
    group = (data.get("agreement_group") or "").strip().lower()
    if group and not KEY_PATTERN.match(group):
        raise InputError("The agreement group is a short key: lower-case letters, digits and _.", "agreement_group")
    description = (data.get("description") or "").strip()
    if len(description) > 2000:
        raise InputError("The description is too long (2,000 characters at most).", "description")
    bucket = (data.get("export_status") or (rating.export_status if rating else "")
              or default_export_status((data.get("key") or "").strip())).strip()
    if bucket not in EXPORT_STATUSES:
        raise InputError("Choose what the export says for this rating: " + ", ".join(EXPORT_STATUSES) + ".",
                         "export_status")
    return {"label": label, "colour": colour.lower(), "position": position, "description": description,
            "agreement_group": group or (rating.key if rating else (data.get("key") or "").strip()),
            "export_status": bucket}


def create_rating(data: dict) -> Rating:
    """Add a rating; its key is permanent because verdicts and exports refer to it."""
    key = (data.get("key") or "").strip().lower()
    if not KEY_PATTERN.match(key):
        raise InputError("The key is lower-case letters, digits and _, starting with a letter (e.g. half_true).",
                         "key")
    if key in WORKFLOW_STATES or rating_by_key(key) is not None:
        raise InputError(f"The key {key!r} is already in use.", "key")
    fields = _clean(data | {"key": key}, None)
    rating = Rating(key=key, active=True, **fields)
    db.session.add(rating)
    db.session.flush()
    forget_cache()
    return rating


def update_rating(rating: Rating, data: dict) -> Rating:
    """Change a rating's label, description, colour, order, group, export status or whether it is offered; claims
    decided with it follow a new export status at once (one statement)."""
    before = rating.export_status
    for name, value in _clean(data, rating).items():
        setattr(rating, name, value)
    if rating.export_status != before:
        db.session.execute(update(Claim).where(Claim.rating == rating.key).values(status=rating.export_status)
                           .execution_options(synchronize_session="fetch"))
    active = data.get("active") in ("y", "on", "true", "1", True)
    if not active and rating.active and len(active_ratings()) <= 1:
        raise InputError("At least one rating must stay in use.", "active")
    rating.active = active
    db.session.flush()
    forget_cache()
    return rating


def stylesheet() -> str:
    """CSS custom properties for every rating's colour (served as a file: the CSP forbids inline styles)."""
    rules = []
    for rating in all_ratings():
        if not KEY_PATTERN.match(rating.key):
            continue
        colour = rating.colour if COLOUR_PATTERN.match(rating.colour or "") else "#6b7280"
        rules.append(f".status-{rating.key}, .rating-{rating.key} {{ --c: {colour}; --bg: {colour}1f; }}")
    return "\n".join(rules) + "\n"
