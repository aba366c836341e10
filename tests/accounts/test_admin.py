"""The admin's account forms and the site settings: bounded values, the rules of accounts.operations, admins only."""
import pytest
from sqlalchemy import func
from sqlalchemy import select

from annotate.accounts import settings
from annotate.extensions import db
from annotate.models import User
from tests.conftest import BOTH_DATABASES
from tests.factories import login
from tests.factories import run_at_once


@pytest.mark.parametrize("data, marked", [
    ({"username": "x" * 5000, "role": "reviewer"}, "username"),
    ({"username": "dan", "role": "reviewer", "password": "p" * 5000}, "password"),
    ({"username": "dan", "role": "reviewer", "password": "short"}, "password"),
    ({"username": "dan", "role": "r" * 5000}, None),
])
def test_a_new_account_with_oversized_or_bad_values_is_a_422_by_its_field(client, team, data, marked):
    login(client, "root")
    response = client.post("/admin/users", data=data)
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert 'role="alert"' in html
    assert ('<div class="field has-error"><label for="new-' in html) == (marked is not None)
    if marked:
        assert f'<div class="field has-error"><label for="new-{marked}">' in html
    assert db.session.query(User).count() == len(team)


def test_the_new_account_form_keeps_the_name_and_role_after_a_refusal(client, team):
    login(client, "root")
    html = client.post("/admin/users", data={"username": "dan", "role": "editor", "password": "short"}).get_data(
        as_text=True)
    assert 'value="dan"' in html and '<option value="editor" selected>' in html


def test_changing_an_account_with_an_unknown_action_changes_nothing(client, team):
    login(client, "root")
    bob = team["bob"]
    assert client.post(f"/admin/users/{bob.id}", data={"action": "promote"}).status_code == 303
    db.session.refresh(bob)
    assert (bob.role, bob.active) == ("reviewer", True)
    assert client.post(f"/admin/users/{bob.id}", data={"role": "x" * 5000}).status_code == 422


@pytest.mark.parametrize("who", ["ann", "ed"])
def test_only_an_admin_saves_the_site_settings(client, team, who):
    login(client, who)
    assert client.post("/admin/settings", data={"allow_private_urls": "y"}).status_code == 403
    assert settings.private_urls_allowed() is False
    login(client, "root")
    assert client.post("/admin/settings", data={"allow_private_urls": "y"}).status_code == 303
    assert settings.private_urls_allowed() is True


@pytest.mark.parametrize("path, tab", [("/admin/users", "Accounts"), ("/admin/vocabulary", "Rating vocabulary")])
def test_the_admin_tab_of_the_page_is_marked(client, team, path, tab):
    html = login(client, "root").get(path).get_data(as_text=True)
    active = [line for line in html.splitlines() if 'class="chip is-active"' in line]
    assert len(active) == 1 and f">{tab}</a>" in active[0]


def test_the_import_menu_item_is_for_editors_and_admins(client, team):
    assert b"Import annotation set" not in login(client, "ann").get("/").data
    assert b"Import annotation set" in login(client, "ed").get("/").data


@pytest.mark.parametrize("database", BOTH_DATABASES, indirect=True)
def test_admins_creating_one_name_in_different_cases_at_once_make_one_account(database, app, team):
    """Usernames are unique whatever their case, in the database too (0013's index): of four admins creating
    'Dana', 'dana', 'DANA' and 'dAna' at the same moment, one makes the account and three are told the name is
    taken (422), never a 500. Before, PostgreSQL let several through the taken check and kept them all."""
    names = ["Dana", "dana", "DANA", "dAna"]
    responses = run_at_once(app, len(names), lambda client, n: client.post(
        "/admin/users", data={"username": names[n], "role": "reviewer", "password": "a long enough password"}),
        username="root")
    statuses = sorted(response.status_code for response in responses)
    assert statuses == [200, 422, 422, 422], statuses
    assert all("is taken" in r.get_data(as_text=True) for r in responses if r.status_code == 422)
    db.session.expire_all()
    assert db.session.scalar(select(func.count(User.id)).where(func.lower(User.username) == "dana")) == 1
