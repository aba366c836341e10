"""Export and import of the review records of claims (verdicts, discussion, decisions, history) and the vocabulary.

native.py merges claim_extras() into every exported claim and vocabulary() into the document; the writer
calls import_vocabulary() and import_claim_extras() for the lossless round trip. Records keep their uuid as
`id`, users travel by username, times as ISO 8601 UTC with a Z. Loading is query-bounded both ways: Extras
reads each kind of record of all exported claims in one query, and an import checks ids against a KnownIds
loaded once for the whole document.
"""
from collections import defaultdict
from datetime import datetime
from functools import cached_property

from sqlalchemy import insert
from sqlalchemy import select
from sqlalchemy.orm import joinedload
from sqlalchemy.orm import selectinload

from annotate.review import ratings as vocabulary_ops
from annotate.review import visibility
from annotate.errors import InputError
from annotate.extensions import db
from annotate.interchange import legacy
from annotate.interchange.known import KnownIds
from annotate.models import Claim
from annotate.models import Comment
from annotate.models import Decision
from annotate.models import HistoryEvent
from annotate.models import Mention
from annotate.models import Rating
from annotate.models import User
from annotate.models import Verdict
from annotate.text.times import iso
from annotate.text.times import parse_iso

class Extras:
    """The review records of many claims, grouped by claim id.

    Each kind is read (in one query, however many claims) the first time something asks for it, so an export
    reads only what its format writes: the CSV and ClaimReview never read history or discussion.
    """

    def __init__(self, claims, viewer: visibility.Viewer | None = None):
        self.claims = claims  # claim ids, or a select of them (a whole article's: no list of thousands of ids)
        self.viewer = viewer or visibility.current_viewer()  # blind review: whose export this is

    def _by_claim(self, model, order: tuple, *options) -> dict[int, list]:
        """The model's records of these claims, in the given order, grouped by claim id."""
        grouped = defaultdict(list)
        if isinstance(self.claims, list) and not self.claims:
            return grouped
        query = select(model).where(model.claim_id.in_(self.claims)).options(*options).order_by(*order)
        for record in db.session.scalars(query):
            grouped[record.claim_id].append(record)
        return grouped

    @cached_property
    def verdicts(self) -> dict[int, list[Verdict]]:
        """Superseded ones too; SQLAlchemy fetches their evidence 500 verdicts at a time."""
        return self._by_claim(Verdict, (Verdict.created_at, Verdict.id), selectinload(Verdict.evidence),
                              joinedload(Verdict.reviewer))

    @cached_property
    def comments(self) -> dict[int, list[Comment]]:
        return self._by_claim(Comment, (Comment.created_at, Comment.id), joinedload(Comment.author),
                              joinedload(Comment.evidence), joinedload(Comment.resolved_by))

    @cached_property
    def mentions(self) -> dict[int, list[str]]:
        """Usernames mentioned, by comment id."""
        names = defaultdict(list)
        if self.comments:
            for comment_id, name in db.session.execute(mentions_query(self.claims)):
                names[comment_id].append(name)
        return names

    @cached_property
    def decisions(self) -> dict[int, list[Decision]]:
        return self._by_claim(Decision, (Decision.decided_at, Decision.id), joinedload(Decision.decided_by),
                              joinedload(Decision.reopened_by))

    @cached_property
    def history(self) -> dict[int, list]:
        """Rows, not mapped objects, with the actor's username as `actor_name`: every claim has an event at least,
        so this is the largest set an export reads, and a row costs a fraction of an object."""
        grouped = defaultdict(list)
        if isinstance(self.claims, list) and not self.claims:
            return grouped
        for event in db.session.execute(history_query(self.claims)):
            grouped[event.claim_id].append(event)
        return grouped

    def standing_decision(self, claim_id: int) -> Decision | None:
        """The latest decision not reopened: what every format reports as the claim's rating."""
        current = [d for d in self.decisions.get(claim_id, []) if d.reopened_at is None]
        return current[-1] if current else None


def mentions_query(claims):
    """(comment id, username) of everyone mentioned in the claims' comments, by username."""
    return (select(Mention.comment_id, User.username).join(User, Mention.user_id == User.id)
            .join(Comment, Mention.comment_id == Comment.id).where(Comment.claim_id.in_(claims))
            .order_by(User.username))


def history_query(claims):
    """The claims' history events as rows, with the actor's username as `actor_name`, oldest first."""
    return (select(*HistoryEvent.__table__.c, User.username.label("actor_name"))
            .outerjoin(User, HistoryEvent.actor_id == User.id).where(HistoryEvent.claim_id.in_(claims))
            .order_by(HistoryEvent.at, HistoryEvent.id))


def _name(user) -> str | None:
    return user.username if user is not None else None


# The layouts below are written once for both readers: native.py's rows (a whole article) and the mapped objects
# of a few claims (claim_extras); each passes the usernames and ids it has already resolved.

def verdict_dict(v, reviewer: str | None, evidence_ids: list[str]) -> dict:
    return {"id": v.uuid, "reviewer": reviewer, "rating": v.rating, "confidence": v.confidence,
            "note": v.note, "evidence_ids": evidence_ids, "created_at": iso(v.created_at),
            "superseded_at": iso(v.superseded_at)}


def comment_dict(c, parent_id: str | None, author: str | None, resolved_by: str | None, evidence_id: str | None,
                 mentions: list[str]) -> dict:
    return {"id": c.uuid, "parent_id": parent_id, "author": author, "body": c.body,
            "created_at": iso(c.created_at), "resolved": c.resolved, "resolved_by": resolved_by,
            "resolved_at": iso(c.resolved_at), "evidence_id": evidence_id, "mentions": mentions}


def decision_dict(d, decided_by: str | None, reopened_by: str | None) -> dict:
    return {"id": d.uuid, "rating": d.rating, "explanation": d.explanation, "method": d.method,
            "decided_by": decided_by, "decided_at": iso(d.decided_at),
            "reopened_by": reopened_by, "reopened_at": iso(d.reopened_at)}


def event_dict(e, values: tuple[dict | None, dict | None] | None = None) -> dict:
    """An event row of Extras.history."""
    before, after = values if values is not None else (e.before, e.after)
    return {"id": e.uuid, "at": iso(e.at), "actor": e.actor_name, "action": e.action, "entity": e.entity,
            "entity_id": e.entity_id, "before": before, "after": after}


def review_fields(claim, flagged_by: str | None, verdicts: list[dict], comments: list[dict], decisions: list[dict],
                  history: list[dict]) -> dict:
    """The review fields of one exported claim: its review columns, then its records (those the reader may see,
    verdicts and decisions in their recorded order), already laid out."""
    flag = None
    if claim.flag_reason:
        flag = {"reason": claim.flag_reason, "flagged_by": flagged_by, "flagged_at": iso(claim.flagged_at)}
    standing = [d for d in decisions if d["reopened_at"] is None] if decisions else None
    return {
        "workflow_state": claim.workflow_state,
        "locked": claim.locked,
        "state_since": iso(claim.state_since),
        "dispute_flag": flag,
        "verdicts": [v for v in verdicts if v["superseded_at"] is None] if verdicts else [],
        "verdict_revisions": [v for v in verdicts if v["superseded_at"] is not None] if verdicts else [],
        "comments": comments,
        "decision": standing[-1] if standing else None,
        "reopened_decisions": [d for d in decisions if d["reopened_at"] is not None] if decisions else [],
        "history": history,
    }


def claim_extras(claim: Claim, extras: Extras) -> dict:
    """The review fields of one exported claim, from records preloaded for all the claims being written."""
    viewer = extras.viewer
    verdicts = viewer.verdicts(claim, extras.verdicts.get(claim.id, []))
    events = ((e, viewer.event_values(claim, e)) for e in extras.history.get(claim.id, []))
    comments = extras.comments.get(claim.id, [])
    by_id = {c.id: c for c in comments}
    return review_fields(
        claim, _name(claim.flagged_by),
        [verdict_dict(v, _name(v.reviewer), sorted(e.uuid for e in v.evidence)) for v in verdicts],
        [comment_dict(c, by_id[c.parent_id].uuid if c.parent_id in by_id else None, _name(c.author),
                      _name(c.resolved_by), c.evidence.uuid if c.evidence else None, extras.mentions.get(c.id, []))
         for c in comments],
        [decision_dict(d, _name(d.decided_by), _name(d.reopened_by)) for d in extras.decisions.get(claim.id, [])],
        [event_dict(e, values) for e, values in events if values is not None])


def vocabulary(ratings: list[Rating]) -> list[dict]:
    """The rating vocabulary (given in order), for the top level of an export."""
    return [{"key": r.key, "label": r.label, "description": r.description, "colour": r.colour,
             "position": r.position, "agreement_group": r.agreement_group or r.key,
             "export_status": r.export_status, "active": r.active}
            for r in ratings]


# ---------- import ----------

def _time(value: str | None, required: bool = True) -> datetime | None:
    if value is None and not required:
        return None
    try:
        return parse_iso(value)
    except (TypeError, ValueError, AttributeError):
        raise InputError(f"Not an ISO 8601 time: {value!r}.", "time") from None


def import_vocabulary(items: list[dict]) -> None:
    """Create or update ratings by key (idempotent); labels, colours, order and groups follow the file."""
    existing = {r.key: r for r in db.session.scalars(select(Rating))}
    for item in items or []:
        key = str(item.get("key", ""))
        if not vocabulary_ops.KEY_PATTERN.match(key):
            raise InputError(f"Vocabulary key {key!r} is not a valid rating key.", "vocabulary")
        colour = item.get("colour") or "#6b7280"
        if not vocabulary_ops.COLOUR_PATTERN.match(colour):
            raise InputError(f"Vocabulary colour {colour!r} of {key!r} is not #rrggbb.", "vocabulary")
        rating = existing.get(key) or Rating(key=key)
        rating.label = str(item.get("label") or key)[:80]
        rating.description = str(item.get("description") or "")
        rating.colour = colour.lower()
        rating.position = int(item.get("position") or 0)
        rating.agreement_group = str(item.get("agreement_group") or key)[:40]
        rating.export_status = vocabulary_ops.default_export_status(key, item.get("export_status"))
        rating.active = bool(item.get("active", True))
        if key not in existing:
            db.session.add(rating)
            existing[key] = rating
    db.session.flush()
    vocabulary_ops.forget_cache()


def _user(users: dict[str, User], name: str | None, required: bool = True) -> User | None:
    """The account for a username: from the importer's map, else this database; a required one must exist."""
    if not name:
        return None
    user = users.get(name) or db.session.scalar(select(User).where(User.username == name))
    if user is None and required:
        raise InputError(f"The user {name!r} named in the review records does not exist here.", "users")
    return user


def import_claim_extras(claim: Claim, data: dict, users_by_name: dict[str, User], known: KnownIds | None = None):
    """Recreate a claim's review state and records from its exported form; records already here (same id) are kept.

    The writer passes the KnownIds of the whole document; a single claim's are loaded when none is given.
    """
    import_claim_state(claim, data, users_by_name)
    history: list[dict] = []
    known = known if known is not None else KnownIds.of_claims([data])
    import_claim_records(claim, data, users_by_name, known, history)
    insert_history(history)


def import_claim_records(claim: Claim, data: dict, users: dict[str, User], known: KnownIds,
                         history: list[dict], actor: User | None = None) -> None:
    """Add the verdicts, comments and decisions of a claim that has its id, and collect its history rows for
    insert_history (the longest list, and nothing refers to its rows: one bulk INSERT for many claims).

    Nothing here changes the claim's updated_at: what it imports keeps its imported time.
    """
    evidence = {e.uuid: e for e in claim.evidence}
    for item in data.get("verdicts", []) + data.get("verdict_revisions", []):
        if item["id"] not in known.verdicts:
            known.verdicts.add(item["id"])
            db.session.add(Verdict(
                uuid=item["id"], claim=claim, reviewer=_user(users, item["reviewer"]), rating=item["rating"],
                confidence=int(item.get("confidence") or 3), note=item.get("note") or "",
                evidence=[evidence[i] for i in item.get("evidence_ids", []) if i in evidence],
                created_at=_time(item["created_at"]), superseded_at=_time(item.get("superseded_at"), False)))
    _import_comments(claim, data.get("comments", []), users, evidence, known)
    decisions = ([data["decision"]] if data.get("decision") else []) + data.get("reopened_decisions", [])
    for item in decisions:
        if item["id"] not in known.decisions:
            known.decisions.add(item["id"])
            db.session.add(Decision(
                uuid=item["id"], claim=claim, rating=item["rating"], explanation=item.get("explanation") or "",
                method=item["method"], decided_by=_user(users, item["decided_by"]),
                decided_at=_time(item["decided_at"]), reopened_by=_user(users, item.get("reopened_by")),
                reopened_at=_time(item.get("reopened_at"), False)))
    events = {item["id"]: item for item in data.get("history", []) if item["id"] not in known.history}
    known.history.update(events)
    history += [_history_row(claim, item, users) for item in events.values()]
    if not data.get("verdicts"):
        legacy.settle_hand_set_status(claim, data, actor, history)


def insert_history(rows: list[dict]) -> None:
    """Write collected history rows in one statement (after flushing what they refer to)."""
    if rows:
        db.session.execute(insert(HistoryEvent), rows)


def _history_row(claim: Claim, item: dict, users: dict[str, User]) -> dict:
    actor = _user(users, item.get("actor"), False)
    return {"uuid": item["id"], "claim_id": claim.id, "article_id": claim.article_id,
            "actor_id": actor.id if actor else None, "at": _time(item["at"]), "action": item["action"],
            "entity": item["entity"], "entity_id": item.get("entity_id"), "before": item.get("before"),
            "after": item.get("after")}


def _parent_on(claim: Claim, parent: Comment | None) -> Comment | None:
    """A reply keeps its parent only when the parent is a comment of the same claim."""
    if parent is None:
        return None
    owner = parent.claim_id if parent.claim_id is not None else parent.claim.id
    return parent if owner == claim.id else None


def _import_comments(claim: Claim, items: list[dict], users, evidence, known: KnownIds) -> None:
    for item in sorted(items, key=lambda i: i.get("parent_id") is not None):  # threads: roots before replies
        if item["id"] in known.comments:
            continue
        comment = Comment(
            uuid=item["id"], claim=claim, author=_user(users, item["author"]), body=item["body"],
            parent=_parent_on(claim, known.comments.get(item.get("parent_id"))), created_at=_time(item["created_at"]),
            resolved=bool(item.get("resolved")), resolved_by=_user(users, item.get("resolved_by")),
            resolved_at=_time(item.get("resolved_at"), False), evidence=evidence.get(item.get("evidence_id")))
        db.session.add(comment)
        known.comments[comment.uuid] = comment
        for name in item.get("mentions", []):
            person = _user(users, name, required=False)
            if person is not None:
                db.session.add(Mention(comment=comment, user=person))


def import_claim_state(claim: Claim, data: dict, users: dict[str, User]) -> None:
    """The claim's own review columns: workflow state, decided rating, lock, and dispute flag. The status is
    derived from the state and the rating, as the workflow derives it, whatever the file says."""
    state = data.get("workflow_state") or "unverified"
    if state not in vocabulary_ops.WORKFLOW_STATES:
        raise InputError(f"Unknown workflow state {state!r}.", "workflow_state")
    rating = None
    if state == "decided":  # files before format 1.1 carry the rating in the decision only
        rating = data.get("rating") or (data.get("decision") or {}).get("rating")
    claim.workflow_state, claim.rating = state, rating
    with db.session.no_autoflush:  # the claim is not in the session yet
        claim.status = vocabulary_ops.status_for(state, rating)
    claim.locked = bool(data.get("locked", state == "decided" and bool(data.get("decision"))))
    claim.state_since = _time(data.get("state_since"), False)
    flag = data.get("dispute_flag")
    claim.flag_reason = flag.get("reason") if flag else None
    claim.flagged_by = _user(users, flag.get("flagged_by"), False) if flag else None
    claim.flagged_at = _time(flag.get("flagged_at"), False) if flag else None
