"""API fixtures: a reviewer's token."""
import pytest

from tests.factories import user_with_token


@pytest.fixture
def auth(app):
    """The headers of a reviewer's personal token."""
    return user_with_token("api-rev")[1]
