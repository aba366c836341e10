"""Screenshots of the main pages at desktop and phone widths, with no console or CSP errors."""
import pytest

from annotate.articles import load_seed_article
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
