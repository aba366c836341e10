"""Benchmark: the article page and claim writes at 100 / 1,000 / 5,000 sentences, 2 claims per body sentence.

For each size it builds the workload on a scratch SQLite database (bench_article.build, through
load.build_workload), starts the server `make serve` starts (load.start_server), and prints:

- page: bytes of the HTML raw and as sent to a client accepting gzip/br, bytes per rendered
  sentence, server time (in-process, median of 9) and the HTTP time through gunicorn;
- browser: DOMContentLoaded and first highlight in headless Chromium, warm (median of 5), and the
  bytes a first (cold) visit transfers, HTML, CSS and JS together;
- writes, in-process, each request in its own app context as in production: claim add from the
  page and from the API, claim save, verdict and no-claim: median / p95 server time and the SQL
  statements each request sent.

    python bench/bench_page.py                    # 100, 1000 and 5000 sentences
    python bench/bench_page.py --sizes 1000 --browser-runs 9
"""
import argparse
import gzip
import http.client
import os
import shutil
import statistics
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import load  # bench/load.py: the workload, the server, its helpers

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"]
HX = {"HX-Request": "true"}
WRITE_SAMPLES = 30

# Records when the first claim highlight reaches the screen: the frame after a mark.claim enters the DOM.
FIRST_HIGHLIGHT_JS = """(() => {
  const found = () => {
    if (!document.querySelector("mark.claim")) return false;
    requestAnimationFrame(() => { window.__firstHighlight = performance.now(); });
    return true;
  };
  const watch = new MutationObserver(() => { if (found()) watch.disconnect(); });
  watch.observe(document, {childList: true, subtree: true});
})();"""

PAGE_METRICS_JS = """() => {
  const nav = performance.getEntriesByType("navigation")[0];
  const paint = performance.getEntriesByName("first-contentful-paint")[0];
  const bytes = (text) => new TextEncoder().encode(text).length;
  const rows = Array.from(document.querySelectorAll(".sentence"));
  const resources = performance.getEntriesByType("resource").reduce((sum, r) => sum + r.transferSize, 0);
  return {dcl: nav.domContentLoadedEventEnd - nav.startTime, fcp: paint ? paint.startTime : null,
          highlight: window.__firstHighlight || null, rows: rows.length,
          row_bytes: rows.reduce((sum, row) => sum + bytes(row.outerHTML), 0),
          text_bytes: rows.reduce((sum, row) => sum + bytes(row.querySelector(".stext").textContent), 0),
          transferred: nav.transferSize + resources};
}"""


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


class Counted:
    """Server time and SQL statements per request, for requests made through an in-process test client."""

    def __init__(self, app):
        from sqlalchemy import event

        from annotate.extensions import db

        self.statements = 0
        with app.app_context():
            event.listen(db.engine, "before_cursor_execute", self.record)

    def record(self, conn, cursor, statement, *args):
        if not statement.startswith("BEGIN"):
            self.statements += 1

    def run(self, request, expected: tuple[int, ...] = (200, 201)) -> tuple[float, int]:
        self.statements = 0
        began = time.perf_counter()
        response = request()
        elapsed = (time.perf_counter() - began) * 1000
        assert response.status_code in expected, (response.status_code, response.get_data(as_text=True)[:300])
        return elapsed, self.statements


def summary(samples: list[tuple[float, int]]) -> dict:
    times = [t for t, _ in samples]
    counts = sorted({n for _, n in samples})
    return {"median": statistics.median(times), "p95": percentile(times, 0.95),
            "statements": counts[0] if len(counts) == 1 else f"{counts[0]}-{counts[-1]}"}


def in_process_app(url: str, folder: Path):
    from annotate import create_app

    return create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench-page", "WTF_CSRF_ENABLED": False,
                       "INSTANCE_PATH": str(folder)})


def word_span(text: str, first: int, last: int) -> tuple[int, int]:
    """Code-point offsets of words first..last of a text."""
    import re

    words = [m.span() for m in re.finditer(r"\w+", text)]
    first, last = min(first, len(words) - 1), min(last, len(words) - 1)
    return words[first][0], words[last][1]


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def targets(app, workload: dict) -> dict:
    """Body sentences spread over the article (a fresh one per write), a heading, a claim to save."""
    from sqlalchemy import select

    from annotate.extensions import db
    from annotate.models import Claim
    from annotate.models import Sentence

    with app.app_context():
        rows = db.session.execute(select(Sentence.id, Sentence.start, Sentence.end, Sentence.kind)
                                  .where(Sentence.article_id == workload["article_id"])
                                  .order_by(Sentence.index)).all()
        body = [r for r in rows if r.kind == "body"]
        step = max(1, len(body) // (2 * WRITE_SAMPLES + 2))
        spread = body[::step][: 2 * WRITE_SAMPLES + 2]
        heading = next(r for r in rows if r.kind != "body")
        claim = db.session.scalar(select(Claim.id).where(Claim.article_id == workload["article_id"])
                                  .order_by(Claim.id.desc()).limit(1))
    return {"web": spread[0::2], "api": spread[1::2], "heading": heading.id, "claim": claim}


def measure_adds(client, counter: Counted, workload: dict, picked: dict) -> dict:
    """Marking claims from the page (a selection's UTF-16 offsets) and through the API (code points), each on a
    sentence of its own spread over the article."""
    text = workload["text"]
    api_headers = {"Authorization": f"Bearer {workload['token']}"}

    def web_add(row):
        sentence_text = text[row.start:row.end]
        start, end = word_span(sentence_text, 1, 2)
        data = {"sentence_id": row.id, "start16": utf16(sentence_text[:start]), "end16": utf16(sentence_text[:end]),
                "quote": sentence_text[start:end]}
        return lambda: client.post(f"/articles/{workload['article_id']}/claims", data=data, headers=HX)

    def api_add(row):
        start, end = word_span(text[row.start:row.end], 2, 3)
        body = {"start": row.start + start, "end": row.start + end}
        return lambda: client.post(f"/api/v1/articles/{workload['article_uuid']}/claims", json=body,
                                   headers=api_headers)

    counter.run(web_add(picked["web"][-1]))  # warm up the code paths once
    counter.run(api_add(picked["api"][-1]))
    return {"add (page)": summary([counter.run(web_add(row)) for row in picked["web"][:WRITE_SAMPLES]]),
            "add (API)": summary([counter.run(api_add(row)) for row in picked["api"][:WRITE_SAMPLES]])}


def measure_edits(app, client, counter: Counted, picked: dict) -> dict:
    """Saving a claim from the panel, giving a verdict on it, and toggling 'no claim' on a heading."""
    from annotate.extensions import db
    from annotate.models import Claim

    def save(n):
        with app.app_context():
            version = db.session.get(Claim, picked["claim"]).version
        form = {"attr_source": "Li Wei", "attr_role": "spokesperson", "attr_cue": "told", "attr_type": "direct",
                "status": "in_review", "rationale": f"Checking the ministry figures, pass {n}.", "version": version}
        return lambda: client.post(f"/claims/{picked['claim']}", data=form, headers=HX)

    def verdict(n):
        data = {"rating": "refuted", "confidence": "3", "note": f"The ministry's own table differs, pass {n}."}
        return lambda: client.post(f"/claims/{picked['claim']}/verdict", data=data, headers=HX)

    def no_claim():
        return client.post(f"/sentences/{picked['heading']}/no-claim", headers=HX)

    return {"save": summary([counter.run(save(n)) for n in range(WRITE_SAMPLES)]),
            "verdict": summary([counter.run(verdict(n)) for n in range(WRITE_SAMPLES)]),
            "no-claim": summary([counter.run(no_claim) for _ in range(WRITE_SAMPLES)])}


def measure_writes(app, workload: dict) -> dict:
    """Claim add (page and API), save, verdict and no-claim: server time and statements per request."""
    picked = targets(app, workload)
    client = app.test_client()
    client.post("/login", data={"username": workload["username"], "password": load.PASSWORD})
    counter = Counted(app)
    return measure_adds(client, counter, workload, picked) | measure_edits(app, client, counter, picked)


def measure_page_in_process(app, workload: dict) -> float:
    client = app.test_client()
    client.post("/login", data={"username": workload["username"], "password": load.PASSWORD})
    counter = Counted(app)
    url = f"/articles/{workload['article_id']}"
    counter.run(lambda: client.get(url))
    samples = [counter.run(lambda: client.get(url)) for _ in range(9)]
    return summary(samples)


def fetch(base: str, path: str, encoding: str, session, attempts: int = 3) -> tuple[int, float]:
    """Bytes as received (not decompressed) and the time taken; a dropped connection is tried again."""
    request = urllib.request.Request(base + path, headers={"Accept-Encoding": encoding})
    for attempt in range(attempts):
        try:
            began = time.perf_counter()
            with session.opener.open(request, timeout=120) as response:
                body = response.read()
            return len(body), (time.perf_counter() - began) * 1000
        except (ConnectionError, http.client.HTTPException):
            if attempt == attempts - 1:
                raise
            time.sleep(0.5)


def measure_http(base: str, workload: dict) -> dict:
    session = load.Client(base)
    session.login(workload["username"])
    path = f"/articles/{workload['article_id']}"
    raw, _ = fetch(base, path, "identity", session)
    wire, _ = fetch(base, path, "gzip, deflate, br", session)
    times = [fetch(base, path, "gzip, deflate, br", session)[1] for _ in range(7)]
    _, body = session.request("GET", path)
    return {"raw": raw, "wire": wire, "gzip": len(gzip.compress(body, 6)), "http": statistics.median(times)}


def measure_browser(browser, base: str, workload: dict, runs: int) -> dict:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.add_init_script(FIRST_HIGHLIGHT_JS)
    page.goto(base + "/login")
    page.fill("#username", workload["username"])
    page.fill("#password", load.PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(base + "/")
    url = f"{base}/articles/{workload['article_id']}"
    page.context.new_cdp_session(page).send("Network.clearBrowserCache")  # the login page cached the assets
    page.goto(url, wait_until="load", timeout=180_000)
    cold = page.evaluate(PAGE_METRICS_JS)
    page.wait_for_timeout(1000)  # the windows the page fetches after its load are no part of the first paint
    samples = []
    for _ in range(runs):
        page.goto(url, wait_until="load", timeout=180_000)
        page.wait_for_function("window.__firstHighlight !== undefined", timeout=60_000)
        samples.append(page.evaluate(PAGE_METRICS_JS))
    context.close()
    return {"dcl": statistics.median(s["dcl"] for s in samples),
            "highlight": statistics.median(max(s["highlight"], s["fcp"] or 0) for s in samples),
            "rows": cold["rows"], "per_sentence": cold["row_bytes"] / max(1, cold["rows"]),
            "markup_per_sentence": (cold["row_bytes"] - cold["text_bytes"]) / max(1, cold["rows"]),
            "cold_transfer": cold["transferred"], "warm_transfer": statistics.median(s["transferred"]
                                                                                    for s in samples)}


def run_size(sentences: int, browser, runs: int) -> dict:
    folder = Path(tempfile.mkdtemp(prefix="claim-desk-page-"))
    url = f"sqlite:///{folder / 'page.sqlite'}"
    os.environ["DATABASE_URL"] = url
    began = time.perf_counter()
    workload = load.build_workload(sentences, 2)
    built = time.perf_counter() - began
    app = in_process_app(url, folder)
    figures = {"sentences": sentences, "claims": len(workload["spans"]) * 2, "built": built}
    figures["page"] = measure_page_in_process(app, workload)
    port = load.free_port()
    process = load.start_server("make-run", port, os.environ | {"DATABASE_URL": url}, folder / "server.log")
    try:
        base = f"http://127.0.0.1:{port}"
        figures["http"] = measure_http(base, workload)
        if browser is not None:
            figures["browser"] = measure_browser(browser, base, workload, runs)
    finally:
        load.stop_server(process)
    figures["writes"] = measure_writes(app, workload)
    shutil.rmtree(folder, ignore_errors=True)
    return figures


def report(f: dict) -> None:
    http, page = f["http"], f["page"]
    print(f"\n{f['sentences']:,} sentences, {f['claims']:,} claims (built in {f['built']:.0f} s)")
    print(f"  page HTML:         {http['raw'] / 1024:9.1f} KiB raw, {http['wire'] / 1024:.1f} KiB sent "
          f"(gzip -6 would be {http['gzip'] / 1024:.1f} KiB)")
    print(f"  page server time:  {page['median']:9.1f} ms median in-process ({page['statements']} statements), "
          f"{http['http']:.1f} ms over HTTP")
    if "browser" in f:
        b = f["browser"]
        print(f"  browser (warm):    {b['dcl']:9.0f} ms DOMContentLoaded, {b['highlight']:.0f} ms first highlight")
        print(f"  sentence rows:     {b['rows']:9d} in the page, {b['per_sentence']:.0f} bytes each "
              f"({b['markup_per_sentence']:.0f} without their text)")
        print(f"  transferred:       {b['cold_transfer'] / 1024:9.1f} KiB first visit (HTML, CSS, JS), "
              f"{b['warm_transfer'] / 1024:.1f} KiB warm")
    for name, w in f["writes"].items():
        print(f"  {name + ':':<18} {w['median']:9.1f} ms median, {w['p95']:.1f} ms p95, {w['statements']} statements")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument("--browser-runs", type=int, default=5)
    parser.add_argument("--no-browser", action="store_true")
    arguments = parser.parse_args()
    if arguments.no_browser or not os.path.exists(CHROMIUM):
        for size in arguments.sizes:
            report(run_size(size, None, 0))
        return
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS, headless=True)
        for size in arguments.sizes:
            report(run_size(size, browser, arguments.browser_runs))
        browser.close()


if __name__ == "__main__":
    main()
