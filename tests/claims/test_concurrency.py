"""Concurrent saves of one claim: exactly one writer of a version wins, the others get 409, nothing is lost."""
import threading

import pytest
from sqlalchemy import delete
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy import update

from annotate.claims import operations as claim_ops
from annotate.errors import InputError
from annotate.extensions import db
from annotate.models import Claim
from annotate.models import Comment
from annotate.models import Evidence
from annotate.models import HistoryEvent
from annotate.models import Sentence
from annotate.review.workflow import ClaimGone
from annotate.review.workflow import ClaimLocked
from tests.factories import make_article
from tests.factories import make_claim
from tests.factories import user_with_token

WRITERS = 8
ROUNDS = 20


def patch_all_at_once(app, claim_uuid: str, version: int, headers: list[dict]) -> list[tuple[int, str]]:
    """Each writer PATCHes the same version with its own rationale, released together by a barrier."""
    barrier = threading.Barrier(len(headers))
    results: list = [None] * len(headers)

    def write(position: int):
        client = app.test_client()
        text = f"writer {position} at version {version}"
        barrier.wait()
        response = client.patch(f"/api/v1/claims/{claim_uuid}", json={"version": version, "rationale": text},
                                headers=headers[position])
        results[position] = (response.status_code, text)

    threads = [threading.Thread(target=write, args=(i,)) for i in range(len(headers))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def test_eight_writers_of_one_version_one_wins_each_round(app):
    article = make_article()
    claim = make_claim(article)
    headers = [user_with_token(f"writer{i}", "editor")[1] for i in range(WRITERS)]
    uuid, claim_id = claim.uuid, claim.id
    for round_number in range(ROUNDS):
        version = db.session.scalar(select(Claim.version).where(Claim.id == claim_id))
        db.session.commit()  # end this thread's read so the writers' transactions see a quiet database
        results = patch_all_at_once(app, uuid, version, headers)
        statuses = sorted(status for status, _ in results)
        assert statuses == [200] + [409] * (WRITERS - 1), (round_number, statuses)
        winner = next(text for status, text in results if status == 200)
        db.session.expire_all()
        stored = db.session.get(Claim, claim_id)
        assert (stored.rationale, stored.version) == (winner, version + 1), round_number
        db.session.commit()


def test_sixteen_writers_marking_at_once_all_succeed_and_all_are_kept(app):
    """SQLite: write requests take the lock when they begin (BEGIN IMMEDIATE), so they queue instead of failing
    with 'database is locked' when a read-then-write transaction meets another writer."""
    article = make_article(" ".join(f"Statement number {n} was made on Tuesday." for n in range(16)))
    headers = [user_with_token(f"marker{i}", "reviewer")[1] for i in range(16)]
    starts = [s.start for s in article.sentences]
    uuid = article.uuid
    db.session.commit()
    barrier = threading.Barrier(16)
    statuses: list = [None] * 16

    def mark(position: int):
        client = app.test_client()
        barrier.wait()
        for round_number in range(3):
            start = starts[position] + (0, 10, 17)[round_number]
            response = client.post(f"/api/v1/articles/{uuid}/claims", json={"start": start, "end": start + 6},
                                   headers=headers[position])
            statuses[position] = (statuses[position] or []) + [response.status_code]

    threads = [threading.Thread(target=mark, args=(i,)) for i in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(codes == [201, 201, 201] for codes in statuses), statuses
    db.session.expire_all()
    assert db.session.scalar(select(func.count(Claim.id))) == 48


def test_eight_writers_marking_one_span_at_once_make_one_claim(app):
    """The article and the sentence are read before the write lock; whether the span is marked already is read
    inside it (on PostgreSQL after locking the sentence), so of eight markers of one span one makes the claim and
    seven are answered with it (409), each round. Before, PostgreSQL let several find the span free."""
    article = make_article(" ".join(f"Statement number {n} was made on Tuesday." for n in range(4)))
    headers = [user_with_token(f"marker{i}", "reviewer")[1] for i in range(WRITERS)]
    sentences = [(s.id, s.start) for s in article.sentences]
    uuid = article.uuid
    db.session.commit()
    for sentence_id, start in sentences:
        barrier = threading.Barrier(WRITERS)
        results: list = [None] * WRITERS

        def mark(position: int):
            client = app.test_client()
            barrier.wait()
            response = client.post(f"/api/v1/articles/{uuid}/claims", json={"start": start, "end": start + 9},
                                   headers=headers[position])
            results[position] = (response.status_code, response.get_json()["claim"]["id"] if response.status_code
                                 == 409 else response.get_json()["id"])

        threads = [threading.Thread(target=mark, args=(i,)) for i in range(WRITERS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert sorted(status for status, _ in results) == [201] + [409] * (WRITERS - 1), results
        assert len({claim_id for _, claim_id in results}) == 1, results  # the 409s carry the claim that was made
        db.session.expire_all()
        assert db.session.scalar(select(func.count(Claim.id)).where(Claim.sentence_id == sentence_id)) == 1
        db.session.commit()


def test_a_sentence_split_after_it_was_read_refuses_the_mark_and_writes_nothing(app):
    """What a marker read before the write lock may be out of date by the time it holds it: another writer split
    the sentence. The mark is refused with a message, and nothing is written."""
    article = make_article("The minister said that 40 people were arrested on Tuesday. Nobody disputes it.")
    user = user_with_token("marker", "reviewer")[0]
    sentence = article.sentences[0]
    cut = article.text.index(" on Tuesday")
    db.session.commit()
    with db.engine.begin() as other_writer:  # another request's split, committed meanwhile
        other_writer.execute(update(Sentence).where(Sentence.id == sentence.id).values(end=cut))
    claims_before = db.session.scalar(select(func.count(Claim.id)))
    with pytest.raises(InputError, match="sentences changed"):
        claim_ops.mark_claim(sentence, sentence.start, sentence.start + 12, user)
    db.session.rollback()
    assert db.session.scalar(select(func.count(Claim.id))) == claims_before


def _claim_read_then_changed_by_another_writer(change) -> tuple:
    """A claim as a request read it before the write lock, then changed by another writer's committed request."""
    article = make_article()
    claim = make_claim(article)
    user = user_with_token("reader", "reviewer")[0]
    db.session.commit()
    with db.engine.begin() as other_writer:
        other_writer.execute(change(claim.id))
    return claim, user


def _counts() -> tuple:
    return tuple(db.session.scalar(select(func.count()).select_from(model))
                 for model in (Evidence, Comment, HistoryEvent))


def test_a_claim_deleted_after_it_was_read_refuses_evidence_and_writes_nothing(app):
    """Evidence reads its claim before the write lock; one deleted meanwhile answers ClaimGone (404) from the
    claim's compare-and-set, instead of breaking a foreign key, and nothing is written."""
    claim, user = _claim_read_then_changed_by_another_writer(lambda claim_id: delete(Claim).where(Claim.id == claim_id))
    before = _counts()
    with pytest.raises(ClaimGone):
        claim_ops.add_evidence(claim, "https://example.org/report", user)
    db.session.rollback()
    assert _counts() == before


def test_a_claim_signed_off_after_it_was_read_refuses_evidence(app):
    """The evidence's write to its claim (who changed it last) applies only while the claim is unlocked."""
    claim, user = _claim_read_then_changed_by_another_writer(
        lambda claim_id: update(Claim).where(Claim.id == claim_id).values(locked=True))
    before = _counts()
    with pytest.raises(ClaimLocked):
        claim_ops.add_evidence(claim, "https://example.org/report", user)
    db.session.rollback()
    assert _counts() == before
