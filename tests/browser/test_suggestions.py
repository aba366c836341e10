"""Suggested claims in a real browser: import, accept with a, reject with x, edit with e, hide with h, export."""
from playwright.sync_api import expect

from annotate.extensions import db
from annotate.models import Article
from annotate.models import Suggestion
from tests.browser.conftest import console_errors
from tests.browser.conftest import screenshot
from tests.browser.helpers import download_json
from tests.browser.helpers import drag_select
from tests.browser.helpers import go_to
from tests.browser.helpers import settled
from tests.browser.helpers import stored_claims
from tests.browser.helpers import tools_of
from tests.browser.helpers import wait_for_reader

BRIDGE = (
    "Harbour bridge repairs will cost $48 million\n\n"
    "The city council approved the repair plan on Tuesday by a vote of 7 to 2.\n\n"
    "\u201cThe bridge carries 60,000 cars a day and its cables are rusting faster than expected,\u201d said "
    "Maria Lopez, the city's chief engineer. Lopez said the work would take 18 months.\n\n"
    "Critics disagree. The repairs begin in March."
)
LOPEZ = "The bridge carries 60,000 cars a day and its cables are rusting faster than expected"


def import_article(page, server) -> int:
    """Paste the article into the form, as a reviewer does; returns its id from the page it lands on."""
    page.goto(server.url + "/articles/new")
    page.fill("#title", "Harbour bridge")
    page.fill("#text", BRIDGE)
    page.get_by_role("button", name="Add article").click()
    wait_for_reader(page)
    return int(page.locator(".reader").get_attribute("data-article-id"))


def press_to(page, key: str, index: int) -> None:
    page.keyboard.press(key)
    expect(page.locator(".sentence.is-current")).to_have_attribute("data-index", str(index))


def states(article_id: int) -> list[tuple[str, str | None]]:
    db.session.rollback()
    rows = db.session.scalars(db.select(Suggestion).where(Suggestion.article_id == article_id)
                              .order_by(Suggestion.start)).all()
    return [(s.state, s.decided_by.username if s.decided_by else None) for s in rows]


def test_accept_with_a_and_reject_with_x_then_find_the_claim_in_the_export(page, live_server):
    article_id = import_article(page, live_server)
    underlined = page.locator(".suggested")
    expect(underlined).to_have_count(3)
    expect(page.locator(".sentence[data-index='2'] .suggested")).to_have_text(LOPEZ)
    expect(page.locator(".sg-figures")).to_contain_text("3 open · 0 accepted · 0 rejected")

    # a on sentence 3 (index 2): a claim with the attribution filled in, its panel open. The toolbar under the
    # sentence shows what the suggestion proposes.
    press_to(page, "j", 1)
    press_to(page, "j", 2)
    expect(tools_of(page, 2).locator(".suggestion")).to_contain_text("Maria Lopez")
    screenshot(page, "suggestions-desktop")
    page.keyboard.press("a")
    panel = page.locator("#panel.is-open")
    expect(panel.locator(".claim-quote")).to_have_text(LOPEZ)
    expect(panel.locator("#attr_source")).to_have_value("Maria Lopez")
    expect(panel.locator("#attr_role")).to_have_value("the city's chief engineer")
    expect(panel.locator("#attr_cue")).to_have_value("said")
    expect(panel.locator("#attr_type")).to_have_value("direct")
    expect(panel.locator("#attr_source")).to_be_focused()  # the new claim's panel takes focus
    expect(page.locator(".sentence[data-index='2'] mark.claim")).to_have_text(LOPEZ)
    expect(tools_of(page, 2).locator(".suggestion")).to_have_count(0)
    expect(page.locator(".sentence.is-current")).to_have_attribute("data-index", "2")
    screenshot(page, "suggestion-accepted")
    page.keyboard.press("Escape")
    expect(page.locator("#panel.is-empty")).to_be_visible()

    # x on the next sentence rejects its suggestion: no claim, the underline goes.
    press_to(page, "j", 3)
    page.keyboard.press("x")
    expect(page.locator(".sentence[data-index='3'] .suggested")).to_have_count(0)
    expect(page.locator(".sentence[data-index='3'] mark.claim")).to_have_count(0)
    expect(page.locator(".sg-figures")).to_contain_text("1 open · 1 accepted · 1 rejected · 50% accepted")
    # x again: nothing left to reject there, and the page says so.
    page.keyboard.press("x")
    expect(page.locator(".toast", has_text="No open suggestion in this sentence")).to_be_visible()

    assert states(article_id) == [("open", None), ("accepted", "rev"), ("rejected", "rev")]
    [claim] = stored_claims(article_id)
    assert (claim.attr_source, claim.attr_cue, claim.attr_type) == ("Maria Lopez", "said", "direct")

    document = download_json(page, lambda: page.locator("#export-article").click())
    [exported] = document["articles"][0]["claims"]
    assert exported["quote"] == LOPEZ and exported["sentence_index"] == 2
    assert exported["attribution"] == {"source": "Maria Lopez", "role": "the city's chief engineer", "cue": "said",
                                       "type": "direct"}
    assert exported["created_by"] == "rev"
    assert console_errors(page) == []


def test_edit_before_accepting_and_click_to_accept(page, live_server):
    article_id = import_article(page, live_server)
    press_to(page, "j", 1)
    press_to(page, "j", 2)
    page.keyboard.press("e")
    panel = page.locator("#panel.panel-suggestion")
    expect(panel.locator("#suggestion-quote")).to_have_value(LOPEZ)
    expect(panel.locator("#suggestion-attr_source")).to_have_value("Maria Lopez")
    expect(panel.locator("#suggestion-quote")).to_be_focused()
    page.keyboard.press("Control+End")
    page.keyboard.type(" a week")  # keys typed into the form are not shortcuts (no a, no e, no k)
    expect(panel.locator("#suggestion-quote")).to_have_value(LOPEZ + " a week")
    panel.get_by_role("button", name="Accept as claim").click()
    expect(panel.locator(".error")).to_contain_text("must be words of sentence 3")
    settled(page)  # the refused form's typing is put back at the settle; typing before it would be overwritten
    assert stored_claims(article_id) == []
    panel.locator("#suggestion-quote").fill("60,000 cars a day")
    panel.locator("#suggestion-attr_role").fill("chief engineer")
    screenshot(page, "suggestion-edit")
    panel.get_by_role("button", name="Accept as claim").click()
    expect(page.locator("#panel.is-open .claim-quote")).to_have_text("60,000 cars a day")
    expect(page.locator("#attr_role")).to_have_value("chief engineer")

    # One click accepts the article's own assertion in sentence 2.
    council = go_to(page, 1).locator(".suggestion")
    council.get_by_role("button", name="Accept the suggested claim").click()
    expect(page.locator("#panel.is-open .claim-quote")).to_have_text(
        "The city council approved the repair plan on Tuesday by a vote of 7 to 2.")
    expect(page.locator("#attr_type")).to_have_value("author")
    assert sorted(c.quote for c in stored_claims(article_id)) == [
        "60,000 cars a day", "The city council approved the repair plan on Tuesday by a vote of 7 to 2."]
    assert [s[0] for s in states(article_id)] == ["accepted", "accepted", "open"]
    assert db.session.scalars(db.select(Suggestion.edited).order_by(Suggestion.start)).all() == [False, True, False]
    assert console_errors(page, expected_statuses=(422,)) == []


def test_h_hides_suggestions_and_the_page_remembers(page, live_server):
    article_id = import_article(page, live_server)
    toggle = page.locator(".sg-toggle")
    expect(toggle).to_have_attribute("aria-pressed", "true")
    press_to(page, "j", 1)
    expect(tools_of(page, 1).locator(".suggestion-list")).to_be_visible()
    page.keyboard.press("h")
    expect(toggle).to_have_attribute("aria-pressed", "false")
    expect(tools_of(page, 1).locator(".suggestion-list")).to_be_hidden()
    decoration = page.locator(".suggested").first.evaluate("el => getComputedStyle(el).textDecorationLine")
    assert decoration == "none"
    page.keyboard.press("a")  # hidden suggestions are not accepted blind
    expect(page.locator(".toast", has_text="Suggestions are hidden")).to_be_visible()
    assert stored_claims(article_id) == []
    page.reload()
    wait_for_reader(page)
    expect(page.locator(".sg-toggle")).to_have_attribute("aria-pressed", "false")
    expect(go_to(page, 1).locator(".suggestion-list")).to_be_hidden()
    page.locator(".sg-toggle").click()
    expect(tools_of(page, 1).locator(".suggestion-list")).to_be_visible()
    decoration = page.locator(".suggested").first.evaluate("el => getComputedStyle(el).textDecorationLine")
    assert decoration == "underline"
    assert db.session.get(Article, article_id) is not None
    assert console_errors(page) == []


def test_marking_by_hand_over_a_suggestion_pre_fills_it_enter_keeps_it_and_typing_replaces_it(page, live_server):
    article_id = import_article(page, live_server)
    # Drag over part of the suggested quote and press m: the suggestion is settled, its attribution suggested.
    drag_select(page, 2, "60,000 cars a day")
    page.keyboard.press("m")
    panel = page.locator("#panel.is-open")
    expect(panel.locator(".claim-quote")).to_have_text("60,000 cars a day")
    expect(panel.locator("#suggested-attribution-note")).to_be_visible()
    source = panel.locator("#attr_source")
    expect(source).to_have_value("Maria Lopez")
    expect(source).to_have_attribute("data-suggested", "true")
    expect(source).to_be_focused()  # the new claim's panel takes focus, and the suggested value is selected
    assert page.evaluate("() => { const f = document.activeElement; return [f.selectionStart, f.selectionEnd]; }") == [
        0, len("Maria Lopez")]
    expect(tools_of(page, 2).locator(".suggestion")).to_have_count(0)
    expect(page.locator(".sg-figures")).to_contain_text("2 open")
    screenshot(page, "suggestion-prefilled")
    page.keyboard.press("Enter")  # one key keeps the suggestion
    expect(page.locator("#panel .notice-success")).to_have_text("Saved.")
    (claim,) = stored_claims(article_id)
    assert (claim.attr_source, claim.attr_cue, claim.attr_type) == ("Maria Lopez", "said", "direct")
    assert db.session.get(Suggestion, lopez_id(article_id)).state == "superseded"

    # Marking the next sentence by hand (c): typing over the suggested source replaces it.
    page.keyboard.press("Escape")
    press_to(page, "j", 3)
    page.keyboard.press("c")
    source = page.locator("#panel.is-open #attr_source")
    expect(source).to_be_focused()
    page.keyboard.type("Lopez, the engineer")
    expect(source).to_have_value("Lopez, the engineer")
    expect(source).not_to_have_attribute("data-suggested", "true")
    assert console_errors(page) == []


def lopez_id(article_id: int) -> int:
    """The suggestion of Maria Lopez's quotation (the first of hers in the article)."""
    db.session.rollback()
    return db.session.scalars(db.select(Suggestion.id).where(Suggestion.article_id == article_id,
                                                             Suggestion.source == "Maria Lopez")
                              .order_by(Suggestion.start)).first()
