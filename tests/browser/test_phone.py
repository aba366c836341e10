"""At 390 px wide: the panel is a bottom sheet that opens and closes, nothing overlaps the text, no sideways scroll."""
import pytest
from playwright.sync_api import expect

from tests.browser.conftest import console_errors
from tests.browser.conftest import new_page
from tests.browser.conftest import screenshot
from tests.browser.helpers import NEWS_SENTENCES
from tests.browser.helpers import make_news_article
from tests.browser.helpers import open_article
from tests.browser.helpers import open_chip
from tests.browser.helpers import select_text
from tests.browser.helpers import wider_than_screen
from tests.factories import make_claim

WIDTH, HEIGHT = 390, 844

# For every sentence: the boxes of its number and text, in viewport coordinates; and the boxes of the toolbar under
# the current sentence, its chips and its buttons (null while hidden).
BOXES_JS = """() => {
  const box = (element) => {
    if (!element || getComputedStyle(element).display === "none") return null;
    const r = element.getBoundingClientRect();
    return r.width && r.height ? {left: r.left, right: r.right, top: r.top, bottom: r.bottom} : null;
  };
  const rows = Array.from(document.querySelectorAll(".sentence")).map((sentence) => (
    {index: sentence.dataset.index, number: box(sentence.querySelector(".snum")),
     text: box(sentence.querySelector(".stext"))}));
  const bar = document.querySelector("#sentences #sentence-tools");
  const tools = {bar: box(bar), chips: box(bar && bar.querySelector(".claim-chips")),
                 actions: box(bar && bar.querySelector(".stools-actions"))};
  return {rows, tools};
}"""


def overlap(a, b) -> bool:
    return a["left"] < b["right"] - 0.5 and b["left"] < a["right"] - 0.5 and \
        a["top"] < b["bottom"] - 0.5 and b["top"] < a["bottom"] - 0.5


def assert_layout_fits(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= WIDTH
    boxes = page.evaluate(BOXES_JS)
    for row in boxes["rows"]:
        text = row["text"]
        assert 0 <= text["left"] and text["right"] <= WIDTH, row
        assert row["number"]["right"] <= text["left"], row  # the number sits left of the text, never on it
        for name, part in boxes["tools"].items():  # the toolbar covers no sentence's text
            if part:
                assert not overlap(part, text), (name, row)
                assert 0 <= part["left"] and part["right"] <= WIDTH, (name, part)


@pytest.fixture
def phone(browser, live_server):
    page = new_page(browser, live_server, WIDTH, HEIGHT, has_touch=True, is_mobile=True)
    yield page
    page.context.close()


def test_bottom_sheet_on_a_phone(phone, live_server):
    page = phone
    article = make_news_article()
    make_claim(article, "wishful thinking", sentence_index=3, status="disputed",
               attr_source="Metropolitan Transit Riders Association spokesperson")
    open_article(page, live_server, article.id)
    assert_layout_fits(page)

    page.keyboard.press("j")
    page.keyboard.press("j")
    page.keyboard.press("c")
    sheet = page.locator("#panel.is-open")
    expect(sheet.locator(".claim-quote")).to_have_text(NEWS_SENTENCES[2])
    box = sheet.bounding_box()
    assert sheet.evaluate("el => getComputedStyle(el).position") == "fixed"
    assert (box["x"], box["width"]) == (0, WIDTH)
    assert abs(box["y"] + box["height"] - HEIGHT) <= 1, "the sheet is anchored to the bottom"
    assert box["height"] <= 0.75 * HEIGHT, "the sheet leaves part of the article visible"
    assert sheet.evaluate("el => el.scrollWidth <= el.clientWidth"), "the sheet scrolls sideways"
    # The sentence being described stays in view above the sheet.
    current = page.locator(".sentence.is-current").bounding_box()
    assert current["y"] >= 52 and current["y"] + current["height"] <= box["y"] + 1, (current, box)
    assert_layout_fits(page)
    screenshot(page, "phone-sheet")

    sheet.get_by_role("button", name="Close the panel").click()
    expect(page.locator("#panel.is-open")).to_have_count(0)
    expect(page.locator("#panel")).to_be_hidden()
    assert_layout_fits(page)

    # Reopen from a chip in the toolbar; Esc closes it too.
    open_chip(page, 3)
    expect(page.locator("#panel.is-open .claim-quote")).to_have_text("wishful thinking")
    assert_layout_fits(page)
    page.keyboard.press("Escape")
    expect(page.locator("#panel")).to_be_hidden()
    assert console_errors(page) == []


def test_touch_selection_offers_mark_claim(phone, live_server):
    """A touch selection (long-press, handles) fires no mouseup; the Mark claim button must appear all the same."""
    page = phone
    article = make_news_article()
    open_article(page, live_server, article.id)
    toolbar = page.locator("#selection-toolbar")
    expect(toolbar).to_be_hidden()
    select_text(page, 2, "cut costs by 12 percent", skip=1)
    expect(toolbar).to_be_visible()
    box = toolbar.bounding_box()
    assert 0 <= box["x"] and box["x"] + box["width"] <= WIDTH
    toolbar.get_by_role("button", name="Mark claim").tap()
    expect(page.locator('.sentence[data-index="2"] mark.claim')).to_have_text("cut costs by 12 percent")
    expect(page.locator("#panel.is-open .claim-quote")).to_have_text("cut costs by 12 percent")
    expect(toolbar).to_be_hidden()
    assert_layout_fits(page)
    assert console_errors(page) == []


def test_phone_article_list_and_seeded_article_fit(phone, live_server):
    from annotate.articles.operations import load_seed_article
    from annotate.extensions import db

    article = load_seed_article()
    db.session.commit()
    page = phone
    page.goto(live_server.url + "/")
    assert page.evaluate("document.documentElement.scrollWidth") <= WIDTH
    open_article(page, live_server, article.id)
    assert_layout_fits(page)
    assert console_errors(page) == []


# The box of the current selection and of the selection toolbar, in viewport coordinates.
SELECTION_JS = """() => {
  const r = getSelection().getRangeAt(0).getBoundingClientRect();
  const t = document.querySelector("#selection-toolbar").getBoundingClientRect();
  const shown = (el) => el.getClientRects().length > 0;
  return {selection: {left: r.left, right: r.right, top: r.top, bottom: r.bottom},
          toolbar: {left: t.left, right: t.right, top: t.top, bottom: t.bottom},
          keys: Array.from(document.querySelectorAll("#selection-toolbar kbd")).filter(shown).length};
}"""


def test_mark_fill_and_save_on_a_phone_without_anything_wider_than_the_screen(phone, live_server):
    page = phone
    article = make_news_article()
    make_claim(article, "wishful thinking", sentence_index=3, status="disputed",
               attr_source="Metropolitan Transit Riders Association spokesperson",
               attr_role="a spokesperson for the coalition of riders' associations of the metropolitan region")
    open_article(page, live_server, article.id)
    assert wider_than_screen(page) == []

    # The nav sits behind a menu button, and opens over the page without widening it.
    menu = page.get_by_role("button", name="Menu")
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(page.locator(".topnav")).to_be_hidden()
    menu.tap()
    expect(page.locator(".topnav").get_by_role("link", name="My work")).to_be_visible()
    assert wider_than_screen(page) == []
    menu.tap()
    expect(page.locator(".topnav")).to_be_hidden()

    # A touch selection: the toolbar shows below the words, never over them, and without key hints.
    select_text(page, 2, "cut costs by 12 percent")
    toolbar = page.locator("#selection-toolbar")
    expect(toolbar).to_be_visible()
    boxes = page.evaluate(SELECTION_JS)
    assert not overlap(boxes["selection"], boxes["toolbar"]), boxes
    assert boxes["keys"] == 0, "key hints on a touch screen"
    toolbar.get_by_role("button", name="Mark claim").tap()

    # The sheet: exactly the screen's width, filled and saved by touch.
    sheet = page.locator("#panel.is-open")
    expect(sheet.locator(".claim-quote")).to_have_text("cut costs by 12 percent")
    box = sheet.bounding_box()
    assert (box["x"], box["width"]) == (0, WIDTH)
    sheet.locator("#attr_source").tap()
    page.keyboard.type("Metropolitan Transit Authority budget office")
    page.fill("#attr_role", "the agency's budget office, which projects the plan's savings every year")
    page.fill("#attr_cue", "said")
    page.select_option("#attr_type", "indirect")
    sheet.get_by_role("button", name="Save claim").tap()
    expect(sheet.locator(".notice-success")).to_have_text("Saved.")
    expect(page.locator("#attr_source")).to_have_value("Metropolitan Transit Authority budget office")
    assert sheet.bounding_box()["width"] == WIDTH
    assert wider_than_screen(page) == []
    assert_layout_fits(page)
    screenshot(page, "phone-sheet-saved")

    # A chip with a long source and role is cut to the screen, not the screen widened to it.
    page.keyboard.press("Escape")
    open_chip(page, 3)
    expect(page.locator("#panel.is-open .claim-quote")).to_have_text("wishful thinking")
    assert wider_than_screen(page) == []
    assert_layout_fits(page)
    screenshot(page, "phone-long-chip")
    assert console_errors(page) == []
