"""One password rule on every path that sets one: setup, the admin's new account and reset, your own change, the
CLI and the importer. At least 10 characters, and not on the shipped list of common passwords."""
import pytest
from sqlalchemy import func
from sqlalchemy import select
from werkzeug.security import check_password_hash

from annotate.accounts import operations
from annotate.accounts.common_passwords import common_passwords
from annotate.errors import InputError
from annotate.extensions import db
from annotate.models import User
from tests.factories import PASSWORD
from tests.factories import login
from tests.factories import make_user

GOOD = "tarn-lantern-91"
# (password, what the refusal says): too short, on the list, on the list in other case and with spaces around it
BAD = [("short-pw1", b"at least 10 characters"), ("password1234", b"commonest passwords"),
       ("QwertyUIOP", b"commonest passwords"), ("  1234567890 ", b"commonest passwords")]


def user_count() -> int:
    return db.session.scalar(select(func.count(User.id)))


def test_the_shipped_list_is_read_and_holds_the_usual_suspects():
    passwords = common_passwords()
    assert len(passwords) > 19_000
    assert {"123456", "password", "qwertyuiop", "iloveyou12"} <= passwords


@pytest.mark.parametrize("password, message", BAD)
def test_the_rule_itself(password, message):
    with pytest.raises(InputError) as refused:
        operations.check_password(password)
    assert refused.value.field == "password" and message.decode() in refused.value.message
    assert operations.check_password(GOOD) == GOOD


@pytest.mark.parametrize("password, message", BAD)
def test_setup(client, password, message):
    response = client.post("/setup", data={"username": "ed", "password": password, "confirm": password})
    assert response.status_code == 422 and message in response.data
    assert user_count() == 0
    good = client.post("/setup", data={"username": "ed", "password": GOOD, "confirm": GOOD})
    assert good.status_code == 303


@pytest.mark.parametrize("password, message", BAD)
def test_an_admins_new_account(client, team, password, message):
    login(client, "root")
    response = client.post("/admin/users", data={"username": "dan", "role": "reviewer", "password": password})
    assert response.status_code == 422 and message in response.data
    assert user_count() == len(team)


@pytest.mark.parametrize("password, message", BAD)
def test_an_admins_reset(client, team, password, message):
    login(client, "root")
    bob = team["bob"]
    response = client.post(f"/admin/users/{bob.id}/password", data={"password": password})
    assert response.status_code == 422 and message in response.data
    db.session.refresh(bob)
    assert check_password_hash(bob.password_hash, PASSWORD)


@pytest.mark.parametrize("password, message", BAD)
def test_your_own_change(logged_in, user, password, message):
    response = logged_in.post("/account/password", data={"current_password": PASSWORD, "password": password,
                                                         "confirm": password})
    assert response.status_code == 422 and message in response.data
    assert b'id="password-error"' in response.data
    db.session.refresh(user)
    assert check_password_hash(user.password_hash, PASSWORD)


@pytest.mark.parametrize("password, message", BAD)
def test_the_cli(app, runner, password, message):
    result = runner.invoke(args=["create-user", "ana", "--password", password])
    assert result.exit_code == 1 and message.decode() in result.output
    assert user_count() == 0
    assert runner.invoke(args=["create-user", "ana", "--password", GOOD]).exit_code == 0


def test_generated_passwords_pass_the_rule(app):
    """The CLI, the admin page and the importer (which creates the accounts an imported file names, disabled)
    generate passwords when none is given; those pass the same rule."""
    _, password = operations.create_user("imported", "reviewer", active=False)
    assert operations.check_password(password) == password and len(password) >= 16
    for number in range(50):
        assert operations.check_password(operations.create_user(f"u{number}")[1])


def test_an_unknown_user_costs_a_hash_check_like_a_wrong_password(app, monkeypatch):
    """Refusals take the same time: a hash is checked whether or not the username exists."""
    make_user("rev", "reviewer")
    checked = []
    real = operations.check_password_hash
    monkeypatch.setattr(operations, "check_password_hash", lambda *args: checked.append(args) or real(*args))
    assert operations.authenticate("nobody", GOOD) is None
    assert operations.authenticate("rev", GOOD) is None
    disabled = make_user("gone", "reviewer")
    disabled.active = False
    assert operations.authenticate("gone", PASSWORD) is None
    assert len(checked) == 3
    method = app.config["PASSWORD_HASH_METHOD"].split(":")[0]
    assert all(stored.startswith(method) for stored, _ in checked)  # the stand-in is made like a real hash
