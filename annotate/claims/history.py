"""The change log: every change to a claim and what hangs off it, with the values before and after."""
from sqlalchemy import select

from annotate.extensions import db
from annotate.models import Claim
from annotate.models import Evidence
from annotate.models import HistoryEvent
from annotate.models import User
from annotate.models import new_uuid
from annotate.models import utcnow
from annotate.row_inserts import insert_values

CLAIM_FIELDS = ("start", "end", "quote", "attr_source", "attr_role", "attr_cue", "attr_type", "status", "rationale",
                "workflow_state", "rating", "locked")


def claim_snapshot(claim: Claim) -> dict:
    """The recorded state of a claim's own fields."""
    return {name: getattr(claim, name) for name in CLAIM_FIELDS}


def evidence_snapshot(item: Evidence) -> dict:
    return {"url": item.url, "title": item.title, "excerpt": item.excerpt, "stance": item.stance}


def changed(before: dict, after: dict) -> tuple[dict, dict]:
    """Only the keys whose values differ, so the timeline shows what actually changed."""
    keys = [k for k in after if before.get(k) != after.get(k)]
    return {k: before.get(k) for k in keys}, {k: after.get(k) for k in keys}


def record(action: str, entity: str, claim: Claim | None, actor: User | None, before: dict | None = None,
           after: dict | None = None, entity_id: str | None = None, article_id: int | None = None) -> HistoryEvent:
    """Add one event to the log (flushed with the change it describes, in the same transaction)."""
    event = HistoryEvent(actor=actor, **_columns(action, entity, claim, before, after, entity_id, article_id))
    db.session.add(event)
    return event


def write(action: str, entity: str, claim: Claim | None, actor: User | None, before: dict | None = None,
          after: dict | None = None, entity_id: str | None = None, article_id: int | None = None) -> None:
    """record(), written at once by one INSERT built in advance instead of by the next flush: for the writes made
    while holding SQLite's write lock (a claim marked, evidence added, a comment), where the flush's bookkeeping for
    the event cost more than the INSERT. Nothing pending is flushed first: the claim it refers to is stored already
    (row_inserts.insert_now)."""
    insert_values(HistoryEvent.__table__, {"uuid": new_uuid(), "at": utcnow(),
                                           "actor_id": actor.id if actor is not None else None,
                                           **_columns(action, entity, claim, before, after, entity_id, article_id)})


def _columns(action: str, entity: str, claim: Claim | None, before: dict | None, after: dict | None,
             entity_id: str | None, article_id: int | None) -> dict:
    """An event's own columns, the same whether the flush writes it (record) or one INSERT does (write)."""
    return {"action": action, "entity": entity, "entity_id": entity_id, "before": before, "after": after,
            "claim_id": claim.id if claim is not None else None,
            "article_id": article_id or (claim.article_id if claim is not None else None)}


def claim_history(claim: Claim) -> list[HistoryEvent]:
    """The claim's timeline, oldest first."""
    query = select(HistoryEvent).where(HistoryEvent.claim_id == claim.id).order_by(HistoryEvent.at, HistoryEvent.id)
    return list(db.session.scalars(query))


PANEL_FIELDS = ("attr_source", "attr_role", "attr_cue", "attr_type", "rationale")


def values_at_version(claim: Claim, version: int) -> dict:
    """The claim's fields as they were at `version`: each save since bumped the version once and logged its
    `before`, so putting those back, newest first, gives the values the editor of that version saw."""
    values = claim_snapshot(claim)
    saves = max(0, claim.version - version)
    query = (select(HistoryEvent).where(HistoryEvent.claim_id == claim.id, HistoryEvent.entity == "claim",
                                        HistoryEvent.action == "updated")
             .order_by(HistoryEvent.id.desc()).limit(saves))
    for event in db.session.scalars(query) if saves else ():
        values.update(event.before or {})
    return values


def own_edit(claim: Claim, submitted: dict) -> dict:
    """What a refused stale save changed itself (against the version it was based on), field by field; the
    fields it left alone are not part of it, so reapplying it never undoes the other save."""
    base = values_at_version(claim, submitted.get("version") or claim.version)
    return {name: submitted[name] for name in PANEL_FIELDS
            if submitted.get(name) is not None and submitted[name] != base.get(name)}
