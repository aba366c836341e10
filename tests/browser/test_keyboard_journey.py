"""The first journey with the keyboard alone: open the sample article, mark a partial span (by editing a suggestion)
and a whole sentence, describe them, add evidence, check the rest 'no claim' to 100%, export. Focus follows the work:
a fresh claim puts focus in its panel, a save keeps it there, Esc gives it back to the sentence."""
from playwright.sync_api import expect

from annotate.articles.operations import load_seed_article
from annotate.extensions import db
from tests.browser.conftest import console_errors
from tests.browser.conftest import screenshot
from tests.browser.helpers import download_json
from tests.browser.helpers import open_article
from tests.browser.helpers import stored_claims

ACTIVE_JS = """() => {
  const a = document.activeElement;
  return a ? {id: a.id, tag: a.tagName, cls: a.className, text: (a.textContent || "").trim().slice(0, 40),
              panel: !!a.closest("#panel"), sentence: a.matches(".sentence.is-current")} : null;
}"""


class Keys:
    """The keys pressed, counted from the last reset (a fresh mark)."""

    def __init__(self, page):
        self.page = page
        self.count = 0

    def press(self, key: str, times: int = 1) -> None:
        for _ in range(times):
            self.page.keyboard.press(key)
            self.count += 1

    def type(self, text: str) -> None:
        self.page.keyboard.type(text)

    def until(self, predicate, key: str = "Tab", limit: int = 30) -> int:
        """Press `key` until `predicate(active element)` holds; returns how many presses it took."""
        for pressed in range(limit + 1):
            if predicate(self.page.evaluate(ACTIVE_JS)):
                return pressed
            self.press(key)
        raise AssertionError(f"not reached in {limit} presses of {key}: {self.page.evaluate(ACTIVE_JS)}")


def active(page) -> dict:
    return page.evaluate(ACTIVE_JS)


def current_text(page) -> str:
    return page.locator(".sentence.is-current .stext").text_content()


def progress(page) -> str:
    return page.locator("#progress-label").text_content()


def test_whole_first_journey_with_the_keyboard(page, live_server):
    article = load_seed_article()
    db.session.commit()
    open_article(page, live_server, article.id)
    page.evaluate("window.__marker = 1")
    keys = Keys(page)
    assert active(page)["sentence"], "the page opens with focus on the current sentence"
    announcer = page.locator("#announcer")
    reached_source = []  # keys from a fresh mark to the Source field, per described claim

    # u walks the unchecked sentences: the first with a suggestion gets a partial span, the next a whole claim.
    keys.until(lambda a: page.locator(".sentence.is-current.has-sg").count(), key="u", limit=20)
    partial_sentence = current_text(page)

    # e opens the suggestion in the panel with focus in its span; shorten it to its first words, accept.
    keys.count = 0
    keys.press("e")
    expect(page.locator("#panel.panel-suggestion")).to_be_visible()
    expect(page.locator("#suggestion-quote")).to_be_focused()
    partial = " ".join(page.locator("#suggestion-quote").input_value().split()[:6])
    keys.press("Control+a")
    keys.type(partial)
    keys.press("Tab")
    expect(page.locator("#suggestion-attr_source")).to_be_focused()
    reached_source.append(keys.count - 2)  # e, then Tab (Ctrl+A and the typing are the span itself)
    source = page.locator("#suggestion-attr_source").input_value()
    keys.press("Enter")  # accept with this span and attribution
    expect(page.locator("#panel.is-open .claim-quote")).to_have_text(partial)
    expect(page.locator("#attr_source")).to_be_focused()  # the new claim's panel has focus, in Source
    keys.press("Tab")
    keys.press("Control+a")
    keys.type("spokespeople")
    keys.press("Enter")
    expect(page.locator("#panel .notice-success")).to_have_text("Saved.")
    expect(announcer).to_have_text("Saved.")
    expect(page.locator("#attr_role")).to_be_focused()  # the save keeps focus in the form
    keys.press("Escape")
    assert active(page)["sentence"], "Esc returns to the sentence"
    assert current_text(page) == partial_sentence

    # c marks the next unchecked sentence whole: focus lands in Source at once.
    keys.press("u")
    whole_sentence = current_text(page)
    assert whole_sentence != partial_sentence
    checked_before = progress(page)
    keys.count = 0
    keys.press("c")
    expect(page.locator("#panel.is-open .claim-quote")).to_have_text(whole_sentence.strip())
    expect(page.locator("#attr_source")).to_be_focused()
    reached_source.append(keys.count - 1)
    expect(announcer).to_have_text("")  # a fresh panel: nothing said about the last one
    keys.type("VOA")
    keys.press("Enter")
    # Typing on while the save is on its way is kept, in the field and at the caret.
    keys.type(" and AP")
    expect(announcer).to_have_text("Saved.")
    expect(page.locator("#attr_source")).to_have_value("VOA and AP")
    expect(page.locator("#attr_source")).to_be_focused()
    # Typing a source name after a save goes into the field, not to the shortcuts (a, c, n, e, j ...).
    keys.press("Control+a")
    keys.type("Army Corps of Engineers")
    expect(page.locator("#attr_source")).to_have_value("Army Corps of Engineers")
    keys.press("Enter")
    expect(page.locator("#panel .claim-form [name=attr_source]")).to_have_value("Army Corps of Engineers")
    expect(page.locator("#panel .meta", has_text="version 3")).to_have_count(1)
    expect(page.locator("#attr_source")).to_be_focused()
    assert progress(page) != checked_before and len(stored_claims(article.id)) == 2
    checked_now = progress(page)

    # Add evidence: Tab to the disclosure; Enter opens it (the panel is not reloaded), the form takes the link.
    page.evaluate("document.querySelector('#panel').__marker = 1")
    tabs_to_evidence = keys.until(lambda a: a["tag"] == "SUMMARY" and a["text"] == "Add evidence")
    keys.press("Enter")
    expect(page.locator("#panel details.evidence-add")).to_have_attribute("open", "")
    assert page.evaluate("document.querySelector('#panel').__marker") == 1, "Enter reloaded the panel"
    keys.press("Tab")
    expect(page.locator("#evidence-url")).to_be_focused()
    keys.type("https://www.ohchr.org/en/documents/country-reports/ohchr-assessment-human-rights-concerns-xinjiang")
    keys.press("Tab")
    keys.type("OHCHR assessment")
    keys.press("Enter")
    expect(page.locator("#panel .evidence-item")).to_have_count(1)
    expect(page.locator("#panel summary", has_text="Add evidence")).to_be_focused()
    # Space opens a disclosure too (History loads its timeline), still without reloading the panel.
    keys.until(lambda a: a["tag"] == "SUMMARY" and a["text"].startswith("History"))
    keys.press(" ")
    expect(page.locator("#panel details:has(summary h3) ")).to_have_attribute("open", "")
    assert page.evaluate("document.querySelector('#panel').__marker") == 1

    # F6 goes to the text and back; p from the text too. Shortcuts did nothing while focus was in the panel.
    keys.press("F6")
    assert active(page)["sentence"] and current_text(page) == whole_sentence
    keys.press("p")
    assert active(page)["panel"]
    keys.press("F6")
    assert active(page)["sentence"]
    assert progress(page) == checked_now and len(stored_claims(article.id)) == 2
    screenshot(page, "keyboard-journey-panel")

    # With focus nowhere (on <body>), letters are not commands.
    page.evaluate("document.activeElement.blur()")
    keys.press("c")
    keys.press("n")
    assert progress(page) == checked_now and len(stored_claims(article.id)) == 2
    keys.press("F6")  # F6 brings focus back: to the open panel, or the sentence when none is open
    keys.press("Escape")
    assert active(page)["sentence"]

    # The rest: u to each unchecked sentence, n to check it 'no claim', up to 100 %.
    for _ in range(80):
        if "· 100%" in progress(page):
            break
        label = progress(page)
        keys.press("u")
        keys.press("n")
        expect(page.locator("#progress-label")).not_to_have_text(label)
        assert active(page)["sentence"], "focus stays on the sentence after n"
    expect(page.locator("#progress-label")).to_contain_text("· 100%")

    # Export: Shift+Tab back to the Export button in the header, Enter downloads it.
    keys.until(lambda a: a["id"] == "export-article", key="Shift+Tab", limit=20)
    document = download_json(page, lambda: keys.press("Enter"))
    claims = {c["quote"]: c for c in document["articles"][0]["claims"]}
    assert claims[partial]["attribution"]["source"] == source
    assert claims[partial]["attribution"]["role"] == "spokespeople"
    whole = claims[whole_sentence.strip()]
    assert whole["attribution"]["source"] == "Army Corps of Engineers"
    assert len(whole["evidence"]) == 1

    assert reached_source == [1, 0], reached_source  # keys from a fresh mark to Source: target ≤ 2
    assert all(count <= 2 for count in reached_source)
    assert tabs_to_evidence <= 12, tabs_to_evidence
    assert page.evaluate("window.__marker") == 1, "a key reloaded the page"
    assert console_errors(page) == []


def test_a_panel_typed_into_before_htmx_settles_still_saves_through_htmx(page, live_server):
    """The new claim's panel takes focus the moment it is swapped in; htmx binds its form only at the settle. With
    the settle slowed to 400 ms, typing and Enter at once must still save (not submit the form natively: a GET of
    the page with every field, the CSRF token too, in the address)."""
    article = load_seed_article()
    db.session.commit()
    open_article(page, live_server, article.id)
    page.evaluate("htmx.config.defaultSettleDelay = 400")
    keys = Keys(page)
    keys.until(lambda a: page.locator(".sentence.is-current.has-sg").count(), key="u", limit=20)
    keys.press("e")
    expect(page.locator("#suggestion-quote")).to_be_focused()
    keys.press("Tab")
    keys.press("Enter")  # accept: the claim's panel arrives and takes focus in Source
    expect(page.locator("#attr_source")).to_be_focused()
    keys.press("Tab")
    keys.press("Control+a")
    keys.type("spokespeople")
    keys.press("Enter")
    expect(page.locator("#panel .notice-success")).to_have_text("Saved.")
    assert "csrf_token" not in page.url
    assert [c.attr_role for c in stored_claims(article.id)] == ["spokespeople"]
