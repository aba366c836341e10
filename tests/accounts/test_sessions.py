"""Logout and password changes end every session of the account: a cookie copied before still opens nothing."""
from urllib.parse import urlsplit

from sqlalchemy import func
from sqlalchemy import select

from annotate.accounts import operations
from annotate.extensions import db
from annotate.models import ApiToken
from tests.factories import PASSWORD
from tests.factories import make_user

NEW_PASSWORD = "a fresh passphrase 7"


class Browser:
    """A test client whose every request runs in an app context of its own, as under a server. (Requests of the
    fixtures' clients share the test's context, and with it flask_login's cached user, from client to client.)"""

    def __init__(self, app, cookie: str | None = None):
        self.client = app.test_client()
        if cookie:
            self.client.set_cookie("session", cookie)

    def get_cookie(self, name):
        return self.client.get_cookie(name)

    def get(self, *args, **kwargs):
        with self.client.application.app_context():
            return self.client.get(*args, **kwargs)

    def post(self, *args, **kwargs):
        with self.client.application.app_context():
            return self.client.post(*args, **kwargs)


def browser(app, username: str = "rev") -> Browser:
    """A browser logged in as `username` (made with the default password)."""
    opened = Browser(app)
    assert opened.post("/login", data={"username": username, "password": PASSWORD}).status_code == 303
    return opened


def saved_cookie(client) -> str:
    return client.get_cookie("session").value


def replayed(app, cookie: str) -> Browser:
    """Another browser carrying a copy of the cookie."""
    return Browser(app, cookie)


def goes_to_login(response) -> bool:
    return response.status_code == 302 and urlsplit(response.headers["Location"]).path == "/login"


def token_count() -> int:
    return db.session.scalar(select(func.count(ApiToken.id)))


def test_a_cookie_saved_before_logout_opens_no_page_and_creates_no_token(app, user):
    rev = browser(app)
    cookie = saved_cookie(rev)
    assert replayed(app, cookie).get("/").status_code == 200  # a copy works while the session lives
    assert rev.post("/logout").status_code == 303
    replay = replayed(app, cookie)
    assert goes_to_login(replay.get("/"))
    assert goes_to_login(replay.get("/account"))
    assert goes_to_login(replay.post("/account/tokens", data={"name": "stolen"}))
    assert token_count() == 0


def test_logout_ends_the_accounts_other_sessions_too(app, user):
    laptop, phone = browser(app), browser(app)
    laptop.post("/logout")
    assert goes_to_login(phone.get("/"))


def test_logging_in_again_after_logout_works(app, user):
    rev = browser(app)
    rev.post("/logout")
    assert rev.post("/login", data={"username": "rev", "password": PASSWORD}).status_code == 303
    assert rev.get("/").status_code == 200


def test_another_users_logout_leaves_a_session_alone(app, user):
    rev = browser(app)
    make_user("wang", "reviewer")
    browser(app, "wang").post("/logout")
    assert rev.get("/").status_code == 200


def change(client, current=PASSWORD, new=NEW_PASSWORD, confirm=None):
    return client.post("/account/password", data={"current_password": current, "password": new,
                                                  "confirm": new if confirm is None else confirm})


def test_changing_the_password_ends_the_other_sessions_and_keeps_this_one(app, user):
    rev = browser(app)
    cookie = saved_cookie(rev)
    response = change(rev)
    assert response.status_code == 303 and response.headers["Location"] == "/account"
    assert b"Your password is changed" in rev.get("/account").data
    assert goes_to_login(replayed(app, cookie).get("/"))
    fresh = Browser(app)
    assert fresh.post("/login", data={"username": "rev", "password": PASSWORD}).status_code == 422
    assert fresh.post("/login", data={"username": "rev", "password": NEW_PASSWORD}).status_code == 303


def test_the_account_page_offers_the_password_form(app, user):
    rev = browser(app)
    page = rev.get("/account").data
    assert b'action="/account/password"' in page and b'name="current_password"' in page


def test_a_wrong_current_password_changes_nothing(app, user):
    rev = browser(app)
    before = user.password_hash
    response = change(rev, current="not my password")
    assert response.status_code == 422 and b"That is not your current password." in response.data
    assert b'id="current_password-error"' in response.data
    db.session.expire_all()
    assert user.password_hash == before and rev.get("/").status_code == 200


def test_differing_repetitions_are_refused(app, user):
    rev = browser(app)
    response = change(rev, confirm="something else entirely")
    assert response.status_code == 422 and b"The passwords differ." in response.data


def test_an_admin_resets_a_password_and_the_users_sessions_end(app, user):
    cookie = saved_cookie(browser(app))
    make_user("root", "admin")
    admin = browser(app, "root")
    response = admin.post(f"/admin/users/{user.id}/password", data={"password": NEW_PASSWORD})
    assert response.status_code == 200 and b"rev has a new password" in response.data
    assert goes_to_login(replayed(app, cookie).get("/"))
    assert admin.get("/admin/users").status_code == 200  # the admin's own session goes on
    assert Browser(app).post("/login", data={"username": "rev", "password": NEW_PASSWORD}).status_code == 303


def test_an_admin_reset_with_no_password_generates_one_shown_once(app, user):
    make_user("root", "admin")
    admin = browser(app, "root")
    page = admin.post(f"/admin/users/{user.id}/password", data={"password": ""}).get_data(as_text=True)
    generated = page.split("New password for rev: ")[1].split(" (shown once)")[0]
    assert len(generated) >= 16
    assert Browser(app).post("/login", data={"username": "rev", "password": generated}).status_code == 303


def test_only_an_admin_resets_passwords(app, user):
    rev = browser(app)
    other = make_user("wang", "editor")
    assert rev.post(f"/admin/users/{other.id}/password", data={"password": NEW_PASSWORD}).status_code == 403


def test_a_session_from_before_the_generation_is_refused(app, user):
    """Sessions written before this release held only the id: they log in again once."""
    assert operations.load_user(str(user.id)) is None
    assert operations.load_user(f"{user.id}:{user.session_generation}") == user
    assert operations.load_user(f"{user.id}:{user.session_generation + 1}") is None
    assert operations.load_user("99999999999:0") is None and operations.load_user("²:0") is None
