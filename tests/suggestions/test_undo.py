"""Undoing a decision on a suggestion: it is open again, a claim its acceptance made is deleted (the history keeps
it), a claim marked before stays, and only the person who decided may undo."""
from sqlalchemy import func
from sqlalchemy import select

import pytest

from annotate.extensions import db
from annotate.models import Claim
from annotate.models import HistoryEvent
from annotate.models import Suggestion
from tests.conftest import HX
from tests.factories import login
from tests.factories import make_article
from tests.factories import make_claim
from tests.factories import make_user

TEXT = (
    "Harbour bridge repairs will cost $48 million\n\n"
    "\u201cThe bridge carries 60,000 cars a day and its cables are rusting faster than expected,\u201d said "
    "Maria Lopez, the city's chief engineer.\n"
    "Critics disagree."
)


@pytest.fixture
def lopez(app, user):
    article = make_article(TEXT, title="Bridge", user=user)
    return db.session.scalars(select(Suggestion).where(Suggestion.article_id == article.id,
                                                       Suggestion.source == "Maria Lopez")).one()


def stored(suggestion_id: int) -> Suggestion:
    db.session.expire_all()
    return db.session.get(Suggestion, suggestion_id)


def claims() -> int:
    return db.session.scalar(select(func.count(Claim.id)))


def test_undoing_an_accept_deletes_the_claim_it_made_and_reopens_the_suggestion(logged_in, lopez):
    assert logged_in.post(f"/suggestions/{lopez.id}/accept", headers=HX).status_code == 200
    response = logged_in.post(f"/suggestions/{lopez.id}/undo", headers=HX)
    assert response.status_code == 200 and response.headers["HX-Retarget"] == "#panel"
    html = response.data.decode()
    assert '<aside id="panel" class="panel is-empty"' in html and f'id="suggestion-{lopez.id}"' in html
    assert "0 accepted" in html
    again = stored(lopez.id)
    assert (again.state, again.claim_id, again.decided_by_id, again.decided_at, again.edited) == (
        "open", None, None, None, False)
    assert claims() == 0
    deleted = db.session.scalars(select(HistoryEvent).where(HistoryEvent.action == "deleted",
                                                            HistoryEvent.entity == "claim")).all()
    assert len(deleted) == 1  # the claim the acceptance made, deleted through the claim rule


def test_undoing_a_reject_reopens_the_suggestion_in_its_sentence(logged_in, lopez):
    logged_in.post(f"/suggestions/{lopez.id}/reject", headers=HX)
    response = logged_in.post(f"/suggestions/{lopez.id}/undo", headers=HX)
    assert response.status_code == 200 and response.headers["HX-Retarget"].startswith("#s-")
    assert f'id="suggestion-{lopez.id}"' in response.data.decode()
    assert stored(lopez.id).state == "open"


def test_undoing_an_accept_onto_a_span_marked_before_keeps_that_claim(logged_in, lopez, user):
    article = lopez.article
    make_claim(article, lopez.quote, sentence_index=1, user=user)
    logged_in.post(f"/suggestions/{lopez.id}/accept", headers=HX)
    assert stored(lopez.id).state == "superseded"
    assert logged_in.post(f"/suggestions/{lopez.id}/undo", headers=HX).status_code == 200
    assert stored(lopez.id).state == "open" and claims() == 1


def test_only_a_decision_can_be_undone_and_only_by_who_made_it(client, logged_in, lopez):
    response = logged_in.post(f"/suggestions/{lopez.id}/undo", headers=HX)
    assert response.status_code == 409 and "no decision to undo" in response.data.decode()
    logged_in.post(f"/suggestions/{lopez.id}/reject", headers=HX)
    make_user("other", "reviewer")
    login(client, "other")
    response = client.post(f"/suggestions/{lopez.id}/undo", headers=HX)
    assert response.status_code == 409 and "Only the person who decided" in response.data.decode()
    assert stored(lopez.id).state == "rejected"
    assert client.post(f"/suggestions/{2**70}/undo", headers=HX).status_code == 404
