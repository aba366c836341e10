"""Concurrent saves of one claim: exactly one writer of a version wins, the others get 409, nothing is lost."""
import threading

from sqlalchemy import func
from sqlalchemy import select

from annotate.extensions import db
from annotate.models import Claim
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
