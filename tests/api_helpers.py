"""Helpers for API tests: a user with a personal token, and the header that carries it."""
from annotate.accounts import tokens
from annotate.extensions import db
from tests.factories import make_user


def make_token(user, name: str = "test") -> str:
    """A live token for the user (committed), in plaintext as the account page shows it once."""
    _, plaintext = tokens.create_token(user, name)
    db.session.commit()
    return plaintext


def bearer(plaintext: str) -> dict:
    return {"Authorization": f"Bearer {plaintext}"}


def user_with_token(username: str, role: str = "reviewer") -> tuple:
    user = make_user(username, role, "password123")
    return user, bearer(make_token(user))


def assert_json_error(response, status: int, field: str | None = "__any__") -> dict:
    """The response is the API's JSON error shape with this status (and this field, when given)."""
    assert response.status_code == status, response.get_data(as_text=True)[:500]
    assert response.mimetype == "application/json"
    error = response.get_json()["error"]
    assert set(error) == {"code", "message", "field"} and error["message"]
    if field != "__any__":
        assert error["field"] == field, error
    return error
