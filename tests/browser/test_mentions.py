"""@-mention completion in a claim's discussion, with the keyboard and with the mouse, and the nav's mention count."""
from playwright.sync_api import expect

from annotate.extensions import db
from annotate.models import Mention
from tests.browser.conftest import console_errors
from tests.browser.conftest import screenshot
from tests.browser.helpers import make_news_article
from tests.browser.helpers import open_article
from tests.browser.helpers import open_chip
from tests.factories import PASSWORD
from tests.factories import make_claim
from tests.factories import make_user


def test_typing_at_lists_teammates_and_enter_or_a_click_inserts_one(page, live_server):
    for name in ("bob", "bea", "carol"):
        make_user(name, "reviewer", PASSWORD)
    article = make_news_article()
    make_claim(article, "will cut costs by 12 percent", sentence_index=2)
    open_article(page, live_server, article.id)
    open_chip(page, 2)
    box = page.locator("#panel.is-open .comment-form textarea")
    box.click()
    box.type("Checked with @b")
    options = page.locator(".mention-list [role=option]")
    expect(options).to_have_text(["@bea", "@bob"])
    expect(box).to_have_attribute("aria-expanded", "true")
    expect(box).to_have_attribute("aria-activedescendant", options.nth(0).get_attribute("id"))
    screenshot(page, "mention-completion")
    page.keyboard.press("ArrowDown")
    expect(options.nth(1)).to_have_attribute("aria-selected", "true")
    page.keyboard.press("Enter")  # inserts; it does not post
    expect(box).to_have_value("Checked with @bob ")
    expect(page.locator(".mention-list")).to_have_count(0)
    box.type("and @ca")
    page.locator(".mention-list [role=option]", has_text="@carol").click()
    expect(box).to_have_value("Checked with @bob and @carol ")
    box.type("then @zz")
    expect(page.locator(".mention-list")).to_have_count(0)  # nobody matches
    page.keyboard.press("Control+Enter")
    expect(page.locator("#panel .comment-thread")).to_have_count(1)
    db.session.rollback()
    assert sorted(m.user.username for m in db.session.scalars(db.select(Mention))) == ["bob", "carol"]
    assert console_errors(page) == []
