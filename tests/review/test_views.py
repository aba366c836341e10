"""The review workflow through the test client: panel sections, locking, stale saves, blind review in HTML."""
import re


from annotate.claims import history
from annotate.claims import operations as claim_ops
from annotate.review import discussion
from annotate.review import workflow as review_workflow
from annotate.extensions import db
from annotate.models import Claim
from annotate.models import Evidence
from tests.conftest import HX
from tests.factories import login


def panel_of(client, claim):
    response = client.get(f"/claims/{claim.id}", headers=HX)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_the_panel_shows_the_review_sections(client, team, claim):
    html = panel_of(login(client, "ann"), claim)
    for part in ('id="verdicts-', 'id="discussion-', 'id="history-', "Give your verdict", 'hx-trigger="every 5s"'):
        assert part in html
    assert "Sign off" not in html  # editors only
    assert "Sign off" in panel_of(login(client, "ed"), claim)


def test_a_verdict_posted_from_the_panel_is_recorded_and_recolours_the_sentence(client, team, claim):
    login(client, "ann")
    response = client.post(f"/claims/{claim.id}/verdict", headers=HX,
                           data={"rating": "supported", "confidence": "4", "note": "Police report <b>x</b>"})
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "Your verdict is recorded." in html and "Revise your verdict" in html
    assert "Police report &lt;b&gt;x&lt;/b&gt;" in html
    assert 'hx-swap-oob="true"' in html and "status-in_review" in html
    assert review_workflow.verdict_of(claim, team["ann"]).confidence == 4


def test_a_bad_verdict_gets_a_message_and_writes_nothing(client, team, claim):
    login(client, "ann")
    response = client.post(f"/claims/{claim.id}/verdict", headers=HX, data={"rating": "<script>", "confidence": "3"})
    assert response.status_code == 422
    assert "Choose a rating from the vocabulary" in response.get_data(as_text=True)
    assert review_workflow.current_verdicts(claim) == []


def test_blind_review_does_not_leak_ratings_into_the_html(client, team, claim):
    review_workflow.give_verdict(claim, team["ann"], "misleading", 3, "secret note")
    db.session.commit()
    html = panel_of(login(client, "bob"), claim)
    assert "secret note" not in html and "1 teammate verdict hidden" in html
    assert not re.search(r'class="badge status-misleading"', html)
    client.post(f"/claims/{claim.id}/verdict", headers=HX, data={"rating": "supported"})
    assert "secret note" in panel_of(client, claim)


def test_sign_off_from_the_panel_locks_core_edits(client, team, claim):
    evidence = claim_ops.add_evidence(claim, "https://example.org/a", team["ann"])
    db.session.commit()
    login(client, "ed")
    response = client.post(f"/claims/{claim.id}/signoff", headers=HX,
                           data={"rating": "refuted", "explanation": "Only 14 were hurt.", "method": "editor"})
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "Reopen" in html and "Only 14 were hurt." in html and "Delete claim" not in html
    login(client, "ann")
    version = db.session.get(Claim, claim.id).version
    attempts = [
        (f"/claims/{claim.id}", {"attr_source": "Changed", "attr_type": "direct", "status": "supported",
                                 "rationale": "", "version": version}),
        (f"/claims/{claim.id}/delete", {}),
        (f"/claims/{claim.id}/evidence", {"evidence-url": "https://example.org/b", "evidence-stance": "context"}),
        (f"/evidence/{evidence.id}/delete", {}),
        (f"/claims/{claim.id}/verdict", {"rating": "supported"}),
        (f"/claims/{claim.id}/flag", {"reason": "I still disagree"}),
    ]
    for url, data in attempts:
        response = client.post(url, data=data, headers=HX)
        assert response.status_code == 409, url
    db.session.expire_all()
    stored = db.session.get(Claim, claim.id)
    assert stored.attr_source == "" and stored.status == "refuted" and stored.locked
    assert db.session.query(Evidence).count() == 1 and review_workflow.current_verdicts(stored) == []


def test_an_editor_reopens_and_edits_flow_again(client, team, claim):
    review_workflow.sign_off(claim, team["ed"], "supported", "ok", "editor")
    db.session.commit()
    login(client, "ed")
    assert client.post(f"/claims/{claim.id}/reopen", headers=HX).status_code == 200
    login(client, "ann")
    response = client.post(f"/claims/{claim.id}/evidence", headers=HX,
                           data={"evidence-url": "https://example.org/b", "evidence-stance": "context"})
    assert response.status_code == 200


def test_a_stale_save_is_refused_with_who_and_what_and_can_be_reapplied(client, team, claim):
    login(client, "ann")
    form = {"attr_source": "Ana Ruiz", "attr_role": "", "attr_cue": "", "attr_type": "direct", "status": "unverified",
            "rationale": "", "version": claim.version}
    claim_ops.update_claim(claim, {"attr_source": "The mayor"}, team["bob"], claim.version)
    db.session.commit()
    response = client.post(f"/claims/{claim.id}", data=form, headers=HX)
    assert response.status_code == 409
    html = response.get_data(as_text=True)
    assert "bob changed this claim" in html and "The mayor" in html and "Ana Ruiz" in html
    assert "Reapply my edit over theirs" in html
    db.session.refresh(claim)
    assert claim.attr_source == "The mayor"
    reapply = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)">',
                              html.split('class="reapply"')[1].split("</form>")[0]))
    assert reapply["version"] == str(claim.version) and reapply["attr_source"] == "Ana Ruiz"
    assert client.post(f"/claims/{claim.id}", data=reapply, headers=HX).status_code == 200
    db.session.refresh(claim)
    assert claim.attr_source == "Ana Ruiz"


def test_the_panel_has_no_status_field_the_status_follows_your_verdict(client, team, claim):
    claim.article.blind_verdicts = False
    db.session.commit()
    login(client, "ann")
    html = panel_of(client, claim)
    assert 'name="status"' not in html and "follows the verdicts: give yours below" in html
    assert "<legend>Your verdict</legend>" in html
    client.post(f"/claims/{claim.id}/verdict", headers=HX, data={"rating": "supported"})
    html = panel_of(client, claim)
    assert 'class="badge status-in_review"' in html and 'name="status"' not in html
    assert "follows the verdicts below" in html and "give yours below" not in html  # she has given hers


def test_a_verdict_that_decides_colours_the_claim_everywhere_at_once(client, team, claim):
    claim.article.single_verdict = True
    db.session.commit()
    login(client, "ann")
    response = client.post(f"/claims/{claim.id}/verdict", headers=HX, data={"rating": "refuted"})
    html = response.get_data(as_text=True)
    assert 'class="badge status-refuted"' in html  # the panel's chip
    assert 'mark class="claim status-refuted"' in html  # the sentence row, swapped in the same response
    listing = client.get("/").get_data(as_text=True)
    assert 'class="status-refuted" title="Refuted"' in listing


def test_the_history_timeline_shows_who_what_before_and_after(client, team, claim):
    claim_ops.update_claim(claim, {"attr_source": "Police"}, team["ann"], claim.version)
    review_workflow.give_verdict(claim, team["ann"], "supported")
    review_workflow.give_verdict(claim, team["ann"], "refuted")
    review_workflow.give_verdict(claim, team["bob"], "refuted")  # blind review: bob reads ann's verdicts once he judged
    db.session.commit()
    html = login(client, "bob").get(f"/claims/{claim.id}/history", headers=HX).get_data(as_text=True)
    assert "revised" in html and "<del>Supported</del>" in html and "<ins>Refuted</ins>" in html
    assert "<ins>Police</ins>" in html and "edited the claim" in html


def test_flag_from_the_panel_needs_a_reason(client, team, claim):
    login(client, "bob")
    response = client.post(f"/claims/{claim.id}/flag", data={"reason": ""}, headers=HX)
    assert response.status_code == 422 and "Say in a few words" in response.get_data(as_text=True)
    response = client.post(f"/claims/{claim.id}/flag", data={"reason": "Two figures"}, headers=HX)
    assert response.status_code == 200
    db.session.refresh(claim)
    assert claim.workflow_state == "disputed" and claim.flag_reason == "Two figures"


def test_the_timeline_says_a_state_change_once_and_names_a_hand_set_status_turned_verdict(client, team, claim):
    claim.article.single_verdict = True
    review_workflow.give_verdict(claim, team["ann"], "refuted")
    history.record("migrated", "verdict", claim, team["ann"], {"status": "refuted"},
                   {"reviewer": "ann", "rating": "refuted", "confidence": 3, "note": "", "evidence": []}, "v-1")
    db.session.commit()
    html = login(client, "ed").get(f"/claims/{claim.id}/history", headers=HX).get_data(as_text=True)
    (state,) = [item for item in html.split("<li ") if "moved the claim to Decided" in item]
    assert "<dt>Rating</dt>" in state and "<dt>Status</dt>" not in state  # the export status only repeats it
    assert "had set the status by hand; it became their verdict" in html


def test_the_nav_disputed_count_and_the_discussion_count_follow_the_change_that_moves_them(app, team, claim):
    def post(name: str, url: str, data: dict) -> str:
        with app.app_context():  # a request of its own, as under a server (no count cached from an earlier one)
            client = login(app.test_client(), name)
            response = client.post(url, headers=HX, data=data)
            assert response.status_code == 200, response.data[:200]
            return response.get_data(as_text=True)

    flagged = post("ann", f"/claims/{claim.id}/flag", {"reason": "The figure was revised"})
    assert 'id="nav-disputed" hx-swap-oob="true">Disputed <span class="nav-count"' in flagged
    assert 'aria-label="1 disputed claims">1</span>' in flagged
    commented = post("bob", f"/claims/{claim.id}/verdict", {"rating": "supported"})
    assert 'id="nav-disputed"' not in commented  # still disputed: the count did not move, nothing sent
    signed = post("ed", f"/claims/{claim.id}/signoff", {"rating": "refuted", "explanation": "Revised.",
                                                        "method": "editor"})
    assert 'id="nav-disputed" hx-swap-oob="true">Disputed</a>' in signed  # no count left
    with app.app_context():
        client = login(app.test_client(), "ann")
        client.post(f"/claims/{claim.id}/comments", headers=HX, data={"body": "Checked the annex."})
        thread = client.get(f"/claims/{claim.id}/thread", headers=HX).get_data(as_text=True)
    assert '<span class="count" id="discussion-count-' in thread and 'hx-swap-oob="true">1</span>' in thread


def test_the_nav_shows_unread_mentions_until_the_discussion_is_read(app, team, claim):
    def page_as(name: str) -> str:
        with app.app_context():  # a request of its own, as under a server
            return login(app.test_client(), name).get("/").get_data(as_text=True)

    discussion.add_comment(claim, team["ann"], "@bob the annex has the real figure, and @bob again")
    discussion.add_comment(claim, team["ann"], "No mention here.")
    db.session.commit()
    assert 'class="nav-count nav-mentions" aria-label="1 unread mention">@1</span>' in page_as("bob")
    assert "nav-mentions" not in page_as("ed")  # not mentioned
    with app.app_context():
        login(app.test_client(), "bob").post(f"/claims/{claim.id}/read", headers=HX)
    assert "nav-mentions" not in page_as("bob")
