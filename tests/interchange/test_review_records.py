"""The review records in the export (format 1, extended) and their lossless, idempotent import."""
import copy

import pytest

from annotate.review import discussion
from annotate.interchange import native
from annotate.interchange import schema
from annotate.review import workflow
from annotate.interchange import review_records
from annotate.extensions import db
from annotate.models import Claim
from annotate.models import Comment
from annotate.models import Decision
from annotate.models import HistoryEvent
from annotate.models import Mention
from annotate.models import Rating
from annotate.models import User
from annotate.models import Verdict
from tests.factories import claim_on_article


@pytest.fixture
def reviewed(team):
    from annotate.claims import operations as claim_ops

    claim = claim_on_article()
    item = claim_ops.add_evidence(claim, "https://example.org/police", team["ann"], "Police log", stance="refutes")
    workflow.give_verdict(claim, team["ann"], "supported", 2, "first look")
    workflow.give_verdict(claim, team["ann"], "refuted", 4, "log says 14", [item.id])
    workflow.give_verdict(claim, team["bob"], "mixed", 3, "")
    root = discussion.add_comment(claim, team["bob"], "@ann which log?", evidence_id=item.id)
    discussion.add_comment(claim, team["ann"], "The overnight one.", parent_id=root.id)
    discussion.set_resolved(root, team["bob"], True)
    workflow.sign_off(claim, team["ed"], "refuted", "Police log: 14 hurt.", "vote")
    db.session.commit()
    return claim


def exported_claim(document):
    return document["articles"][0]["claims"][0]


def test_the_export_carries_verdicts_comments_decision_state_and_history(reviewed):
    document = native.export_articles()
    schema.validate_export(document)
    claim = exported_claim(document)
    assert claim["status"] == "refuted" and claim["workflow_state"] == "decided" and claim["locked"] is True
    assert sorted((v["reviewer"], v["rating"]) for v in claim["verdicts"]) == [("ann", "refuted"), ("bob", "mixed")]
    assert [v["rating"] for v in claim["verdict_revisions"]] == ["supported"]
    ann = next(v for v in claim["verdicts"] if v["reviewer"] == "ann")
    assert ann["evidence_ids"] == [claim["evidence"][0]["id"]] and ann["confidence"] == 4
    root, reply = claim["comments"]
    assert root["parent_id"] is None and reply["parent_id"] == root["id"] and root["resolved"] is True
    assert root["mentions"] == ["ann"] and root["evidence_id"] == claim["evidence"][0]["id"]
    assert claim["decision"]["rating"] == "refuted" and claim["decision"]["method"] == "vote"
    assert claim["decision"]["decided_by"] == "ed" and claim["decision"]["decided_at"].endswith("Z")
    actions = [e["action"] for e in claim["history"]]
    assert {"created", "given", "revised", "commented", "resolved", "signed_off", "changed"} <= set(actions)
    assert [r["key"] for r in document["vocabulary"]][:2] == ["supported", "mostly_supported"]


def test_an_undecided_claim_exports_its_workflow_state_as_status(team):
    claim = claim_on_article()
    workflow.give_verdict(claim, team["ann"], "supported")
    workflow.give_verdict(claim, team["bob"], "refuted")
    db.session.commit()
    exported = exported_claim(native.export_articles())
    assert exported["status"] == "disputed" and exported["decision"] is None


def test_an_old_document_without_review_fields_still_validates(reviewed):
    document = native.export_articles()
    old = copy.deepcopy(document)
    del old["vocabulary"]
    for claim in old["articles"][0]["claims"]:
        for key in ("verdicts", "verdict_revisions", "comments", "decision", "reopened_decisions", "history",
                    "workflow_state", "locked", "state_since", "dispute_flag"):
            claim.pop(key)
        claim["status"] = "unverifiable"
    schema.validate_export(old)


def counts():
    return tuple(db.session.query(model).count() for model in (Verdict, Comment, Mention, Decision, HistoryEvent))


def test_import_claim_extras_is_lossless_and_idempotent(team, reviewed):
    data = exported_claim(native.export_articles())
    users = {u.username: u for u in db.session.query(User)}
    before = counts()
    review_records.import_claim_extras(reviewed, data, users)  # everything already here: nothing added
    assert counts() == before
    # Into a fresh claim: same ids are skipped, so wipe and import again.
    for model in (Mention, Verdict, Comment, Decision, HistoryEvent):
        db.session.query(model).delete()
    reviewed.workflow_state, reviewed.locked = "unverified", False
    db.session.commit()
    review_records.import_claim_extras(reviewed, data, users)
    db.session.commit()
    assert counts() == before
    again = exported_claim(native.export_articles())
    for key in ("verdicts", "verdict_revisions", "comments", "decision", "history", "workflow_state", "locked"):
        assert again[key] == data[key], key


def test_import_vocabulary_creates_and_updates_by_key(app):
    review_records.import_vocabulary([{"key": "supported", "label": "True", "colour": "#00AA00", "position": 0,
                                        "agreement_group": "true"},
                                       {"key": "pants_on_fire", "label": "Pants on fire", "colour": "#991b1b",
                                        "position": 9, "agreement_group": "false"}])
    review_records.import_vocabulary([{"key": "pants_on_fire", "label": "Pants on fire", "colour": "#991b1b",
                                        "position": 9, "agreement_group": "false"}])
    db.session.commit()
    assert db.session.query(Rating).filter_by(key="pants_on_fire").count() == 1
    assert db.session.query(Rating).filter_by(key="supported").one().label == "True"
    from annotate.errors import InputError

    with pytest.raises(InputError):
        review_records.import_vocabulary([{"key": "Bad Key", "label": "x", "colour": "#000000"}])
    with pytest.raises(InputError):
        review_records.import_vocabulary([{"key": "ok", "label": "x", "colour": "red"}])


def test_an_unknown_reviewer_is_refused(team, reviewed):
    from annotate.errors import InputError

    data = exported_claim(native.export_articles())
    data["verdicts"][0] |= {"id": "new-verdict-id", "reviewer": "stranger"}
    with pytest.raises(InputError):
        review_records.import_claim_extras(reviewed, data, {})
    db.session.rollback()
    assert db.session.get(Claim, reviewed.id).locked
