"""Steps the browser tests share: a news article with emoji, real DOM selections, reading what was stored."""
import json

from playwright.sync_api import expect

from annotate.interchange import schema
from annotate.extensions import db
from annotate.models import Article
from annotate.models import Claim
from tests.factories import PASSWORD
from tests.factories import make_article

# Emoji before the selections: 🎉 is one code point but two UTF-16 units, 🇺🇸 two code points and four units.
NEWS_TEXT = (
    "Council backs transit plan\n\n"
    "Fans cheered 🎉🇺🇸 as the council voted 7–2 on Tuesday. "
    "The mayor said the plan “will cut costs by 12 percent.” "
    "Critics called the figure “wishful thinking,” and Dr. Lee, a budget analyst, said the savings depend on fares.\n\n"
    "The vote follows a year of debate. Officials expect the first buses in March."
)

# The sentences NEWS_TEXT segments into, by index; index 0 is the heading.
NEWS_SENTENCES = [
    "Council backs transit plan",
    "Fans cheered 🎉🇺🇸 as the council voted 7–2 on Tuesday.",
    "The mayor said the plan “will cut costs by 12 percent.”",
    "Critics called the figure “wishful thinking,” and Dr. Lee, a budget analyst, said the savings depend on fares.",
    "The vote follows a year of debate.",
    "Officials expect the first buses in March.",
]


def make_news_article(title: str = "Council backs transit plan") -> Article:
    """The emoji news article, segmented as NEWS_SENTENCES says (checked, so a segmentation change shows here)."""
    article = make_article(NEWS_TEXT, title=title)
    assert [article.text[s.start : s.end] for s in article.sentences] == NEWS_SENTENCES
    return article


def log_in(page, server, name: str) -> None:
    """Log in through the form, as a person does (every test user has the factories' password)."""
    page.goto(server.url + "/login")
    page.fill("#username", name)
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(server.url + "/")


def wait_for_reader(page) -> None:
    """Wait until the article page's scripts run: the server already marks the first sentence current, but keys
    pressed before the scripts make it the column's Tab stop (tabindex 0) reach no handler and are lost."""
    page.wait_for_selector('.sentence.is-current[tabindex="0"]')


def settled(page) -> None:
    """Wait until htmx has finished its request, swap and settle: scripts act on a swapped panel at the settle
    (drafts.js puts unsaved typing back then), so a field filled before it may be filled again under the test."""
    expect(page.locator(".htmx-request, .htmx-swapping, .htmx-settling")).to_have_count(0)


def open_article(page, server, article_id: int) -> None:
    """Go to an article page and wait for its script to have picked the first current sentence."""
    page.goto(f"{server.url}/articles/{article_id}")
    wait_for_reader(page)


# Select [at + skip, at + skip + length) of a sentence's text, `at` being where `fragment` starts in it,
# with a real DOM Range over the text nodes (marks split the text into several nodes). The sentence takes focus first,
# as it does under the mouse press that starts a person's selection.
_SELECT_JS = """([index, fragment, skip, length]) => {
  const element = document.querySelector(`.sentence[data-index="${index}"] .stext`);
  const row = element.closest(".sentence");
  row.tabIndex = -1;
  row.focus({preventScroll: true});
  const at = element.textContent.indexOf(fragment);
  if (at < 0) throw new Error(`"${fragment}" is not in sentence ${index}`);
  const start = at + skip, end = start + (length === null ? fragment.length - skip : length);
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const point = (offset) => {
    walker.currentNode = element;
    let seen = 0, node;
    while ((node = walker.nextNode())) {
      if (offset <= seen + node.length) return [node, offset - seen];
      seen += node.length;
    }
    throw new Error("offset past the sentence");
  };
  const range = document.createRange();
  range.setStart(...point(start));
  range.setEnd(...point(end));
  const selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
  return selection.toString();
}"""


def select_text(page, index: int, fragment: str, skip: int = 0, length: int | None = None) -> str:
    """Select part of sentence `index` (UTF-16 units, as the DOM counts); returns the selected string."""
    return page.evaluate(_SELECT_JS, [index, fragment, skip, length])


# The viewport coordinates of the left edge of one UTF-16 unit of a sentence's text (or right edge of the last).
_POINT_JS = """([index, offset, rightEdge]) => {
  const element = document.querySelector(`.sentence[data-index="${index}"] .stext`);
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  let seen = 0, node;
  while ((node = walker.nextNode())) {
    if (offset < seen + node.length) break;
    seen += node.length;
  }
  const range = document.createRange();
  range.setStart(node, offset - seen);
  range.setEnd(node, offset - seen + 1);
  const box = range.getBoundingClientRect();
  return [rightEdge ? box.right - 1 : box.left + 1, box.top + box.height / 2];
}"""


def drag_select(page, index: int, fragment: str, skip: int = 0, length: int | None = None) -> None:
    """Select text the way a person does: press the mouse on the first character and drag to the last."""
    text = page.locator(f'.sentence[data-index="{index}"] .stext').text_content()
    at = text.index(fragment) + skip
    end = at + (len(fragment) - skip if length is None else length)
    # Positions in JS count UTF-16 units; convert the Python (code point) positions.
    at16, end16 = (len(text[:i].encode("utf-16-le")) // 2 for i in (at, end))
    x0, y0 = page.evaluate(_POINT_JS, [index, at16, False])
    x1, y1 = page.evaluate(_POINT_JS, [index, end16 - 1, True])
    page.mouse.move(x0, y0)
    page.mouse.down()
    page.mouse.move(x1, y1, steps=8)
    page.mouse.up()


def stored_claims(article_id: int) -> list[Claim]:
    """The article's claims as the database holds them now (after the live server's commits)."""
    db.session.rollback()
    return list(db.session.get(Article, article_id).claims)


def download_json(page, click) -> dict:
    """Run `click` (which starts a download), then read and validate the downloaded export."""
    with page.expect_download() as info:
        click()
    download = info.value
    with open(download.path(), encoding="utf-8") as handle:
        document = json.load(handle)
    schema.validate_export(document)
    for article in document["articles"]:
        text = article["text"]
        for sentence in article["sentences"]:
            assert sentence["text"] == text[sentence["start"] : sentence["end"]]
        for claim in article["claims"]:
            assert claim["quote"] == text[claim["start"] : claim["end"]], claim
    document["filename"] = download.suggested_filename
    return document


def export_of(page, server, article_id: int) -> dict:
    """The article's export fetched with the page's session (no download dialog)."""
    response = page.request.get(f"{server.url}/articles/{article_id}/export.json")
    assert response.ok
    document = response.json()
    schema.validate_export(document)
    return document["articles"][0]


# The one toolbar follows the current sentence: it sits right after that sentence's row.
def tools_of(page, index: int):
    """The toolbar, as it shows under sentence `index` (it matches nothing while another sentence is current)."""
    return page.locator(f'.sentence[data-index="{index}"] + #sentence-tools:not(.is-stale)')


def go_to(page, index: int):
    """Make sentence `index` the current one as a reader does, by clicking its number; returns its toolbar."""
    page.locator(f'.sentence[data-index="{index}"] .snum').click()
    return tools_of(page, index)


def open_chip(page, index: int, has_text: str | None = None) -> None:
    """Open a claim of sentence `index` from its chip in the toolbar."""
    go_to(page, index).locator(".chip", has_text=has_text).click()


# Elements reaching past the viewport's sides that a reader can see: not visually hidden, not in a closed <details>,
# not inside a box that scrolls or clips them (a table scrolling in its own box is fine; the page scrolling sideways
# is not). When the page is wider and no such element shows, every element past the edge is listed.
_WIDE_JS = """() => {
  const width = document.documentElement.clientWidth;
  const fits = (r) => r.left >= -0.5 && r.right <= width + 0.5;
  const holder = (element) => {
    for (let p = element.parentElement; p && p !== document.body; p = p.parentElement) {
      if (getComputedStyle(p).overflowX !== "visible") return p;
    }
    return null;
  };
  const name = (element) => `${element.tagName.toLowerCase()}.${element.className}`;
  const wide = [];
  for (const element of document.querySelectorAll("body *")) {
    const r = element.getBoundingClientRect();
    if (!r.width || !r.height || fits(r) || element.closest(".sr-only, .skip-link, [hidden], template")) continue;
    if (element.closest("details:not([open]) > :not(summary)")) continue;
    const box = holder(element);
    if (box && fits(box.getBoundingClientRect())) continue;
    wide.push(`${name(element)} ${Math.round(r.left)}..${Math.round(r.right)}`);
  }
  if (!wide.length && document.documentElement.scrollWidth > width) {
    for (const element of document.querySelectorAll("body *")) {
      const r = element.getBoundingClientRect();
      if (r.right > width + 0.5) wide.push(`(hidden?) ${name(element)} ..${Math.round(r.right)}`);
    }
  }
  return {scroll: document.documentElement.scrollWidth, width, wide: wide.slice(0, 8)};
}"""


def wider_than_screen(page) -> list[str]:
    """What makes the page wider than its viewport (empty when everything fits)."""
    found = page.evaluate(_WIDE_JS)
    if found["scroll"] > found["width"] and not found["wide"]:
        found["wide"] = [f"the page is {found['scroll']} px wide"]
    return found["wide"]
