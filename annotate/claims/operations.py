"""Claims: marking a span of a sentence, describing it, and the evidence that bears on it."""
from sqlalchemy import bindparam
from sqlalchemy import inspect
from sqlalchemy import select
from sqlalchemy import update
from sqlalchemy.orm.attributes import set_committed_value

from annotate.accounts.permissions import require_change
from annotate.claims import history
from annotate.compare_and_set import change_if
from annotate.errors import InputError
from annotate.extensions import db
from annotate.models import Article
from annotate.models import Claim
from annotate.models import Evidence
from annotate.models import Sentence
from annotate.models import Suggestion
from annotate.models import User
from annotate.models import new_uuid
from annotate.models import utcnow
from annotate.models.choices import ATTRIBUTION_TYPES
from annotate.models.choices import STANCES
from annotate.review.workflow import check_unlocked
from annotate.review.workflow import gone_or_locked
from annotate.row_inserts import insert_now
from annotate.row_locks import hold_sentence
from annotate.text.offsets import OffsetError
from annotate.text.offsets import snap_to_words
from annotate.text.offsets import utf16_to_codepoint
from annotate.text.urls import check_http_url


class StaleEdit(InputError):
    """Someone saved the claim since this form was loaded; their change must not be lost."""

    def __init__(self, claim: Claim):
        who = claim.updated_by.username if claim.updated_by else "someone"
        super().__init__(f"{who} changed this claim while you were editing it. Their version is shown below; "
                         "reapply your change and save again.", "version")
        self.claim = claim


class ElsewhereError(InputError):
    """The sentence named belongs to another article than the one the request is about."""


def span_from_browser(sentence: Sentence, start16: int, end16: int) -> tuple[int, int]:
    """Article offsets (code points) from the browser's UTF-16 offsets within the sentence."""
    text = sentence.text
    try:
        start, end = utf16_to_codepoint(text, start16), utf16_to_codepoint(text, end16)
    except OffsetError as error:
        raise InputError(f"The selection does not fit this sentence: {error}.", "start") from None
    return sentence.start + start, sentence.start + end


def mark_claim(sentence: Sentence, start: int, end: int, user: User | None,
               quote: str | None = None) -> tuple[Claim, bool]:
    """Create a claim on article offsets [start, end) inside the sentence, snapped to words: (the claim, True), or
    (the claim already on that span, False).

    The sentence may have been read before the write lock (config.read_before_the_write_lock); what another
    writer could have changed since, its bounds and its claims, is read again here, inside the lock, by one
    statement: a sentence merged, split or deleted meanwhile refuses the mark, and a span marked meanwhile answers
    with that claim. On PostgreSQL the sentence's row is locked first, so two writers of one sentence take turns."""
    text = sentence.article.text
    if not (sentence.start <= start < end <= sentence.end):
        raise InputError("The selection must lie inside one sentence.", "start")
    if quote is not None and text[start:end] != quote:
        raise InputError("The selected text does not match the article at those offsets. "
                         "Reload the page and select again.", "quote")
    start, end = snap_to_words(text, start, end, sentence.start, sentence.end)
    if start >= end:
        raise InputError("Select at least one word.", "start")
    hold_sentence(sentence.id)
    now = db.session.execute(SENTENCE_NOW, {"sentence_id": sentence.id, "start": start, "end": end}).one_or_none()
    if now is None or (now.start, now.end) != (sentence.start, sentence.end):
        raise InputError("The article's sentences changed while you were marking (merged or split). "
                         "Reload the page and select again.", "start")
    if now.same_span is not None:
        return db.session.get(Claim, now.same_span), False
    set_committed_value(sentence, "no_claim", now.no_claim)  # as it is now, so that the line below is written if due
    if now.no_claim:  # assigned only then: an unchanged value still sent the sentence through the flush
        sentence.no_claim = False  # a sentence holding a claim is no longer "checked, no claim", whoever marks it
    by = user.id if user is not None else None
    claim = Claim(article_id=sentence.article_id, sentence_id=sentence.id, start=start, end=end, quote=text[start:end],
                  created_by_id=by, updated_by_id=by)  # by ids: see add_evidence
    insert_now(claim)
    _join_loaded_collections(claim, sentence)
    history.write("created", "claim", claim, user, None, history.claim_snapshot(claim), claim.uuid)
    settle_suggestions(sentence, user, "superseded", claim)
    return claim, True


def _join_loaded_collections(claim: Claim, sentence: Sentence) -> None:
    """The new claim joins its sentence's and its article's claims where this request has loaded them, in their
    order, as setting its relationships would have done (without the flush going through them)."""
    for owner in (sentence, inspect(sentence).dict.get("article")):
        loaded = inspect(owner).dict.get("claims") if owner is not None else None
        if loaded is not None:
            set_committed_value(owner, "claims", sorted([*loaded, claim], key=lambda c: c.start))


def _sentence_now():
    """The sentence's bounds and 'no claim' mark as stored, and the id of a claim on [start, end) in it (or None)."""
    same_span = (select(Claim.id).where(Claim.sentence_id == bindparam("sentence_id"),
                                        Claim.start == bindparam("start"), Claim.end == bindparam("end"))
                 .limit(1).scalar_subquery())
    return (select(Sentence.start, Sentence.end, Sentence.no_claim, same_span.label("same_span"))
            .where(Sentence.id == bindparam("sentence_id")))


def _settle(overlapping: bool):
    """The UPDATE of settle_suggestions, for any sentence (and claim, when `overlapping`)."""
    table = Suggestion.__table__  # the table's: no ORM bookkeeping
    where = [table.c.article_id == bindparam("in_article"), table.c.state == "open",
             table.c.start >= bindparam("sentence_start"), table.c.start < bindparam("sentence_end")]
    if overlapping:
        where += [table.c.start < bindparam("claim_end"), table.c.end > bindparam("claim_start")]
    return update(table).where(*where).values(
        state=bindparam("new_state"), claim_id=bindparam("new_claim_id", type_=table.c.claim_id.type),
        decided_at=bindparam("at", type_=table.c.decided_at.type),
        decided_by_id=bindparam("by_id", type_=table.c.decided_by_id.type))


# Built once: the write lock is held while these run, and building a statement (and its cache key) cost as much
# as running it.
SENTENCE_NOW = _sentence_now()
SETTLE_IN_SENTENCE, SETTLE_UNDER_CLAIM = _settle(False), _settle(True)


def settle_suggestions(sentence: Sentence, user: User | None, state: str, claim: Claim | None = None,
                       at=None) -> None:
    """Open suggestions in the sentence that a person's own decision answers, in one statement: a claim marked
    over them by hand supersedes them (linked to it), and "no claim" rejects them all (`at`: that decision's time)."""
    values = {"in_article": sentence.article_id, "sentence_start": sentence.start, "sentence_end": sentence.end,
              "new_state": state, "new_claim_id": claim.id if claim is not None else None, "at": at or utcnow(),
              "by_id": user.id if user is not None else None}
    if claim is not None:
        values.update(claim_start=claim.start, claim_end=claim.end)
    db.session.flush()  # what the sentence's own writes lock comes first (annotate.row_locks)
    db.session.execute(SETTLE_UNDER_CLAIM if claim is not None else SETTLE_IN_SENTENCE, values)


def reopen_suggestions_rejected_at(sentence: Sentence, at) -> None:
    """Taking back "no claim" opens again the suggestions that it rejected (those decided at its very moment)."""
    db.session.execute(update(Suggestion).where(
        Suggestion.article_id == sentence.article_id, Suggestion.state == "rejected", Suggestion.decided_at == at,
        Suggestion.start >= sentence.start, Suggestion.start < sentence.end,
    ).values(state="open", decided_by_id=None, decided_at=None).execution_options(synchronize_session=False))


def mark_sentence(sentence: Sentence, user: User | None) -> tuple[Claim, bool]:
    """The whole sentence as one claim (mark_claim)."""
    return mark_claim(sentence, sentence.start, sentence.end, user)


def mark_selection(article: Article, sentence: Sentence, user: User | None, whole: bool = False,
                   start16: int | None = None, end16: int | None = None,
                   quote: str | None = None) -> tuple[Claim, bool]:
    """Mark what the reviewer selected in the article page: the whole sentence, or words given by the browser's
    UTF-16 offsets into it (with the text the browser saw there, to catch a stale page)."""
    if sentence.article_id != article.id:
        raise ElsewhereError("That sentence belongs to another article.", "sentence_id")
    if whole:
        return mark_sentence(sentence, user)
    start, end = span_from_browser(sentence, start16, end16)
    return mark_claim(sentence, start, end, user, quote=quote)


def _choice(value: str, allowed: tuple[str, ...], field: str) -> str:
    if value not in allowed:
        raise InputError(f"Choose one of: {', '.join(allowed)}.", field)
    return value


def _given(data: dict, name: str, current: str) -> str:
    """The submitted value, or the stored one when the field was not sent (a form gives None then)."""
    value = data.get(name)
    return current if value is None else value


def take_next_version(claim: Claim, expected: int, **changes) -> None:
    """Compare-and-set: bump the version, and write `changes`, in one statement, only if the version is still the
    one the editor saw.

    Checking first and writing later lets two concurrent saves of the same version both succeed (one is
    silently lost); here the database decides, and the second writer gets StaleEdit with the claim as stored.
    """
    def refused() -> StaleEdit:
        db.session.refresh(claim)
        return StaleEdit(claim)

    change_if(claim, Claim.version == expected, refused, version=expected + 1, **changes)


EDITABLE_FIELDS = ("attr_source", "attr_role", "attr_cue", "attr_type", "rationale")


def update_claim(claim: Claim, data: dict, user: User | None, version: int | None) -> Claim:
    """Apply the panel's fields (attribution and rationale; the status follows the verdicts, see review.workflow);
    refuse a save based on an older version of the claim."""
    check_unlocked(claim)
    require_change(user, claim)
    if version is not None and version != claim.version:
        raise StaleEdit(claim)
    before = history.claim_snapshot(claim)
    claim.attr_source = _given(data, "attr_source", claim.attr_source).strip()
    claim.attr_role = _given(data, "attr_role", claim.attr_role).strip()
    claim.attr_cue = _given(data, "attr_cue", claim.attr_cue).strip()
    claim.attr_type = _choice(_given(data, "attr_type", claim.attr_type), ATTRIBUTION_TYPES, "attr_type")
    claim.rationale = _given(data, "rationale", claim.rationale).strip()
    old, new = history.changed(before, history.claim_snapshot(claim))
    if new:
        # The edited fields ride on the version's compare-and-set: one UPDATE, not a second one at flush.
        edited = {name: getattr(claim, name) for name in EDITABLE_FIELDS if name in new}
        take_next_version(claim, claim.version if version is None else version, **edited,
                          updated_by_id=user.id if user else None, updated_at=utcnow())
        history.record("updated", "claim", claim, user, old, new, claim.uuid)
    db.session.flush()
    return claim


def delete_claim(claim: Claim, user: User | None = None) -> None:
    """Remove a claim and its evidence; the log keeps its last state."""
    check_unlocked(claim)
    require_change(user, claim)
    snapshot = history.claim_snapshot(claim) | {"evidence": [history.evidence_snapshot(e) for e in claim.evidence]}
    history.record("deleted", "claim", None, user, snapshot, None, claim.uuid, article_id=claim.article_id)
    hold_sentence(claim.sentence_id)  # before its suggestions: the deletion counts on the sentence
    # A suggestion this claim only superseded (it was marked over it by hand) is open again: nobody decided it.
    db.session.execute(update(Suggestion).where(Suggestion.claim_id == claim.id, Suggestion.state == "superseded")
                       .values(state="open", claim_id=None, decided_by_id=None, decided_at=None)
                       .execution_options(synchronize_session=False))
    db.session.delete(claim)
    db.session.flush()


def add_evidence(claim: Claim, url: str, user: User | None, title: str = "", excerpt: str = "",
                 stance: str = "context") -> Evidence:
    """Attach a source to a claim; only http(s) links are accepted. The claim may have been read before the write
    lock: who changed it last is written only while it is still there and unlocked, or nothing is (ClaimGone,
    ClaimLocked)."""
    check_unlocked(claim)
    url = check_http_url(url.strip(), "url")
    stance = _choice(stance, STANCES, "stance")
    by = user.id if user is not None else None
    # Made before the lock is taken, and tied to its claim and its author by their ids: set through the
    # relationships, the flush (which holds the lock) went through the claim and its collections as well, a third of
    # the write's work in the lock.
    evidence = Evidence(uuid=new_uuid(), claim_id=claim.id, url=url, title=title.strip(), excerpt=excerpt.strip(),
                        stance=stance, created_by_id=by, updated_by_id=by)
    change_if(claim, Claim.locked.is_(False), lambda: gone_or_locked(claim), updated_by_id=by, updated_at=utcnow())
    insert_now(evidence)
    history.write("added", "evidence", claim, user, None, history.evidence_snapshot(evidence), evidence.uuid)
    db.session.expire(claim, ["evidence"])  # read again, with the new item, when next used
    return evidence


def remove_evidence(evidence: Evidence, user: User | None) -> Claim:
    """Detach a source from its claim."""
    claim = evidence.claim
    check_unlocked(claim)
    require_change(user, evidence)
    history.record("removed", "evidence", claim, user, history.evidence_snapshot(evidence), None, evidence.uuid)
    claim.evidence.remove(evidence)
    claim.updated_by, claim.updated_at = user, utcnow()
    db.session.flush()
    return claim
