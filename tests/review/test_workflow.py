"""The review workflow as plain functions: verdicts, disputes found by disagreement, quorum, flags, sign-off, reopen."""
import pytest
from werkzeug.exceptions import Forbidden

from annotate.claims import operations as claim_ops
from annotate.review import ratings
from annotate.review import workflow as review_workflow
from annotate.errors import InputError
from annotate.extensions import db
from annotate.claims.history import claim_history
from annotate.models import Verdict
from tests.factories import claim_on_article


def states(claim):
    db.session.refresh(claim)
    return claim.workflow_state, claim.status


def test_first_verdict_puts_the_claim_in_review(team, claim):
    review_workflow.give_verdict(claim, team["ann"], "supported", 4, "Police report confirms 40.")
    assert states(claim) == ("in_review", "in_review")
    assert claim.state_since is not None


def test_disagreeing_verdicts_make_the_claim_disputed_by_itself(team, claim):
    review_workflow.give_verdict(claim, team["ann"], "supported")
    review_workflow.give_verdict(claim, team["bob"], "refuted")
    assert states(claim) == ("disputed", "disputed")


def test_agreement_groups_decide_what_counts_as_agreeing(team, claim):
    # supported and mostly supported share the default group "supported"
    review_workflow.give_verdict(claim, team["ann"], "supported")
    review_workflow.give_verdict(claim, team["bob"], "mostly_supported")
    assert states(claim) == ("awaiting_signoff", "in_review")


def test_quorum_of_agreeing_verdicts_awaits_sign_off(team):
    claim = claim_on_article(quorum=3)
    review_workflow.give_verdict(claim, team["ann"], "refuted")
    review_workflow.give_verdict(claim, team["bob"], "refuted")
    assert states(claim)[0] == "in_review"
    review_workflow.give_verdict(claim, team["ed"], "refuted")
    assert states(claim)[0] == "awaiting_signoff"


def test_revising_a_verdict_keeps_the_earlier_one_and_can_end_a_dispute(team, claim):
    first = review_workflow.give_verdict(claim, team["ann"], "supported", note="first look")
    review_workflow.give_verdict(claim, team["bob"], "refuted")
    assert states(claim)[0] == "disputed"
    second = review_workflow.give_verdict(claim, team["ann"], "refuted", note="the figure is 14")
    assert states(claim)[0] == "awaiting_signoff"
    db.session.refresh(first)
    assert first.superseded_at is not None and second.superseded_at is None
    assert db.session.query(Verdict).filter_by(claim_id=claim.id, reviewer_id=team["ann"].id).count() == 2
    revised = [e for e in claim_history(claim) if e.action == "revised"]
    assert revised[0].before["rating"] == "supported" and revised[0].after["rating"] == "refuted"


def test_the_same_verdict_twice_changes_nothing(team, claim):
    one = review_workflow.give_verdict(claim, team["ann"], "supported", 3, "n")
    two = review_workflow.give_verdict(claim, team["ann"], "supported", 3, "n")
    assert one.id == two.id


@pytest.mark.parametrize("rating, confidence, field", [("true-ish", 3, "rating"), ("", 3, "rating"),
                                                       ("supported", 9, "confidence"), ("supported", "x", "confidence")])
def test_bad_verdicts_are_refused(team, claim, rating, confidence, field):
    with pytest.raises(InputError) as error:
        review_workflow.give_verdict(claim, team["ann"], rating, confidence)
    assert error.value.field == field


def test_an_inactive_rating_cannot_be_chosen(team, claim):
    from annotate.review.ratings import rating_by_key

    rating_by_key("mixed").active = False
    db.session.commit()
    with pytest.raises(InputError):
        review_workflow.give_verdict(claim, team["ann"], "mixed")


def test_evidence_of_another_claim_is_refused(team, claim):
    other = claim_on_article(title="Other")
    item = claim_ops.add_evidence(other, "https://example.org/x", team["ann"])
    with pytest.raises(InputError):
        review_workflow.give_verdict(claim, team["ann"], "supported", evidence_ids=[item.id])


def test_manual_flag_disputes_until_withdrawn(team, claim):
    review_workflow.give_verdict(claim, team["ann"], "supported")
    review_workflow.flag_dispute(claim, team["bob"], "The police figure changed overnight.")
    assert states(claim)[0] == "disputed"
    with pytest.raises(Forbidden):
        review_workflow.withdraw_flag(claim, team["ann"])  # not the flagger, not an editor
    review_workflow.withdraw_flag(claim, team["bob"])
    assert states(claim)[0] == "in_review"
    with pytest.raises(InputError):
        review_workflow.flag_dispute(claim, team["bob"], "")


def test_sign_off_locks_and_sets_the_status_to_the_rating(team, claim):
    review_workflow.give_verdict(claim, team["ann"], "supported")
    review_workflow.give_verdict(claim, team["bob"], "refuted")
    decision = review_workflow.sign_off(claim, team["ed"], "mixed", "Forty were hurt, four seriously.", "vote")
    assert states(claim) == ("decided", "misleading")  # the export status the vocabulary gives "mixed"
    assert claim.rating == "mixed" and claim.locked and decision.decided_by == team["ed"]
    with pytest.raises(review_workflow.ClaimLocked):
        review_workflow.give_verdict(claim, team["ann"], "refuted")
    with pytest.raises(review_workflow.ClaimLocked):
        claim_ops.update_claim(claim, {"rationale": "changed"}, team["ann"], claim.version)
    with pytest.raises(review_workflow.ClaimLocked):
        claim_ops.add_evidence(claim, "https://example.org/late", team["ann"])


def test_only_editors_sign_off_and_reopen(team, claim):
    with pytest.raises(Forbidden):
        review_workflow.sign_off(claim, team["ann"], "supported", "x", "editor")
    review_workflow.sign_off(claim, team["root"], "supported", "Admins may act as editors.", "editor")
    with pytest.raises(Forbidden):
        review_workflow.reopen(claim, team["bob"])


@pytest.mark.parametrize("rating, explanation, method", [("supported", "", "vote"), ("supported", "x", "coin"),
                                                         ("nope", "x", "vote")])
def test_bad_sign_off_is_refused(team, claim, rating, explanation, method):
    with pytest.raises(InputError):
        review_workflow.sign_off(claim, team["ed"], rating, explanation, method)
    assert not claim.locked


def test_reopen_unlocks_keeps_the_decision_and_recomputes_the_state(team, claim):
    review_workflow.give_verdict(claim, team["ann"], "supported")
    review_workflow.give_verdict(claim, team["bob"], "supported")
    decision = review_workflow.sign_off(claim, team["ed"], "supported", "Two sources agree.", "consensus")
    review_workflow.reopen(claim, team["ed"])
    assert states(claim) == ("awaiting_signoff", "in_review") and claim.rating is None
    assert not claim.locked and decision.reopened_by == team["ed"]
    assert review_workflow.current_decision(claim) is None
    review_workflow.give_verdict(claim, team["ann"], "refuted")
    assert states(claim)[0] == "disputed"
    actions = [e.action for e in claim_history(claim)]
    assert actions.count("signed_off") == 1 and actions.count("reopened") == 1


def test_nobody_sets_the_status_or_the_rating_by_hand(team, claim):
    claim_ops.update_claim(claim, {"status": "supported", "rating": "supported", "rationale": "x"}, team["ed"],
                           claim.version)
    assert states(claim) == ("unverified", "unverified") and claim.rating is None and claim.rationale == "x"
    review_workflow.give_verdict(claim, team["ann"], "refuted")
    assert states(claim) == ("in_review", "in_review") and claim.rating is None


def test_a_single_verdict_decides_where_the_article_says_so(team, claim):
    claim.article.single_verdict = True
    review_workflow.give_verdict(claim, team["ann"], "mostly_supported")
    assert states(claim) == ("decided", "supported") and claim.rating == "mostly_supported"
    assert not claim.locked and review_workflow.current_decision(claim) is None  # no sign-off needed
    review_workflow.give_verdict(claim, team["ann"], "refuted")  # revising it re-decides
    assert states(claim) == ("decided", "refuted") and claim.rating == "refuted"
    review_workflow.give_verdict(claim, team["bob"], "supported")  # a teammate disagrees: no rating stands
    assert states(claim) == ("disputed", "disputed") and claim.rating is None
    review_workflow.give_verdict(claim, team["bob"], "refuted")
    assert states(claim) == ("decided", "refuted")
    review_workflow.flag_dispute(claim, team["bob"], "The second source retracted")
    assert states(claim) == ("disputed", "disputed") and claim.rating is None
    events = [e for e in claim_history(claim) if e.entity == "state"]
    assert events[0].after == {"workflow_state": "decided", "status": "supported", "rating": "mostly_supported"}


def test_a_vocabulary_rating_maps_to_one_export_status_that_decided_claims_follow(team, claim):
    review_workflow.give_verdict(claim, team["ann"], "mixed")
    review_workflow.sign_off(claim, team["ed"], "mixed", "Half of it holds.", "editor")
    assert states(claim) == ("decided", "misleading")
    ratings.update_rating(ratings.rating_by_key("mixed"), {"label": "Mixed", "colour": "#a16207", "position": 2,
                                                           "agreement_group": "mixed", "export_status": "refuted",
                                                           "active": True})
    db.session.refresh(claim)
    assert states(claim) == ("decided", "refuted") and claim.rating == "mixed"
    with pytest.raises(InputError, match="what the export says"):
        ratings.update_rating(ratings.rating_by_key("mixed"), {"label": "Mixed", "colour": "#a16207",
                                                               "export_status": "mostly"})


def test_blind_review_hides_others_until_you_give_yours(team, claim):
    review_workflow.give_verdict(claim, team["ann"], "supported")
    hidden = review_workflow.verdict_view(claim, team["bob"])
    assert hidden.hidden == 1 and hidden.others == []
    assert review_workflow.verdict_view(claim, team["ed"]).others  # editors see them
    review_workflow.give_verdict(claim, team["bob"], "refuted")
    assert [v.rating for v in review_workflow.verdict_view(claim, team["bob"]).others] == ["supported"]


def test_open_review_shows_verdicts_to_everyone(team):
    claim = claim_on_article(blind_verdicts=False)
    review_workflow.give_verdict(claim, team["ann"], "supported")
    assert review_workflow.verdict_view(claim, team["bob"]).others


def test_every_step_is_in_the_history(team, claim):
    from annotate.review import discussion

    review_workflow.give_verdict(claim, team["ann"], "supported")
    review_workflow.give_verdict(claim, team["bob"], "refuted")
    discussion.add_comment(claim, team["ann"], "Which report, @bob?")
    review_workflow.sign_off(claim, team["ed"], "refuted", "x", "editor")
    kinds = {(e.action, e.entity) for e in claim_history(claim)}
    assert {("created", "claim"), ("given", "verdict"), ("changed", "state"), ("commented", "comment"),
            ("signed_off", "decision")} <= kinds
    states_seen = [e.after["workflow_state"] for e in claim_history(claim) if e.entity == "state"]
    assert states_seen == ["in_review", "disputed", "decided"]
