"""Undo: Ctrl+Z (or the toast's Undo) takes back the last mark, accept, reject, "no claim", merge or split, through
the same pages a reviewer uses; Ctrl+Z in a field undoes typing only."""
from playwright.sync_api import expect

from tests.browser.conftest import console_errors
from tests.browser.conftest import screenshot
from tests.browser.helpers import NEWS_SENTENCES
from tests.browser.helpers import make_news_article
from tests.browser.helpers import open_article
from tests.browser.helpers import select_text
from tests.browser.helpers import stored_claims
from tests.browser.helpers import tools_of


def texts(page) -> list[str]:
    return page.locator(".sentence .stext").all_text_contents()


def test_undo_mark_no_claim_merge_and_split(page, live_server):
    article = make_news_article()
    open_article(page, live_server, article.id)
    page.evaluate("window.__marker = 1")
    progress = page.locator("#progress-label")
    page.keyboard.press("j")
    page.keyboard.press("j")

    # A stray c: Ctrl+Z from the panel's first field would undo typing, so from the sentence it takes the claim back.
    page.keyboard.press("c")
    expect(page.locator("#panel.is-open")).to_be_visible()
    expect(page.locator(".toast", has_text="Claim marked")).to_be_visible()
    screenshot(page, "undo-toast")
    expect(progress).to_contain_text("1 of 5")
    page.keyboard.type("Ana")
    page.keyboard.press("Control+z")  # in the field: the browser's own undo of the typing
    assert len(stored_claims(article.id)) == 1
    page.keyboard.press("Escape")
    page.keyboard.press("Control+z")
    expect(page.locator(".sentence[data-index='2'] mark.claim")).to_have_count(0)
    expect(progress).to_contain_text("0 of 5")
    expect(page.locator("#announcer")).to_have_text("Undone: claim marked.")
    assert stored_claims(article.id) == []
    # the suggestion the mark had settled is open again (underlined in the sentence)
    expect(page.locator(".sentence[data-index='2'] .suggested")).not_to_have_count(0)

    # n, then the toast's Undo button.
    page.keyboard.press("j")
    page.keyboard.press("n")
    expect(page.locator(".sentence[data-index='3'].is-no-claim")).to_have_count(1)
    expect(page.locator(".sentence[data-index='3'] .suggested")).to_have_count(0)  # "no claim" rejected it
    page.locator(".toast", has_text="Checked, no claim").get_by_role("button", name="Undo").click()
    expect(page.locator(".sentence.is-no-claim")).to_have_count(0)
    expect(page.locator(".sentence[data-index='3'] .suggested")).not_to_have_count(0)  # and undoing it reopens it
    expect(progress).to_contain_text("0 of 5")

    # A merge, undone: the two sentences are back as they were.
    page.keyboard.press("j")
    tools_of(page, 4).get_by_role("button", name="Merge sentence 5 with the next").click()
    expect(page.locator(".sentence")).to_have_count(5)
    expect(page.locator(".toast", has_text="Sentences merged")).to_be_visible()
    page.keyboard.press("Control+z")
    expect(page.locator(".sentence")).to_have_count(6)
    assert texts(page) == NEWS_SENTENCES

    # A split, undone.
    select_text(page, 2, "will cut", length=0)
    page.keyboard.press("s")
    page.keyboard.press("s")
    expect(page.locator(".sentence")).to_have_count(7)
    expect(page.locator(".toast", has_text="Sentence split")).to_be_visible()
    page.keyboard.press("Control+z")
    expect(page.locator(".sentence")).to_have_count(6)
    assert texts(page) == NEWS_SENTENCES

    # Accepting a suggestion (a), undone: the claim it made goes, the suggestion is open again.
    page.locator('.sentence[data-index="1"] .snum').click()
    expect(tools_of(page, 1).locator(".suggestion")).to_have_count(1)
    page.keyboard.press("a")
    expect(page.locator("#panel.is-open .claim-quote")).to_be_visible()
    expect(page.locator(".toast", has_text="Suggestion accepted")).to_be_visible()
    page.keyboard.press("Escape")
    page.keyboard.press("Control+z")
    expect(tools_of(page, 1).locator(".suggestion")).to_have_count(1)
    expect(page.locator(".sentence[data-index='1'] mark.claim")).to_have_count(0)
    assert stored_claims(article.id) == []
    expect(page.locator(".sg-figures")).to_contain_text("0 accepted")

    # Rejecting it (x), undone from the toast.
    expect(page.locator(".sentence.is-current")).to_be_focused()  # the undo gave focus back to the sentence
    figures = page.locator(".sg-figures").text_content()
    # the undo's requests are over (a decision button stays disabled while one for its suggestion is on its way)
    expect(tools_of(page, 1).get_by_role("button", name="Reject the suggested claim in sentence 2")).to_be_enabled()
    page.wait_for_load_state("networkidle")
    page.keyboard.press("x")
    expect(tools_of(page, 1).locator(".suggestion")).to_have_count(0)
    page.locator(".toast", has_text="Suggestion rejected").get_by_role("button", name="Undo").click()
    expect(tools_of(page, 1).locator(".suggestion")).to_have_count(1)
    expect(page.locator(".sg-figures")).to_have_text(figures)

    # Only the last change: a second Ctrl+Z has nothing left.
    page.keyboard.press("Control+z")
    expect(page.locator(".toast", has_text="Nothing to undo")).to_be_visible()
    assert page.evaluate("window.__marker") == 1
    assert console_errors(page) == []
