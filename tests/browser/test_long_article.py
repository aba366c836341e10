"""A long article: the page holds one window of sentences, and scrolling, j and k, u, links to a sentence or a claim
far down still reach every sentence (the windows around them are fetched); nothing breaks the policy."""
from playwright.sync_api import expect

from annotate.articles.sentences import set_no_claim
from annotate.extensions import db
from tests.browser.conftest import console_errors
from tests.browser.conftest import screenshot
from tests.browser.helpers import open_article
from tests.browser.helpers import tools_of
from tests.factories import make_article
from tests.factories import make_claim

SENTENCES = 300  # body sentences, ten to a paragraph: seven and a half windows


def long_article():
    """Three hundred short body sentences; every one of the first 250 is checked (a claim on each tenth, the others
    'no claim'), so the first unchecked one is number 251."""
    lines = [" ".join(f"Line {n} says that {n * 3} voters agreed." for n in range(p, p + 10))
             for p in range(0, SENTENCES, 10)]
    article = make_article("\n".join(lines), title="Long count")
    assert len(article.sentences) == SENTENCES
    for sentence in article.sentences[:250]:
        if sentence.index % 10 == 0:
            make_claim(article, sentence_index=sentence.index)
        else:
            set_no_claim(sentence, True, None)
    db.session.commit()
    return article


def row(page, index: int):
    return page.locator(f'.sentence[data-index="{index}"]')


def current(page):
    return page.locator(".sentence.is-current")


def test_the_page_holds_a_window_and_scrolling_brings_the_rest(page, live_server):
    article = long_article()
    html = page.request.get(f"{live_server.url}/articles/{article.id}").text()
    assert 20 <= html.count('<div class="sentence') <= 60  # the page holds a window, not the article
    open_article(page, live_server, article.id)
    expect(page.locator("#progress-label")).to_contain_text("250 of 300 sentences checked · 83%")
    page.keyboard.press("End")  # scroll to the bottom, again and again: the windows arrive
    for _ in range(12):
        page.mouse.wheel(0, 20000)
        page.wait_for_timeout(150)
    expect(row(page, SENTENCES - 1)).to_have_count(1)
    numbers = [int(n) for n in page.locator(".sentence .snum").all_text_contents()]
    assert numbers == list(range(1, SENTENCES + 1))  # every sentence once, in order
    expect(page.locator(".more")).to_have_count(0)
    assert console_errors(page) == []


def test_keys_reach_sentences_not_loaded_yet(page, live_server):
    article = long_article()
    open_article(page, live_server, article.id)
    page.wait_for_load_state("networkidle")  # the windows within reach of the screen have arrived
    last = int(page.locator(".sentence").last.get_attribute("data-index"))
    expect(page.locator(".more-after")).to_have_count(1)  # more to come after it
    row(page, last).locator(".snum").click()
    expect(current(page)).to_have_attribute("data-index", str(last))
    page.keyboard.press("j")  # past the window: the next one is fetched first
    expect(current(page)).to_have_attribute("data-index", str(last + 1))
    expect(tools_of(page, last + 1)).to_be_visible()

    # u: the next sentence not checked yet, far beyond what is loaded; the column is the window around it.
    page.keyboard.press("u")
    expect(current(page)).to_have_attribute("data-index", "250")
    expect(current(page)).to_be_in_viewport()
    expect(tools_of(page, 250).get_by_role("button", name="Sentence 251: checked, no claim")).to_be_visible()
    page.keyboard.press("n")
    expect(page.locator("#progress-label")).to_contain_text("251 of 300 sentences checked")
    page.keyboard.press("u")
    expect(current(page)).to_have_attribute("data-index", "251")

    # k walks back across the start of the window.
    first = int(page.locator(".sentence").first.get_attribute("data-index"))
    for _ in range(251 - first + 1):
        page.keyboard.press("k")
    expect(current(page)).to_have_attribute("data-index", str(first - 1))
    screenshot(page, "long-article")
    assert console_errors(page) == []


def test_links_open_a_sentence_or_a_claim_far_down(page, live_server):
    article = long_article()
    far = make_claim(article, "voters agreed", sentence_index=283)
    page.goto(f"{live_server.url}/articles/{article.id}?claim={far.id}")
    expect(page.locator("#panel.is-open .claim-quote")).to_have_text("voters agreed")
    expect(current(page)).to_have_attribute("data-index", "283")
    expect(current(page)).to_be_in_viewport()

    target = article.sentences[212]
    page.goto(f"{live_server.url}/articles/{article.id}#s-{target.id}")
    expect(current(page)).to_have_attribute("data-index", "212")
    expect(current(page)).to_be_in_viewport()
    assert console_errors(page) == []
