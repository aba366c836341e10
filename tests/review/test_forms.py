"""The review forms: typed and bounded values, refusals shown where the page shows them, never a 500."""
import pytest

from annotate.claims import operations as claim_ops
from annotate.extensions import db
from annotate.models import Comment
from annotate.models import Rating
from annotate.review import assignments
from annotate.review import workflow
from tests.conftest import HX
from tests.factories import login

HUGE = str(2**31)
HUGER = "9" * 30


def assert_refused_in_panel(response, section: str, message: str):
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert f'id="{section}-' in html and message in html


@pytest.mark.parametrize("reviewer_id", [HUGE, HUGER, "-1", "²", "x"])
def test_assigning_a_claim_to_a_garbage_id_is_a_422(client, team, claim, reviewer_id):
    login(client, "ed")
    response = client.post(f"/claims/{claim.id}/assign", data={"reviewer_id": reviewer_id}, headers=HX)
    assert_refused_in_panel(response, "verdicts", "reload the page")
    assert assignments.claim_assignees(claim) == []


@pytest.mark.parametrize("data", [{"action": "assign", "reviewer_id": HUGE},
                                  {"action": "settings", "quorum": HUGER},
                                  {"action": "settings", "quorum": "two"}])
def test_the_team_page_refuses_garbage_numbers_with_a_422(client, team, claim, data):
    login(client, "ed")
    response = client.post(f"/articles/{claim.article_id}/team", data=data)
    assert response.status_code == 422 and 'role="alert"' in response.get_data(as_text=True)
    db.session.refresh(claim.article)
    assert claim.article.quorum == 2 and assignments.article_assignments(claim.article) == []


def test_a_reviewer_posting_garbage_to_the_team_page_is_refused_as_a_reviewer(client, team, claim):
    login(client, "ann")
    response = client.post(f"/articles/{claim.article_id}/team", data={"action": "settings", "quorum": "x"})
    assert response.status_code == 403


@pytest.mark.parametrize("data, message", [
    ({"rating": "supported", "confidence": HUGE}, "Choose a confidence"),
    ({"rating": "supported", "confidence": "9"}, "Choose a confidence from 1 (very low) to 5 (very high)."),
    ({"rating": "supported", "evidence": HUGE}, "reload the page"),
    ({"rating": "supported", "evidence": "x"}, "reload the page"),
    ({"rating": "nonsense"}, "Choose a rating from the vocabulary"),
])
def test_a_verdict_with_bad_values_keeps_the_form_and_says_why(client, team, claim, data, message):
    login(client, "ann")
    response = client.post(f"/claims/{claim.id}/verdict", data={**data, "note": "kept"}, headers=HX)
    assert_refused_in_panel(response, "verdicts", message)
    assert ">kept</textarea>" in response.get_data(as_text=True)
    assert workflow.current_verdicts(claim) == []


def test_a_verdict_rests_on_the_evidence_picked(client, team, claim):
    first = claim_ops.add_evidence(claim, "https://example.org/a", team["ann"])
    claim_ops.add_evidence(claim, "https://example.org/b", team["ann"])
    db.session.commit()
    login(client, "ann")
    response = client.post(f"/claims/{claim.id}/verdict", data={"rating": "supported", "evidence": [first.id]},
                           headers=HX)
    assert response.status_code == 200
    assert [e.id for e in workflow.verdict_of(claim, team["ann"]).evidence] == [first.id]


@pytest.mark.parametrize("data", [{"body": "a reply", "parent_id": HUGE}, {"body": "linked", "evidence_id": HUGER},
                                  {"body": "linked", "evidence_id": "-3"}])
def test_a_comment_naming_a_garbage_id_is_a_422_with_the_text_kept(client, team, claim, data):
    login(client, "ann")
    response = client.post(f"/claims/{claim.id}/comments", data=data, headers=HX)
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert "reload the page" in html and data["body"] in html
    assert db.session.query(Comment).count() == 0


@pytest.mark.parametrize("position", [HUGE, HUGER, "-" + HUGER, "1e3"])
def test_a_rating_order_beyond_the_column_is_a_422(client, team, position):
    login(client, "root")
    rating = db.session.query(Rating).filter_by(key="mixed").one()
    data = {"label": "Mixed", "colour": "#a16207", "position": position, "agreement_group": "mixed", "active": "y"}
    response = client.post(f"/admin/vocabulary/{rating.id}", data=data)
    assert response.status_code == 422 and "The order is a whole number." in response.get_data(as_text=True)
    new = client.post("/admin/vocabulary", data={"key": "half_true", "label": "Half true", "colour": "#000000",
                                                 "position": position})
    assert new.status_code == 422
    assert db.session.query(Rating).filter_by(key="half_true").count() == 0


def test_a_flag_without_a_form_field_says_what_is_missing(client, team, claim):
    login(client, "bob")
    response = client.post(f"/claims/{claim.id}/flag", data={}, headers=HX)
    assert_refused_in_panel(response, "verdicts", "Say in a few words")


@pytest.mark.parametrize("query", ["?article=²", f"?reviewer={HUGE}", f"?article={HUGER}", "?reviewer=٣"])
def test_the_queue_ignores_ids_that_are_no_ids(client, team, query):
    assert login(client, "ann").get("/disputed" + query).status_code == 200
