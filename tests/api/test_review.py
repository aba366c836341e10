"""API teamwork endpoints: verdicts and comments, with the workflow's own rules (roles, locks, vocabulary)."""
import pytest
from sqlalchemy import func
from sqlalchemy import select

from annotate.extensions import db
from annotate.models import Comment
from annotate.models import Mention
from annotate.models import Verdict
from tests.factories import assert_json_error
from tests.factories import make_article
from tests.factories import make_claim
from tests.factories import user_with_token


@pytest.fixture
def claim(app):
    return make_claim(make_article(), "40 people were hurt")


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def test_give_and_revise_a_verdict_citing_evidence(client, auth, claim):
    evidence = client.post(f"/api/v1/claims/{claim.uuid}/evidence", json={"url": "https://example.org/r"},
                           headers=auth).get_json()
    response = client.post(f"/api/v1/claims/{claim.uuid}/verdicts", headers=auth,
                           json={"rating": "supported", "confidence": 4, "note": "Matches the hospital count.",
                                 "evidence": [evidence["id"]]})
    assert response.status_code == 201, response.get_json()
    verdict = response.get_json()
    assert (verdict["reviewer"], verdict["rating"], verdict["evidence"]) == ("api-rev", "supported", [evidence["id"]])
    revised = client.post(f"/api/v1/claims/{claim.uuid}/verdicts", json={"rating": "refuted"}, headers=auth)
    assert revised.status_code == 201 and revised.get_json()["id"] != verdict["id"]
    assert count(Verdict) == 2
    assert db.session.scalar(select(func.count(Verdict.id)).where(Verdict.superseded_at.is_(None))) == 1


@pytest.mark.parametrize("body, field", [({}, "rating"), ({"rating": "true-ish"}, "rating"),
                                         ({"rating": "supported", "confidence": 9}, "confidence"),
                                         ({"rating": "supported", "evidence": ["not-ours"]}, "evidence[0]")])
def test_invalid_verdicts_are_422(client, auth, claim, body, field):
    assert_json_error(client.post(f"/api/v1/claims/{claim.uuid}/verdicts", json=body, headers=auth), 422, field)
    assert count(Verdict) == 0


def test_a_locked_claim_takes_no_verdict(client, auth, claim):
    claim.locked = True
    db.session.commit()
    error = assert_json_error(client.post(f"/api/v1/claims/{claim.uuid}/verdicts", json={"rating": "supported"},
                                          headers=auth), 409)
    assert error["code"] == "claim_locked" and count(Verdict) == 0


def test_comment_reply_and_mention(client, auth, claim):
    user_with_token("maria")
    first = client.post(f"/api/v1/claims/{claim.uuid}/comments", json={"body": "Who counted? @maria"},
                        headers=auth)
    assert first.status_code == 201, first.get_json()
    comment = first.get_json()
    assert (comment["author"], comment["parent_id"], comment["resolved"]) == ("api-rev", None, False)
    reply = client.post(f"/api/v1/claims/{claim.uuid}/comments", json={"body": "The city.",
                                                                        "parent_id": comment["id"]}, headers=auth)
    assert reply.status_code == 201 and reply.get_json()["parent_id"] == comment["id"]
    assert count(Comment) == 2 and count(Mention) == 1


@pytest.mark.parametrize("body, field", [({}, "body"), ({"body": "   "}, "body"),
                                         ({"body": "Hi", "parent_id": "nope"}, "parent_id"),
                                         ({"body": "Hi", "evidence_id": "nope"}, "evidence_id")])
def test_invalid_comments_are_422(client, auth, claim, body, field):
    assert_json_error(client.post(f"/api/v1/claims/{claim.uuid}/comments", json=body, headers=auth), 422, field)
    assert count(Comment) == 0


def test_a_locked_claim_cannot_be_updated_and_the_409_carries_it(client, auth, claim):
    claim.locked = True
    db.session.commit()
    response = client.patch(f"/api/v1/claims/{claim.uuid}", json={"version": 1, "rationale": "x"}, headers=auth)
    assert assert_json_error(response, 409)["code"] == "claim_locked"
    assert response.get_json()["claim"]["id"] == claim.uuid
    assert_json_error(client.post(f"/api/v1/claims/{claim.uuid}/evidence", json={"url": "https://a.org"},
                                  headers=auth), 409)


def test_once_review_began_the_status_follows_the_verdicts(client, auth, claim):
    client.post(f"/api/v1/claims/{claim.uuid}/verdicts", json={"rating": "supported"}, headers=auth)
    version = client.get(f"/api/v1/claims/{claim.uuid}", headers=auth).get_json()["version"]
    response = client.patch(f"/api/v1/claims/{claim.uuid}", json={"version": version, "status": "refuted"},
                            headers=auth)
    assert_json_error(response, 422, "status")
