"""Every page and state at 1280×900 and at 390×844 (touch): a screenshot of each into test-artifacts/ (sweep-*.png),
axe-core's WCAG 2.2 AA rules with no serious or critical violation, and on the phone nothing wider than the screen.
axe-core is vendored under tests/browser/vendor/ (a test dependency, never served); its script is injected, so these
contexts bypass the CSP, which every other browser test keeps."""
from pathlib import Path

import pytest

from annotate.articles.operations import load_seed_article
from annotate.extensions import db
from tests.browser.conftest import screenshot
from tests.browser.helpers import log_in
from tests.browser.helpers import wider_than_screen
from tests.browser.helpers import wait_for_reader
from tests.factories import build_rich_set
from tests.factories import make_claim
from tests.factories import make_user

AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
WIDTHS = {"desktop": dict(width=1280, height=900), "phone": dict(width=390, height=844, has_touch=True, is_mobile=True)}

AXE_JS = """async () => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa",
    "wcag22aa"]}, resultTypes: ["violations"]});
  return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => ({
    id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 4).map((n) => n.target.join(" ") + " :: "
      + (n.any[0] ? n.any[0].message : n.failureSummary || "").slice(0, 160))}));
}"""

def build_desk():
    """The sample article, two articles with every record kind (verdicts, a dispute, a decision), a claim with a long
    source, and an admin who sees every page."""
    sample = load_seed_article()
    db.session.commit()
    rich = build_rich_set()
    long = make_claim(sample, None, sentence_index=6, attr_source="Metropolitan Transit Riders Association spokesperson",
                      attr_role="a spokesperson for the coalition of Uyghur rights organisations", attr_cue="said")
    make_user("root", "admin")
    one, two = rich["articles"]
    return {"sample": sample, "long": long, "one": one, "two": two, "claim": rich["claim"]}


def pages(desk) -> list[tuple[str, str, str | None]]:
    """(name, path, what to do there) for every page and state."""
    sample, one, two = desk["sample"].id, desk["one"].id, desk["two"].id
    return [
        ("articles", "/", None),
        ("new-article", "/articles/new", None),
        ("article", f"/articles/{sample}", None),
        ("article-panel", f"/articles/{sample}?claim={desk['long'].id}", None),
        ("article-review-panel", f"/articles/{one}?claim={desk['claim'].id}", None),
        ("article-disputed-panel", f"/articles/{two}?claim={desk['two'].claims[0].id}", None),
        ("article-shortcuts", f"/articles/{sample}", "?"),
        ("my-work", "/work", None),
        ("disputed", "/disputed", None),
        ("team", f"/articles/{one}/team", None),
        ("agreement", f"/articles/{one}/agreement", None),
        ("account", "/account", None),
        ("admin-users", "/admin/users", None),
        ("admin-vocabulary", "/admin/vocabulary", None),
        ("admin-settings", "/admin/settings", None),
        ("import", "/import", None),
        ("orphans", "/orphans", None),
        ("not-found", "/articles/999999", None),
    ]


def open_context(browser, server, label: str, user: str | None):
    context = browser.new_context(viewport={k: v for k, v in WIDTHS[label].items() if k in ("width", "height")},
                                  bypass_csp=True,
                                  **{k: v for k, v in WIDTHS[label].items() if k not in ("width", "height")})
    page = context.new_page()
    if user:
        log_in(page, server, user)
    return page


def check(page, name: str, label: str) -> list[str]:
    """Screenshot the page, run axe-core; on the phone, measure what is wider than the screen. Returns the problems."""
    screenshot(page, f"sweep-{name}-{label}")
    page.add_script_tag(path=str(AXE))
    problems = [f"{name} [{label}] axe {v['impact']} {v['id']}: {v['nodes']}" for v in page.evaluate(AXE_JS)]
    if label == "phone" and wider_than_screen(page):
        problems.append(f"{name} [{label}] wider than the screen: {wider_than_screen(page)}")
    return problems


@pytest.mark.parametrize("label", ["desktop", "phone"])
def test_every_page_is_accessible_and_fits(browser, live_server, label):
    desk = build_desk()
    problems = []
    page = open_context(browser, live_server, label, None)
    page.goto(live_server.url + "/login")
    problems += check(page, "login", label)
    page.context.close()

    page = open_context(browser, live_server, label, "root")
    for name, path, key in pages(desk):
        page.goto(live_server.url + path)
        page.wait_for_load_state("networkidle")
        if key:
            wait_for_reader(page)
            page.keyboard.press(key)
            page.wait_for_selector("dialog[open]")
        problems += check(page, name, label)
    if label == "phone":
        page.goto(live_server.url + "/")
        page.get_by_role("button", name="Menu").click()
        page.wait_for_selector(".topbar.nav-open .topnav")
        problems += check(page, "menu-open", label)
    page.context.close()

    # A reviewer's own views: blind review hides the others' verdicts in the panel, and My work lists their claims.
    page = open_context(browser, live_server, label, "bob")
    for name, path in [("reviewer-work", "/work"), ("reviewer-disputed", "/disputed"),
                       ("reviewer-panel", f"/articles/{desk['one'].id}?claim={desk['claim'].id}"),
                       ("reviewer-disputed-panel", f"/articles/{desk['two'].id}?claim={desk['two'].claims[0].id}")]:
        page.goto(live_server.url + path)
        page.wait_for_load_state("networkidle")
        problems += check(page, name, label)
    page.context.close()
    print("\n".join(problems) or f"sweep [{label}]: no problems")
    assert problems == [], "\n".join(problems)
