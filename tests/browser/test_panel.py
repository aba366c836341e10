"""The claim panel: attribution, status and rationale saved inline; evidence added and removed; all of it persists."""
from playwright.sync_api import expect

from tests.browser.conftest import console_errors
from tests.browser.conftest import new_page
from tests.browser.conftest import screenshot
from tests.browser.helpers import export_of
from tests.browser.helpers import make_news_article
from tests.browser.helpers import open_article
from tests.browser.helpers import open_chip
from tests.browser.helpers import tools_of
from tests.browser.helpers import wait_for_reader
from tests.factories import make_claim

QUOTE = "The mayor said the plan “will cut costs by 12 percent.”"


def add_evidence(page, url: str, title: str = "", excerpt: str = "", stance: str = "context") -> None:
    """Open "Add evidence" if it is closed, fill the form and submit it."""
    evidence = page.locator("#panel .evidence")
    if evidence.locator("details.evidence-add[open]").count() == 0:
        evidence.locator("summary", has_text="Add evidence").click()
    page.fill("#evidence-url", url)
    page.fill("#evidence-title", title)
    page.fill("#evidence-excerpt", excerpt)
    page.select_option("#evidence-stance", stance)
    evidence.locator("form button[type=submit]").click()


def test_fill_panel_add_and_remove_evidence_then_reload(page, live_server):
    article = make_news_article()
    article.single_verdict = True  # a lone fact-checker: the verdict decides the rating
    make_claim(article, QUOTE, sentence_index=2)
    open_article(page, live_server, article.id)
    page.evaluate("window.__marker = 1")
    sentence = page.locator('.sentence[data-index="2"]')
    open_chip(page, 2)
    panel = page.locator("#panel.is-open")
    expect(panel.locator(".claim-quote")).to_have_text(QUOTE)

    page.fill("#attr_source", "Ana Ruiz")
    page.fill("#attr_role", "mayor of Springfield")
    page.fill("#attr_cue", "said")
    page.select_option("#attr_type", "mixed")
    page.fill("#rationale", "The budget office projects 4 percent, not 12.")
    panel.get_by_role("button", name="Save claim").click()
    expect(page.locator("#panel .notice-success")).to_have_text("Saved.")
    expect(page.locator("#panel .panel-head .badge.status-unverified")).to_have_text("Unverified")  # no verdict yet

    panel.locator("label.choice", has_text="Refuted").click()  # "Your verdict"
    panel.get_by_role("button", name="Record verdict").click()
    expect(page.locator("#panel .notice-success")).to_have_text("Your verdict is recorded.")
    expect(page.locator("#panel .panel-head .badge.status-refuted")).to_have_text("Refuted")
    expect(sentence.locator("mark.claim")).to_have_class("claim status-refuted")
    expect(tools_of(page, 2).locator(".chip")).to_contain_text("Ana Ruiz")

    # A javascript: URL is refused next to the field, and nothing is added.
    add_evidence(page, "javascript:alert(1)", "Bad link")
    url_field = page.locator("#panel .evidence .field", has=page.locator("#evidence-url"))
    expect(url_field.locator(".error")).to_contain_text("http")
    expect(page.locator("#evidence-url")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#panel .evidence-item")).to_have_count(0)
    expect(page.locator("#panel .evidence .count")).to_have_text("0")

    add_evidence(page, "https://example.org/budget-2026", "City budget 2026",
                 "Projected savings: 4 percent over five years.", "refutes")
    expect(page.locator("#panel .evidence-item")).to_have_count(1)
    expect(page.locator("#panel .evidence .error")).to_have_count(0)
    add_evidence(page, "https://example.com/transit-study", "Transit study", "", "context")
    expect(page.locator("#panel .evidence-item")).to_have_count(2)
    expect(page.locator("#panel .evidence .count")).to_have_text("2")
    expect(page.locator("#panel details.evidence-add")).not_to_have_attribute("open", "")
    page.set_viewport_size({"width": 1280, "height": 1200})  # the whole panel in one picture
    page.evaluate("scrollTo(0, 0)")
    screenshot(page, "panel-evidence")

    page.get_by_role("button", name="Remove evidence Transit study").click()
    expect(page.locator("#panel .evidence-item")).to_have_count(1)
    assert page.evaluate("window.__marker") == 1, "the panel caused a full reload"

    page.reload()
    wait_for_reader(page)
    expect(page.locator("#panel.is-empty")).to_be_visible()
    open_chip(page, 2)
    expect(page.locator("#attr_source")).to_have_value("Ana Ruiz")
    expect(page.locator("#attr_role")).to_have_value("mayor of Springfield")
    expect(page.locator("#attr_cue")).to_have_value("said")
    expect(page.locator("#attr_type")).to_have_value("mixed")
    expect(page.locator('#panel input[name=rating][value="refuted"]')).to_be_checked()
    expect(page.locator('#panel input[name=status]')).to_have_count(0)
    expect(page.locator("#rationale")).to_have_value("The budget office projects 4 percent, not 12.")
    item = page.locator("#panel .evidence-item")
    expect(item).to_have_count(1)
    expect(item.locator("a")).to_have_text("City budget 2026")
    expect(item.locator("a")).to_have_attribute("href", "https://example.org/budget-2026")
    expect(item.locator(".badge")).to_have_text("Refutes")
    expect(item).to_contain_text("added by rev")
    expect(sentence.locator("mark.claim.status-refuted")).to_have_count(1)

    claim = export_of(page, live_server, article.id)["claims"][0]
    assert claim["attribution"] == {"source": "Ana Ruiz", "role": "mayor of Springfield", "cue": "said",
                                    "type": "mixed"}
    assert (claim["status"], claim["version"], claim["updated_by"]) == ("refuted", 2, "rev")
    assert [(e["url"], e["stance"], e["created_by"]) for e in claim["evidence"]] == [
        ("https://example.org/budget-2026", "refutes", "rev")]
    assert console_errors(page, expected_statuses=(422,)) == []


def test_invalid_panel_input_is_refused_with_a_message(page, live_server):
    article = make_news_article()
    make_claim(article, QUOTE, sentence_index=2)
    open_article(page, live_server, article.id)
    open_chip(page, 2)
    cue = page.locator("#attr_cue")
    cue.evaluate("input => input.removeAttribute('maxlength')")  # what the browser would stop, the server must too
    cue.fill("x" * 101)
    page.locator("#panel").get_by_role("button", name="Save claim").click()
    expect(page.locator("#panel .field.has-error .error")).to_be_visible()
    expect(page.locator("#panel .notice-success")).to_have_count(0)
    assert export_of(page, live_server, article.id)["claims"][0]["version"] == 1
    assert console_errors(page, expected_statuses=(422,)) == []


def test_close_button_and_mark_click_open_the_panel(page, live_server):
    article = make_news_article()
    make_claim(article, "council voted", sentence_index=1)
    open_article(page, live_server, article.id)
    page.locator("mark.claim").click()
    expect(page.locator("#panel.is-open .claim-quote")).to_have_text("council voted")
    page.locator("#panel").get_by_role("button", name="Close the panel").click()
    expect(page.locator("#panel.is-empty")).to_be_visible()
    assert console_errors(page) == []


def test_delete_claim_removes_highlight_and_progress(page, live_server):
    article = make_news_article()
    make_claim(article, "council voted", sentence_index=1)
    open_article(page, live_server, article.id)
    expect(page.locator("#progress-label")).to_contain_text("1 of 5 sentences checked")
    open_chip(page, 1)
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator("#panel").get_by_role("button", name="Delete claim").click()
    expect(page.locator("#panel.is-empty")).to_be_visible()
    expect(page.locator("mark.claim")).to_have_count(0)
    expect(page.locator("#progress-label")).to_contain_text("0 of 5 sentences checked")
    assert export_of(page, live_server, article.id)["claims"] == []
    assert console_errors(page) == []


def test_a_save_on_an_outdated_version_is_refused_and_shown(browser, live_server):
    """Two tabs on one claim: the later save does not overwrite the earlier one; it shows both versions."""
    article = make_news_article()
    make_claim(article, QUOTE, sentence_index=2)
    first, second = new_page(browser, live_server), new_page(browser, live_server)
    for tab in (first, second):
        open_article(tab, live_server, article.id)
        open_chip(tab, 2)
        expect(tab.locator("#attr_source")).to_have_value("")
    first.fill("#attr_source", "Ana Ruiz")
    first.locator("#panel").get_by_role("button", name="Save claim").click()
    expect(first.locator("#panel .notice-success")).to_have_text("Saved.")

    second.fill("#attr_source", "the mayor")
    second.locator("#panel").get_by_role("button", name="Save claim").click()
    warning = second.locator("#panel .notice-warning")
    expect(warning).to_contain_text("Not saved.")
    expect(warning.locator(".theirs")).to_have_text("Ana Ruiz")
    expect(warning.locator(".yours")).to_have_text("the mayor")
    expect(second.locator("#attr_source")).to_have_value("Ana Ruiz")
    assert export_of(second, live_server, article.id)["claims"][0]["attribution"]["source"] == "Ana Ruiz"

    second.fill("#attr_source", "the mayor")  # reapplied on the fresh version, it saves
    second.locator("#panel").get_by_role("button", name="Save claim").click()
    expect(second.locator("#panel .notice-success")).to_have_text("Saved.")
    assert export_of(second, live_server, article.id)["claims"][0]["attribution"]["source"] == "the mayor"
    assert console_errors(first) == []
    assert console_errors(second, expected_statuses=(409,)) == []
    first.context.close()
    second.context.close()


def test_resizing_the_rationale_box_then_saving_breaks_no_policy(page, live_server):
    """Dragging a textarea's corner gives it a style attribute; the swap after a save must not copy it (CSP)."""
    article = make_news_article()
    make_claim(article, QUOTE, sentence_index=2)
    open_article(page, live_server, article.id)
    open_chip(page, 2)
    box = page.locator("#rationale").bounding_box()
    page.mouse.move(box["x"] + box["width"] - 3, box["y"] + box["height"] - 3)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] - 3, box["y"] + box["height"] + 80, steps=5)
    page.mouse.up()
    assert page.locator("#rationale").get_attribute("style"), "the drag did not resize the box"
    page.fill("#rationale", "Checked against the budget.")
    page.locator("#panel").get_by_role("button", name="Save claim").click()
    expect(page.locator("#panel .notice-success")).to_have_text("Saved.")
    assert console_errors(page) == []
