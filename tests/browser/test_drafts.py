"""No lost typing: what is typed in the claim panel and not saved comes back as a draft when the claim reopens (after
Esc, after opening another claim, after a reload); a save drops the draft, and Discard drops it by hand."""
from playwright.sync_api import expect

from tests.browser.conftest import console_errors
from tests.browser.helpers import make_news_article
from tests.browser.helpers import open_article
from tests.browser.helpers import open_chip
from tests.browser.helpers import wait_for_reader
from tests.factories import make_claim

QUOTE = "will cut costs by 12 percent"


def test_unsaved_typing_comes_back_when_the_claim_reopens(page, live_server):
    article = make_news_article()
    make_claim(article, QUOTE, sentence_index=2)
    make_claim(article, "wishful thinking", sentence_index=3)
    open_article(page, live_server, article.id)
    open_chip(page, 2)
    expect(page.locator("#attr_source")).to_be_focused()
    page.keyboard.type("Ana Ruiz")
    page.fill("#attr_cue", "said")

    # Esc closes the panel; the typing is kept, and the page says so.
    page.keyboard.press("Escape")
    expect(page.locator("#panel.is-empty")).to_be_visible()
    expect(page.locator(".toast", has_text="kept as a draft")).to_be_visible()
    page.keyboard.press("Enter")  # the sentence's first claim again
    panel = page.locator("#panel.is-open")
    expect(panel.locator(".claim-quote")).to_have_text(QUOTE)
    expect(page.locator("#attr_source")).to_have_value("Ana Ruiz")
    expect(page.locator("#attr_cue")).to_have_value("said")
    expect(panel.locator(".notice-draft")).to_contain_text("unsaved changes are back")

    # Opening another claim keeps it too, and so does a reload.
    page.fill("#attr_role", "mayor")
    open_chip(page, 3)
    expect(panel.locator(".claim-quote")).to_have_text("wishful thinking")
    expect(panel.locator(".notice-draft")).to_have_count(0)
    expect(page.locator("#attr_source")).to_have_value("")
    page.reload()
    wait_for_reader(page)
    open_chip(page, 2)
    expect(page.locator("#attr_role")).to_have_value("mayor")
    expect(page.locator("#attr_source")).to_have_value("Ana Ruiz")

    # A save keeps the values and drops the draft: reopened, the panel shows what was saved, with no note.
    panel.get_by_role("button", name="Save claim").click()
    expect(panel.locator(".notice-success")).to_have_text("Saved.")
    expect(panel.locator(".notice-draft")).to_have_count(0)
    page.keyboard.press("Escape")
    expect(page.locator(".toast", has_text="draft")).to_have_count(0)
    open_chip(page, 2)
    expect(page.locator("#attr_source")).to_have_value("Ana Ruiz")
    expect(panel.locator(".notice-draft")).to_have_count(0)

    # Discard drops a draft and puts the saved values back.
    page.fill("#attr_source", "Someone else")
    page.keyboard.press("Escape")
    open_chip(page, 2)
    expect(page.locator("#attr_source")).to_have_value("Someone else")
    panel.get_by_role("button", name="Discard them").click()
    expect(page.locator("#attr_source")).to_have_value("Ana Ruiz")
    expect(panel.locator(".notice-draft")).to_have_count(0)
    page.keyboard.press("Escape")
    open_chip(page, 2)
    expect(page.locator("#attr_source")).to_have_value("Ana Ruiz")
    assert console_errors(page) == []
