"""A claim's discussion: threaded comments, @mentions, resolve/unresolve, and what each user has read."""
import re
from dataclasses import dataclass
from dataclasses import field
from datetime import datetime
from functools import cache

from markupsafe import Markup
from markupsafe import escape
from sqlalchemy import bindparam
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import joinedload

from annotate.accounts.permissions import NotAllowed
from annotate.accounts.permissions import can_resolve
from annotate.accounts.permissions import require_role
from annotate.claims import history
from annotate.errors import InputError
from annotate.extensions import db
from annotate.models import Claim
from annotate.models import Comment
from annotate.models import CommentRead
from annotate.models import Mention
from annotate.models import User
from annotate.models import new_uuid
from annotate.models import utcnow
from annotate.review.workflow import ClaimGone
from annotate.row_inserts import insert_now
from annotate.row_locks import hold_claim

MAX_BODY = 5000
MENTION = re.compile(r"(?<![\w@])@([\w.+@-]+)")
LINK = re.compile(r"https?://[^\s<>\"']+", re.IGNORECASE)
TRAILING = ".,;:!?)]}'\"-"


def mentioned_users(body: str) -> list[User]:
    """Active users named as @username in a text (trailing punctuation ignored, any letter case)."""
    found: dict[int, User] = {}
    for match in MENTION.finditer(body):
        name = match.group(1)
        while name:
            user = db.session.scalar(select(User).where(func.lower(User.username) == name.lower()))
            if user is not None:
                if user.active:
                    found[user.id] = user
                break
            if name[-1] not in TRAILING + "@+":
                break
            name = name[:-1]
    return list(found.values())


def add_comment(claim: Claim, user: User, body: str, parent_id=None, evidence_id=None) -> Comment:
    """Post a comment or a reply (replies attach to the thread's first comment); mentions are recorded. On
    PostgreSQL the claim is held first: it may have been deleted since it was read (ClaimGone)."""
    require_role(user, "reviewer")
    body = (body or "").strip()
    if not body:
        raise InputError("Write something before posting.", "body")
    if len(body) > MAX_BODY:
        raise InputError(f"The comment is too long ({MAX_BODY:,} characters at most).", "body")
    if not hold_claim(claim.id):
        raise ClaimGone()
    parent = None
    if parent_id not in (None, ""):
        parent = db.session.get(Comment, int(parent_id)) if str(parent_id).isdigit() else None
        if parent is None or parent.claim_id != claim.id:
            raise InputError("That comment is not in this claim's discussion; reload the panel.", "parent_id")
        parent = parent.parent or parent
    evidence = None
    if evidence_id not in (None, ""):
        evidence = next((e for e in claim.evidence if str(e.id) == str(evidence_id)), None)
        if evidence is None:
            raise InputError("Pick evidence of this claim.", "evidence_id")
    mentioned = [person for person in mentioned_users(body) if person.id != user.id]
    # Tied to the claim, its author, parent and evidence by their ids, with its uuid and time known now: set through
    # the relationships, the flush (which holds SQLite's write lock) went through each related record as well.
    comment = Comment(uuid=new_uuid(), claim_id=claim.id, author_id=user.id, body=body, created_at=utcnow(),
                      parent_id=parent.id if parent is not None else None,
                      evidence_id=evidence.id if evidence is not None else None)
    insert_now(comment)
    for person in mentioned:
        insert_now(Mention(comment_id=comment.id, user_id=person.id))
    snapshot = {"author": user.username, "body": body, "parent": parent.uuid if parent is not None else None,
                "evidence": evidence.uuid if evidence is not None else None}
    history.write("commented", "comment", claim, user, None, snapshot, comment.uuid)
    mark_read(user, claim, comment.created_at)
    db.session.flush()
    return comment


def set_resolved(comment: Comment, user: User, resolved: bool) -> Comment:
    """Resolve or reopen a thread (its first comment carries the state)."""
    if not can_resolve(user, comment):
        raise NotAllowed("Only the comment's author or an editor can resolve it.")
    comment = comment.parent or comment
    if comment.resolved == resolved:
        return comment
    comment.resolved = resolved
    comment.resolved_by, comment.resolved_at = (user, utcnow()) if resolved else (None, None)
    history.record("resolved" if resolved else "unresolved", "comment", comment.claim, user,
                   {"resolved": not resolved}, {"resolved": resolved}, comment.uuid)
    db.session.flush()
    return comment


@dataclass
class Thread:
    root: Comment
    replies: list[Comment] = field(default_factory=list)

    @property
    def last_at(self) -> datetime:
        return max([self.root.created_at] + [r.created_at for r in self.replies])


def threads(claim: Claim) -> list[Thread]:
    """The discussion as threads in order of their first comment."""
    comments = db.session.scalars(select(Comment).where(Comment.claim_id == claim.id)
                                  .options(joinedload(Comment.author), joinedload(Comment.evidence),
                                           joinedload(Comment.resolved_by))
                                  .order_by(Comment.created_at, Comment.id)).all()
    by_id = {c.id: Thread(c) for c in comments if c.parent_id is None}
    for comment in comments:
        if comment.parent_id is not None and comment.parent_id in by_id:
            by_id[comment.parent_id].replies.append(comment)
    return list(by_id.values())


def stamp_of(threads_: list[Thread]) -> str:
    """The same fingerprint as stamp(), from threads already loaded."""
    comments = [c for t in threads_ for c in [t.root, *t.replies]]
    return f"{len(comments)}.{max((c.id for c in comments), default=0)}.{sum(c.resolved for c in comments)}"


def stamp(claim: Claim) -> str:
    """A fingerprint of the discussion; polling answers 'nothing new' while it stays the same."""
    count, last, resolved = db.session.execute(
        select(func.count(Comment.id), func.max(Comment.id), func.count(Comment.id).filter(Comment.resolved))
        .where(Comment.claim_id == claim.id)).one()
    return f"{count}.{last or 0}.{resolved}"


def last_read(user: User, claim: Claim) -> datetime | None:
    return db.session.scalar(select(CommentRead.last_read_at)
                             .where(CommentRead.user_id == user.id, CommentRead.claim_id == claim.id))


def mark_read(user: User, claim: Claim, moment: datetime | None = None) -> None:
    """Remember that the user has seen the discussion up to now, in one statement (an upsert) that never moves the
    mark back. Reading the mark first and inserting it after let two tabs that found none both insert one:
    PostgreSQL refused the second with a unique violation, a 500."""
    statement = _read_mark_upsert(db.session.get_bind().dialect.name)
    db.session.connection().execute(statement, {"user_id": user.id, "claim_id": claim.id,
                                                "last_read_at": moment or utcnow()})


@cache
def _read_mark_upsert(dialect: str):
    """The upsert, built once per dialect (building it took as long as running it)."""
    table = CommentRead.__table__
    insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
    statement = insert(table).values(user_id=bindparam("user_id"), claim_id=bindparam("claim_id"),
                                     last_read_at=bindparam("last_read_at", type_=table.c.last_read_at.type))
    return statement.on_conflict_do_update(index_elements=[table.c.user_id, table.c.claim_id],
                                           set_={"last_read_at": statement.excluded.last_read_at},
                                           where=table.c.last_read_at < statement.excluded.last_read_at)


def is_unread(comment: Comment, user: User, seen: datetime | None) -> bool:
    return comment.author_id != user.id and (seen is None or comment.created_at > seen)


def render_body(body: str) -> Markup:
    """The comment text escaped, with web links made clickable and @mentions marked."""
    return _mark_matches(body, LINK, _link, _mentions)


def _link(url: str) -> Markup:
    return Markup('<a href="{0}" rel="noopener noreferrer nofollow" target="_blank">{0}</a>').format(url)


def _mentions(text: str) -> Markup:
    return _mark_matches(text, MENTION, Markup('<span class="mention">{}</span>').format, escape)


def _mark_matches(text: str, pattern: re.Pattern, mark, between) -> Markup:
    """Each match of pattern (trailing punctuation left outside it) rendered by mark, the text around by between."""
    out, position = [], 0
    for match in pattern.finditer(text):
        found = match.group(0).rstrip(TRAILING)
        out.append(between(text[position:match.start()]))
        out.append(mark(found))
        position = match.start() + len(found)
    out.append(between(text[position:]))
    return Markup("").join(out)
