"""Fixtures: an app on a fresh, migrated SQLite database per test; client, runner, users, a logged-in client, and the
review team with a claim."""
import os
import shutil

import pytest

from annotate.cli import init_db
from annotate.extensions import db
from tests.apps import config_for
from tests.apps import make_app
from tests.factories import PASSWORD
from tests.factories import claim_on_article
from tests.factories import make_team
from tests.factories import make_user

IN_CI = os.environ.get("CI") == "true"


@pytest.fixture(scope="session")
def migrated_db(tmp_path_factory):
    """Run the real migrations once; each test gets a copy of the resulting database file."""
    folder = tmp_path_factory.mktemp("template")
    path = folder / "template.sqlite"
    app = make_app(config_for(folder, path))
    with app.app_context():
        init_db(load_seed=False)
        db.engine.dispose()
    return path


@pytest.fixture
def app_config():
    """Override in a test module to change settings (e.g. turn CSRF on)."""
    return {}


@pytest.fixture
def app(tmp_path, migrated_db, app_config):
    path = tmp_path / "annotate.sqlite"
    shutil.copy(migrated_db, path)
    application = make_app(config_for(tmp_path, path, **app_config))
    with application.app_context():
        yield application
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def user(app):
    """A reviewer, "rev"."""
    return make_user("rev", "reviewer")


@pytest.fixture
def logged_in(client, user):
    """A client with a reviewer's session."""
    response = client.post("/login", data={"username": "rev", "password": PASSWORD})
    assert response.status_code == 303
    return client


@pytest.fixture
def team(app):
    """The review team: reviewers "ann" and "bob", editor "ed", admin "root"."""
    return make_team()


@pytest.fixture
def claim(team):
    """A claim on a fresh article, with the team in place."""
    return claim_on_article()


HX = {"HX-Request": "true"}
