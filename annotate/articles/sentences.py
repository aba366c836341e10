"""Sentence operations: 'checked, no claim', and mending a bad split without losing claims."""
from sqlalchemy import bindparam
from sqlalchemy import select
from sqlalchemy import update

from annotate.claims.operations import reopen_suggestions_rejected_at
from annotate.claims.operations import settle_suggestions
from annotate.claims.operations import span_from_browser
from annotate.errors import InputError
from annotate.extensions import db
from annotate.models import Sentence
from annotate.models import User
from annotate.models import utcnow
from annotate.row_locks import hold_sentence
from annotate.row_locks import hold_sentences_from
from annotate.text.offsets import nearest_word_boundary
from annotate.text.offsets import trim_span


def sentence_at_offset(article_id: int, offset: int) -> Sentence | None:
    """The sentence holding an article offset: the last one starting at or before it, if it reaches past it.
    One query on the (article_id, start) index, whatever the article's length."""
    sentence = db.session.scalar(_AT_OFFSET, {"article_id": article_id, "offset": offset})
    return sentence if sentence is not None and offset < sentence.end else None


def sentence_at_index(article_id: int, index: int) -> Sentence | None:
    """The sentence numbered `index` (from 0): one query on the (article_id, index) key."""
    return db.session.scalar(_AT_INDEX, {"article_id": article_id, "index": index})


# Built once: the API marks claims through them, and building a statement cost a third of running it.
_AT_OFFSET = (select(Sentence).where(Sentence.article_id == bindparam("article_id"),
                                     Sentence.start <= bindparam("offset"))
              .order_by(Sentence.start.desc()).limit(1))
_AT_INDEX = select(Sentence).where(Sentence.article_id == bindparam("article_id"), Sentence.index == bindparam("index"))


def touch(sentence: Sentence, user: User | None) -> None:
    """Record who last changed the sentence."""
    sentence.updated_by, sentence.updated_at = user, utcnow()


def set_no_claim(sentence: Sentence, value: bool, user: User | None) -> Sentence:
    """Mark a sentence as checked and holding no claim (or undo that); one that holds claims is checked already."""
    if value and sentence.claims:
        raise InputError("This sentence holds claims, so it is already checked.", "sentence")
    hold_sentence(sentence.id)  # before its suggestions
    if not value and sentence.no_claim and sentence.updated_at is not None:  # the suggestions it rejected return
        reopen_suggestions_rejected_at(sentence, sentence.updated_at)
    sentence.no_claim = value
    touch(sentence, user)
    if value:  # the reviewer's answer to what the rules proposed here, at the moment the sentence records
        settle_suggestions(sentence, user, "rejected", at=sentence.updated_at)
    db.session.flush()
    return sentence


def _shift_indices(article_id: int, after: int, delta: int) -> None:
    """Renumber the sentences after `after` by delta, in two steps to keep (article, index) unique."""
    where = (Sentence.article_id == article_id) & (Sentence.index > after)
    db.session.execute(update(Sentence).where(where).values(index=-Sentence.index - 1))
    negative = (Sentence.article_id == article_id) & (Sentence.index < 0)
    db.session.execute(update(Sentence).where(negative).values(index=-Sentence.index - 1 + delta))


def merge_with_next(sentence: Sentence, user: User | None) -> Sentence:
    """Join a sentence with the one after it; the claims of both stay on the result."""
    following = sentence_at_index(sentence.article_id, sentence.index + 1)
    if following is None:
        raise InputError("This is the last sentence; there is nothing to merge it with.", "sentence")
    if following.paragraph != sentence.paragraph:
        raise InputError("The next sentence starts a new paragraph; sentences merge only within one.", "sentence")
    hold_sentences_from(sentence.article_id, sentence.index)
    for claim in list(following.claims):
        claim.sentence = sentence
    sentence.end = following.end
    sentence.no_claim = sentence.no_claim and following.no_claim
    if "body" in (sentence.kind, following.kind):
        sentence.kind = "body"
    touch(sentence, user)
    db.session.delete(following)
    db.session.flush()
    _shift_indices(sentence.article_id, sentence.index, -1)
    db.session.expire(sentence.article, ["sentences"])
    return sentence


def split_at_browser_offset(sentence: Sentence, offset16: int, user: User | None) -> Sentence:
    """Split where the reviewer clicked: a UTF-16 offset into the sentence, as the browser counts; a click inside a
    word splits at the nearer end of that word."""
    offset, _ = span_from_browser(sentence, offset16, offset16)
    offset = nearest_word_boundary(sentence.article.text, offset, sentence.start, sentence.end)
    return split_at(sentence, offset, user)


def split_at(sentence: Sentence, offset: int, user: User | None) -> Sentence:
    """Split a sentence at an article offset; claims go with the part that holds them."""
    text = sentence.article.text
    first, cut_end = trim_span(text, sentence.start, offset)
    cut_start, last = trim_span(text, offset, sentence.end)
    if not (first < cut_end and cut_start < last):
        raise InputError("Choose a point inside the sentence, with text on both sides.", "offset")
    if any(c.start < cut_start and c.end > cut_end for c in sentence.claims):
        raise InputError("A claim runs across that point; move or delete the claim first.", "offset")
    article = sentence.article
    hold_sentences_from(article.id, sentence.index)
    _shift_indices(article.id, sentence.index, +1)
    second = Sentence(article=article, index=sentence.index + 1, start=cut_start, end=sentence.end,
                      kind=sentence.kind, paragraph=sentence.paragraph, no_claim=sentence.no_claim)
    second.created_by = second.updated_by = user
    for claim in list(sentence.claims):
        if claim.start >= cut_start:
            claim.sentence = second
    sentence.end = cut_end
    touch(sentence, user)
    db.session.add(second)
    db.session.flush()
    db.session.expire(article, ["sentences"])
    return second
