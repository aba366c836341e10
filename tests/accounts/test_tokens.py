"""Personal API tokens: shown once, stored hashed, revocable; the account page, the CLI and the admin setting."""
import hashlib
import re

import pytest
from sqlalchemy import select

from annotate.accounts import settings as accounts_settings
from annotate.accounts import tokens
from annotate.errors import InputError
from annotate.extensions import db
from annotate.models import ApiToken
from tests.factories import PASSWORD
from tests.factories import bearer
from tests.factories import make_token
from tests.factories import make_user


def test_token_is_shown_once_and_only_its_hash_is_stored(app, user):
    token, plaintext = tokens.create_token(user, "sync script")
    db.session.commit()
    assert plaintext.startswith("ann_") and len(plaintext) > 40
    row = db.session.get(ApiToken, token.id)
    assert row.token_hash == hashlib.sha256(plaintext.encode()).hexdigest()
    assert row.prefix == plaintext[:12] and row.name == "sync script"
    stored = [str(value) for value in (row.token_hash, row.prefix, row.name)]
    assert not any(plaintext in value for value in stored)


def test_authenticate_accepts_a_live_token_and_records_its_use(app, user):
    plaintext = make_token(user)
    assert tokens.authenticate(plaintext) == user
    assert db.session.scalar(select(ApiToken)).last_used_at is not None


@pytest.mark.parametrize("candidate", ["", "ann_wrong", "not-a-token", "ann_" + "x" * 300])
def test_authenticate_refuses_unknown_tokens(app, user, candidate):
    make_token(user)
    assert tokens.authenticate(candidate) is None


def test_revoked_token_and_disabled_account_no_longer_authenticate(app, user):
    first, second = make_token(user, "one"), make_token(user, "two")
    token_id = db.session.scalar(select(ApiToken.id).where(ApiToken.name == "one"))
    tokens.revoke_token(token_id, user)
    db.session.commit()
    assert tokens.authenticate(first) is None
    assert tokens.authenticate(second) == user
    user.active = False
    db.session.commit()
    assert tokens.authenticate(second) is None


def test_nobody_revokes_someone_elses_token(app, user):
    other = make_user("other", "admin")
    make_token(other)
    token_id = db.session.scalar(select(ApiToken.id))
    with pytest.raises(InputError):
        tokens.revoke_token(token_id, user)
    assert db.session.get(ApiToken, token_id).revoked_at is None


@pytest.mark.parametrize("header, expected", [
    ("Bearer abc", "abc"), ("bearer  abc ", "abc"), ("Basic abc", None), ("Bearer", None), ("", None), (None, None),
])
def test_bearer_header_parsing(header, expected):
    assert tokens.bearer_token(header) == expected


def test_token_name_is_limited(app, user):
    with pytest.raises(InputError):
        tokens.create_token(user, "x" * 101)


def test_cli_create_token_prints_a_working_token(app, runner, user):
    result = runner.invoke(args=["create-token", "REV", "--name", "nightly"])
    assert result.exit_code == 0, result.output
    plaintext = result.stdout.strip().splitlines()[-1]
    assert tokens.authenticate(plaintext) == user
    assert db.session.scalar(select(ApiToken.name)) == "nightly"


def test_cli_create_token_for_an_unknown_user_fails_cleanly(app, runner):
    result = runner.invoke(args=["create-token", "ghost"])
    assert result.exit_code != 0 and "No user named 'ghost'" in result.output
    assert db.session.scalar(select(ApiToken)) is None


def test_account_page_creates_a_token_shown_once_and_revokes_it(app, logged_in):
    response = logged_in.post("/account/tokens", data={"name": "newsroom sync"})
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"
    plaintext = re.search(r'value="(ann_[^"]+)"', response.get_data(as_text=True)).group(1)
    assert logged_in.get("/api/v1/me", headers=bearer(plaintext)).status_code == 200
    page = logged_in.get("/account").get_data(as_text=True)
    assert "newsroom sync" in page and plaintext not in page and plaintext[:12] in page
    token_id = db.session.scalar(select(ApiToken.id))
    assert logged_in.post(f"/account/tokens/{token_id}/revoke").status_code == 303
    assert logged_in.get("/api/v1/me", headers=bearer(plaintext)).status_code == 401


def test_account_page_refuses_a_nameless_token(app, logged_in):
    response = logged_in.post("/account/tokens", data={"name": ""})
    assert response.status_code == 422 and "Name the token" in response.get_data(as_text=True)
    assert db.session.scalar(select(ApiToken)) is None


@pytest.mark.parametrize("token_id", [0, 2**31, 2**63])
def test_revoking_an_impossible_token_id_is_404(app, logged_in, token_id):
    assert logged_in.post(f"/account/tokens/{token_id}/revoke").status_code == 404


def test_revoking_another_users_token_is_404(app, logged_in):
    make_token(make_user("other", "reviewer"))
    token_id = db.session.scalar(select(ApiToken.id))
    assert logged_in.post(f"/account/tokens/{token_id}/revoke").status_code == 404
    assert db.session.get(ApiToken, token_id).revoked_at is None


def test_only_an_admin_sees_and_changes_the_private_urls_setting(app, logged_in):
    assert "site-settings" not in logged_in.get("/account").get_data(as_text=True)
    assert logged_in.get("/admin/settings").status_code == 403
    assert logged_in.post("/admin/settings", data={"allow_private_urls": "y"}).status_code == 403
    assert accounts_settings.private_urls_allowed() is False
    make_user("boss", "admin", PASSWORD)
    admin = app.test_client()
    admin.post("/login", data={"username": "boss", "password": PASSWORD})
    assert "Admin → Site settings" in admin.get("/account").get_data(as_text=True)
    page = admin.get("/admin/settings").get_data(as_text=True)
    assert 'id="site-settings"' in page and "Site settings</a>" in page  # on the Admin pages, with their tabs
    assert admin.post("/admin/settings", data={"allow_private_urls": "y"}).status_code == 303
    assert accounts_settings.private_urls_allowed() is True
    assert admin.post("/admin/settings", data={}).status_code == 303
    assert accounts_settings.private_urls_allowed() is False


def test_set_setting_checks_the_role_itself(app, user):
    with pytest.raises(InputError):
        accounts_settings.set_setting(accounts_settings.ALLOW_PRIVATE_URLS, True, user)
    assert accounts_settings.private_urls_allowed() is False


class TestWithCsrf:
    """With CSRF on (as in production): the account forms need the token; the API needs none."""

    @pytest.fixture
    def app_config(self):
        return {"WTF_CSRF_ENABLED": True}

    def test_account_forms_need_the_csrf_token(self, app, client, user):
        page = client.get("/login").get_data(as_text=True)
        csrf = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
        client.post("/login", data={"username": "rev", "password": PASSWORD, "csrf_token": csrf})
        assert client.post("/account/tokens", data={"name": "no csrf"}).status_code == 400
        assert db.session.scalar(select(ApiToken)) is None
        page = client.get("/account").get_data(as_text=True)
        csrf = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
        assert client.post("/account/tokens", data={"name": "ok", "csrf_token": csrf}).status_code == 200
        assert db.session.scalar(select(ApiToken.name)) == "ok"

    def test_api_posts_need_no_csrf_token_but_a_session_alone_gets_401(self, app, client, user):
        headers = bearer(make_token(user))
        response = client.post("/api/v1/articles", json={"text": "A short article. It has two sentences."},
                               headers=headers)
        assert response.status_code == 201
        page = client.get("/login").get_data(as_text=True)
        csrf = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
        client.post("/login", data={"username": "rev", "password": PASSWORD, "csrf_token": csrf})
        assert client.get("/account").status_code == 200
        response = client.post("/api/v1/articles", json={"text": "Another article."},
                               headers={"X-CSRFToken": csrf})
        assert response.status_code == 401 and response.get_json()["error"]["code"] == "unauthorized"
