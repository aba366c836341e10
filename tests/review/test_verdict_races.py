"""Concurrent review writes: one reviewer giving (or revising) a verdict from several tabs at once keeps exactly one
current verdict; reviewers flagging at once leave one flag; editors signing off at once make one decision. Every
request gets success or 409 (never a 500), and what is stored is what the request told yes wrote."""
import threading

from sqlalchemy import select

from annotate.extensions import db
from annotate.models import Claim
from annotate.models import Decision
from annotate.models import Verdict
from tests.factories import make_article
from tests.factories import login
from tests.factories import make_claim
from tests.factories import make_user
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


def post_all_at_once(clients: list, url: str, data: list[dict]) -> list[int]:
    """Each logged-in client POSTs its own form to the same URL, released together by a barrier."""
    barrier = threading.Barrier(len(clients))
    statuses: list = [None] * len(clients)

    def post(position: int):
        barrier.wait()
        statuses[position] = clients[position].post(url, data=data[position], headers={"HX-Request": "true"}).status_code

    threads = [threading.Thread(target=post, args=(i,)) for i in range(len(clients))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses


def logged_in_clients(app, role: str, count: int) -> list:
    """Clients with sessions of their own. Each logs in inside an app context of its own, as a server request
    would: in the test's shared context Flask-Login keeps the last user in `g`, and the next login's logout would
    end that user's sessions."""
    clients = []
    for i in range(count):
        make_user(f"{role}{i}", role)
        with app.app_context():
            clients.append(login(app.test_client(), f"{role}{i}"))
    return clients


def test_editors_signing_off_at_once_make_one_decision_and_reviewers_flagging_at_once_one_flag(app):
    claim = make_claim(make_article())
    claim_id = claim.id
    db.session.commit()
    reviewers = logged_in_clients(app, "reviewer", 4)
    statuses = post_all_at_once(reviewers, f"/claims/{claim_id}/flag",
                                [{"reason": f"reason of reviewer {i}"} for i in range(4)])
    assert sorted(statuses) == [200, 409, 409, 409], statuses
    db.session.expire_all()
    stored = db.session.get(Claim, claim_id)
    flagger = next(i for i, status in enumerate(statuses) if status == 200)
    assert (stored.flag_reason, stored.flagged_by.username) == (f"reason of reviewer {flagger}", f"reviewer{flagger}")
    db.session.commit()

    editors = logged_in_clients(app, "editor", 4)
    statuses = post_all_at_once(editors, f"/claims/{claim_id}/signoff", [
        {"rating": ("supported", "refuted")[i % 2], "explanation": f"editor {i}'s call", "method": "editor"}
        for i in range(4)])
    assert sorted(statuses) == [200, 409, 409, 409], statuses
    db.session.expire_all()
    (decision,) = db.session.scalars(select(Decision).where(Decision.claim_id == claim_id)).all()
    winner = next(i for i, status in enumerate(statuses) if status == 200)
    assert decision.explanation == f"editor {winner}'s call"
    stored = db.session.get(Claim, claim_id)
    assert (stored.locked, stored.workflow_state, stored.rating, stored.flag_reason) == (
        True, "decided", decision.rating, None)
    db.session.commit()
