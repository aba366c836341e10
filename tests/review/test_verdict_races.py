"""Concurrent verdicts: one reviewer giving (or revising) a verdict from several tabs at once keeps exactly one
current verdict, every request gets 201 or 409 (never a 500), and the stored one is a request that was told yes."""
import threading

from sqlalchemy import select

from annotate.extensions import db
from annotate.models import Verdict
from tests.factories import make_article
from tests.factories import make_claim
from tests.factories import user_with_token

TABS = 8
ROUNDS = 10
RATINGS = ("supported", "refuted", "misleading", "unverifiable")


def give_all_at_once(app, claim_uuid: str, headers: dict, round_number: int) -> list[tuple[int, str]]:
    barrier = threading.Barrier(TABS)
    results: list = [None] * TABS

    def give(position: int):
        client = app.test_client()
        note = f"tab {position} in round {round_number}"
        barrier.wait()
        response = client.post(f"/api/v1/claims/{claim_uuid}/verdicts", headers=headers,
                               json={"rating": RATINGS[position % len(RATINGS)], "note": note})
        results[position] = (response.status_code, note)

    threads = [threading.Thread(target=give, args=(i,)) for i in range(TABS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def test_one_reviewer_in_eight_tabs_keeps_one_current_verdict(app):
    claim = make_claim(make_article())
    reviewer, headers = user_with_token("tabs", "reviewer")
    claim_uuid, claim_id, reviewer_id = claim.uuid, claim.id, reviewer.id
    db.session.commit()
    for round_number in range(ROUNDS):
        results = give_all_at_once(app, claim_uuid, headers, round_number)
        statuses = {status for status, _ in results}
        assert statuses <= {201, 409} and 201 in statuses, (round_number, results)
        db.session.expire_all()
        current = db.session.scalars(select(Verdict).where(Verdict.claim_id == claim_id,
                                                           Verdict.reviewer_id == reviewer_id,
                                                           Verdict.superseded_at.is_(None))).all()
        assert len(current) == 1, (round_number, [v.note for v in current])
        assert (201, current[0].note) in results, round_number
        db.session.commit()
