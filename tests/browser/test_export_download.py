"""The "Export JSON" downloads: each file validates against the schema and every quote is text[start:end]."""
from playwright.sync_api import expect
from sqlalchemy import select

from annotate.extensions import db
from annotate.models import User

from tests.browser.conftest import console_errors
from tests.browser.helpers import download_json
from tests.browser.helpers import make_news_article
from tests.browser.helpers import open_article
from tests.browser.helpers import select_text
from tests.browser.helpers import tools_of
from tests.factories import make_article
from tests.factories import make_claim


def make_two_articles():
    """The emoji article with a supported and a refuted claim, and a plain one with an unverified claim.

    The browser's reviewer marked them: under blind review (the default) a status someone else set by hand is
    hidden from a reviewer who has not judged, in the export as on the page."""
    reviewer = db.session.scalar(select(User).where(User.username == "rev"))
    news = make_news_article()
    make_claim(news, "Fans cheered 🎉🇺🇸", sentence_index=1, user=reviewer, status="supported", attr_type="author")
    make_claim(news, "will cut costs by 12 percent", sentence_index=2, user=reviewer, status="refuted",
               attr_source="the mayor", attr_cue="said", attr_type="mixed")
    plain = make_article(title="Storm report")
    make_claim(plain, "40 people were hurt", sentence_index=0, user=reviewer)
    return news, plain


def test_export_from_the_article_page_includes_a_claim_marked_in_the_browser(page, live_server):
    news, _ = make_two_articles()
    open_article(page, live_server, news.id)
    select_text(page, 1, "🇺🇸 as the council voted 7–2", skip=4)  # starts after the flag, mid-space
    page.keyboard.press("m")
    expect(tools_of(page, 1).locator(".chip")).to_have_count(2)

    document = download_json(page, lambda: page.locator("#export-article").click())
    assert document["filename"] == f"article-{news.id}-claims.json"
    [article] = document["articles"]
    assert article["title"] == "Council backs transit plan"
    assert "🎉🇺🇸" in article["text"]
    quotes = {claim["quote"]: claim for claim in article["claims"]}
    assert set(quotes) == {"Fans cheered 🎉🇺🇸", "as the council voted 7–2", "will cut costs by 12 percent"}
    browser_claim = quotes["as the council voted 7–2"]
    assert browser_claim["created_by"] == "rev" and browser_claim["sentence_index"] == 1
    # Code points, not UTF-16 units: the flag and the popper count three, not six.
    assert browser_claim["start"] == article["text"].index("as the council")
    assert quotes["will cut costs by 12 percent"]["attribution"]["source"] == "the mayor"
    assert console_errors(page) == []


def test_export_from_the_article_list_all_and_filtered(page, live_server):
    news, plain = make_two_articles()
    page.goto(live_server.url + "/")
    expect(page.locator(".articles-table tbody tr")).to_have_count(2)

    everything = download_json(page, lambda: page.locator("#export-all").click())
    assert everything["filename"] == "claims-all.json"
    assert [a["title"] for a in everything["articles"]] == ["Council backs transit plan", "Storm report"]
    assert [len(a["claims"]) for a in everything["articles"]] == [2, 1]

    page.select_option("#export-status", "supported")
    supported = download_json(page, lambda: page.locator("#export-all").click())
    assert supported["filename"] == "claims-supported.json"
    [article] = supported["articles"]
    assert [(c["quote"], c["status"]) for c in article["claims"]] == [("Fans cheered 🎉🇺🇸", "supported")]
    assert len(article["sentences"]) == 6  # the article stays whole; only its claims are filtered

    page.select_option("#export-status", "disputed")
    assert download_json(page, lambda: page.locator("#export-all").click())["articles"] == []

    # The status filter chips narrow the list; the export form follows the filter shown.
    page.locator(".filters a", has_text="Unverified").click()
    page.wait_for_url("**/?status=unverified")
    expect(page.locator(".articles-table tbody tr")).to_have_count(1)
    expect(page.locator("#export-status")).to_have_value("unverified")
    unverified = download_json(page, lambda: page.locator("#export-all").click())
    assert [a["title"] for a in unverified["articles"]] == ["Storm report"]

    # Each row's JSON link downloads that article alone.
    row = page.locator(".articles-table tbody tr", has_text="Storm report")
    single = download_json(page, lambda: row.get_by_role("link", name="JSON").click())
    assert single["filename"] == f"article-{plain.id}-claims.json"
    assert [a["title"] for a in single["articles"]] == ["Storm report"]
    assert console_errors(page) == []
