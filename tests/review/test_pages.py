"""Pages: the disputed queue with its filters and nav count, My work, the Team page, admin accounts and vocabulary."""
import re
import time

import pytest
from sqlalchemy import event
from sqlalchemy import select

from annotate.review import assignments
from annotate.review import discussion
from annotate.review import workflow
from annotate.extensions import db
from annotate.models import Assignment
from annotate.models import User
from annotate.review.ratings import rating_by_key
from tests.factories import claim_on_article
from tests.conftest import HX
from tests.factories import login
from tests.factories import make_article
from tests.factories import make_claim
from tests.factories import run_at_once


@pytest.fixture
def disputed(team):
    """Two disputed claims on two articles; the second has the newer activity."""
    first = claim_on_article(title="Budget story")
    workflow.give_verdict(first, team["ann"], "supported")
    workflow.give_verdict(first, team["bob"], "refuted")
    second = claim_on_article(title="Fire story")
    workflow.give_verdict(second, team["bob"], "mixed")
    workflow.give_verdict(second, team["ed"], "misleading")
    discussion.add_comment(second, team["ed"], "Misleading, not mixed: the photo is old.")
    db.session.commit()
    return first, second


def queue_ids(client, query=""):
    html = client.get("/disputed" + query).get_data(as_text=True)
    import re

    return [int(i) for i in re.findall(r'id="q-(\d+)"', html)], html


def test_the_queue_lists_disputed_claims_newest_activity_first(client, team, disputed):
    first, second = disputed
    ids, html = queue_ids(login(client, "ed"))
    assert ids == [second.id, first.id]
    assert "Misleading, not mixed" in html and "Budget story" in html
    assert '<span class="nav-count" aria-label="2 disputed claims">2</span>' in html


def test_the_queue_filters(client, team, disputed):
    first, second = disputed
    login(client, "ann")
    assert queue_ids(client, f"?article={first.article_id}")[0] == [first.id]
    assert queue_ids(client, f"?reviewer={team['ed'].id}")[0] == [second.id]
    assert queue_ids(client, "?rating=refuted")[0] == [first.id]
    assert queue_ids(client, "?mine=1")[0] == [first.id]
    assert queue_ids(client, "?article=abc&reviewer=-1")[0] == [second.id, first.id]  # garbage ignored
    assert queue_ids(client, "?rating=<x>")[0] == []


def test_the_queue_respects_blind_review(client, team, disputed):
    first, _ = disputed
    workflow.flag_dispute(claim_on_article(title="Third"), team["bob"], "Looks off")
    workflow.give_verdict(first.article.claims[0], team["bob"], "refuted")
    db.session.commit()
    _, html = queue_ids(login(client, "ann"), "?rating=mixed")
    assert "hidden until you give yours" in html and "badge status-mixed" not in html


def test_my_work_lists_assignments_progress_and_claims_awaiting_my_verdict(client, team):
    claim = claim_on_article(title="Assigned story")
    extra = make_claim(claim.article, "Police have not named a suspect.", sentence_index=2)
    assignments.assign(claim.article, team["ann"].id, team["ed"])
    workflow.give_verdict(claim, team["ann"], "supported")
    db.session.commit()
    html = login(client, "ann").get("/work").get_data(as_text=True)
    assert "Assigned story" in html and "1 of 2 claims judged" in html
    assert "Police have not named a suspect." in html and "1 claim awaiting your verdict" in html
    assert extra.id


def test_an_editor_assigns_an_article_and_a_claim(client, team):
    claim = claim_on_article()
    login(client, "ed")
    response = client.post(f"/articles/{claim.article_id}/team", data={"action": "assign",
                                                                      "reviewer_id": team["bob"].id})
    assert response.status_code == 303
    assert client.post(f"/claims/{claim.id}/assign", data={"reviewer_id": team["ann"].id},
                       headers={"HX-Request": "true"}).status_code == 200
    assert [u.username for u in assignments.claim_assignees(claim)] == ["ann", "bob"]
    bad = client.post(f"/articles/{claim.article_id}/team", data={"action": "assign", "reviewer_id": "999"})
    assert bad.status_code == 422 and "Choose an active teammate" in bad.get_data(as_text=True)


def test_an_editor_sets_blind_review_and_quorum(client, team):
    claim = claim_on_article()
    workflow.give_verdict(claim, team["ann"], "supported")
    db.session.commit()
    login(client, "ed")
    response = client.post(f"/articles/{claim.article_id}/team", data={"action": "settings", "quorum": "1"})
    assert response.status_code == 303
    db.session.refresh(claim)
    assert claim.article.quorum == 1 and not claim.article.blind_verdicts
    assert claim.workflow_state == "awaiting_signoff"
    bad = client.post(f"/articles/{claim.article_id}/team", data={"action": "settings", "quorum": "0"})
    assert bad.status_code == 422


def test_an_editor_lets_a_single_verdict_decide_and_the_claims_follow_at_once(client, team):
    claim = claim_on_article()
    workflow.give_verdict(claim, team["ann"], "refuted")
    db.session.commit()
    login(client, "ed")
    assert 'name="single_verdict" value="y">' in client.get(f"/articles/{claim.article_id}/team").get_data(as_text=True)
    data = {"action": "settings", "quorum": "2", "blind_verdicts": "y", "single_verdict": "y"}
    assert client.post(f"/articles/{claim.article_id}/team", data=data).status_code == 303
    db.session.refresh(claim)
    assert (claim.workflow_state, claim.status, claim.rating, claim.locked) == ("decided", "refuted", "refuted", False)
    assert "a single verdict decides" in client.get(f"/claims/{claim.id}", headers=HX).get_data(as_text=True)
    del data["single_verdict"]
    assert client.post(f"/articles/{claim.article_id}/team", data=data).status_code == 303
    db.session.refresh(claim)
    assert (claim.workflow_state, claim.status, claim.rating) == ("in_review", "in_review", None)


def test_admin_creates_disables_and_changes_roles(client, team):
    login(client, "root")
    response = client.post("/admin/users", data={"username": "cat", "role": "editor"})
    assert response.status_code == 200 and "Password for cat:" in response.get_data(as_text=True)
    cat = db.session.query(User).filter_by(username="cat").one()
    assert cat.role == "editor"
    assert client.post(f"/admin/users/{cat.id}", data={"role": "reviewer"}).status_code == 303
    assert client.post(f"/admin/users/{cat.id}", data={"action": "disable"}).status_code == 303
    db.session.refresh(cat)
    assert (cat.role, cat.active) == ("reviewer", False)
    for data in ({"username": "cat", "role": "reviewer"}, {"username": "", "role": "reviewer"},
                 {"username": "dan", "role": "overlord"}, {"username": "dan", "role": "reviewer", "password": "short"}):
        assert client.post("/admin/users", data=data).status_code == 422, data
    assert db.session.query(User).filter_by(username="dan").count() == 0


def test_the_last_admin_cannot_be_demoted_or_disable_themself(client, team):
    login(client, "root")
    me = team["root"].id
    assert client.post(f"/admin/users/{me}", data={"action": "disable"}).status_code == 422
    assert client.post(f"/admin/users/{me}", data={"role": "editor"}).status_code == 422
    db.session.refresh(team["root"])
    assert team["root"].role == "admin" and team["root"].active


def test_admin_edits_the_vocabulary_and_the_colours_follow(client, team):
    login(client, "root")
    rating = rating_by_key("mixed")
    data = {"label": "Half true", "colour": "#AA5500", "position": "2", "agreement_group": "mixed",
            "description": "Partly", "active": "y"}
    assert client.post(f"/admin/vocabulary/{rating.id}", data=data).status_code == 303
    css = client.get("/vocabulary.css")
    assert css.mimetype == "text/css" and ".status-mixed, .rating-mixed { --c: #aa5500;" in css.get_data(as_text=True)
    assert "Half true" in client.get("/admin/vocabulary").get_data(as_text=True)
    for bad in ({**data, "colour": "red"}, {**data, "colour": "#12345"}, {**data, "colour": "#1234567"},
                {**data, "label": ""}, {**data, "agreement_group": "Bad Group!"}):
        response = client.post(f"/admin/vocabulary/{rating.id}", data=bad)
        assert response.status_code == 422, bad
    db.session.expire_all()
    assert rating_by_key("mixed").colour == "#aa5500"
    assert client.post(f"/admin/vocabulary/{rating.id}", data={**data, "export_status": "true"}).status_code == 422
    assert client.post(f"/admin/vocabulary/{rating.id}", data={**data, "export_status": "refuted"}).status_code == 303
    db.session.expire_all()
    assert rating_by_key("mixed").export_status == "refuted"
    page = client.get("/admin/vocabulary").get_data(as_text=True)
    assert f'id="r{rating.id}-export" name="export_status"><option value="supported">' in page
    assert '<option value="refuted" selected>Refuted</option>' in page
    assert client.post("/admin/vocabulary", data={"key": "pants_on_fire", "label": "Pants on fire",
                                                  "colour": "#991b1b", "position": "9"}).status_code == 303
    assert rating_by_key("pants_on_fire").export_status == "unverifiable"  # none chosen: the safe bucket
    assert client.post("/admin/vocabulary", data={"key": "Bad Key", "label": "x", "colour": "#000000"}).status_code == 422
    assert client.post("/admin/vocabulary", data={"key": "in_review", "label": "x", "colour": "#000000"}).status_code == 422


def test_a_new_rating_can_be_given_and_decided(client, team):
    from annotate.review.ratings import create_rating

    create_rating({"key": "pants_on_fire", "label": "Pants on fire", "colour": "#991b1b"})
    claim = claim_on_article()
    workflow.give_verdict(claim, team["ann"], "pants_on_fire")
    workflow.sign_off(claim, team["ed"], "pants_on_fire", "Ridiculous.", "editor")
    db.session.commit()
    html = login(client, "ann").get(f"/articles/{claim.article_id}").get_data(as_text=True)
    assert "Pants on fire" in html and "status-pants_on_fire" in html


def test_agreement_page_shows_figures_and_links_to_disagreements(client, team):
    claim = claim_on_article()
    other = make_claim(claim.article, "Police have not named a suspect.", sentence_index=2)
    workflow.give_verdict(claim, team["ann"], "supported")
    workflow.give_verdict(claim, team["bob"], "refuted")
    workflow.give_verdict(other, team["ann"], "supported")
    workflow.give_verdict(other, team["bob"], "supported")
    db.session.commit()
    login(client, "ed")
    html = client.get(f"/articles/{claim.article_id}/agreement").get_data(as_text=True)
    assert "50%" in html and "ann · bob" in html
    pair = f"{team['ann'].id}-{team['bob'].id}"
    assert f"pair={pair}" in html
    focused = client.get(f"/articles/{claim.article_id}/agreement?pair={pair}").get_data(as_text=True)
    section = focused.split('id="claims"')[1]
    assert f"claim={claim.id}" in section and f"claim={other.id}" not in section


def test_new_review_rules_reach_every_claim_in_review_with_reads_that_do_not_grow(client, team):
    from flask import g

    from tests.test_queries import counted_queries

    def claims_in_review(count: int):
        article = make_article(" ".join(f"Sentence {i} says 4{i} people were hurt." for i in range(count)))
        for index in range(count):
            workflow.give_verdict(make_claim(article, sentence_index=index), team["ann"], "refuted")
        db.session.commit()
        return article

    login(client, "ed")
    reads = []
    for article in (claims_in_review(3), claims_in_review(12)):
        data = {"action": "settings", "quorum": "2", "blind_verdicts": "y", "single_verdict": "y"}
        g.pop("ratings", None)  # the test's app context outlives a request: start each as a server does, uncached
        with counted_queries() as statements:
            assert client.post(f"/articles/{article.id}/team", data=data).status_code == 303
        reads.append(sum(statement.lstrip().upper().startswith("SELECT") for statement in statements))
        db.session.expire_all()
        assert {c.workflow_state for c in db.session.get(type(article), article.id).claims} == {"decided"}
    assert reads[0] == reads[1]  # each claim's change is written, but nothing is read claim by claim


def test_assign_menus_start_on_no_one_and_an_empty_choice_is_refused(client, team):
    claim = claim_on_article()
    login(client, "ed")
    team_page = client.get(f"/articles/{claim.article_id}/team").get_data(as_text=True)
    panel = client.get(f"/claims/{claim.id}", headers=HX).get_data(as_text=True)
    for html in (team_page, panel):
        menu = re.search(r'<select [^>]*name="reviewer_id".*?</select>', html, re.S).group(0)
        assert '<option value="" selected disabled>Choose a teammate…</option>' in menu
        assert not re.search(r'<option value="\d+" selected', menu)  # nobody, not even the editor, is pre-chosen
    refused = client.post(f"/articles/{claim.article_id}/team", data={"action": "assign", "reviewer_id": ""})
    assert refused.status_code == 422 and "Choose an active teammate" in refused.get_data(as_text=True)


def test_editors_assigning_the_same_reviewer_at_once_make_one_assignment_and_no_error(app, team):
    """Assigning looks for the assignment, then adds it: two editors at once both found none. On PostgreSQL an
    article-wide assignment was stored twice (its claim is NULL, which a unique key does not compare) and a claim's
    second one broke the unique key (a 500); the article's row lock makes them wait for each other."""
    claim = claim_on_article()
    article_id, claim_id, bob_id, ann_id = claim.article_id, claim.id, team["bob"].id, team["ann"].id
    count = 4

    def look_slowly(connection, cursor, statement, *args):  # every request looks before any of them adds
        if statement.lstrip().upper().startswith("SELECT") and "FROM assignment" in statement:
            time.sleep(0.05)

    def assign(client, n):
        if n < count:
            return client.post(f"/articles/{article_id}/team", data={"action": "assign", "reviewer_id": bob_id})
        return client.post(f"/claims/{claim_id}/assign", data={"reviewer_id": ann_id}, headers=HX)

    event.listen(db.engine, "before_cursor_execute", look_slowly)
    try:
        statuses = [response.status_code for response in run_at_once(app, 2 * count, assign)]
    finally:
        event.remove(db.engine, "before_cursor_execute", look_slowly)
    assert statuses == [303] * count + [200] * count
    db.session.expire_all()
    rows = db.session.execute(select(Assignment.reviewer_id, Assignment.claim_id)
                              .where(Assignment.article_id == article_id)).all()
    assert sorted(rows, key=str) == sorted([(bob_id, None), (ann_id, claim_id)], key=str)
