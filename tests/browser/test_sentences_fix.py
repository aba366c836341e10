"""Mending segmentation in the browser: merge with the next sentence, split at the caret with `s`; claims survive."""
from playwright.sync_api import expect

from tests.browser.conftest import console_errors
from tests.browser.conftest import screenshot
from tests.browser.helpers import NEWS_SENTENCES
from tests.browser.helpers import drag_select
from tests.browser.helpers import export_of
from tests.browser.helpers import go_to
from tests.browser.helpers import make_news_article
from tests.browser.helpers import open_article
from tests.browser.helpers import select_text
from tests.browser.helpers import tools_of
from tests.factories import make_claim


def sentence_texts(page) -> list[str]:
    return page.locator(".sentence .stext").all_text_contents()


def numbers(page) -> list[str]:
    return page.locator(".sentence .snum").all_text_contents()


def test_merge_with_next_keeps_claims_and_renumbers(page, live_server):
    article = make_news_article()
    make_claim(article, "will cut costs by 12 percent", sentence_index=2, status="refuted")
    make_claim(article, "wishful thinking", sentence_index=3, status="disputed")
    open_article(page, live_server, article.id)
    page.evaluate("window.__marker = 1")

    go_to(page, 2).get_by_role("button", name="Merge sentence 3 with the next").click()
    expect(page.locator(".sentence")).to_have_count(5)
    merged = page.locator('.sentence[data-index="2"]')
    expect(merged.locator(".stext")).to_have_text(NEWS_SENTENCES[2] + " " + NEWS_SENTENCES[3])
    expect(merged.locator("mark.claim")).to_have_count(2)
    expect(merged.locator("mark.claim.status-refuted")).to_have_text("will cut costs by 12 percent")
    expect(merged.locator("mark.claim.status-disputed")).to_have_text("wishful thinking")
    assert numbers(page) == ["1", "2", "3", "4", "5"]
    assert sentence_texts(page)[3:] == NEWS_SENTENCES[4:]
    expect(page.locator(".sentence.is-current")).to_have_attribute("data-index", "2")
    expect(page.locator("#progress-label")).to_contain_text("1 of 4 sentences checked")

    # The merged sentence ends its paragraph: merging again is refused with a message, nothing changes.
    tools_of(page, 2).get_by_role("button", name="Merge sentence 3 with the next").click()
    expect(page.locator(".toast-error")).to_contain_text("paragraph")
    expect(page.locator(".sentence")).to_have_count(5)

    # The claims still open from their chips, on the renumbered sentence.
    tools_of(page, 2).locator(".chip", has_text="wishful thinking").click()
    expect(page.locator("#panel.is-open h2")).to_contain_text("in sentence 3")

    exported = export_of(page, live_server, article.id)
    assert [s["text"] for s in exported["sentences"]] == sentence_texts(page)
    assert [s["index"] for s in exported["sentences"]] == [0, 1, 2, 3, 4]
    assert {c["quote"]: c["sentence_index"] for c in exported["claims"]} == {
        "will cut costs by 12 percent": 2, "wishful thinking": 2}
    assert page.evaluate("window.__marker") == 1
    assert console_errors(page, expected_statuses=(422,)) == []


def split_with_keys(page) -> None:
    """s shows where the sentence would split; s again splits there."""
    page.keyboard.press("s")
    expect(page.locator(".split-mark")).to_have_count(1)
    page.keyboard.press("s")
    expect(page.locator(".split-mark")).to_have_count(0)


def test_split_inside_a_word_is_shown_at_the_word_first(page, live_server):
    article = make_news_article()
    open_article(page, live_server, article.id)
    select_text(page, 5, "buses", skip=2, length=0)  # bu|ses
    page.keyboard.press("s")
    mark = page.locator('.sentence[data-index="5"] .split-mark')
    expect(mark).to_have_count(1)
    expect(page.locator(".split-confirm")).to_be_visible()
    expect(page.locator("#announcer")).to_contain_text("Split before “buses”?")
    # The mark stands where the split will be, and takes no text: the sentence reads as before.
    before = page.evaluate("""() => { const m = document.querySelector('.split-mark');
        const r = document.createRange(); r.setStart(m.closest('.stext'), 0); r.setEndBefore(m); return r.toString(); }""")
    assert before == "Officials expect the first "
    expect(page.locator('.sentence[data-index="5"] .stext')).to_have_text(NEWS_SENTENCES[5])
    screenshot(page, "split-preview")
    page.keyboard.press("Escape")  # leaves it
    expect(page.locator(".split-mark")).to_have_count(0)
    expect(page.locator(".split-confirm")).to_have_count(0)
    expect(page.locator(".sentence")).to_have_count(6)

    select_text(page, 5, "buses", skip=2, length=0)
    page.keyboard.press("s")
    page.keyboard.press("Enter")
    expect(page.locator(".sentence")).to_have_count(7)
    assert sentence_texts(page)[5:] == ["Officials expect the first", "buses in March."]
    assert console_errors(page) == []


def test_split_at_the_caret_with_s(page, live_server):
    article = make_news_article()
    make_claim(article, "wishful thinking", sentence_index=3, status="disputed")
    make_claim(article, "a budget analyst", sentence_index=3)
    open_article(page, live_server, article.id)

    # A collapsed selection (a caret) just before "and Dr. Lee", then s.
    select_text(page, 3, "and Dr. Lee", length=0)
    split_with_keys(page)
    expect(page.locator(".sentence")).to_have_count(7)
    expect(page.locator('.sentence[data-index="3"] .stext')).to_have_text("Critics called the figure “wishful thinking,”")
    expect(page.locator('.sentence[data-index="4"] .stext')).to_have_text(
        "and Dr. Lee, a budget analyst, said the savings depend on fares.")
    expect(page.locator('.sentence[data-index="3"] mark.claim')).to_have_text("wishful thinking")
    expect(page.locator('.sentence[data-index="4"] mark.claim')).to_have_text("a budget analyst")
    assert numbers(page) == ["1", "2", "3", "4", "5", "6", "7"]

    # After the emoji: the browser's UTF-16 caret offset must land on the right code point.
    select_text(page, 1, "as the council", length=0)
    split_with_keys(page)
    expect(page.locator(".sentence")).to_have_count(8)
    expect(page.locator('.sentence[data-index="1"] .stext')).to_have_text("Fans cheered 🎉🇺🇸")
    expect(page.locator('.sentence[data-index="2"] .stext')).to_have_text("as the council voted 7–2 on Tuesday.")
    expect(page.locator('.sentence[data-index="5"] mark.claim')).to_have_text("a budget analyst")

    # A split through a claim is refused with a message.
    select_text(page, 4, "wishful thinking", skip=4, length=0)
    split_with_keys(page)
    expect(page.locator(".toast-error")).to_contain_text("claim runs across")
    expect(page.locator(".sentence")).to_have_count(8)

    exported = export_of(page, live_server, article.id)
    text = exported["text"]
    assert [s["text"] for s in exported["sentences"]] == sentence_texts(page)
    assert all(text[s["start"] : s["end"]] == s["text"] for s in exported["sentences"])
    assert {c["quote"]: c["sentence_index"] for c in exported["claims"]} == {"wishful thinking": 4,
                                                                          "a budget analyst": 5}
    assert console_errors(page, expected_statuses=(422,)) == []


def test_split_and_merge_undo_each_other(page, live_server):
    article = make_news_article()
    open_article(page, live_server, article.id)
    select_text(page, 2, "will cut", length=0)
    split_with_keys(page)
    expect(page.locator(".sentence")).to_have_count(7)
    go_to(page, 2).get_by_role("button", name="Merge sentence 3 with the next").click()
    expect(page.locator(".sentence")).to_have_count(6)
    assert sentence_texts(page) == NEWS_SENTENCES
    assert console_errors(page) == []


def test_split_before_a_selection_from_the_toolbar(page, live_server):
    """Without a keyboard (a phone, a mouse user): select where the new sentence starts, press "Split before"."""
    article = make_news_article()
    open_article(page, live_server, article.id)
    drag_select(page, 3, "and Dr. Lee")
    toolbar = page.locator("#selection-toolbar")
    toolbar.get_by_role("button", name="Split before").click()
    expect(page.locator(".sentence")).to_have_count(7)
    expect(page.locator('.sentence[data-index="4"] .stext')).to_have_text(
        "and Dr. Lee, a budget analyst, said the savings depend on fares.")
    expect(toolbar).to_be_hidden()
    assert console_errors(page) == []
