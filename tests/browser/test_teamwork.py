"""Two reviewers in two browsers disagree, argue it out beside the sentence, and an editor signs off."""
import re

from playwright.sync_api import expect

from annotate.interchange import schema
from annotate.extensions import db
from tests.browser.conftest import PASSWORD
from tests.browser.conftest import screenshot
from tests.browser.helpers import log_in
from tests.browser.helpers import make_news_article
from tests.factories import make_claim
from tests.factories import make_user


def login_as(browser, server, name, width=1280, height=900):
    """A fresh browser context logged in as `name`, collecting console errors."""
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.console_errors = []
    page.on("console", lambda msg: msg.type == "error" and page.console_errors.append(msg.text))
    page.on("pageerror", lambda error: page.console_errors.append(str(error)))
    log_in(page, server, name)
    return page


def open_claim(page, server, claim):
    page.goto(f"{server.url}/articles/{claim.article_id}?claim={claim.id}")
    expect(page.locator("#panel.is-open")).to_be_visible()


def pick(page, scope, label):
    page.locator(f"{scope} label.choice").filter(has_text=re.compile(rf"^\s*{label}\s*$")).click()


def give_verdict(page, claim, rating, note):
    pick(page, f"#verdicts-{claim.id} .verdict-form", rating)
    page.fill(f"#note-{claim.id}", note)
    page.locator(f"#verdicts-{claim.id}").get_by_role("button", name="Record verdict").click()
    expect(page.locator("#panel .notice-success")).to_have_text("Your verdict is recorded.")


def test_two_reviewers_disagree_discuss_and_an_editor_signs_off(browser, live_server):
    make_user("rev2", "reviewer", PASSWORD)
    article = make_news_article()
    claim = make_claim(article, "will cut costs by 12 percent", sentence_index=2)
    db.session.commit()
    server = live_server
    first, second = login_as(browser, server, "rev"), login_as(browser, server, "rev2")
    try:
        open_claim(first, server, claim)
        give_verdict(first, claim, "Supported", "The budget office projects 12 percent.")
        open_claim(second, server, claim)
        expect(second.locator(".blind-note")).to_contain_text("1 teammate verdict hidden")
        expect(second.locator("#panel")).not_to_contain_text("The budget office projects")
        give_verdict(second, claim, "Refuted", "The projection assumes fares rise; they will not.")
        expect(second.locator("#panel")).to_contain_text("The budget office projects")
        expect(second.locator("#panel .panel-head .badge.status-disputed")).to_have_text("Disputed")

        for page in (first, second):
            page.goto(server.url + "/disputed")
            expect(page.locator(f"#q-{claim.id}")).to_be_visible()
            expect(page.locator(".nav-count")).to_have_text("1")
        expect(first.locator(f"#q-{claim.id} .qv")).to_have_count(2)
        screenshot(first, "teamwork-disputed-queue")

        open_claim(first, server, claim)
        open_claim(second, server, claim)
        second.evaluate("window.__marker = 1")
        first.fill(f"#comment-body-{claim.id}", "@rev2 which fare assumption? The budget office table shows flat fares.")
        first.locator(f"#discussion-{claim.id}").get_by_role("button", name="Post").click()
        expect(first.locator(f"#thread-{claim.id} .comment")).to_have_count(1)
        # rev2 sees it appear without reloading (the thread polls every 5 s), marked new
        arrived = second.locator(f"#thread-{claim.id} .comment.is-unread")
        expect(arrived).to_contain_text("which fare assumption?", timeout=12000)
        expect(arrived.locator(".new-pill")).to_have_text("New")
        assert second.evaluate("window.__marker") == 1, "the page was reloaded"
        second.locator(f"#thread-{claim.id} [data-reply-to]").click()
        expect(second.locator(".replying")).to_contain_text("Replying to rev")
        second.fill(f"#comment-body-{claim.id}", "Table 4, note 2: fares rise 8 percent in 2026.")
        second.keyboard.press("Control+Enter")
        expect(second.locator(f"#thread-{claim.id} .replies .comment")).to_have_count(1)
        second.locator("#panel").evaluate("panel => panel.scrollTop = panel.scrollHeight")
        second.locator(f"#discussion-{claim.id}").scroll_into_view_if_needed()
        screenshot(second, "teamwork-discussion")

        history = second.locator(f"#history-{claim.id}")
        history.locator("summary").click()
        expect(history.locator(".tl-item").first).to_be_visible()
        expect(history).to_contain_text("gave a verdict")
        history.scroll_into_view_if_needed()
        screenshot(second, "teamwork-history")
        assert first.console_errors == [] and second.console_errors == []
    finally:
        first.context.close()
        second.context.close()

    editor = login_as(browser, server, "ed")
    try:
        open_claim(editor, server, claim)
        signoff = editor.locator(f"#decision-{claim.id}")
        pick(editor, f"#decision-{claim.id}", "Mixed")
        editor.fill(f"#explanation-{claim.id}", "Savings depend on fares the plan does not fix.")
        pick(editor, f"#decision-{claim.id}", "Vote")
        signoff.get_by_role("button", name="Sign off and lock").click()
        expect(editor.locator("#panel .notice-success")).to_contain_text("Signed off")
        expect(editor.locator("#panel .lock")).to_be_visible()
        expect(editor.locator('.sentence[data-index="2"] mark.claim')).to_have_class(re.compile("status-mixed"))
        screenshot(editor, "teamwork-decided")
        response = editor.request.get(f"{server.url}/articles/{article.id}/export.json")
        document = response.json()
        schema.validate_export(document)
        exported = document["articles"][0]["claims"][0]
        assert (exported["status"], exported["rating"], exported["workflow_state"]) == ("misleading", "mixed", "decided")
        assert sorted((v["reviewer"], v["rating"]) for v in exported["verdicts"]) == [("rev", "supported"),
                                                                                     ("rev2", "refuted")]
        assert [c["author"] for c in exported["comments"]] == ["rev", "rev2"]
        assert exported["comments"][1]["parent_id"] == exported["comments"][0]["id"]
        assert exported["decision"]["method"] == "vote" and exported["decision"]["decided_by"] == "ed"
        assert {"given", "commented", "signed_off"} <= {e["action"] for e in exported["history"]}
        assert editor.console_errors == []
    finally:
        editor.context.close()
