"""Who may change what: a reviewer edits and deletes the claims and evidence they created, adds evidence to any
claim; someone else's needs an editor. Swept over every web route and API operation that changes a claim or
its evidence, found in the URL map and the OpenAPI document, so a new one cannot skip the rule unnoticed.
"""
import re

import pytest

from annotate.api.openapi import document as openapi_document
from annotate.claims import operations as claim_ops
from annotate.extensions import db
from annotate.models import Claim
from annotate.models import Evidence
from annotate.models import HistoryEvent
from tests.conftest import HX
from tests.factories import bearer
from tests.factories import claim_on_article
from tests.factories import login
from tests.factories import make_token

# How to call each changing route: (body, whether it changes the record, not just adds to it). Keyed by the
# URL rule (web) or "METHOD path" (API); a route the sweep finds and this table lacks fails the sweep.
WEB = {
    "/claims/<int:claim_id>": ({"attr_source": "Mallory", "attr_type": "direct", "status": "refuted",
                                "rationale": "mine now"}, True),
    "/claims/<int:claim_id>/delete": ({}, True),
    "/claims/<int:claim_id>/evidence": ({"evidence-url": "https://example.org/more", "evidence-stance": "context"},
                                        False),
    "/evidence/<int:evidence_id>/delete": ({}, True),
}
API = {
    "PATCH /claims/{claim_id}": ({"attribution": {"source": "Mallory"}}, True),
    "DELETE /claims/{claim_id}": (None, True),
    "POST /claims/{claim_id}/evidence": ({"url": "https://example.org/more"}, False),
    "DELETE /evidence/{evidence_id}": (None, True),
}


def web_changing_rules(app) -> list[str]:
    return sorted(r.rule for r in app.url_map.iter_rules()
                  if r.endpoint.startswith("claims.") and "POST" in r.methods
                  and ({"claim_id", "evidence_id"} & set(r.arguments)))


def api_changing_operations() -> list[str]:
    return sorted(f"{method.upper()} {path}" for path, ops in openapi_document()["paths"].items()
                  for method in ops if method in ("patch", "delete", "post")
                  and re.match(r"/(claims|evidence)/\{", path) and not path.endswith(("/verdicts", "/comments")))


@pytest.fixture
def owned(team):
    """A claim ann marked, described and gave evidence to."""
    claim = claim_on_article()
    claim.created_by = claim.updated_by = team["ann"]
    claim_ops.update_claim(claim, {"attr_source": "Police", "rationale": "ann's notes"}, team["ann"], None)
    evidence = claim_ops.add_evidence(claim, "https://example.org/report", team["ann"], "Report")
    db.session.commit()
    return claim, evidence


def state(claim_id: int) -> tuple:
    """Everything a change could touch: the claim's fields, its evidence, the history."""
    db.session.expire_all()
    claim = db.session.get(Claim, claim_id)
    fields = (claim.version, claim.attr_source, claim.status, claim.rationale) if claim else None
    evidence = sorted(db.session.scalars(db.select(Evidence.id).where(Evidence.claim_id == claim_id)))
    return fields, evidence, db.session.scalar(db.select(db.func.count(HistoryEvent.id)))


def web_call(client, rule: str, claim, evidence):
    body, _ = WEB[rule]
    url = rule.replace("<int:claim_id>", str(claim.id))
    if evidence is not None:
        url = url.replace("<int:evidence_id>", str(evidence.id))
    return client.post(url, data=body | ({"version": claim.version} if rule == "/claims/<int:claim_id>" else {}),
                       headers=HX)


def api_call(client, operation: str, claim, evidence, headers):
    body, _ = API[operation]
    method, path = operation.split(" ")
    path = path.replace("{claim_id}", claim.uuid).replace("{evidence_id}", evidence.uuid)
    if method == "PATCH":
        body = body | {"version": claim.version}
    return client.open("/api/v1" + path, method=method, json=body, headers=headers)


def test_the_sweep_knows_every_changing_route_and_operation(app):
    assert web_changing_rules(app) == sorted(WEB)
    assert api_changing_operations() == sorted(API)
    print(f"\npermission sweep: {len(WEB)} web routes, {len(API)} API operations")


@pytest.mark.parametrize("rule", sorted(WEB))
def test_web_a_reviewer_changes_only_their_own(client, team, owned, rule):
    claim, evidence = owned
    changes = WEB[rule][1]
    before = state(claim.id)
    response = web_call(login(client, "bob"), rule, claim, evidence)
    if changes:
        assert response.status_code == 403, (rule, response.status_code)
        assert "Only whoever created this" in response.get_data(as_text=True)
        assert state(claim.id) == before
    else:
        assert response.status_code == 200, (rule, response.status_code)
    assert web_call(login(client, "ann"), rule, claim, evidence).status_code == 200


@pytest.mark.parametrize("rule", sorted(WEB))
def test_web_an_editor_changes_anyones(client, team, owned, rule):
    claim, evidence = owned
    before = state(claim.id)
    assert web_call(login(client, "ed"), rule, claim, evidence).status_code == 200
    assert state(claim.id) != before and last_actor() == "ed"


def last_actor() -> str:
    """Who the newest history event names: every change is recorded, by whom."""
    event = db.session.scalars(db.select(HistoryEvent).order_by(HistoryEvent.id.desc())).first()
    return event.actor.username


@pytest.mark.parametrize("operation", sorted(API))
def test_api_a_reviewer_changes_only_their_own(client, team, owned, operation):
    claim, evidence = owned
    changes = API[operation][1]
    before = state(claim.id)
    response = api_call(client, operation, claim, evidence, bearer(make_token(team["bob"])))
    if changes:
        assert response.status_code == 403, (operation, response.get_json())
        assert "Only whoever created this" in response.get_json()["error"]["message"]
        assert state(claim.id) == before
    else:
        assert response.status_code == 201, (operation, response.get_json())
    response = api_call(client, operation, claim, evidence, bearer(make_token(team["ann"])))
    assert response.status_code in (200, 201, 204), (operation, response.get_json())


@pytest.mark.parametrize("operation", sorted(API))
def test_api_an_editor_changes_anyones(client, team, owned, operation):
    claim, evidence = owned
    before = state(claim.id)
    response = api_call(client, operation, claim, evidence, bearer(make_token(team["ed"])))
    assert response.status_code in (200, 201, 204), (operation, response.get_json())
    assert state(claim.id) != before and last_actor() == "ed"  # changed, and the history says by whom


def test_a_claim_nobody_created_belongs_to_the_team(client, team):
    claim = claim_on_article()  # as an import or a script leaves it
    response = web_call(login(client, "bob"), "/claims/<int:claim_id>", claim, None)
    assert response.status_code == 200
