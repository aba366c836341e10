"""Keyboard spans: w selects the current sentence's first word, Shift+arrows grow and shrink the span by a word,
Alt+arrows move it, Enter marks it; the span is the page's selection (so it shows) and is announced."""
from playwright.sync_api import expect

from tests.browser.conftest import console_errors
from tests.browser.conftest import screenshot
from tests.browser.helpers import open_article
from tests.browser.helpers import make_news_article
from tests.browser.helpers import stored_claims


def selected(page) -> str:
    return page.evaluate("getSelection().toString()")


def press(page, key: str, times: int = 1) -> None:
    for _ in range(times):
        page.keyboard.press(key)


def test_select_grow_move_and_mark_a_span_with_keys(page, live_server):
    article = make_news_article()
    open_article(page, live_server, article.id)
    page.evaluate("window.__marker = 1")
    page.keyboard.press("j")
    page.keyboard.press("j")  # The mayor said the plan “will cut costs by 12 percent.”
    expect(page.locator(".sentence.is-current")).to_have_attribute("data-index", "2")
    announcer = page.locator("#announcer")

    page.keyboard.press("w")
    assert selected(page) == "The"
    expect(announcer).to_have_text("The (1 word selected)")
    press(page, "Shift+ArrowRight", 2)
    assert selected(page) == "The mayor said"
    expect(page.locator("#selection-toolbar")).to_be_visible()  # shown as it grows, with Mark claim
    press(page, "Alt+ArrowRight", 5)  # the three-word span moves to "will cut costs"
    assert selected(page) == "will cut costs"
    press(page, "Shift+ArrowRight", 3)
    assert selected(page) == "will cut costs by 12 percent"
    press(page, "Shift+ArrowLeft")
    assert selected(page) == "will cut costs by 12"
    press(page, "Shift+ArrowRight", 2)  # the second goes past the last word: the span stays
    assert selected(page) == "will cut costs by 12 percent"
    expect(announcer).to_have_text("will cut costs by 12 percent (6 words selected)")
    screenshot(page, "keyboard-span")

    page.keyboard.press("Enter")
    expect(page.locator('.sentence[data-index="2"] mark.claim')).to_have_text("will cut costs by 12 percent")
    expect(page.locator("#panel.is-open .claim-quote")).to_have_text("will cut costs by 12 percent")
    expect(page.locator("#attr_source")).to_be_focused()  # one more key from the mark to Source: none
    assert [c.quote for c in stored_claims(article.id)] == ["will cut costs by 12 percent"]

    # Esc leaves a span without marking; Shift+→ starts one too.
    press(page, "Escape")
    press(page, "j")
    press(page, "Shift+ArrowRight")
    assert selected(page) == "Critics"
    page.keyboard.press("Escape")
    assert selected(page) == ""
    assert len(stored_claims(article.id)) == 1
    assert page.evaluate("window.__marker") == 1, "Alt+arrow navigated away"
    assert console_errors(page) == []
