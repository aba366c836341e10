"""Migration 0012 counts the figures of a database made before it: every article's progress and suggestion counts
and every sentence's claims, from the rows as they are; its triggers keep them from then on, and it goes back down."""
import pytest
from flask_migrate import downgrade
from flask_migrate import upgrade
from sqlalchemy import inspect
from sqlalchemy import text

from annotate.extensions import db
from tests import apps
from tests.conftest import BOTH_DATABASES

CREATED = "'2026-01-01 10:00:00'"
ARTICLES = [(1, "One. Two. Three. Four. Five. Six."), (2, "Nothing segmented."), (3, "Seven. Eight.")]
SENTENCES = [  # id, article, kind, no_claim
    (1, 1, "body", False), (2, 1, "body", True), (3, 1, "heading", False), (4, 1, "body", False),
    (5, 1, "body", True), (6, 1, "caption", True), (7, 3, "body", False), (8, 3, "body", True),
]
CLAIMS = [(1, 1, 1), (2, 1, 1), (3, 1, 3), (4, 1, 5)]  # id, article, sentence
SUGGESTIONS = [  # id, article, state, edited
    (1, 1, "open", False), (2, 1, "open", False), (3, 1, "accepted", True), (4, 1, "accepted", False),
    (5, 1, "rejected", False), (6, 1, "superseded", False), (7, 3, "open", False),
]
# body, checked, open, accepted, edited, rejected, superseded: sentences 1, 2, 4, 5 are body; 1 and 5 hold claims, 2
# and 5 are "no claim" (3 holds a claim and 6 is "no claim", but neither is body)
EXPECTED = {1: (4, 3, 2, 2, 1, 1, 1), 2: (0, 0, 0, 0, 0, 0, 0), 3: (2, 1, 1, 0, 0, 0, 0)}
CLAIM_COUNTS = {1: 2, 2: 0, 3: 1, 4: 0, 5: 1, 6: 0, 7: 0, 8: 0}


def rows_before_0012() -> list[str]:
    """Articles, sentences, claims and suggestions as a database at 0011 holds them (no counts anywhere)."""
    statements = [f"INSERT INTO article (id, uuid, title, text, blind_verdicts, quorum, created_at, updated_at) "
                  f"VALUES ({n}, 'a-{n}', 'Old {n}', '{body}', true, 2, {CREATED}, {CREATED})" for n, body in ARTICLES]
    statements += [f'INSERT INTO sentence (id, article_id, "index", start, "end", kind, paragraph, no_claim, '
                   f"created_at, updated_at) VALUES ({n}, {a}, {n}, 0, 4, '{kind}', 0, {str(no_claim).lower()}, "
                   f"{CREATED}, {CREATED})" for n, a, kind, no_claim in SENTENCES]
    statements += [claim_row(n, a, s) for n, a, s in CLAIMS]
    statements += [f'INSERT INTO suggestion (id, article_id, start, "end", quote, checkworthiness, type, state, '
                   f"edited, created_at) VALUES ({n}, {a}, 0, 3, 'One', 0.9, 'direct', '{state}', "
                   f"{str(edited).lower()}, {CREATED})" for n, a, state, edited in SUGGESTIONS]
    return statements


def claim_row(claim_id: int, article_id: int, sentence_id: int) -> str:
    return (f'INSERT INTO claim (id, uuid, article_id, sentence_id, start, "end", quote, attr_source, attr_role, '
            f"attr_cue, attr_type, status, rationale, workflow_state, locked, version, created_at, updated_at) "
            f"VALUES ({claim_id}, 'c-{claim_id}', {article_id}, {sentence_id}, 0, 3, 'One', '', '', '', "
            f"'unattributed', 'unverified', '', 'unverified', false, 1, {CREATED}, {CREATED})")


@pytest.fixture(params=BOTH_DATABASES)
def database_at_0011(request, tmp_path):
    """An app on a database of its own, migrated as far as 0011 and holding rows written then."""
    with apps.app_at_revision(request.param, tmp_path, "0011") as application:
        with db.engine.begin() as connection:
            for statement in rows_before_0012():
                connection.execute(text(statement))
            if db.engine.dialect.name == "postgresql":  # ids given by hand: move the sequences past them
                for table in ("article", "sentence", "claim", "suggestion"):
                    connection.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), 100)"))
        yield application


def figures() -> dict[int, tuple]:
    rows = db.session.execute(text(
        "SELECT article_id, body_sentences, checked_sentences, suggestions_open, suggestions_accepted, "
        "suggestions_edited, suggestions_rejected, suggestions_superseded FROM article_figures"))
    return {row[0]: tuple(row[1:]) for row in rows}


def claim_counts() -> dict[int, int]:
    return dict(db.session.execute(text("SELECT id, claim_count FROM sentence")).all())


def test_the_upgrade_counts_what_is_there_and_the_triggers_take_over(database_at_0011):
    upgrade()
    assert figures() == EXPECTED
    assert claim_counts() == CLAIM_COUNTS
    db.session.execute(text(claim_row(50, 1, 4)))  # the first claim of body sentence 4
    db.session.execute(text("UPDATE suggestion SET state = 'rejected' WHERE id = 1"))
    db.session.commit()
    assert figures()[1] == (4, 4, 1, 2, 1, 2, 1)


def test_the_downgrade_takes_it_all_away_and_a_second_upgrade_counts_again(database_at_0011):
    upgrade()
    db.session.commit()
    downgrade(revision="0011")
    schema = inspect(db.engine)
    assert "article_figures" not in schema.get_table_names()
    assert "claim_count" not in {column["name"] for column in schema.get_columns("sentence")}
    db.session.execute(text("DELETE FROM claim WHERE sentence_id IN (1, 5)"))  # written with no trigger to see it
    db.session.commit()
    upgrade()
    assert figures()[1] == (4, 2, 2, 2, 1, 1, 1)  # sentence 1 is unchecked now; 5 stays checked: it is "no claim"
    assert claim_counts() == CLAIM_COUNTS | {1: 0, 5: 0}
