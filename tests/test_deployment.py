"""Settings for a site served over https behind a proxy: HSTS and a Secure session cookie follow PUBLIC_BASE_URL;
the SQLite file holding the password hashes is private to its owner."""
import stat

import pytest

from tests.apps import config_for
from tests.apps import make_app


@pytest.fixture
def make(tmp_path):
    def build(**settings):
        return make_app(config_for(tmp_path, tmp_path / "site.sqlite", **settings))
    return build


def test_an_https_site_sends_hsts_and_a_secure_cookie(make):
    app = make(PUBLIC_BASE_URL="https://desk.example.org/")
    response = app.test_client().get("/login")
    assert response.headers["Strict-Transport-Security"] == "max-age=31536000"
    assert app.config["SESSION_COOKIE_SECURE"] is True


def test_a_plain_http_site_sends_neither(make):
    app = make(PUBLIC_BASE_URL="http://127.0.0.1:5000/")
    assert "Strict-Transport-Security" not in app.test_client().get("/login").headers
    assert app.config["SESSION_COOKIE_SECURE"] is False


def test_the_cookie_setting_can_be_forced(make):
    assert make(PUBLIC_BASE_URL="https://desk.example.org/", SESSION_COOKIE_SECURE=False).config[
        "SESSION_COOKIE_SECURE"] is False
    assert make(SESSION_COOKIE_SECURE=True).config["SESSION_COOKIE_SECURE"] is True


def test_the_sqlite_file_is_created_private(make, tmp_path):
    make()
    assert stat.S_IMODE((tmp_path / "site.sqlite").stat().st_mode) == 0o600
