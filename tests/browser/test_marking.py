"""Selecting words marks a claim: snapped to whole words, stored with code-point offsets, shown without a reload."""
from playwright.sync_api import expect

from tests.browser.helpers import NEWS_SENTENCES
from tests.browser.helpers import drag_select
from tests.browser.helpers import make_news_article
from tests.browser.helpers import open_article
from tests.browser.helpers import select_text
from tests.browser.helpers import stored_claims
from tests.browser.helpers import tools_of
from tests.factories import make_claim


def assert_claims_match_text(article_id: int, expected_quotes: list[str]) -> None:
    claims = stored_claims(article_id)
    assert sorted(c.quote for c in claims) == sorted(expected_quotes)
    for claim in claims:
        text = claim.article.text
        assert claim.quote == text[claim.start : claim.end]
        assert claim.sentence.start <= claim.start < claim.end <= claim.sentence.end
        # Whole words: the characters just outside the claim are not letters or digits.
        assert claim.start == 0 or not text[claim.start - 1].isalnum()
        assert claim.end == len(text) or not text[claim.end].isalnum()


def test_drag_from_mid_word_and_mark_claim_button(page, live_server):
    article = make_news_article()
    open_article(page, live_server, article.id)
    page.evaluate("window.__marker = 1")
    toolbar = page.locator("#selection-toolbar")
    expect(toolbar).to_be_hidden()

    drag_select(page, 1, "council voted", skip=2)  # "uncil voted", after the emoji
    assert page.evaluate("getSelection().toString()") == "uncil voted"
    expect(toolbar).to_be_visible()
    toolbar.get_by_role("button", name="Mark claim").click()

    sentence = page.locator('.sentence[data-index="1"]')
    expect(sentence.locator("mark.claim")).to_have_text("council voted")
    expect(sentence.locator("mark.claim")).to_have_class("claim status-unverified")
    expect(page.locator("#panel.is-open .claim-quote")).to_have_text("council voted")
    expect(toolbar).to_be_hidden()
    assert page.evaluate("window.__marker") == 1, "the page was reloaded instead of swapped"
    expect(page.locator("#progress-label")).to_contain_text("1 of 5 sentences checked")
    assert_claims_match_text(article.id, ["council voted"])
    assert page.console_errors == []


def test_select_with_a_dom_range_and_press_m(page, live_server):
    article = make_news_article()
    open_article(page, live_server, article.id)
    page.evaluate("window.__marker = 1")

    # Mid-word at both ends, inside curly quotes, in the sentence after the emoji one.
    assert select_text(page, 2, "cut costs by 12 percent", skip=1, length=19) == "ut costs by 12 perc"
    page.keyboard.press("m")
    expect(page.locator('.sentence[data-index="2"] mark.claim')).to_have_text("cut costs by 12 percent")
    expect(page.locator("#panel.is-open .claim-quote")).to_have_text("cut costs by 12 percent")

    # Starting mid-word and ending between the party popper and the flag: snaps over the whole emoji run.
    assert select_text(page, 1, "Fans cheered 🎉", skip=2) == "ns cheered 🎉"
    page.keyboard.press("m")
    expect(page.locator('.sentence[data-index="1"] mark.claim')).to_have_text("Fans cheered 🎉🇺🇸")

    # A second, overlapping claim in the same sentence, starting inside the emoji run (which snaps like a word):
    # both claims show, the overlap is marked deeper.
    select_text(page, 1, "🇺🇸 as the council")
    page.keyboard.press("m")
    marks = page.locator('.sentence[data-index="1"] mark.claim')
    expect(marks).to_have_count(3)
    expect(page.locator('.sentence[data-index="1"] mark.claim.depth-2')).to_have_text("🎉🇺🇸")
    expect(tools_of(page, 1).locator(".chip")).to_have_count(2)

    assert page.evaluate("window.__marker") == 1
    assert_claims_match_text(article.id, ["cut costs by 12 percent", "Fans cheered 🎉🇺🇸", "🎉🇺🇸 as the council"])
    assert page.console_errors == []


def test_selection_across_two_sentences_is_refused(page, live_server):
    article = make_news_article()
    open_article(page, live_server, article.id)
    page.evaluate("""() => {
      const texts = document.querySelectorAll(".stext");
      const firstText = (element) => document.createTreeWalker(element, NodeFilter.SHOW_TEXT).nextNode();
      const range = document.createRange();
      range.setStart(firstText(texts[1]), 3);  // the text may sit inside a suggestion's span
      range.setEnd(firstText(texts[2]), 5);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
    }""")
    page.keyboard.press("m")
    expect(page.locator(".toast-error")).to_contain_text("Select some words inside one sentence")
    expect(page.locator("mark.claim")).to_have_count(0)
    assert stored_claims(article.id) == []
    assert page.console_errors == []


def test_triple_click_selects_the_sentence_and_marks_it(page, live_server):
    """A triple-click selects past the text (into the chips or tools); the text part is what gets marked."""
    article = make_news_article()
    make_claim(article, "council voted", sentence_index=1)
    open_article(page, live_server, article.id)
    page.locator('.sentence[data-index="2"] .stext').click(click_count=3)
    toolbar = page.locator("#selection-toolbar")
    expect(toolbar).to_be_visible()
    toolbar.get_by_role("button", name="Mark claim").click()
    expect(page.locator('.sentence[data-index="2"] mark.claim')).to_have_text(NEWS_SENTENCES[2])

    # Sentence 1 has its toolbar (with a chip) after its text, where the triple-click ends; m instead of the button.
    page.locator('.sentence[data-index="1"] .stext').click(click_count=3)
    expect(tools_of(page, 1).locator(".chip")).to_have_count(1)
    page.keyboard.press("m")
    expect(tools_of(page, 1).locator(".chip")).to_have_count(2)
    assert_claims_match_text(article.id, ["council voted", NEWS_SENTENCES[1], NEWS_SENTENCES[2]])
    assert page.console_errors == []
