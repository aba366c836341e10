"""Login, logout, first-run setup, and the session every other page requires."""
from urllib.parse import urlsplit

import pytest
from sqlalchemy import func
from sqlalchemy import select

from annotate.extensions import db
from annotate.jobs import operations as jobs
from annotate.models import User
from tests.conftest import HX
from tests.factories import PASSWORD
from tests.factories import make_article
from tests.factories import make_claim
from tests.factories import make_user

PUBLIC = {"accounts.login", "accounts.setup", "static"}


def user_count() -> int:
    return db.session.scalar(select(func.count(User.id)))


def login(client, username="rev", password=PASSWORD, **query):
    return client.post("/login", query_string=query, data={"username": username, "password": password})


# --- first-run setup ---------------------------------------------------------------------------


def test_login_sends_a_new_installation_to_setup(client):
    response = client.get("/login")
    assert response.status_code == 302
    assert urlsplit(response.headers["Location"]).path == "/setup"


def test_setup_page_offers_the_first_account(client):
    response = client.get("/setup")
    assert response.status_code == 200
    assert b"Create the first account" in response.data


def test_setup_creates_an_admin_and_logs_in(client):
    response = client.post("/setup", data={"username": "ed", "password": "longenough", "confirm": "longenough"})
    assert response.status_code == 303
    assert urlsplit(response.headers["Location"]).path == "/"
    admin = db.session.scalar(select(User))
    assert (admin.username, admin.role) == ("ed", "admin")
    assert admin.password_hash != "longenough"
    assert client.get("/").status_code == 200


@pytest.mark.parametrize(
    "data, field, message",
    [
        ({"username": "", "password": "longenough", "confirm": "longenough"}, "username", b"This field is required"),
        ({"username": "e d<", "password": "longenough", "confirm": "longenough"}, "username", b"Letters, digits"),
        ({"username": "ed", "password": "short", "confirm": "short"}, "password", b"at least 10 characters"),
        ({"username": "ed", "password": "longenough", "confirm": "different1"}, "confirm", b"The passwords differ"),
    ],
)
def test_setup_form_errors_are_shown_next_to_the_field_and_create_nothing(client, data, field, message):
    response = client.post("/setup", data=data)
    assert response.status_code == 422
    assert f'id="{field}-error"'.encode() in response.data
    assert message in response.data
    assert user_count() == 0


def test_setup_is_closed_once_a_user_exists(client, user):
    assert urlsplit(client.get("/setup").headers["Location"]).path == "/login"
    response = client.post("/setup", data={"username": "mallory", "password": "longenough", "confirm": "longenough"})
    assert response.status_code == 302
    assert urlsplit(response.headers["Location"]).path == "/login"
    assert user_count() == 1


# --- login and logout ----------------------------------------------------------------------------


def test_login_page_shows_the_form_when_users_exist(client, user):
    response = client.get("/login")
    assert response.status_code == 200
    assert b'name="password"' in response.data


def test_login_with_the_right_password_opens_the_list(client, user):
    response = login(client)
    assert response.status_code == 303
    assert urlsplit(response.headers["Location"]).path == "/"
    assert client.get("/").status_code == 200


def test_login_is_case_insensitive_on_the_username(client, user):
    assert login(client, username="REV").status_code == 303


@pytest.mark.parametrize("username, password", [("rev", "wrong-password"), ("nobody", PASSWORD), ("rev", "")])
def test_login_refuses_bad_credentials_with_a_message(client, user, username, password):
    response = login(client, username=username, password=password)
    assert response.status_code == 422
    assert b"Unknown username or wrong password" in response.data or b"This field is required" in response.data
    assert client.get("/").status_code == 302


def test_disabled_user_cannot_log_in(client, user):
    user.active = False
    db.session.commit()
    response = login(client)
    assert response.status_code == 422
    assert b"Unknown username or wrong password" in response.data
    assert client.get("/").status_code == 302


def test_disabled_user_loses_an_open_session(logged_in, user):
    assert logged_in.get("/").status_code == 200
    user.active = False
    db.session.commit()
    assert logged_in.get("/").status_code == 302


def test_login_follows_a_local_next(client, user):
    article = make_article()
    response = login(client, next=f"/articles/{article.id}")
    assert response.headers["Location"] == f"/articles/{article.id}"


@pytest.mark.parametrize(
    "target",
    ["//evil.example", "//evil.example/path", "https://evil.example/", "http:evil.example", "/\\evil.example",
     "\\\\evil.example", "/\t/evil.example", "javascript:alert(1)", "///evil.example"],
)
def test_login_refuses_an_open_redirect(client, user, target):
    response = login(client, next=target)
    assert response.status_code == 303
    location = response.headers["Location"]
    assert not urlsplit(location).netloc
    assert not location.startswith(("//", "/\\", "\\"))


def test_unauthenticated_visit_remembers_the_page_for_after_login(client, user):
    article = make_article()
    response = client.get(f"/articles/{article.id}")
    assert response.status_code == 302
    location = urlsplit(response.headers["Location"])
    assert location.path == "/login"
    assert f"/articles/{article.id}" in location.query.replace("%2F", "/")


def test_logout_ends_the_session(logged_in):
    response = logged_in.post("/logout")
    assert response.status_code == 303
    assert urlsplit(response.headers["Location"]).path == "/login"
    assert logged_in.get("/").status_code == 302


def test_logout_by_get_is_not_allowed(logged_in):
    assert logged_in.get("/logout").status_code == 405
    assert logged_in.get("/").status_code == 200


# --- every page but login and setup needs a session -------------------------------------------------


@pytest.fixture
def records(app):
    """One of everything, so every URL rule can be filled with an id that exists."""
    owner = make_user("owner", "admin", PASSWORD)
    article = make_article(user=owner)
    claim = make_claim(article, "40 people were hurt", user=owner)
    from annotate.claims import operations as claim_ops

    evidence = claim_ops.add_evidence(claim, "https://example.org/report", owner)
    job = jobs.enqueue("article", owner, {}, "A long text.")
    db.session.commit()
    return {"article_id": article.id, "sentence_id": article.sentences[0].id, "claim_id": claim.id,
            "evidence_id": evidence.id, "filename": "favicon.svg", "token_id": 1, "user_id": owner.id, "rating_id": 1,
            "comment_id": 1, "assignment_id": 1, "suggestion_id": 1, "fmt": "csv", "job_id": job.id}


def protected_requests(app, records):
    """(method, url) for every rule and method the app serves, except the public endpoints."""
    out = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint in PUBLIC or rule.rule.startswith("/api/"):  # the API answers 401 JSON: test_api.py
            continue
        url = rule.build({name: records[name] for name in rule.arguments})[1]
        out.extend((method, url) for method in sorted(rule.methods - {"HEAD", "OPTIONS"}))
    return out


def test_the_rule_list_covers_every_area(app, records):
    urls = {url for _, url in protected_requests(app, records)}
    assert len(urls) >= 12
    assert "/logout" in urls and "/export.json" in urls


def test_every_page_needs_a_session(app, client, records):
    for method, url in protected_requests(app, records):
        response = client.open(url, method=method, data={"sentence_id": records["sentence_id"], "whole": "y"})
        assert response.status_code == 302, (method, url)
        assert urlsplit(response.headers["Location"]).path == "/login", (method, url)


def test_every_htmx_request_without_a_session_gets_401_and_hx_redirect(app, client, records):
    for method, url in protected_requests(app, records):
        headers = {**HX, "Referer": f"http://localhost/articles/{records['article_id']}"}
        response = client.open(url, method=method, headers=headers, data={})
        assert response.status_code == 401, (method, url)
        redirect = urlsplit(response.headers["HX-Redirect"])
        assert redirect.path == "/login", (method, url)
        assert f"articles%2F{records['article_id']}" in redirect.query or f"articles/{records['article_id']}" in \
            redirect.query


def test_nothing_is_written_by_anonymous_posts(app, client, records):
    from annotate.models import Claim
    from annotate.models import Evidence

    before = (db.session.scalar(select(func.count(Claim.id))), db.session.scalar(select(func.count(Evidence.id))))
    client.post(f"/articles/{records['article_id']}/claims", data={"sentence_id": records["sentence_id"], "whole": "y"})
    client.post(f"/claims/{records['claim_id']}/delete")
    client.post(f"/evidence/{records['evidence_id']}/delete")
    db.session.expire_all()
    after = (db.session.scalar(select(func.count(Claim.id))), db.session.scalar(select(func.count(Evidence.id))))
    assert after == before


def test_static_files_and_login_are_public(app, client, user):
    assert client.get("/static/favicon.svg").status_code == 200
    assert client.get("/static/css/app.css").status_code == 200
    assert client.get("/login").status_code == 200


def test_a_logged_in_user_reaches_every_get_page(app, logged_in, records):
    article, claim = records["article_id"], records["claim_id"]
    # Without htmx, the URL of a panel or a toolbar opens the article page instead (with the claim's panel open).
    redirects = {f"/claims/{claim}": f"/articles/{article}?claim={claim}",
                 f"/suggestions/{records['suggestion_id']}/edit": f"/articles/{article}",
                 f"/sentences/{records['sentence_id']}/tools": f"/articles/{article}#s-{records['sentence_id']}"}
    for method, url in protected_requests(app, records):
        if method == "GET":
            response = logged_in.get(url)
            if url.startswith("/admin/") or url.endswith("/agreement") or url == "/import":  # editors/admins only
                # (review/test_roles.py, interchange/test_import_errors.py)
                assert response.status_code == 403, url
            elif url.startswith("/jobs/"):  # a job is its creator's and the admins' (jobs/test_jobs.py)
                assert response.status_code == 404, url
            elif url in redirects:
                assert response.status_code == 302, url
                assert response.headers["Location"] == redirects[url], url
            elif url == f"/articles/{article}/jump":  # no sentence named: nothing to jump to
                assert response.status_code == 204, url
            else:
                assert response.status_code == 200, url
