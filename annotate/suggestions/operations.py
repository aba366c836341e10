"""Stored suggestions: computing them for an article, accepting or rejecting them, and their figures.

The rules live in annotate.suggestions.rules; this module maps their output onto the
article's stored Sentence rows by offsets (a reviewer may have merged or split
sentences since), and records every decision with who and when, so the quality
of the suggestions can be measured on real use. Operations flush, never commit.
"""
import unicodedata
from bisect import bisect_right
from typing import TYPE_CHECKING

from sqlalchemy import bindparam
from sqlalchemy import delete
from sqlalchemy import select
from sqlalchemy import update

from annotate.articles import sentences
from annotate.claims import operations as claim_ops
from annotate.errors import InputError
from annotate.extensions import db
from annotate.models import Article
from annotate.models import Claim
from annotate.models import Sentence
from annotate.models import Suggestion
from annotate.models import User
from annotate.models import utcnow
from annotate.row_locks import hold_sentence
from annotate.text.segment import Unit

if TYPE_CHECKING:
    from annotate.suggestions import rules as suggestions_rules

ATTRIBUTION_FIELDS = ("attr_source", "attr_role", "attr_cue", "attr_type")


class AlreadyDecided(InputError):
    """Someone accepted or rejected this suggestion already; nothing is changed."""

    def __init__(self, suggestion: Suggestion):
        who = suggestion.decided_by.username if suggestion.decided_by else "someone"
        when = suggestion.decided_at.strftime("%Y-%m-%d %H:%M UTC") if suggestion.decided_at else "earlier"
        super().__init__(f"This suggestion was already {suggestion.state} by {who} ({when}); nothing changed.",
                         "suggestion")
        self.suggestion = suggestion


# ---------------------------------------------------------------- mapping onto stored sentences

class SentenceFinder:
    """Finds the stored sentence holding an article offset (a binary search over their starts)."""

    def __init__(self, sentences: list[Sentence]):
        self.sentences = sorted(sentences, key=lambda s: s.start)
        self.starts = [s.start for s in self.sentences]
        self.ends = [s.end for s in self.sentences]

    def at(self, offset: int) -> Sentence | None:
        position = bisect_right(self.starts, offset) - 1
        if position < 0 or offset >= self.ends[position]:
            return None
        return self.sentences[position]


def span_in(sentence: Sentence, suggestion: Suggestion) -> tuple[int, int]:
    """The suggestion's span clipped to a sentence (it may run past one the reviewer split)."""
    return max(suggestion.start, sentence.start), min(suggestion.end, sentence.end)


def stored_sentences(article: Article) -> list[Sentence]:
    return list(db.session.scalars(select(Sentence).where(Sentence.article_id == article.id)
                                   .order_by(Sentence.start)))


def owner_of(suggestion: Suggestion) -> Sentence:
    """The stored sentence a suggestion belongs to now: the one holding its first character (one indexed query)."""
    sentence = sentences.sentence_at_offset(suggestion.article_id, suggestion.start)
    if sentence is None:
        raise InputError("This suggestion no longer fits the article's sentences.", "suggestion")
    return sentence


def open_by_sentence(sentences: list[Sentence], suggestions: list[Suggestion]) -> dict[int, list[Suggestion]]:
    """Open suggestions grouped by the id of the stored sentence holding their start."""
    finder = SentenceFinder(sentences)
    grouped: dict[int, list[Suggestion]] = {}
    for suggestion in suggestions:
        sentence = finder.at(suggestion.start) if suggestion.is_open else None
        if sentence is not None:
            grouped.setdefault(sentence.id, []).append(suggestion)
    return grouped


# ---------------------------------------------------------------- computing and storing

def store_suggestions(article: Article, skip: set[tuple[int, int]] = frozenset()) -> list[Suggestion]:
    """Run the suggestion rules on the article and store one open Suggestion per proposal (flushed).

    The units are the stored sentences: segment()'s output at import (so no second segmentation), and
    afterwards the sentences as a reviewer mended them by merging or splitting.
    """
    from annotate.suggestions import rules as suggestions_rules  # here: compiling the rules is a quarter of start-up

    finder = SentenceFinder(article.sentences)
    units = [Unit(s.start, s.end, s.kind, s.paragraph) for s in finder.sentences]
    rows = []
    for proposal in suggestions_rules.suggest(article.text, units):
        sentence = finder.at(proposal.start)
        if sentence is None or (proposal.start, proposal.end) in skip:
            continue
        attribution = proposal.attribution
        rows.append(Suggestion(article_id=article.id, sentence_id=sentence.id, start=proposal.start,
                               end=proposal.end, quote=proposal.quote,
                               checkworthiness=round(float(proposal.checkworthiness), 4),
                               source=attribution.source, role=attribution.role, cue=attribution.cue,
                               type=attribution.type, state="open"))
    db.session.add_all(rows)
    db.session.flush()
    return rows


def recompute(article: Article) -> list[Suggestion]:
    """Replace the open suggestions with fresh ones; decided ones stay, and are not proposed again."""
    decided = {(s.start, s.end) for s in article_suggestions(article) if not s.is_open}
    db.session.execute(delete(Suggestion).where(Suggestion.article_id == article.id, Suggestion.state == "open"))
    return store_suggestions(article, skip=decided)


def compute_missing(article: Article) -> list[Suggestion]:
    """Suggestions for an article that has none (imported before suggestions existed); never a second set."""
    if article_suggestions(article):
        raise InputError("This article has suggestions already.", "article")
    return store_suggestions(article)


def ensure_suggestions(article: Article) -> list[Suggestion]:
    """The article's suggestions, computed now when none were stored (articles imported before suggestions existed)."""
    existing = article_suggestions(article)
    return existing if existing else store_suggestions(article)


def article_suggestions(article: Article) -> list[Suggestion]:
    """Every suggestion of an article, any state, in reading order (one query)."""
    query = select(Suggestion).where(Suggestion.article_id == article.id).order_by(Suggestion.start, Suggestion.end)
    return list(db.session.scalars(query))


def open_suggestions(article: Article) -> list[Suggestion]:
    """The open suggestions of an article, in reading order (one query)."""
    query = select(Suggestion).where(Suggestion.article_id == article.id, Suggestion.state == "open")
    return list(db.session.scalars(query.order_by(Suggestion.start, Suggestion.end)))


def open_between(article_id: int, start: int, end: int) -> list[Suggestion]:
    """The open suggestions of an article starting in [start, end), in reading order (one indexed query)."""
    return list(db.session.scalars(_OPEN_BETWEEN, {"article_id": article_id, "start": start, "end": end}))


_OPEN_BETWEEN = (select(Suggestion).where(Suggestion.article_id == bindparam("article_id"), Suggestion.state == "open",
                                          Suggestion.start >= bindparam("start"), Suggestion.start < bindparam("end"))
                 .order_by(Suggestion.start, Suggestion.end))  # built once: every toolbar and panel runs it


def open_in_sentence(sentence: Sentence) -> list[Suggestion]:
    """The open suggestions starting inside one stored sentence (one query)."""
    return open_between(sentence.article_id, sentence.start, sentence.end)


# ---------------------------------------------------------------- deciding

def proposed_fields(suggestion: Suggestion) -> dict[str, str]:
    """The suggestion's attribution in the claim panel's field names."""
    return {"attr_source": suggestion.source or "", "attr_role": suggestion.role or "",
            "attr_cue": suggestion.cue or "", "attr_type": suggestion.type}


def draft(suggestion: Suggestion) -> dict[str, str]:
    """What the edit panel starts from: the suggested text and attribution (a decided suggestion is not edited)."""
    if not suggestion.is_open:
        raise AlreadyDecided(suggestion)
    return proposed_fields(suggestion) | {"quote": suggestion.quote}


def edited_span(sentence: Sentence, quote: str, near: int) -> tuple[int, int]:
    """Article offsets of the reviewer's edited claim text inside the sentence (the occurrence nearest `near`)."""
    quote = unicodedata.normalize("NFC", quote or "").strip()
    if not quote:
        raise InputError("The claim text is empty: keep at least one word of the sentence.", "quote")
    text = sentence.article.text[sentence.start : sentence.end]
    hits = [i for i in range(len(text)) if text.startswith(quote, i)]
    if not hits:
        raise InputError(f"The claim text must be words of sentence {sentence.index + 1} exactly as written; "
                         "shorten it at either end rather than rewording it.", "quote")
    start = sentence.start + min(hits, key=lambda hit: abs(sentence.start + hit - near))
    return start, start + len(quote)


def _draft(suggestion: Suggestion, sentence: Sentence, edits: dict | None) -> tuple[int, int, dict[str, str]]:
    """The span and attribution to write: the suggestion's own, or the reviewer's edits of them."""
    start, end = span_in(sentence, suggestion)
    fields = proposed_fields(suggestion)
    if edits:
        if edits.get("quote") is not None:
            start, end = edited_span(sentence, edits["quote"], start)
        fields |= {name: edits[name].strip() for name in ATTRIBUTION_FIELDS if edits.get(name) is not None}
    return start, end, fields


def _take_decision(suggestion: Suggestion, state: str, user: User | None) -> None:
    """Move an open suggestion to `state` in one guarded UPDATE: of two people deciding at once, one wins."""
    if not suggestion.is_open:
        raise AlreadyDecided(suggestion)
    result = db.session.execute(
        update(Suggestion).where(Suggestion.id == suggestion.id, Suggestion.state == "open")
        .values(state=state, decided_by_id=user.id if user else None, decided_at=utcnow())
        .execution_options(synchronize_session=False))
    db.session.expire(suggestion)
    if result.rowcount != 1:
        raise AlreadyDecided(suggestion)


def _fill_claim(claim: Claim, fields: dict[str, str], user: User | None, is_new: bool) -> None:
    """A new claim takes every field; a claim already on that span keeps what a person wrote in it."""
    if not is_new:
        fields = {name: value for name, value in fields.items()
                  if getattr(claim, name) in ("", "unattributed") and value}
        if claim.locked or not fields:
            return
    claim_ops.update_claim(claim, fields, user, None)


def accept(suggestion: Suggestion, user: User | None, edits: dict | None = None) -> Claim:
    """Make the suggestion a claim with its attribution filled in (history recorded); record who accepted it."""
    if not suggestion.is_open:
        raise AlreadyDecided(suggestion)
    sentence = owner_of(suggestion)
    start, end, fields = _draft(suggestion, sentence, edits)
    edited = (start, end) != span_in(sentence, suggestion) or fields != proposed_fields(suggestion)
    hold_sentence(sentence.id)  # before the decision: the claim it makes will count on the sentence
    _take_decision(suggestion, "accepted", user)
    claim, is_new = claim_ops.mark_claim(sentence, start, end, user)
    _fill_claim(claim, fields, user, is_new)
    suggestion.claim_id, suggestion.sentence_id, suggestion.edited = claim.id, sentence.id, edited
    if not is_new:  # someone had marked that span already: settled, but the rules get no credit for it
        suggestion.state = "superseded"
    db.session.flush()
    return claim


def proposed_attribution(claim: Claim) -> tuple[dict[str, str] | None, bool]:
    """The attribution to pre-fill for a claim marked by hand: what a suggestion it superseded proposed, else the
    rules' reading of its sentence alone (None when neither names a source or a type); and whether marking it
    settled a suggestion."""
    superseded = db.session.scalars(select(Suggestion).where(Suggestion.claim_id == claim.id)
                                    .order_by(Suggestion.start).limit(1)).first()
    if superseded is not None:
        fields = proposed_fields(superseded)
    else:
        from annotate.suggestions import rules as suggestions_rules  # loaded on first use, not at start-up

        text = claim.sentence.text  # the sentence alone: the rules' cost must not grow with the article
        found = suggestions_rules.analyse(text, [Unit(0, len(text), "body", 0)])
        if not found:
            return None, False
        attribution = found[0].attribution
        fields = {"attr_source": attribution.source or "", "attr_role": attribution.role or "",
                  "attr_cue": attribution.cue or "", "attr_type": attribution.type}
    said = fields["attr_source"] or fields["attr_type"] != "unattributed"
    return (fields if said else None), superseded is not None


def reject(suggestion: Suggestion, user: User | None) -> Suggestion:
    """Record that a reviewer turned the suggestion down (kept, to measure the rules)."""
    sentence = owner_of(suggestion)
    hold_sentence(sentence.id)  # before the decision: a claim marked there meanwhile would settle it
    _take_decision(suggestion, "rejected", user)
    suggestion.sentence_id = sentence.id
    db.session.flush()
    return suggestion


def reopen(suggestion: Suggestion, user: User | None) -> Sentence:
    """Undo a decision, for the person who made it: the suggestion is open again, and a claim its acceptance made is
    deleted by the claim rule (the history keeps it; a decided claim is refused); a span marked before it stays."""
    if suggestion.is_open:
        raise InputError("This suggestion is open: there is no decision to undo.", "suggestion")
    if user is None or suggestion.decided_by_id != user.id:
        raise InputError("Only the person who decided on a suggestion can undo it.", "suggestion")
    made = suggestion.claim if suggestion.state == "accepted" else None
    if made is not None:
        hold_sentence(made.sentence_id)  # before the suggestion: the claim's deletion counts on the sentence
    suggestion.state, suggestion.claim_id, suggestion.edited = "open", None, False
    suggestion.decided_by_id, suggestion.decided_at = None, None
    db.session.flush()
    if made is not None:
        claim_ops.delete_claim(made, user)
    return owner_of(suggestion)


# ---------------------------------------------------------------- the CLI's shape

def as_proposal(suggestion: Suggestion, sentence_index: int | None) -> "suggestions_rules.Suggestion":
    """The stored row as the rules' value object (its as_dict() is the CLI's JSON shape)."""
    from annotate.suggestions import rules as suggestions_rules  # loaded on first use, not at start-up

    attribution = suggestions_rules.Attribution(source=suggestion.source, role=suggestion.role, cue=suggestion.cue,
                                     type=suggestion.type)
    return suggestions_rules.Suggestion(sentence_index=sentence_index, start=suggestion.start, end=suggestion.end,
                             quote=suggestion.quote, checkworthiness=suggestion.checkworthiness,
                             attribution=attribution)


def suggestion_dicts(article: Article) -> list[dict]:
    """Every stored suggestion as JSON-ready dicts; sentence_index is the stored sentence's index now."""
    finder = SentenceFinder(stored_sentences(article))
    result = []
    for suggestion in article_suggestions(article):
        sentence = finder.at(suggestion.start)
        index = sentence.index if sentence is not None else None
        result.append(as_proposal(suggestion, index).as_dict() | {"id": suggestion.id, "state": suggestion.state})
    return result
