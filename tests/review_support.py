"""Shared setup for the review tests: a team, an article with a claim, and logging in as anyone."""
import pytest

from annotate.extensions import db
from tests.factories import make_article
from tests.factories import make_claim
from tests.factories import make_user

PASSWORD = "password123"


def make_team() -> dict:
    """Two reviewers, an editor and an admin."""
    return {name: make_user(name, role, PASSWORD) for name, role in
            (("ann", "reviewer"), ("bob", "reviewer"), ("ed", "editor"), ("root", "admin"))}


def claim_on_article(**article_settings):
    article = make_article(**{k: v for k, v in article_settings.items() if k == "title"})
    for name in ("blind_verdicts", "quorum"):
        if name in article_settings:
            setattr(article, name, article_settings[name])
    db.session.commit()
    return make_claim(article, "40 people were hurt")


def login(client, name: str):
    client.post("/logout")
    response = client.post("/login", data={"username": name, "password": PASSWORD})
    assert response.status_code == 303, response.data[:300]
    return client


@pytest.fixture
def team(app):
    """Fixture: the review team (import it into a test module to use it)."""
    return make_team()


@pytest.fixture
def claim(team):
    """Fixture: a claim on a fresh article, with the team in place."""
    return claim_on_article()
