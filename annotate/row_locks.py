"""Row locks taken in one order, so that concurrent writers of one article wait for each other instead of deadlocking.

The triggers of migration 0012 lock as they count: a claim written locks its sentence (claim_count) and then, when the
sentence's checked state moves, the article's figures row; a suggestion decided locks itself and then the figures row.
PostgreSQL aborts one of two transactions that each hold what the other waits for, so every write that would take
these rows in another order takes its sentences first: sentences (in reading order), then suggestions, then the
figures. SQLite has one writer at a time and needs none of this: there the helpers send nothing.
"""
from sqlalchemy import select

from annotate.extensions import db
from annotate.models import Article
from annotate.models import Claim
from annotate.models import Sentence


def _lock(query, **mode) -> None:
    if db.session.get_bind().dialect.name == "postgresql":
        db.session.execute(query.order_by(Sentence.index).with_for_update(**mode))


def hold_sentence(sentence_id: int) -> None:
    """Lock one sentence (FOR NO KEY UPDATE, as the claim count's UPDATE does) before a write that changes its
    suggestions and then its claims (accept, undo, delete a claim, 'no claim'); marking a claim locks it first
    anyway."""
    _lock(select(Sentence.id).where(Sentence.id == sentence_id), key_share=True)


def hold_sentences_from(article_id: int, index: int) -> None:
    """Lock a sentence and every one after it before a merge or a split, which renumber them after moving claims.
    FOR UPDATE, the lock the renumbering takes (the index is in a unique key): a claim being written on one of them
    holds a key-share lock on it, so taking only part of the lock now would leave the merge waiting on that claim
    while the claim's count waits on the merge."""
    _lock(select(Sentence.id).where(Sentence.article_id == article_id, Sentence.index >= index))


def hold_claim(claim_id: int) -> bool:
    """Lock a claim's row against a delete (FOR KEY SHARE) before writing a row that refers to it, such as a comment:
    it was read without a lock, and another request may have deleted it since. Whether it is still there; on SQLite,
    where it was read inside the write lock, True without a statement."""
    if db.session.get_bind().dialect.name != "postgresql":
        return True
    held = select(Claim.id).where(Claim.id == claim_id).with_for_update(read=True, key_share=True)
    return db.session.scalar(held) is not None


def hold_article(article_id: int) -> None:
    """Lock an article's row before a write that looks for one of its rows and adds it when missing (an assignment),
    so that two such writers take turns instead of both adding it. FOR NO KEY UPDATE: claims written meanwhile take
    only a key-share lock on the article and go on."""
    if db.session.get_bind().dialect.name == "postgresql":
        db.session.execute(select(Article.id).where(Article.id == article_id).with_for_update(key_share=True))
