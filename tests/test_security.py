"""CSRF, the Content-Security-Policy, no inline script or style, escaping of user strings, and no 500s."""
import io
import re
from html.parser import HTMLParser

import pytest
from sqlalchemy import func
from sqlalchemy import select

from annotate.claims import operations as claim_ops
from annotate.errors import InputError
from annotate.extensions import db
from annotate.models import Article
from annotate.models import Claim
from annotate.models import Evidence
from annotate.models import Sentence
from tests.conftest import BOTH_DATABASES
from tests.conftest import HX
from tests.factories import PASSWORD
from tests.factories import make_article
from tests.factories import login
from tests.factories import make_claim
from tests.factories import make_user

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"


def counts() -> tuple[int, int, int, int]:
    db.session.expire_all()
    return tuple(db.session.scalar(select(func.count(m.id))) for m in (Article, Sentence, Claim, Evidence))


# --- CSRF ------------------------------------------------------------------------------------------------------


class TestCsrf:
    """With CSRF protection on, as users run the app."""

    @pytest.fixture
    def app_config(self):
        return {"WTF_CSRF_ENABLED": True}

    @staticmethod
    def token_of(html: bytes) -> str:
        match = re.search(rb'name="csrf_token" type="hidden" value="([^"]+)"', html) or re.search(
            rb'type="hidden" name="csrf_token" value="([^"]+)"', html)
        assert match, html[:500]
        return match.group(1).decode()

    @staticmethod
    def header_token_of(html: bytes) -> str:
        """The token the layout hands htmx for button-only posts (hx-headers on <body>)."""
        match = re.search(rb'<body hx-headers=\'\{"X-CSRFToken": "([^"]+)"\}\'', html)
        assert match, html[:800]
        return match.group(1).decode()

    @pytest.fixture
    def session(self, client, user):
        token = self.token_of(client.get("/login").data)
        response = client.post("/login", data={"username": "rev", "password": PASSWORD, "csrf_token": token})
        assert response.status_code == 303
        return client

    @pytest.fixture
    def article(self, app, user):
        return make_article(user=user)

    def test_login_without_a_token_is_refused(self, client, user):
        response = client.post("/login", data={"username": "rev", "password": PASSWORD})
        assert response.status_code == 400
        assert b"security token" in response.data
        assert client.get("/").status_code == 302

    def test_form_post_without_a_token_is_400_and_writes_nothing(self, session):
        before = counts()
        response = session.post("/articles/new", data={"text": "A new article.", "title": "No token"})
        assert response.status_code == 400
        assert b"security token is missing or expired" in response.data
        assert counts() == before

    def test_form_post_with_a_wrong_token_is_400(self, session):
        before = counts()
        response = session.post("/articles/new", data={"text": "A new article.", "csrf_token": "forged"})
        assert response.status_code == 400
        assert counts() == before

    def test_form_post_with_the_token_works(self, session):
        token = self.token_of(session.get("/articles/new").data)
        response = session.post("/articles/new", data={"text": "A new article.", "csrf_token": token})
        assert response.status_code == 303
        assert counts()[0] == 1

    def test_htmx_post_without_a_token_is_400_and_writes_nothing(self, session, article):
        before = counts()
        sentence = article.sentences[0]
        response = session.post(f"/articles/{article.id}/claims", data={"sentence_id": sentence.id, "whole": "y"},
                                headers=HX)
        assert response.status_code == 400
        assert counts() == before
        response = session.post(f"/sentences/{sentence.id}/no-claim", headers=HX)
        assert response.status_code == 400
        assert not db.session.get(Sentence, sentence.id).no_claim

    def test_htmx_post_with_the_header_token_works(self, session, article):
        token = self.header_token_of(session.get(f"/articles/{article.id}").data)
        sentence = article.sentences[0]
        response = session.post(f"/articles/{article.id}/claims", data={"sentence_id": sentence.id, "whole": "y"},
                                headers={**HX, "X-CSRFToken": token})
        assert response.status_code == 200
        assert counts()[2] == 1
        response = session.post(f"/sentences/{article.sentences[2].id}/no-claim", headers={**HX, "X-CSRFToken": token})
        assert response.status_code == 200

    def test_every_form_on_the_pages_carries_a_token(self, session, article, user):
        claim = make_claim(article, "40 people were hurt", user=user)
        for url in ("/", "/articles/new", f"/articles/{article.id}", f"/articles/{article.id}?claim={claim.id}"):
            html = session.get(url).data.decode()
            for form in re.findall(r"<form\b[^>]*>.*?</form>", html, re.S):
                opening = form[: form.index(">")]
                if 'method="get"' in opening or 'method="dialog"' in opening:
                    continue
                assert re.search(r'name="(\w+-)?csrf_token"', form), (url, opening)

    def test_evidence_form_with_its_prefixed_token_and_the_header_works(self, session, article, user):
        claim = make_claim(article, "40 people were hurt", user=user)
        page = session.get(f"/articles/{article.id}?claim={claim.id}").data
        form_token = re.search(rb'name="evidence-csrf_token" type="hidden" value="([^"]+)"', page).group(1).decode()
        data = {"evidence-url": "https://example.org/r", "evidence-stance": "context", "evidence-csrf_token": form_token}
        assert session.post(f"/claims/{claim.id}/evidence", data=data, headers=HX).status_code == 200
        data.pop("evidence-csrf_token")
        assert session.post(f"/claims/{claim.id}/evidence", data=data, headers=HX).status_code == 400
        headers = {**HX, "X-CSRFToken": self.header_token_of(page)}
        assert session.post(f"/claims/{claim.id}/evidence", data=data, headers=headers).status_code == 200
        assert counts()[3] == 2

    def test_logout_without_a_token_keeps_the_session(self, session):
        assert session.post("/logout").status_code == 400
        assert session.get("/").status_code == 200

    def test_panel_save_without_a_token_changes_nothing(self, session, article, user):
        claim = make_claim(article, "40 people were hurt", user=user)
        response = session.post(f"/claims/{claim.id}", headers=HX, data={
            "attr_type": "direct", "status": "refuted", "version": claim.version})
        assert response.status_code == 400
        db.session.expire_all()
        assert db.session.get(Claim, claim.id).status == "unverified"


class TestCsrfWithASmallUploadLimit:
    """An oversized upload is refused as too large (413 with the form), not as a missing token."""

    @pytest.fixture
    def app_config(self):
        return {"WTF_CSRF_ENABLED": True, "MAX_CONTENT_LENGTH": 20_000}

    def test_oversized_upload_with_csrf_on(self, client, user):
        token = TestCsrf.token_of(client.get("/login").data)
        client.post("/login", data={"username": "rev", "password": PASSWORD, "csrf_token": token})
        before = counts()
        response = client.post("/articles/new", content_type="multipart/form-data", data={
            "csrf_token": token, "text": "", "file": (io.BytesIO(b"word " * 10_000), "big.txt")})
        assert response.status_code == 413
        assert b"is too large; the limit is" in response.data and b'name="text"' in response.data
        assert counts() == before


# --- Content-Security-Policy and markup without inline code ---------------------------------------------------------


class InlineCodeFinder(HTMLParser):
    """Collects everything a strict CSP would block or that runs code from markup."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.tags = 0

    def handle_starttag(self, tag, attrs):
        self.tags += 1
        names = dict(attrs)
        if tag == "script" and not names.get("src"):
            self.problems.append("inline <script>")
        if tag == "style":
            self.problems.append("inline <style>")
        for name, value in attrs:
            if name.startswith("on") or name.startswith("hx-on") or name.startswith("data-hx-on"):
                self.problems.append(f"<{tag} {name}>")
            if name == "style":
                self.problems.append(f"<{tag} style=>")
            if name in ("href", "src", "action", "formaction") and value and \
                    value.strip().lower().startswith(("javascript:", "data:text")):
                self.problems.append(f"<{tag} {name}={value}>")

    handle_startendtag = handle_starttag


def inline_code(html: str) -> tuple[list[str], int]:
    finder = InlineCodeFinder()
    finder.feed(html)
    finder.close()
    return finder.problems, finder.tags


def assert_csp(response) -> None:
    policy = response.headers.get("Content-Security-Policy", "")
    directives = {d.split()[0]: d.split()[1:] for d in policy.split(";") if d.strip()}
    assert directives.get("script-src") == ["'self'"], policy
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
    assert directives.get("object-src") == ["'none'"] and directives.get("frame-ancestors") == ["'none'"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"


@pytest.fixture
def world(app, user):
    """Something on every page: an article with claims, evidence, a no-claim sentence."""
    article = make_article(user=user, source_url="https://news.example/story")
    claim = make_claim(article, "40 people were hurt", user=user, status="disputed", attr_source="Police")
    make_claim(article, "people were hurt", user=user)
    claim_ops.add_evidence(db.session.get(Claim, claim.id), "https://example.org/report", user, "Report")
    article.sentences[2].no_claim = True
    db.session.commit()
    return {"article": article.id, "claim": claim.id, "sentence": article.sentences[0].id,
            "evidence": db.session.get(Claim, claim.id).evidence[0].id}


def every_response(client, world) -> list[tuple[str, object]]:
    """Full pages, fragments, error pages and downloads, as a logged-in reviewer gets them."""
    a, c, s = world["article"], world["claim"], world["sentence"]
    out = [(url, client.get(url)) for url in (
        "/", "/?status=disputed", "/?status=nonsense", "/articles/new", f"/articles/{a}", f"/articles/{a}?claim={c}",
        f"/articles/{a}/export.json", "/export.json", "/articles/9999", "/static/css/app.css", f"/claims/{c}")]
    out.append(("panel fragment", client.get(f"/claims/{c}", headers=HX)))
    out.append(("new form errors", client.post("/articles/new", data={"text": "", "source_url": "javascript:x"})))
    out.append(("panel 422", client.post(f"/claims/{c}", data={"status": "bad", "version": 1}, headers=HX)))
    out.append(("evidence 422", client.post(f"/claims/{c}/evidence", data={"evidence-url": "data:x"}, headers=HX)))
    out.append(("mark toast", client.post(f"/articles/{a}/claims", data={"sentence_id": s, "start16": 0,
                                                                       "end16": 9999}, headers=HX)))
    out.append(("mark", client.post(f"/articles/{a}/claims", data={"sentence_id": s, "whole": "y"}, headers=HX)))
    out.append(("no-claim", client.post(f"/sentences/{world['sentence'] + 1}/no-claim", headers=HX)))
    out.append(("merge", client.post(f"/sentences/{s}/merge", headers=HX)))
    out.append(("split", client.post(f"/sentences/{s}/split", data={"offset16": 10}, headers=HX)))
    out.append(("evidence remove", client.post(f"/evidence/{world['evidence']}/delete", headers=HX)))
    out.append(("405", client.get("/logout")))
    out.append(("logout", client.post("/logout")))
    out.append(("login page", client.get("/login")))
    out.append(("login error", client.post("/login", data={"username": "x", "password": "y"})))
    out.append(("htmx 401", client.post(f"/claims/{c}/delete", headers=HX)))
    return out


def test_every_response_has_a_strict_csp(logged_in, world):
    responses = every_response(logged_in, world)
    assert len(responses) > 20
    for label, response in responses:
        assert response.status_code < 500, label
        assert_csp(response)


def test_setup_page_has_the_csp_and_no_inline_code(client):
    response = client.get("/setup")
    assert_csp(response)
    problems, tags = inline_code(response.data.decode())
    assert tags > 10 and problems == []


def test_no_page_or_fragment_holds_inline_script_handlers_or_style(logged_in, world):
    checked = 0
    for label, response in every_response(logged_in, world):
        if response.mimetype != "text/html" or not response.data:
            continue
        problems, tags = inline_code(response.data.decode())
        assert problems == [], (label, problems)
        checked += tags > 0
    assert checked >= 15


def test_the_checker_itself_finds_inline_code():
    html = ('<script>x()</script><script src="/s.js"></script><a href="javascript:x()" onclick="y()">a</a>'
            '<p style="color:red" hx-on:click="z()"></p><style>p{}</style>')
    problems, _ = inline_code(html)
    assert problems == ["inline <script>", "<a href=javascript:x()>", "<a onclick>", "<p style=>",
                        "<p hx-on:click>", "inline <style>"]


def test_pages_vary_on_hx_request(logged_in, world):
    for url in (f"/articles/{world['article']}", "/"):
        assert "HX-Request" in logged_in.get(url).headers.get("Vary", "")


# --- escaping of user strings ----------------------------------------------------------------------------------------


@pytest.fixture
def hostile(app, user):
    text = f"Officials wrote {SCRIPT} in the memo. The {IMG} tag was quoted & \"discussed\".\n<b>Bold</b> claims."
    article = make_article(text, title=SCRIPT, user=user, source_url="https://news.example/?q=\"><script>x</script>")
    claim = make_claim(article, f"{SCRIPT} in the memo.", user=user, attr_source=IMG, attr_role=SCRIPT,
                       attr_cue="\"><svg onload=alert(1)>", rationale=f"{IMG} {SCRIPT}")
    claim_ops.add_evidence(db.session.get(Claim, claim.id), "https://example.org/?a=<b>", user, title=IMG,
                           excerpt=SCRIPT)
    db.session.commit()
    return article.id, claim.id


def test_user_strings_are_escaped_everywhere(logged_in, hostile):
    article_id, claim_id = hostile
    responses = {
        "list": logged_in.get("/"),
        "page": logged_in.get(f"/articles/{article_id}"),
        "page with panel": logged_in.get(f"/articles/{article_id}?claim={claim_id}"),
        "panel": logged_in.get(f"/claims/{claim_id}", headers=HX),
        "save": logged_in.post(f"/claims/{claim_id}", headers=HX, data={
            "attr_source": IMG, "attr_type": "direct", "status": "refuted", "rationale": SCRIPT, "version": 99}),
        "mark": logged_in.post(f"/articles/{article_id}/claims", headers=HX,
                               data={"sentence_id": db.session.get(Article, article_id).sentences[1].id,
                                     "whole": "y"}),
    }
    for label, response in responses.items():
        html = response.data.decode()
        assert response.status_code < 500, label
        for raw in (SCRIPT, IMG, "<b>Bold</b>", "<svg onload", "<b>\""):
            assert raw not in html, (label, raw)
        problems, _ = inline_code(html)
        assert problems == [], (label, problems)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in responses["page"].data.decode()
    assert "&lt;img src=x onerror=alert(1)&gt;" in responses["panel"].data.decode()


def test_the_flash_after_adding_an_article_escapes_the_title(logged_in):
    response = logged_in.post("/articles/new", data={"text": "A sentence.", "title": SCRIPT},
                              follow_redirects=True)
    html = response.data.decode()
    assert SCRIPT not in html
    assert "Added “&lt;script&gt;alert(1)&lt;/script&gt;”" in html


def test_an_article_title_is_escaped(app, logged_in):
    make_article(title="<i>x</i>")
    html = logged_in.get("/").data.decode()
    assert "<i>x</i>" not in html and "&lt;i&gt;x&lt;/i&gt;" in html


def test_markup_is_refused_in_a_username(app):
    with pytest.raises(InputError, match="Letters, digits"):
        make_user("<i>x</i>", "reviewer", PASSWORD)


# --- no 500 for garbage ---------------------------------------------------------------------------------------------


GARBAGE_IDS = ["0", "-1", "abc", "1e3", "99999999", str(2**63), str(10**30), "%00", "%C2%B2"]
GARBAGE_FORMS = [
    {},
    {"sentence_id": ""},
    {"sentence_id": "x", "start16": "y", "end16": "z"},
    {"sentence_id": str(10**30), "whole": "y"},
    {"sentence_id": "-5", "start16": "-1", "end16": str(2**70)},
    {"sentence_id": "1", "start16": "0", "end16": "5", "quote": "\ufffd\U0001f600"},
    {"sentence_id": "1", "start16": "1.5", "end16": "1e2"},
    {"sentence_id": ["999", "1"], "start16": ["0", "9"], "whole": ["y", "n"]},
    {"offset16": "", "version": "", "status": "", "attr_type": ""},
    {"offset16": str(10**30), "version": str(10**30), "status": "x" * 10_000},
    {"version": "1", "attr_type": "direct", "status": "supported"},
    {"version": "-1", "attr_type": "direct", "status": "supported", "attr_source": "\x00\x01"},
    {"evidence-url": "http://[::1", "evidence-stance": "supports"},
    {"evidence-url": "https://" + "a" * 5000 + ".example"},
    {"evidence-url": "http://exa mple.org", "evidence-title": "\x00"},
    {"text": "", "file": "not a file"},
    {"text": "\x00\x01\x02", "published": "2024-13-45", "source_url": "http://"},
    {"text": "ok.", "published": "99999-01-01"},
    {"username": "", "password": ""},
]


def post_rules(app) -> list:
    return [rule for rule in app.url_map.iter_rules() if "POST" in rule.methods]


def fill(rule, value: str) -> str:
    url = rule.rule
    for name in rule.arguments:
        url = url.replace(f"<int:{name}>", value).replace(f"<{name}>", value)
    return url


def existing_id(rule, world) -> str:
    """The id of a record that exists for this rule's argument, so the garbage reaches the form handling."""
    (name,) = rule.arguments or ("",)
    return str(world.get(name.removesuffix("_id"), ""))


def test_garbage_posts_never_produce_a_500(app, logged_in, world):
    rules = [rule for rule in post_rules(app) if rule.endpoint != "accounts.logout"]
    assert len(rules) >= 9
    rules.sort(key=lambda rule: "delete" in rule.rule or "merge" in rule.rule)  # destructive ones last
    tried = 0
    for rule in rules:
        url = fill(rule, existing_id(rule, world))
        for form in GARBAGE_FORMS:
            for headers in ({}, HX):
                response = logged_in.post(url, data=form, headers=headers)
                assert response.status_code < 500, (url, form, response.data[:300])
                tried += 1
    assert tried > 300


def test_garbage_ids_in_urls_never_produce_a_500(app, logged_in, world):
    for rule in app.url_map.iter_rules():
        if not rule.arguments or rule.endpoint == "static":
            continue
        for ident in GARBAGE_IDS:
            url = fill(rule, ident)
            for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
                response = logged_in.open(url, method=method, data={"whole": "y"}, headers=HX)
                assert response.status_code < 500, (method, url)
                # the reviewer is refused admin and editor actions before any id is looked up
                restricted = url.startswith("/admin/") or url.endswith(("/agreement", "/signoff", "/reopen", "/assign"))
                allowed = (403, 404) if restricted else (404, 405, 400, 422)
                if url.startswith("/api/"):
                    allowed = (401,)  # a session is never enough for the API; test_api*.py use tokens
                assert response.status_code in allowed, (method, url, response.status_code)


@pytest.mark.parametrize("query", ["claim=²", "claim=-1", f"claim={10**30}", "claim=abc", "claim=1&claim=2",
                                   "status=%00", "status=" + "x" * 5000])
def test_garbage_query_strings_never_produce_a_500(logged_in, world, query):
    for path in (f"/articles/{world['article']}", "/", "/export.json", f"/articles/{world['article']}/export.json"):
        assert logged_in.get(f"{path}?{query}").status_code < 500, (path, query)


@pytest.mark.parametrize("body, content_type", [
    (b"\xff\xfe\x00garbage", "application/x-www-form-urlencoded"),
    (b'{"sentence_id": 1, "whole": true}', "application/json"),
    (b"--x\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nunterminated", "multipart/form-data; boundary=x"),
    (b"sentence_id=%ZZ&start16=%", "application/x-www-form-urlencoded"),
    (b"a" * 100, "text/plain"),
])
def test_malformed_bodies_never_produce_a_500(app, logged_in, world, body, content_type):
    for rule in post_rules(app):
        if rule.endpoint == "accounts.logout":
            continue
        response = logged_in.post(fill(rule, existing_id(rule, world)), data=body, content_type=content_type,
                                  headers=HX)
        assert response.status_code < 500, (rule.rule, body[:30])


def test_garbage_writes_no_stray_rows(app, logged_in, world):
    before = counts()
    for form in GARBAGE_FORMS:
        logged_in.post(f"/articles/{world['article']}/claims", data=form, headers=HX)
        logged_in.post(f"/claims/{world['claim']}/evidence", data=form, headers=HX)
        logged_in.post("/articles/new", data=form)
    assert counts() == before


# --- no 500 for values the database cannot store, on both databases ------------------------------------------------


FORM_FIELDS = ("action active agreement_group attr_cue attr_role attr_source attr_type blind_verdicts body colour "
               "confidence description end16 evidence evidence_id excerpt explanation key label method mode name "
               "note offset16 parent_id position published quorum quote rating rationale reason reviewer_id role "
               "sentence_id source_url stance start16 status text title url username version whole").split()


class TestUnstorableValues:
    """Out-of-range integers (PostgreSQL's INTEGER overflows at 2^31), lone surrogates and deep JSON, sent to every
    page that takes a POST and to the import, as an admin (so no role check stops them first)."""

    @pytest.fixture(params=BOTH_DATABASES)
    def database(self, request) -> str:
        return request.param

    @pytest.fixture
    def admin(self, client, world, team):
        return login(client, "root")

    @pytest.mark.parametrize("number", [str(2**31), str(-(2**31) - 1), str(10**30)])
    def test_an_out_of_range_integer_in_every_form_field_is_no_500(self, app, admin, world, number):
        tried = 0
        for rule in post_rules(app):
            if rule.endpoint in ("accounts.logout", "accounts.change_password") or rule.rule.startswith("/api/"):
                continue
            url = fill(rule, existing_id(rule, world))
            for form in ({name: number for name in FORM_FIELDS}, {"reviewer_id": number}, {"position": number},
                         {"quorum": number, "blind_verdicts": "y"}, {"version": number, "status": "supported"}):
                response = admin.post(url, data=form, headers=HX)
                assert response.status_code < 500, (url, form, response.data[:300])
                tried += 1
        assert tried > 100

    def test_lone_surrogates_sent_as_cesu_bytes_are_no_500(self, app, admin, world):
        """A form cannot carry a lone surrogate as UTF-8; its CESU-8 bytes arrive as replacement characters."""
        for rule in post_rules(app):
            if rule.endpoint in ("accounts.logout", "accounts.change_password") or rule.rule.startswith("/api/"):
                continue
            body = "&".join(f"{name}=a%ED%A0%80b" for name in FORM_FIELDS)
            response = admin.post(fill(rule, existing_id(rule, world)), data=body, headers=HX,
                                  content_type="application/x-www-form-urlencoded")
            assert response.status_code < 500, rule.rule

    def test_a_deeply_nested_json_body_to_every_page_is_no_500(self, app, admin, world):
        """The pages post forms; a JSON body is not parsed as one (deep nesting was a 500, last on /import)."""
        body = b"[" * 100_000 + b"]" * 100_000
        for rule in post_rules(app):
            if rule.rule.startswith("/api/") or rule.endpoint == "accounts.logout":
                continue
            response = admin.post(fill(rule, existing_id(rule, world)), data=body, content_type="application/json",
                                  headers=HX)
            assert response.status_code < 500, rule.rule

    @pytest.mark.parametrize("content, path, message", [
        (b'{"format": "annotate.claims", "version": 1, "articles": [{"title": "a\\ud800"}]}',
         "$.articles[0].title", "lone UTF-16 surrogate"),
        (b'{"format": "annotate.claims", "version": 1, "articles": [{"claims": [{"start": 2147483648}]}]}',
         "$.articles[0].claims[0].start", "out of range"),
        (b'{"articles": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "$", "nested more than 64 levels deep"),
        (b'{"articles": ' + b"[" * 100 + b"]" * 100 + b"}", "$.articles", "nested more than 64 levels deep"),
    ])
    def test_the_import_page_names_where_an_unstorable_value_is(self, app, admin, content, path, message):
        before = counts()
        response = admin.post("/import", data={"file": (io.BytesIO(content), "set.json"), "mode": "skip"},
                              content_type="multipart/form-data")
        assert response.status_code == 422
        html = response.get_data(as_text=True)
        assert f"<code>{path}" in html and message in html
        assert counts() == before
