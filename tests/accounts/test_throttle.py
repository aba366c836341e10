"""Login and setup are rate-limited per account and per address: failed attempts count, a refusal is a 429 that
says how long to wait, with Retry-After."""
import pytest

from annotate.extensions import limiter
from tests.factories import PASSWORD
from tests.factories import make_user

WRONG = "not-the-password"


def attempt(client, username="rev", password=WRONG, address="127.0.0.1", **headers):
    return client.post("/login", data={"username": username, "password": password},
                       environ_base={"REMOTE_ADDR": address}, headers=headers)


def test_two_hundred_wrong_passwords_and_then_the_right_one_is_refused(app, client, user):
    statuses = [attempt(client).status_code for _ in range(200)]
    assert statuses[:10] == [422] * 10 and set(statuses[10:]) == {429}
    response = attempt(client, password=PASSWORD)
    assert response.status_code == 429
    assert client.get("/").status_code == 302  # not logged in


def test_the_refusal_says_why_and_how_long_to_wait(app, client, user):
    for _ in range(10):
        attempt(client)
    response = attempt(client)
    assert response.status_code == 429
    assert 0 < int(response.headers["Retry-After"]) <= 60
    html = response.get_data(as_text=True)
    assert "Too many attempts" in html and "Too many failed attempts for this account or from this address" in html
    assert "Try again in" in html and "seconds" in html


def test_the_account_limit_leaves_other_accounts_alone(app, client, user):
    make_user("wang", "reviewer")
    for _ in range(11):
        attempt(client)
    assert attempt(client, "wang", PASSWORD).status_code == 303


def test_the_account_limit_holds_across_addresses_and_letter_case(app, client, user):
    for number in range(10):
        attempt(client, "REV" if number % 2 else " rev ", address=f"198.51.100.{number}")
    assert attempt(client, password=PASSWORD, address="203.0.113.7").status_code == 429


def test_the_address_limit_covers_many_accounts(app, client, user):
    for number in range(30):
        assert attempt(client, f"guess{number}").status_code == 422
    assert attempt(client, password=PASSWORD).status_code == 429
    assert attempt(client, password=PASSWORD, address="192.0.2.10").status_code == 303


def test_successful_logins_do_not_count(app, client, user):
    for _ in range(40):
        assert attempt(client, password=PASSWORD).status_code == 303
        client.post("/logout")


def test_setup_is_limited_too(app, client):
    for _ in range(10):
        assert client.post("/setup", data={"username": "ed", "password": "short"}).status_code == 422
    response = client.post("/setup", data={"username": "ed", "password": "tarn-lantern-91",
                                           "confirm": "tarn-lantern-91"})
    assert response.status_code == 429 and "Retry-After" in response.headers


def test_the_limits_are_settings_and_the_counts_live_in_the_configured_storage(app, client, user):
    app.config["LOGIN_LIMIT_PER_ACCOUNT"] = "2 per minute"
    assert [attempt(client).status_code for _ in range(3)] == [422, 422, 429]
    assert type(limiter.storage).__name__ == "MemoryStorage"  # RATELIMIT_STORAGE_URI's default, memory://


class TestBehindAProxy:
    """With PROXY_COUNT=1 the address the proxy saw is the one limited, not the proxy's own."""

    @pytest.fixture
    def app_config(self):
        return {"PROXY_COUNT": 1}

    def test_the_forwarded_address_counts(self, app, client, user):
        make_user("wang", "reviewer")
        for number in range(30):
            attempt(client, f"guess{number}", **{"X-Forwarded-For": "198.51.100.1"})
        assert attempt(client, "wang", PASSWORD, **{"X-Forwarded-For": "198.51.100.1"}).status_code == 429
        assert attempt(client, "wang", PASSWORD, **{"X-Forwarded-For": "198.51.100.2"}).status_code == 303
