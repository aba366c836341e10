"""Suggested claims in the product: stored on import, shown on the page, accepted or rejected, figures."""
import re
from html import unescape

import pytest
from sqlalchemy import func
from sqlalchemy import delete
from sqlalchemy import select
from sqlalchemy import update

from annotate.extensions import db
from annotate.models import Claim
from annotate.models import HistoryEvent
from annotate.models import Suggestion
from annotate.suggestions import figures as suggestion_figures
from annotate.suggestions import operations as suggestion_ops
from annotate.suggestions.rules import suggest
from annotate.text.segment import segment
from tests.conftest import HX
from tests.factories import PASSWORD
from tests.factories import make_article
from tests.factories import make_claim

BRIDGE = (
    "Harbour bridge repairs will cost $48 million\n\n"
    "The city council approved the repair plan on Tuesday by a vote of 7 to 2.\n"
    "\u201cThe bridge carries 60,000 cars a day and its cables are rusting faster than expected,\u201d said "
    "Maria Lopez, the city's chief engineer. Lopez said the work would take 18 months.\n"
    "Critics disagree. The repairs begin in March."
)
LOPEZ_QUOTE = "The bridge carries 60,000 cars a day and its cables are rusting faster than expected,"


def suggestions_of(article_id: int) -> list[Suggestion]:
    db.session.expire_all()
    query = select(Suggestion).where(Suggestion.article_id == article_id).order_by(Suggestion.start)
    return list(db.session.scalars(query))


def claim_count() -> int:
    db.session.expire_all()
    return db.session.scalar(select(func.count(Claim.id)))


def toast_text(response) -> str:
    match = re.search(r'<div class="toast toast-(?:error|success)" role="(?:alert|status)"><span>(.*?)</span>',
                      response.data.decode())
    assert match, response.data[:800]
    return unescape(match.group(1))


@pytest.fixture
def bridge(app, user):
    return make_article(BRIDGE, title="Bridge", user=user)


def by_source(article_id: int, source: str | None, cue: str | None = None) -> Suggestion:
    return next(s for s in suggestions_of(article_id) if s.source == source and (cue is None or s.cue == cue))


# ---------------------------------------------------------------- storing on import

def test_import_stores_the_suggestions_on_the_stored_sentences(bridge):
    stored = suggestions_of(bridge.id)
    proposals = suggest(bridge.text, segment(bridge.text))
    assert len(stored) == len(proposals) == 3
    sentences = {s.id: s for s in bridge.sentences}
    for row, proposal in zip(stored, proposals):
        sentence = sentences[row.sentence_id]
        assert sentence.index == proposal.sentence_index
        assert sentence.start <= row.start < row.end <= sentence.end
        assert row.quote == bridge.text[row.start : row.end] == proposal.quote
        assert (row.source, row.role, row.cue, row.type) == (
            proposal.attribution.source, proposal.attribution.role, proposal.attribution.cue, proposal.attribution.type)
        assert row.state == "open" and row.decided_by is None and row.decided_at is None and row.claim_id is None
    lopez = by_source(bridge.id, "Maria Lopez", "said")
    assert (lopez.role, lopez.type) == ("the city's chief engineer", "direct")
    assert LOPEZ_QUOTE.startswith(lopez.quote)


def test_adding_an_article_through_the_form_stores_its_suggestions(logged_in):
    response = logged_in.post("/articles/new", data={"text": BRIDGE, "title": "Bridge"})
    assert response.status_code == 303
    article_id = int(response.headers["Location"].rsplit("/", 1)[1])
    assert len(suggestions_of(article_id)) == 3


def test_a_refused_article_stores_no_suggestions(logged_in):
    response = logged_in.post("/articles/new", data={"text": "x" * 10, "source_url": "javascript:alert(1)"})
    assert response.status_code == 422
    assert db.session.scalar(select(func.count(Suggestion.id))) == 0


# ---------------------------------------------------------------- the article page

def imported_claim(article, quote: str, sentence_index: int, user, **fields):
    """A claim over a suggestion that stays open, as an import can leave one (marking by hand settles it)."""
    claim = make_claim(article, quote, sentence_index=sentence_index, user=user, **fields)
    db.session.execute(update(Suggestion).where(Suggestion.claim_id == claim.id)
                       .values(state="open", claim_id=None, decided_at=None, decided_by_id=None))
    db.session.commit()
    return claim


def test_the_page_underlines_suggestions_apart_from_claims_and_the_toolbar_offers_them(logged_in, bridge, user):
    imported_claim(bridge, "Lopez said the work would take 18 months.", 3, user)
    html = logged_in.get(f"/articles/{bridge.id}").data.decode()
    lopez = by_source(bridge.id, "Maria Lopez", "said")
    span = re.search(rf'<span class="suggested" data-suggestion-id="{lopez.id}">([^<]*)</span>', html)
    assert span, html
    assert unescape(span.group(1)) == lopez.quote
    # The toolbar of the sentence holds the suggestion: its attribution and the buttons that decide it.
    sentence = bridge.sentences[2]
    tools = logged_in.get(f"/sentences/{sentence.id}/tools", headers=HX).data.decode()
    chip = re.search(rf'<li class="suggestion" id="suggestion-{lopez.id}".*?</li>', tools, re.S).group(0)
    assert '<span class="sg-source">Maria Lopez</span>' in chip and '<span class="sg-cue">said</span>' in chip
    assert unescape(re.search(r'<span class="sg-attr" title="([^"]*)"', chip).group(1)) == (
        "Maria Lopez, the city's chief engineer · said · Direct quote")
    assert f'hx-post="/suggestions/{lopez.id}/accept"' in chip and f'hx-post="/suggestions/{lopez.id}/reject"' in chip
    # Under a claim the claim's highlight wins: one mark, no underline inside it, the toolbar still offers it,
    # and the sentence is marked as holding a suggestion.
    later = suggestions_of(bridge.id)[2]
    assert re.search(r'<mark class="claim [^"]*"[^>]*>Lopez said the work would take 18 months.</mark>', html)
    assert f'data-suggestion-id="{later.id}"' not in html
    assert re.search(rf'<div class="sentence[^"]* has-sg[^"]*" id="s-{bridge.sentences[3].id}"', html)
    tools = logged_in.get(f"/sentences/{bridge.sentences[3].id}/tools", headers=HX).data.decode()
    assert f'id="suggestion-{later.id}"' in tools
    assert "<strong>3</strong> open · 0 accepted · 0 rejected" in html
    assert 'data-action="toggle-suggestions" aria-pressed="true"' in html


def test_hidden_suggestions_render_hidden_from_the_cookie(logged_in, bridge):
    logged_in.set_cookie("suggestions", "hidden")
    html = logged_in.get(f"/articles/{bridge.id}").data.decode()
    assert 'data-action="toggle-suggestions" aria-pressed="false"' in html


def test_user_strings_in_suggestions_are_escaped(logged_in, user):
    text = ("Board vote\n\n\u201cTaxes rose <b>40 percent</b> in 2023 <script>alert(1)</script>,\u201d said "
            "Ann <i>Lee</i>, the board's treasurer.")
    article = make_article(text, user=user)
    assert suggestions_of(article.id), "the sentence should be suggested"
    html = logged_in.get(f"/articles/{article.id}").data.decode()
    assert "<script>alert" not in html and "<b>40" not in html and "<i>Lee" not in html
    assert "&lt;b&gt;40 percent&lt;/b&gt;" in html
    assert not re.search(r"<[a-z]+[^>]* style=", html)


def test_pieces_cut_at_suggestion_boundaries_but_never_inside_a_claim(bridge, user):
    from annotate.articles import reading

    imported_claim(bridge, "60,000 cars a day", 2, user)
    imported_claim(bridge, "\u201cThe bridge", 2, user)
    view = reading.sentence_view(bridge.sentences[2])
    assert [s.source for s in view.suggestions] == ["Maria Lopez"]
    pieces = [(p.text, len(p.claims), len(p.suggestions)) for p in view.pieces]
    assert "".join(p[0] for p in pieces) == bridge.sentences[2].text
    assert pieces == [
        ("\u201cThe bridge", 1, 0),  # the suggestion starts inside this claim: no cut there
        (" carries ", 0, 1),
        ("60,000 cars a day", 1, 0),
        (" and its cables are rusting faster than expected", 0, 1),
        (",\u201d said Maria Lopez, the city's chief engineer.", 0, 0),
    ]


# ---------------------------------------------------------------- accepting and rejecting

def test_accept_makes_a_claim_with_the_attribution_and_records_who(logged_in, bridge, user):
    lopez = by_source(bridge.id, "Maria Lopez", "said")
    response = logged_in.post(f"/suggestions/{lopez.id}/accept", headers=HX)
    assert response.status_code == 200
    sentence = bridge.sentences[2]
    assert response.headers["HX-Retarget"] == f"#s-{sentence.id}"
    html = response.data.decode()
    assert '<aside id="panel" class="panel is-open"' in html and 'hx-swap-oob="true"' in html  # the claim panel opens
    assert 'value="Maria Lopez"' in html and 'value="the city&#39;s chief engineer"' in html
    assert f'id="suggestion-{lopez.id}"' not in html  # the chip is gone from the sentence
    assert "<strong>2</strong> open · 1 accepted · 0 rejected · <strong>100%</strong> accepted" in html
    claim = db.session.scalars(select(Claim)).one()
    assert (claim.start, claim.end, claim.quote) == (lopez.start, lopez.end, lopez.quote)
    assert (claim.attr_source, claim.attr_role, claim.attr_cue, claim.attr_type) == (
        "Maria Lopez", "the city's chief engineer", "said", "direct")
    assert claim.sentence_id == sentence.id and claim.created_by == user and claim.updated_by == user
    stored = db.session.get(Suggestion, lopez.id)
    assert (stored.state, stored.decided_by, stored.claim_id, stored.edited) == ("accepted", user, claim.id, False)
    assert stored.decided_at is not None
    actions = db.session.scalars(select(HistoryEvent.action).where(HistoryEvent.claim_id == claim.id)
                                 .order_by(HistoryEvent.id)).all()
    assert actions == ["created", "updated"]


def test_accepting_the_article_own_assertion_gives_type_author(logged_in, bridge):
    council = by_source(bridge.id, None)
    assert logged_in.post(f"/suggestions/{council.id}/accept", headers=HX).status_code == 200
    claim = db.session.scalars(select(Claim)).one()
    assert (claim.attr_source, claim.attr_cue, claim.attr_type) == ("", "", "author")
    assert claim.quote == "The city council approved the repair plan on Tuesday by a vote of 7 to 2."


def test_the_edit_form_is_prefilled_and_accepts_a_shorter_span_and_another_attribution(logged_in, bridge, user):
    lopez = by_source(bridge.id, "Maria Lopez", "said")
    form = logged_in.get(f"/suggestions/{lopez.id}/edit", headers=HX)
    assert form.status_code == 200 and form.headers["HX-Retarget"] == "#panel"
    html = form.data.decode()
    assert re.search(rf">\s*{re.escape(lopez.quote)}</textarea>", html) and 'name="suggestion-attr_source"' in html
    assert 'value="Maria Lopez"' in html and '<option selected value="direct">' in html
    response = logged_in.post(f"/suggestions/{lopez.id}/accept", headers=HX, data={
        "suggestion-quote": " 60,000 cars a day ", "suggestion-attr_source": "Maria Lopez",
        "suggestion-attr_role": "chief engineer", "suggestion-attr_cue": "said", "suggestion-attr_type": "direct"})
    assert response.status_code == 200
    claim = db.session.scalars(select(Claim)).one()
    assert claim.quote == bridge.text[claim.start : claim.end] == "60,000 cars a day"
    assert (claim.attr_source, claim.attr_role) == ("Maria Lopez", "chief engineer")
    assert db.session.get(Suggestion, lopez.id).edited is True


@pytest.mark.parametrize("data, field, message", [
    ({"suggestion-quote": "cars a week"}, "suggestion-quote", "must be words of sentence 3"),
    ({"suggestion-quote": "   "}, "suggestion-quote", "The claim text is empty"),
    ({"suggestion-quote": "Lopez said the work"}, "suggestion-quote", "must be words of sentence 3"),
    ({"suggestion-attr_type": "gossip"}, "suggestion-attr_type", "Choose one of"),
    ({"suggestion-attr_source": "x" * 301}, "suggestion-attr_source", "300"),
])
def test_a_bad_edit_is_refused_with_a_message_and_nothing_is_written(logged_in, bridge, data, field, message):
    lopez = by_source(bridge.id, "Maria Lopez", "said")
    response = logged_in.post(f"/suggestions/{lopez.id}/accept", headers=HX, data=data)
    assert response.status_code == 422
    assert response.headers["HX-Retarget"] == "#panel"
    errors = re.findall(rf'<p class="error" id="{field}-error">(.*?)</p>', response.data.decode())
    assert errors and message in unescape(errors[0]), response.data.decode()[:2000]
    assert claim_count() == 0
    assert db.session.get(Suggestion, lopez.id).state == "open"


def test_reject_records_who_and_removes_the_chip(logged_in, bridge, user):
    lopez = by_source(bridge.id, "Maria Lopez", "said")
    response = logged_in.post(f"/suggestions/{lopez.id}/reject", headers=HX)
    assert response.status_code == 200
    html = response.data.decode()
    assert response.headers["HX-Retarget"] == f"#s-{lopez.sentence_id}"
    assert f'id="suggestion-{lopez.id}"' not in html and 'class="suggested"' not in html
    assert "<strong>2</strong> open · 0 accepted · 1 rejected · <strong>0%</strong> accepted" in html
    stored = db.session.get(Suggestion, lopez.id)
    assert (stored.state, stored.decided_by, stored.claim_id) == ("rejected", user, None)
    assert stored.decided_at is not None and claim_count() == 0


def test_reject_from_the_edit_panel_closes_the_panel(logged_in, bridge):
    lopez = by_source(bridge.id, "Maria Lopez", "said")
    response = logged_in.post(f"/suggestions/{lopez.id}/reject", headers=HX, data={"from_panel": "1"})
    assert response.status_code == 200 and response.headers["HX-Retarget"] == "#panel"
    assert '<aside id="panel" class="panel is-empty"' in response.data.decode()
    assert db.session.get(Suggestion, lopez.id).state == "rejected"


@pytest.mark.parametrize("first, second", [("accept", "accept"), ("accept", "reject"), ("reject", "accept"),
                                           ("reject", "reject")])
def test_an_already_decided_suggestion_is_refused_with_a_clear_message(logged_in, bridge, first, second):
    lopez = by_source(bridge.id, "Maria Lopez", "said")
    assert logged_in.post(f"/suggestions/{lopez.id}/{first}", headers=HX).status_code == 200
    response = logged_in.post(f"/suggestions/{lopez.id}/{second}", headers=HX)
    assert response.status_code == 409
    state = "accepted" if first == "accept" else "rejected"
    assert toast_text(response).startswith(f"This suggestion was already {state} by rev (")
    assert toast_text(response).endswith("nothing changed.")
    assert claim_count() == (1 if first == "accept" else 0)
    assert db.session.get(Suggestion, lopez.id).state == state
    edit = logged_in.get(f"/suggestions/{lopez.id}/edit", headers=HX)
    assert edit.status_code == 409 and "already" in toast_text(edit)


def test_accepting_onto_an_existing_claim_keeps_what_the_reviewer_wrote(logged_in, bridge, user):
    lopez = by_source(bridge.id, "Maria Lopez", "said")
    claim = imported_claim(bridge, lopez.quote, 2, user, attr_source="M. Lopez")
    response = logged_in.post(f"/suggestions/{lopez.id}/accept", headers=HX)
    assert response.status_code == 200
    assert "That span was already a claim: the suggestion is settled, not counted as accepted" in response.data.decode()
    assert claim_count() == 1
    claim = db.session.get(Claim, claim.id)
    assert (claim.attr_source, claim.attr_role, claim.attr_cue, claim.attr_type) == (
        "M. Lopez", "the city's chief engineer", "said", "direct")
    settled = db.session.get(Suggestion, lopez.id)
    assert (settled.claim_id, settled.state) == (claim.id, "superseded")
    assert suggestion_figures.figures(bridge.id).accepted == 0


def test_marking_by_hand_over_a_suggestion_settles_it_and_pre_fills_its_attribution(logged_in, bridge, user):
    lopez = by_source(bridge.id, "Maria Lopez", "said")
    sentence = bridge.sentences[2]
    words = "60,000 cars a day"
    start16 = len(sentence.text[: sentence.text.index(words)].encode("utf-16-le")) // 2
    response = logged_in.post(f"/articles/{bridge.id}/claims", headers=HX, data={
        "sentence_id": sentence.id, "start16": start16, "end16": start16 + len(words), "quote": words})
    assert response.status_code == 200
    html = unescape(response.data.decode())
    assert 'id="suggested-attribution-note"' in html and 'fieldset class="is-suggested"' in html
    assert re.search(r'<input [^>]*data-suggested="true"[^>]*value="Maria Lopez"|<input [^>]*value="Maria Lopez"'
                     r'[^>]*data-suggested="true"', html)
    assert f'id="suggestion-{lopez.id}"' not in html  # settled: the toolbar no longer offers it
    settled = db.session.get(Suggestion, lopez.id)
    claim = db.session.scalars(select(Claim)).one()
    assert (settled.state, settled.claim_id, settled.decided_by_id) == ("superseded", claim.id, user.id)
    assert claim.attr_source == ""  # suggested, not saved: Save keeps it
    figures = suggestion_figures.figures(bridge.id)
    assert (figures.superseded, figures.accepted, figures.rejected) == (1, 0, 0)


def test_marking_a_sentence_with_no_suggestion_pre_fills_what_the_rules_read_in_it(logged_in, user):
    article = make_article("Weather\n\nIt rained. The mayor said the roads would stay open.", user=user)
    sentence = next(s for s in article.sentences if "mayor" in s.text)
    db.session.execute(delete(Suggestion))
    db.session.commit()
    response = logged_in.post(f"/articles/{article.id}/claims", headers=HX, data={"sentence_id": sentence.id,
                                                                                  "whole": "y"})
    html = unescape(response.data.decode())
    assert response.status_code == 200 and 'value="mayor"' in html and 'value="said"' in html and 'id="suggested-attribution-note"' in html
    plain = next(s for s in article.sentences if s.text == "It rained.")
    html = logged_in.post(f"/articles/{article.id}/claims", headers=HX, data={"sentence_id": plain.id,
                                                                              "whole": "y"}).data.decode()
    assert 'id="suggested-attribution-note"' in html  # no speaker: the article's own assertion
    assert re.search(r'<option (selected )?value="author"( selected)?>', html) and 'name="attr_source" placeholder' in html
    assert 'value="mayor"' not in html


def test_no_claim_rejects_the_sentences_open_suggestions(logged_in, bridge, user):
    sentence = bridge.sentences[2]
    lopez = by_source(bridge.id, "Maria Lopez", "said")
    assert logged_in.post(f"/sentences/{sentence.id}/no-claim", headers=HX).status_code == 200
    rejected = db.session.get(Suggestion, lopez.id)
    assert (rejected.state, rejected.decided_by_id) == ("rejected", user.id)
    other = suggestions_of(bridge.id)[0]  # the council's, in another sentence, rejected by hand
    suggestion_ops.reject(other, user)
    db.session.commit()
    # taking "no claim" back (n again, or Undo) opens again what it rejected, and only that
    assert logged_in.post(f"/sentences/{sentence.id}/no-claim", headers=HX).status_code == 200
    db.session.expire_all()
    assert db.session.get(Suggestion, lopez.id).state == "open"
    assert db.session.get(Suggestion, other.id).state == "rejected"


@pytest.mark.parametrize("method, url", [
    ("post", "/suggestions/999999/accept"), ("post", "/suggestions/999999/reject"), ("get", "/suggestions/999999/edit"),
    ("post", f"/suggestions/{2**70}/accept"), ("post", f"/suggestions/{2**63}/reject"),
    ("get", f"/suggestions/{2**64}/edit"),
    ("post", "/articles/999999/suggestions"), ("post", f"/articles/{2**70}/suggestions"),
])
def test_unknown_ids_are_a_404_not_a_500(logged_in, bridge, method, url):
    response = getattr(logged_in, method)(url, headers=HX)
    assert response.status_code == 404
    assert claim_count() == 0


def test_the_edit_link_without_htmx_goes_to_the_article(logged_in, bridge):
    lopez = by_source(bridge.id, "Maria Lopez", "said")
    response = logged_in.get(f"/suggestions/{lopez.id}/edit")
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/articles/{bridge.id}")


def test_decisions_need_a_login(client, bridge):
    lopez = by_source(bridge.id, "Maria Lopez", "said")
    assert client.post(f"/suggestions/{lopez.id}/accept", headers=HX).status_code == 401
    assert db.session.get(Suggestion, lopez.id).state == "open"


class TestCsrf:
    """With CSRF protection on, as users run the app: every decision needs the layout's token."""

    @pytest.fixture
    def app_config(self):
        return {"WTF_CSRF_ENABLED": True}

    @pytest.fixture
    def session(self, client, user):
        token = re.search(rb'name="csrf_token" type="hidden" value="([^"]+)"', client.get("/login").data).group(1)
        response = client.post("/login", data={"username": "rev", "password": PASSWORD,
                                                "csrf_token": token.decode()})
        assert response.status_code == 303
        return client

    @staticmethod
    def header_token(session, article_id: int) -> str:
        html = session.get(f"/articles/{article_id}").data
        return re.search(rb'<body hx-headers=\'\{"X-CSRFToken": "([^"]+)"\}\'', html).group(1).decode()

    @pytest.mark.parametrize("action", ["accept", "reject"])
    def test_a_decision_without_the_token_changes_nothing(self, session, bridge, action):
        lopez = by_source(bridge.id, "Maria Lopez", "said")
        for headers in (HX, {**HX, "X-CSRFToken": "forged"}):
            assert session.post(f"/suggestions/{lopez.id}/{action}", headers=headers).status_code == 400
        assert db.session.get(Suggestion, lopez.id).state == "open" and claim_count() == 0

    def test_decisions_with_the_header_token_work(self, session, bridge):
        lopez = by_source(bridge.id, "Maria Lopez", "said")
        council = by_source(bridge.id, None)
        headers = {**HX, "X-CSRFToken": self.header_token(session, bridge.id)}
        assert session.post(f"/suggestions/{lopez.id}/accept", headers=headers).status_code == 200
        assert session.post(f"/suggestions/{council.id}/reject", headers=headers).status_code == 200
        assert [s.state for s in suggestions_of(bridge.id)] == ["rejected", "accepted", "open"]

    def test_the_edit_form_carries_its_token(self, session, bridge):
        lopez = by_source(bridge.id, "Maria Lopez", "said")
        html = session.get(f"/suggestions/{lopez.id}/edit", headers=HX).data.decode()
        token = re.search(r'name="suggestion-csrf_token" type="hidden" value="([^"]+)"', html).group(1)
        data = {"suggestion-csrf_token": token, "suggestion-quote": lopez.quote}
        assert session.post(f"/suggestions/{lopez.id}/accept", headers=HX, data=data).status_code == 200
        assert claim_count() == 1

    def test_computing_needs_the_token(self, session, bridge):
        db.session.execute(db.delete(Suggestion))
        db.session.commit()
        assert session.post(f"/articles/{bridge.id}/suggestions", headers=HX).status_code == 400
        assert suggestions_of(bridge.id) == []


# ---------------------------------------------------------------- merged and split sentences

def test_suggestions_follow_a_merge_by_offsets(logged_in, bridge):
    from annotate.articles import reading

    _, lopez, later = suggestions_of(bridge.id)
    assert logged_in.post(f"/sentences/{bridge.sentences[2].id}/merge", headers=HX).status_code == 200
    db.session.expire_all()
    merged = bridge.sentences[2]
    assert merged.text.endswith("18 months.")
    assert [s.id for s in reading.sentence_view(merged).suggestions] == [lopez.id, later.id]
    assert db.session.get(Suggestion, later.id).sentence_id is None  # its sentence was merged away
    assert logged_in.post(f"/suggestions/{later.id}/accept", headers=HX).status_code == 200
    claim = db.session.scalars(select(Claim)).one()
    assert claim.sentence_id == merged.id and claim.quote == later.quote
    assert db.session.get(Suggestion, later.id).sentence_id == merged.id


def test_a_suggestion_cut_by_a_split_is_clipped_to_the_part_it_starts_in(logged_in, bridge):
    from annotate.articles import sentences as sentence_ops

    lopez = by_source(bridge.id, "Maria Lopez", "said")
    sentence = bridge.sentences[2]
    cut = bridge.text.index(" cars a day", sentence.start)
    sentence_ops.split_at(sentence, cut, None)
    db.session.commit()
    assert logged_in.post(f"/suggestions/{lopez.id}/accept", headers=HX).status_code == 200
    claim = db.session.scalars(select(Claim)).one()
    assert claim.quote == "The bridge carries 60,000" and claim.sentence_id == sentence.id


# ---------------------------------------------------------------- articles from before suggestions

def test_an_article_without_suggestions_offers_to_compute_them(logged_in, bridge):
    db.session.execute(db.delete(Suggestion))
    db.session.commit()
    html = logged_in.get(f"/articles/{bridge.id}").data.decode()
    assert "No suggestions stored." in html and f'hx-post="/articles/{bridge.id}/suggestions"' in html
    response = logged_in.post(f"/articles/{bridge.id}/suggestions", headers=HX)
    assert response.status_code == 200 and response.headers["HX-Retarget"] == "#sentences"
    assert toast_text(response) == "3 claims suggested."
    assert response.data.decode().count('class="suggested"') == 3
    assert len(suggestions_of(bridge.id)) == 3
    again = logged_in.post(f"/articles/{bridge.id}/suggestions", headers=HX)
    assert again.status_code == 409 and len(suggestions_of(bridge.id)) == 3


def test_recompute_keeps_decisions_and_does_not_propose_them_again(bridge, user):
    lopez = by_source(bridge.id, "Maria Lopez", "said")
    suggestion_ops.reject(lopez, user)
    db.session.commit()
    fresh = suggestion_ops.recompute(bridge)
    db.session.commit()
    assert len(fresh) == 2 and lopez.id not in {s.id for s in fresh}
    assert [s.state for s in suggestions_of(bridge.id)] == ["open", "rejected", "open"]


# ---------------------------------------------------------------- figures

def test_figures_count_states_and_the_acceptance_rate(bridge, user):
    council, lopez, later = suggestions_of(bridge.id)
    assert suggestion_figures.figures(bridge.id).acceptance_rate is None
    suggestion_ops.accept(council, user)
    suggestion_ops.accept(lopez, user, {"attr_role": "engineer"})
    suggestion_ops.reject(later, user)
    db.session.commit()
    figures = suggestion_figures.figures(bridge.id)
    assert (figures.open, figures.accepted, figures.rejected, figures.edited) == (0, 2, 1, 1)
    assert figures.acceptance_rate == pytest.approx(2 / 3) and figures.percent == 67
    assert suggestion_figures.figures_of(suggestions_of(bridge.id)) == figures
    assert suggestion_figures.figures().total == 3


def test_deleting_or_undoing_a_hand_marked_claim_reopens_the_suggestion_it_settled(logged_in, bridge, user):
    lopez = by_source(bridge.id, "Maria Lopez", "said")
    claim = make_claim(bridge, "60,000 cars a day", sentence_index=2, user=user)
    assert db.session.get(Suggestion, lopez.id).state == "superseded"
    assert logged_in.post(f"/claims/{claim.id}/delete", headers=HX).status_code == 200
    db.session.expire_all()
    reopened = db.session.get(Suggestion, lopez.id)
    assert (reopened.state, reopened.claim_id, reopened.decided_by_id) == ("open", None, None)
    accepted = suggestion_ops.accept(reopened, user)  # an accepted one stays accepted when its claim goes
    db.session.commit()
    assert logged_in.post(f"/claims/{accepted.id}/delete", headers=HX).status_code == 200
    db.session.expire_all()
    assert db.session.get(Suggestion, lopez.id).state == "accepted"
