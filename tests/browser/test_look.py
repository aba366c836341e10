"""Screenshots of the main pages at desktop and phone widths, with no console or CSP errors."""
import pytest

from annotate.articles.operations import load_seed_article
from tests.browser.conftest import new_page
from tests.browser.conftest import screenshot


@pytest.mark.parametrize("width,height,label", [(1280, 900, "desktop"), (390, 844, "phone")])
def test_article_page_and_panel_render_cleanly(browser, live_server, width, height, label):
    load_seed_article()
    from annotate.extensions import db
    db.session.commit()
    page = new_page(browser, live_server, width, height)
    screenshot(page, f"articles-{label}")
    page.goto(live_server.url + "/articles/1")
    page.wait_for_selector(".sentence")
    screenshot(page, f"article-{label}")
    page.locator(".sentence").nth(6).click()
    page.keyboard.press("c")
    page.wait_for_selector("#panel.is-open")
    screenshot(page, f"panel-{label}")
    assert page.console_errors == []
    page.context.close()


def test_article_with_claims_of_every_colour(browser, live_server):
    """The reading page with several statuses, an overlap and a 'no claim' sentence, for people to look at."""
    from annotate.extensions import db
    from annotate.articles.sentences import set_no_claim
    from tests.browser.helpers import make_news_article
    from tests.factories import make_claim

    article = make_news_article()
    make_claim(article, "Fans cheered 🎉🇺🇸", sentence_index=1, status="supported")
    make_claim(article, "the council voted 7–2 on Tuesday", sentence_index=1, status="in_review")
    opened = make_claim(article, "will cut costs by 12 percent", sentence_index=2, status="refuted",
                        attr_source="Ana Ruiz", attr_role="mayor", attr_cue="said", attr_type="mixed")
    make_claim(article, "The mayor said the plan “will cut costs by 12 percent.”", sentence_index=2,
               status="misleading")
    make_claim(article, "wishful thinking", sentence_index=3, status="disputed", attr_source="critics")
    make_claim(article, "the savings depend on fares", sentence_index=3, status="unverifiable",
               attr_source="Dr. Lee")
    set_no_claim(article.sentences[4], True, None)
    db.session.commit()
    page = new_page(browser, live_server)
    page.goto(f"{live_server.url}/articles/{article.id}?claim={opened.id}")
    page.wait_for_selector("#panel.is-open")
    assert page.locator("mark.claim").count() >= 6
    screenshot(page, "article-statuses")
    assert page.console_errors == []
    page.context.close()
