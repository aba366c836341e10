"""Browser fixtures: the real app served on a local port, driven by Playwright in Debian's chromium."""
import os
import shutil
import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from annotate.extensions import db
from tests.apps import IN_CI
from tests.apps import config_for
from tests.apps import make_app
from tests.factories import PASSWORD
from tests.factories import make_user

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    """One chromium for the session; missing chromium is a skip locally, a failure in CI."""
    if not os.path.exists(CHROMIUM):
        message = f"chromium not found at {CHROMIUM}; run `make test` as root to install it"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS, headless=True)
        yield instance
        instance.close()


class LiveServer:
    """The app on 127.0.0.1 at a free port, in a thread, on its own database."""

    def __init__(self, app):
        self.app = app
        self.server = make_server("127.0.0.1", 0, app, threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        # A short poll interval: shutdown() waits for the loop to look, 0.5 s by default, on every test.
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.thread.join(5)


@pytest.fixture
def live_app(tmp_path, migrated_db):
    """An app with CSRF on, as users run it, and a reviewer account."""
    path = tmp_path / "annotate.sqlite"
    shutil.copy(migrated_db, path)
    app = make_app(config_for(tmp_path, path, WTF_CSRF_ENABLED=True, TESTING=False))
    with app.app_context():
        make_user("rev", "reviewer", PASSWORD)
        make_user("ed", "editor", PASSWORD)
        yield app
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def live_server(live_app):
    with LiveServer(live_app) as server:
        yield server


# The reviewer's session cookie from the first login. Every test database makes "rev" first, and every test app
# signs with the same key, so the cookie stays good; new_page checks it and logs in through the form when it is not.
_SESSION: dict = {}


def new_page(browser, server, width=1280, height=900, **options):
    """A fresh browser context logged in as the reviewer, on the article list; console errors and CSP reports are
    collected. Extra options go to browser.new_context (has_touch=True for a phone, say)."""
    context = browser.new_context(viewport={"width": width, "height": height}, accept_downloads=True,
                                  storage_state=_SESSION.get("rev"), **options)
    page = context.new_page()
    page.console_errors = []
    page.on("console", lambda msg: msg.type == "error" and page.console_errors.append(msg.text))
    page.on("pageerror", lambda error: page.console_errors.append(str(error)))
    if _SESSION and context.request.get(server.url + "/", max_redirects=0).status == 200:
        page.goto(server.url + "/")
        return page
    page.goto(server.url + "/login")
    page.fill("#username", "rev")
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(server.url + "/")
    _SESSION["rev"] = context.storage_state()
    return page


@pytest.fixture
def page(browser, live_server):
    page = new_page(browser, live_server)
    yield page
    page.context.close()


def screenshot(page, name: str) -> Path:
    """Save a screenshot under test-artifacts/ for people to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    # caret="initial": hiding the caret leaves style="" on every input, which htmx then copies on settle (a CSP report).
    page.screenshot(path=str(path), full_page=False, caret="initial")
    return path


def console_errors(page, expected_statuses: tuple[int, ...] = ()) -> list[str]:
    """The page's console errors, less the resource-load lines of statuses the test provoked (422 for bad input)."""
    expected = tuple(f"with a status of {status} " for status in expected_statuses)
    return [line for line in page.console_errors
            if not (line.startswith("Failed to load resource") and any(e in line for e in expected))]
