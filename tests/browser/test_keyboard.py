"""Keyboard: moving between sentences, marking, 'checked, no claim', opening and closing, the shortcut list."""
from playwright.sync_api import expect

from tests.browser.conftest import console_errors
from tests.browser.conftest import screenshot
from tests.browser.helpers import NEWS_SENTENCES
from tests.browser.helpers import make_news_article
from tests.browser.helpers import open_article
from tests.browser.helpers import stored_claims
from tests.browser.helpers import tools_of


def current_index(page) -> int:
    return int(page.locator(".sentence.is-current").get_attribute("data-index"))


def press_and_expect(page, key: str, index: int) -> None:
    page.keyboard.press(key)
    expect(page.locator(".sentence.is-current")).to_have_attribute("data-index", str(index))
    expect(page.locator(".sentence.is-current")).to_have_count(1)


def test_move_mark_check_open_and_close_with_keys(page, live_server):
    article = make_news_article()
    open_article(page, live_server, article.id)
    page.evaluate("window.__marker = 1")
    progress = page.locator("#progress-label")
    expect(progress).to_contain_text("0 of 5 sentences checked")
    assert current_index(page) == 0

    press_and_expect(page, "j", 1)
    press_and_expect(page, "ArrowDown", 2)
    press_and_expect(page, "j", 3)
    press_and_expect(page, "k", 2)
    press_and_expect(page, "ArrowUp", 1)
    press_and_expect(page, "k", 0)
    press_and_expect(page, "k", 0)  # stays on the first

    # c marks the whole current sentence and opens its panel.
    press_and_expect(page, "j", 1)
    press_and_expect(page, "j", 2)
    page.keyboard.press("c")
    sentence = page.locator('.sentence[data-index="2"]')
    expect(sentence.locator("mark.claim")).to_have_text(NEWS_SENTENCES[2])
    expect(page.locator("#panel.is-open .claim-quote")).to_have_text(NEWS_SENTENCES[2])
    expect(progress).to_contain_text("1 of 5 sentences checked · 20%")
    expect(page.locator(".sentence.is-current")).to_have_attribute("data-index", "2")

    page.keyboard.press("Escape")
    expect(page.locator("#panel.is-empty")).to_be_visible()

    # n toggles "checked, no claim" on the current sentence, and the progress bar follows.
    press_and_expect(page, "j", 3)
    page.keyboard.press("n")
    expect(page.locator('.sentence[data-index="3"].is-no-claim')).to_have_count(1)
    expect(progress).to_contain_text("2 of 5 sentences checked · 40%")
    expect(page.locator("#progress progress")).to_have_attribute("value", "2")
    expect(tools_of(page, 3).locator('[data-action="no-claim"]')).to_have_attribute("aria-pressed", "true")
    page.keyboard.press("n")
    expect(page.locator(".sentence.is-no-claim")).to_have_count(0)
    expect(progress).to_contain_text("1 of 5 sentences checked · 20%")
    page.keyboard.press("n")
    expect(progress).to_contain_text("2 of 5 sentences checked")
    expect(page.locator(".sentence.is-current")).to_have_attribute("data-index", "3")

    # n on a sentence that holds a claim changes nothing: it is checked already.
    press_and_expect(page, "k", 2)
    page.keyboard.press("n")
    expect(page.locator(".toast", has_text="already checked")).to_be_visible()
    expect(progress).to_contain_text("2 of 5 sentences checked")

    # Enter opens the current sentence's first claim; Esc closes it.
    page.keyboard.press("Enter")
    expect(page.locator("#panel.is-open .claim-quote")).to_have_text(NEWS_SENTENCES[2])
    expect(page.locator("#attr_source")).to_be_focused()  # focus follows into the panel
    page.keyboard.press("Escape")
    expect(page.locator("#panel.is-empty")).to_be_visible()
    expect(page.locator(".sentence.is-current")).to_be_focused()  # and comes back to the sentence

    # ? lists the shortcuts; Esc closes the list.
    page.keyboard.press("?")
    dialog = page.locator("dialog#shortcuts")
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text("Mark the whole sentence as a claim")
    screenshot(page, "shortcuts")
    page.keyboard.press("j")  # keys inside the open dialog are not shortcuts
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(page.locator(".sentence.is-current")).to_have_attribute("data-index", "2")

    assert page.evaluate("window.__marker") == 1, "a shortcut reloaded the page"
    assert len(stored_claims(article.id)) == 1
    assert console_errors(page) == []


def test_shortcuts_do_not_fire_while_typing_in_the_panel(page, live_server):
    article = make_news_article()
    open_article(page, live_server, article.id)
    press_and_expect(page, "j", 1)
    page.keyboard.press("c")
    expect(page.locator("#panel.is-open")).to_be_visible()

    source = page.locator("#attr_source")
    source.click()
    page.keyboard.type("jkcnms? Jo")
    page.keyboard.press("Enter")  # submits the form (a save), not "open claim"
    expect(page.locator("#panel .notice-success")).to_have_text("Saved.")
    expect(page.locator("#attr_source")).to_have_value("jkcnms? Jo")
    rationale = page.locator("#rationale")
    rationale.click()
    page.keyboard.type("n and c and ArrowDown: j")
    page.keyboard.press("ArrowDown")
    expect(rationale).to_have_value("n and c and ArrowDown: j")

    expect(page.locator(".sentence.is-current")).to_have_attribute("data-index", "1")
    expect(page.locator("dialog#shortcuts")).to_be_hidden()
    expect(page.locator(".sentence.is-no-claim")).to_have_count(0)
    expect(page.locator("#progress-label")).to_contain_text("1 of 5 sentences checked")
    assert len(stored_claims(article.id)) == 1

    # Esc in a panel field closes the panel (what was typed and not saved is kept as a draft: test_drafts.py).
    page.keyboard.press("Escape")
    expect(page.locator("#panel.is-empty")).to_be_visible()
    press_and_expect(page, "j", 2)
    assert console_errors(page) == []


def test_clicking_a_sentence_makes_it_current(page, live_server):
    article = make_news_article()
    open_article(page, live_server, article.id)
    page.locator('.sentence[data-index="4"] .stext').click()
    expect(page.locator(".sentence.is-current")).to_have_attribute("data-index", "4")
    press_and_expect(page, "j", 5)
    press_and_expect(page, "j", 5)  # stays on the last
    assert console_errors(page) == []


def test_tab_from_the_page_header_reaches_the_current_sentence(page, live_server):
    article = make_news_article()
    open_article(page, live_server, article.id)
    press_and_expect(page, "j", 1)
    press_and_expect(page, "j", 2)
    page.locator(".crumbs a").focus()  # a keyboard user up in the page's header
    for tabs in range(1, 15):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('.sentence')"):
            break
    expect(page.locator(".sentence.is-current")).to_be_focused()  # the column's one Tab stop, not the first row
    expect(page.locator(".sentence.is-current")).to_have_attribute("data-index", "2")
    assert page.locator('.sentence[tabindex="0"]').count() == 1
    press_and_expect(page, "j", 3)  # and the keys work from there
    assert tabs <= 10, tabs
    assert console_errors(page) == []
