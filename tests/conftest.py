"""Fixtures: an app on a fresh, migrated database per test (SQLite; PostgreSQL too for the packages that write);
client, runner, users, a logged-in client, and the review team with a claim."""
import shutil
from pathlib import Path

import pytest

from annotate.cli import init_db
from annotate.extensions import db
from tests import apps
from tests.apps import config_for
from tests.apps import make_app
from tests.factories import PASSWORD
from tests.factories import claim_on_article
from tests.factories import make_team
from tests.factories import make_user

HX = {"HX-Request": "true"}
# The test packages whose tests write: each of their tests that uses the app runs on SQLite, then on PostgreSQL.
ON_BOTH_DATABASES = {"api", "articles", "claims", "interchange", "review"}
BOTH_DATABASES = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


def pytest_generate_tests(metafunc):
    """Run the tests of the packages that write on both databases."""
    package = Path(metafunc.definition.path).relative_to(Path(__file__).parent).parts[0]
    if "database" in metafunc.fixturenames and package in ON_BOTH_DATABASES:
        metafunc.parametrize("database", BOTH_DATABASES, indirect=True)


@pytest.fixture
def database(request) -> str:
    """The database the `app` runs on: "sqlite", or both for the packages in ON_BOTH_DATABASES (a module can
    override this fixture to pin one)."""
    return getattr(request, "param", "sqlite")


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


@pytest.fixture(scope="session")
def postgresql_url(tmp_path_factory):
    """A PostgreSQL database of this run's own, migrated once (each test empties it), dropped at the end."""
    url, name = apps.create_database()
    try:
        app = make_app(config_for(tmp_path_factory.mktemp("postgresql"), None, SQLALCHEMY_DATABASE_URI=url))
        with app.app_context():
            init_db(load_seed=False)
            db.engine.dispose()
        yield url
    finally:
        apps.drop_database(name)


@pytest.fixture
def app_config():
    """Override in a test module to change settings (e.g. turn CSRF on)."""
    return {}


@pytest.fixture
def app(request, database, tmp_path, app_config):
    """The app, in its context, on a copy of the migrated SQLite file or on the emptied PostgreSQL database."""
    path = tmp_path / "annotate.sqlite"
    if database == "postgresql":
        app_config = {"SQLALCHEMY_DATABASE_URI": request.getfixturevalue("postgresql_url"), **app_config}
    else:
        shutil.copy(request.getfixturevalue("migrated_db"), path)
    application = make_app(config_for(tmp_path, path, **app_config))
    with application.app_context():
        if database == "postgresql":
            apps.empty_database()
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
