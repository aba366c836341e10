"""The claim's history as people read it: who did what, when, and each value before and after."""
from dataclasses import dataclass
from dataclasses import field

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from annotate.extensions import db
from annotate.models import Claim
from annotate.models import HistoryEvent
from annotate.models.choices import ATTRIBUTION_LABELS
from annotate.models.choices import STANCE_LABELS
from annotate.review import ratings
from annotate.review import visibility
from annotate.review.workflow import CONFIDENCE_LABELS
from annotate.review.workflow import METHOD_LABELS

FIELD_LABELS = {
    "start": "Start", "end": "End", "quote": "Quote", "attr_source": "Source", "attr_role": "Role",
    "attr_cue": "Cue", "attr_type": "Attribution", "status": "Status", "rationale": "Rationale",
    "workflow_state": "Workflow", "locked": "Locked", "rating": "Rating", "confidence": "Confidence",
    "note": "Note", "evidence": "Evidence", "body": "Comment", "flag_reason": "Dispute reason",
    "explanation": "Explanation", "method": "Method", "decided_by": "Decided by", "reviewer": "Reviewer",
    "resolved": "Resolved", "url": "URL", "title": "Title", "excerpt": "Excerpt", "stance": "Stance",
}
HIDDEN = {"author", "parent", "start", "end", "decided_by"}

PHRASES = {
    ("created", "claim"): "marked the claim",
    ("updated", "claim"): "edited the claim",
    ("deleted", "claim"): "deleted the claim",
    ("migrated", "verdict"): "had set the status by hand; it became their verdict",
    ("migrated", "claim"): "had set the status by hand; it moved into the review",
    ("flagged", "claim"): "flagged it as disputed",
    ("unflagged", "claim"): "withdrew the dispute flag",
    ("added", "evidence"): "added evidence",
    ("removed", "evidence"): "removed evidence",
    ("given", "verdict"): "gave a verdict",
    ("revised", "verdict"): "revised their verdict",
    ("changed", "state"): "moved the claim on",
    ("commented", "comment"): "commented",
    ("resolved", "comment"): "resolved a thread",
    ("unresolved", "comment"): "reopened a thread",
    ("signed_off", "decision"): "signed off",
    ("reopened", "decision"): "reopened the decision",
    ("assigned", "assignment"): "assigned the claim",
    ("unassigned", "assignment"): "took the claim off",
}
KINDS = {"claim": "edit", "evidence": "evidence", "verdict": "verdict", "state": "state", "comment": "comment",
         "decision": "decision", "assignment": "edit"}


def show(name: str, value) -> str:
    """A recorded value as a person reads it."""
    if value is None or value == "" or value == []:
        return "—"
    if name in ("status", "workflow_state", "rating"):
        return ratings.labels().get(value, value)
    if name == "attr_type":
        return ATTRIBUTION_LABELS.get(value, value)
    if name == "stance":
        return STANCE_LABELS.get(value, value)
    if name == "method":
        return METHOD_LABELS.get(value, value)
    if name == "confidence":
        return f"{value} · {CONFIDENCE_LABELS.get(value, '')}".strip(" ·")
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return f"{len(value)} item{'s' if len(value) != 1 else ''}"
    return str(value)


@dataclass
class Change:
    label: str
    before: str
    after: str
    long: bool = False


@dataclass
class Entry:
    event: HistoryEvent
    phrase: str
    kind: str
    changes: list[Change] = field(default_factory=list)


def describe(event: HistoryEvent, values: tuple[dict | None, dict | None] | None = None) -> Entry:
    """One event as a sentence and its changes; `values` are its before and after as the reader may see them."""
    raw_before, raw_after = values if values is not None else (event.before, event.after)
    before, after = raw_before or {}, raw_after or {}
    phrase = PHRASES.get((event.action, event.entity), f"{event.action} {event.entity}")
    if event.entity == "verdict" and after.get("reviewer"):
        phrase = phrase.replace("their", f"{after['reviewer']}'s") if event.action == "revised" else phrase
    if event.entity == "state" and after.get("workflow_state"):
        phrase = f"moved the claim to {show('workflow_state', after['workflow_state'])}"
    entry = Entry(event, phrase, KINDS.get(event.entity, "edit"))
    for name in list(after) + [k for k in before if k not in after]:
        if name in HIDDEN or (event.entity == "verdict" and name == "reviewer"):
            continue
        if event.entity == "state" and name == "status" and ("rating" in after or after.get("status") ==
                                                             after.get("workflow_state")):
            continue  # the export status only repeats the state, or the rating once one is decided
        old, new = show(name, before.get(name)), show(name, after.get(name))
        if raw_before is None and new == "—":
            continue  # a new record: only the fields that say something
        if raw_before is None:
            old = ""
        if raw_after is None:
            new = ""
        if old == new and raw_before is not None and raw_after is not None:
            continue
        long = max(len(old), len(new)) > 60
        entry.changes.append(Change(FIELD_LABELS.get(name, name.replace("_", " ").capitalize()), old, new, long))
    return entry


def claim_timeline(claim: Claim, viewer: visibility.Viewer | None = None) -> list[Entry]:
    """Every recorded change of the claim the reader may see (blind review), newest first."""
    viewer = viewer or visibility.current_viewer()
    events = db.session.scalars(select(HistoryEvent).where(HistoryEvent.claim_id == claim.id)
                                .options(joinedload(HistoryEvent.actor))
                                .order_by(HistoryEvent.at.desc(), HistoryEvent.id.desc())).all()
    shown = ((e, viewer.event_values(claim, e)) for e in events)
    return [describe(e, values) for e, values in shown if values is not None]
