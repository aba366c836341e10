"""Who may do what, enforced by the server: crafted requests get 403 and change nothing."""
import pytest

from annotate.review import workflow as review_workflow
from annotate.extensions import db
from annotate.models import Decision
from annotate.models import HistoryEvent
from annotate.models import Rating
from annotate.models import User
from annotate.models import Verdict
from tests.conftest import HX
from tests.factories import PASSWORD
from tests.factories import login


def snapshot():
    """Everything the workflow could have written."""
    db.session.expire_all()
    return (db.session.query(Verdict).count(), db.session.query(Decision).count(),
            db.session.query(HistoryEvent).count(),
            [(u.username, u.role, u.active) for u in db.session.query(User).order_by(User.id)],
            [(r.key, r.label, r.colour) for r in db.session.query(Rating).order_by(Rating.id)])


def test_a_reviewer_cannot_change_another_reviewers_verdict(client, team, claim):
    review_workflow.give_verdict(claim, team["ann"], "supported", 4, "mine")
    db.session.commit()
    login(client, "bob")
    before = snapshot()
    # The form only ever acts on the poster's own verdict: there is no way to name someone else's.
    response = client.post(f"/claims/{claim.id}/verdict", headers=HX,
                           data={"rating": "refuted", "reviewer_id": team["ann"].id, "verdict_id": 1})
    assert response.status_code == 200
    ann = review_workflow.verdict_of(claim, team["ann"])
    assert (ann.rating, ann.note) == ("supported", "mine")
    assert review_workflow.verdict_of(claim, team["bob"]).rating == "refuted"
    assert snapshot()[0] == before[0] + 1


def test_require_verdict_owner_refuses_anyone_else(team, claim):
    from werkzeug.exceptions import Forbidden

    from annotate.accounts.permissions import require_verdict_owner

    verdict = review_workflow.give_verdict(claim, team["ann"], "supported")
    with pytest.raises(Forbidden):
        require_verdict_owner(team["bob"], verdict)
    require_verdict_owner(team["ann"], verdict)


@pytest.mark.parametrize("path, data", [
    ("/claims/{claim}/signoff", {"rating": "supported", "explanation": "x", "method": "editor"}),
    ("/claims/{claim}/reopen", {}),
    ("/claims/{claim}/assign", {"reviewer_id": "1"}),
])
def test_a_reviewer_acting_as_editor_is_refused(client, team, claim, path, data):
    login(client, "ann")
    before = snapshot()
    response = client.post(path.format(claim=claim.id), data=data, headers=HX)
    assert response.status_code == 403
    assert snapshot() == before
    assert not db.session.get(type(claim), claim.id).locked


def test_a_reviewer_cannot_change_review_rules_or_assign_articles(client, team, claim):
    login(client, "ann")
    article = claim.article
    for data in ({"action": "settings", "quorum": "1"}, {"action": "assign", "reviewer_id": team["bob"].id}):
        response = client.post(f"/articles/{article.id}/team", data=data)
        assert response.status_code == 403
    db.session.refresh(article)
    assert article.quorum == 2


@pytest.mark.parametrize("method, path, data", [
    ("GET", "/admin/users", None),
    ("GET", "/admin/vocabulary", None),
    ("POST", "/admin/users", {"username": "mallory", "role": "admin", "password": PASSWORD}),
    ("POST", "/admin/users/{ann}", {"role": "admin"}),
    ("POST", "/admin/users/{bob}", {"action": "disable"}),
    ("POST", "/admin/vocabulary", {"key": "pants_on_fire", "label": "Pants on fire", "colour": "#ff0000"}),
    ("POST", "/admin/vocabulary/1", {"label": "Hacked", "colour": "#000000"}),
])
@pytest.mark.parametrize("who", ["ann", "ed"])
def test_only_admins_reach_the_admin_pages(client, team, who, method, path, data):
    login(client, who)
    before = snapshot()
    response = client.open(path.format(ann=team["ann"].id, bob=team["bob"].id), method=method, data=data)
    assert response.status_code == 403
    assert snapshot() == before


def test_the_nav_shows_admin_only_to_admins(client, team):
    assert b'href="/admin/users"' not in login(client, "ed").get("/").data
    assert b'href="/admin/users"' in login(client, "root").get("/").data


def test_agreement_is_for_editors(client, team, claim):
    assert login(client, "ann").get(f"/articles/{claim.article_id}/agreement").status_code == 403
    assert login(client, "ed").get(f"/articles/{claim.article_id}/agreement").status_code == 200


def test_a_disabled_account_is_refused_and_changes_nothing(client, team, claim):
    login(client, "ann")
    team["ann"].active = False
    db.session.commit()
    before = snapshot()
    response = client.post(f"/claims/{claim.id}/verdict", data={"rating": "supported"}, headers=HX)
    assert response.status_code == 403
    assert snapshot() == before
    # and the session is over: the next page visit asks for a login
    assert client.get("/work").status_code == 302


def test_a_disabled_account_cannot_log_in(client, team):
    team["bob"].active = False
    db.session.commit()
    response = client.post("/login", data={"username": "bob", "password": PASSWORD})
    assert response.status_code == 422


def test_comment_resolution_is_for_the_author_or_an_editor(client, team, claim):
    from annotate.review import discussion

    comment = discussion.add_comment(claim, team["ann"], "Is 40 right?")
    db.session.commit()
    response = login(client, "bob").post(f"/comments/{comment.id}/resolve", headers=HX)
    assert response.status_code == 403
    db.session.refresh(comment)
    assert not comment.resolved
    assert login(client, "ed").post(f"/comments/{comment.id}/resolve", headers=HX).status_code == 200
    db.session.refresh(comment)
    assert comment.resolved
