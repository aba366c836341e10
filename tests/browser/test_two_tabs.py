"""Two tabs on one claim: the later save is refused (409) with the "reapply my edit" view, and no edit is lost."""
from playwright.sync_api import expect

from tests.browser.conftest import console_errors
from tests.browser.conftest import new_page
from tests.browser.helpers import export_of
from tests.browser.helpers import make_news_article
from tests.browser.helpers import open_article
from tests.browser.helpers import open_chip
from tests.factories import make_claim

QUOTE = "The mayor said the plan “will cut costs by 12 percent.”"


def save(tab) -> None:
    tab.locator("#panel .claim-form").get_by_role("button", name="Save claim").click()


def test_the_second_tab_reapplies_its_edit_and_keeps_the_first(browser, live_server):
    article = make_news_article()
    make_claim(article, QUOTE, sentence_index=2)
    first, second = new_page(browser, live_server), new_page(browser, live_server)
    for tab in (first, second):
        open_article(tab, live_server, article.id)
        open_chip(tab, 2)
        expect(tab.locator("#attr_source")).to_have_value("")
    first.fill("#attr_source", "Ana Ruiz")
    save(first)
    expect(first.locator("#panel .notice-success")).to_have_text("Saved.")

    second.fill("#attr_role", "mayor of the city")  # another field, on the version both tabs loaded
    with second.expect_response(lambda r: r.request.method == "POST" and "/claims/" in r.url) as answer:
        save(second)
    assert answer.value.status == 409
    warning = second.locator("#panel .notice-warning")
    expect(warning).to_contain_text("Not saved.")
    expect(warning.locator(".yours")).to_have_text("mayor of the city")
    stored = export_of(second, live_server, article.id)["claims"][0]["attribution"]
    assert (stored["source"], stored["role"]) == ("Ana Ruiz", "")  # the first tab's save stands

    with second.expect_response(lambda r: r.request.method == "POST" and "/claims/" in r.url) as answer:
        warning.get_by_role("button", name="Reapply my edit over theirs").click()
    assert answer.value.status == 200
    expect(second.locator("#panel .notice-success")).to_have_text("Saved.")
    stored = export_of(second, live_server, article.id)["claims"][0]["attribution"]
    assert (stored["source"], stored["role"]) == ("Ana Ruiz", "mayor of the city")  # both edits kept
    assert console_errors(first) == []
    assert console_errors(second, expected_statuses=(409,)) == []
    first.context.close()
    second.context.close()
