"""Every migration keeps the data: a database holding rows in every table goes down one revision at a time and back up
to head, and no table loses a row nor a claim its span on the way (SQLite and PostgreSQL); a run that would leave
rows referring to missing rows, or the figures triggers (0012) missing, is refused and taken back (migrations/env.py).
The migrations of one revision's own data are tested beside the code they serve
(tests/review/test_rating_migration.py, tests/articles/test_figures_migration.py)."""
import pytest
import sqlalchemy as sa
from alembic import op
from alembic.migration import MigrationContext
from alembic.operations import Operations
from alembic.script import ScriptDirectory
from flask_migrate import downgrade
from flask_migrate import upgrade
from sqlalchemy import inspect
from sqlalchemy import text

from annotate import migrations
from annotate.accounts import settings
from annotate.accounts import tokens
from annotate.extensions import db
from annotate.jobs import operations as jobs_operations
from annotate.models import OrphanClaim
from annotate.review import assignments
from annotate.review import discussion
from annotate.review import ratings
from annotate.suggestions import operations as suggestions_operations
from tests import apps
from tests.conftest import BOTH_DATABASES
from tests.factories import EMOJI_TEXT
from tests.factories import build_rich_set
from tests.factories import make_article
from tests.factories import make_claim

# The oldest revision with every table the populated database fills (job came in 0007); 0012's article_figures is
# counted again from the rows when the upgrade passes it.
FLOOR = "0007"
TRIGGERS = {
    "sqlite": {"article_figures_row", "claim_sentence_count_insert", "claim_sentence_count_delete",
               "claim_sentence_count_move", "sentence_figures_insert", "sentence_figures_delete",
               "sentence_figures_update", "suggestion_figures_insert", "suggestion_figures_delete",
               "suggestion_figures_update"},
    "postgresql": {"article_figures_row", "claim_sentence_count", "sentence_figures", "sentence_figures_inserted",
                   "sentence_figures_deleted", "suggestion_figures", "suggestion_figures_inserted",
                   "suggestion_figures_deleted"},
}


def revisions_down_from_head() -> list[str]:
    """Every revision id, head first, base last."""
    return [script.revision for script in ScriptDirectory(str(migrations.DIRECTORY)).walk_revisions()]


def current_revision() -> str:
    with db.engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def fill_every_table() -> None:
    """Two articles' work (every review record kind, a merge and a split), a third article's suggestions with one
    accepted and one rejected, and a row in each table that work leaves empty."""
    made = build_rich_set()
    alice, bob, (one, two) = made["alice"], made["bob"], made["articles"]
    fresh = make_article(EMOJI_TEXT, title="Untouched")
    suggestions = suggestions_operations.ensure_suggestions(fresh)
    assert len(suggestions) >= 2, "the article should give two open suggestions"
    suggestions_operations.accept(suggestions[0], alice)
    suggestions_operations.reject(suggestions[1], alice)
    assignments.assign(one, bob.id, alice, made["claim"])
    discussion.mark_read(bob, made["claim"])
    settings.set_setting(settings.ALLOW_PRIVATE_URLS, True, None)
    tokens.create_token(alice, "laptop")
    db.session.add(OrphanClaim(uuid="orphan-1", article=two, payload={"quote": "gone"}, reason="not found"))
    jobs_operations.enqueue("import", alice, {"mode": "merge"}, payload="{}")
    db.session.commit()


@pytest.fixture(params=BOTH_DATABASES)
def populated(request, tmp_path):
    """An app on a database of its own at head, with rows in every table."""
    with apps.app_at_revision(request.param, tmp_path, "head") as application:
        ratings.ensure_default_vocabulary()
        fill_every_table()
        db.session.remove()
        yield application


def table_counts() -> dict[str, int]:
    """Rows per table, for the tables the database has now."""
    names = set(inspect(db.engine).get_table_names()) - {"alembic_version"}
    quote = db.engine.dialect.identifier_preparer.quote
    with db.engine.connect() as connection:
        return {name: connection.scalar(text(f"SELECT count(*) FROM {quote(name)}")) for name in sorted(names)}


def claim_spans() -> list[tuple]:
    with db.engine.connect() as connection:
        return [tuple(row) for row in connection.execute(text(
            'SELECT uuid, article_id, sentence_id, start, "end", quote FROM claim ORDER BY uuid'))]


def table_rows() -> dict[str, list]:
    """Every row of every table, in a stable order."""
    quote = db.engine.dialect.identifier_preparer.quote
    with db.engine.connect() as connection:
        return {name: sorted((tuple(row) for row in connection.execute(text(f"SELECT * FROM {quote(name)}"))), key=repr)
                for name in table_counts()}


def figures() -> tuple[list, list]:
    """article_figures and every sentence's claim_count, as the triggers keep them."""
    with db.engine.connect() as connection:
        return ([tuple(row) for row in connection.execute(text("SELECT * FROM article_figures ORDER BY article_id"))],
                [tuple(row) for row in connection.execute(text("SELECT id, claim_count FROM sentence ORDER BY id"))])


def triggers() -> set[str]:
    if db.engine.dialect.name == "postgresql":
        query = "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal"
    else:
        query = "SELECT name FROM sqlite_master WHERE type = 'trigger'"
    with db.engine.connect() as connection:
        return set(connection.scalars(text(query)))


def assert_rows_kept(expected: dict[str, int], where: str) -> None:
    """Every table in `expected` that the database has now holds that many rows."""
    now = table_counts()
    lost = {name: (expected[name], count) for name, count in now.items()
            if name in expected and count != expected[name]}
    assert not lost, f"at {where}, tables changed their row count (before, now): {lost}"


def test_upgrading_to_head_makes_every_figures_trigger(populated):
    assert TRIGGERS[db.engine.dialect.name] <= triggers()


def test_the_populated_database_fills_every_table(populated):
    counts = table_counts()
    assert not [name for name, count in counts.items() if count == 0]


def test_every_revision_down_to_the_first_keeps_the_rows_of_the_tables_it_keeps(populated):
    before, spans = table_counts(), claim_spans()
    for revision in revisions_down_from_head()[1:]:  # each downgrade, then each upgrade, one revision at a time
        downgrade(revision=revision)
        assert_rows_kept(before, f"{revision} (going down)")
        assert claim_spans() == spans, f"claim spans changed going down to {revision}"
    first = table_counts()
    for revision in revisions_down_from_head()[-2::-1]:
        upgrade(revision=revision)
        assert_rows_kept(first, f"{revision} (coming back from the first revision)")
        assert claim_spans() == spans, f"claim spans changed going up to {revision}"
    assert TRIGGERS[db.engine.dialect.name] <= triggers()


def test_a_round_trip_through_every_revision_holding_all_the_data_loses_nothing(populated):
    before, spans, kept_figures, rows = table_counts(), claim_spans(), figures(), table_rows()
    revisions = revisions_down_from_head()
    for revision in revisions[1:revisions.index(FLOOR) + 1]:
        downgrade(revision=revision)
        assert_rows_kept(before, f"{revision} (going down)")
    assert set(before) - set(table_counts()) == {"article_figures"}, f"{FLOOR} should hold every table but figures"
    for revision in revisions[revisions.index(FLOOR) - 1::-1]:
        upgrade(revision=revision)
        assert_rows_kept(before, f"{revision} (going up)")
    assert table_counts() == before
    assert claim_spans() == spans
    assert figures() == kept_figures
    assert table_rows() == rows  # nothing in these rows lives only in a column the downgrades drop
    assert TRIGGERS[db.engine.dialect.name] <= triggers()


def test_a_run_leaving_rows_that_refer_to_missing_rows_fails_and_is_taken_back(tmp_path, capsys):
    """SQLite runs the migrations with foreign keys unenforced, then checks them all before committing."""
    with apps.app_at_revision("sqlite", tmp_path, "0011"):
        with db.engine.connect() as connection:
            driver = connection.connection.dbapi_connection
            driver.execute("PRAGMA foreign_keys=OFF")
            driver.execute("INSERT INTO evidence (uuid, claim_id, url, title, excerpt, stance, created_at, updated_at) "
                           "VALUES ('e-1', 999, 'https://x.example', '', '', 'supports', '2026-01-01', '2026-01-01')")
            driver.commit()
            driver.execute("PRAGMA foreign_keys=ON")
        with pytest.raises(SystemExit):
            upgrade()
        said = capsys.readouterr().err  # Flask-Migrate logs the error (alembic.ini: to stderr) and exits 1
        assert "foreign_key_check found 1 row(s)" in said and "evidence row 1 refers to a missing claim row" in said
        assert current_revision() == "0011"
        assert "article_figures" not in inspect(db.engine).get_table_names()  # 0012's DDL was rolled back too
        with db.engine.connect() as connection:  # and the pool's connections enforce foreign keys again
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


@pytest.mark.parametrize("database", BOTH_DATABASES)
def test_a_run_ending_without_the_figures_triggers_fails(database, tmp_path, capsys):
    with apps.app_at_revision(database, tmp_path, "head"):
        lost = "sentence_figures_update" if database == "sqlite" else "sentence_figures"
        with db.engine.begin() as connection:
            connection.execute(text(f"DROP TRIGGER {lost}" + (" ON sentence" if database == "postgresql" else "")))
        with pytest.raises(SystemExit):
            upgrade()
        assert f"lacks the triggers {lost} (revision 0012 makes them" in capsys.readouterr().err


def test_a_later_rebuild_of_sentence_that_lifts_the_triggers_keeps_them_and_the_rows(tmp_path):
    """The way 0012 tells a later migration to rebuild one of the counted tables on SQLite works."""
    with apps.app_at_revision("sqlite", tmp_path, "head"):
        article = make_article()
        make_claim(article, "40 people were hurt")
        figures_0012 = ScriptDirectory(str(migrations.DIRECTORY)).get_revision("0012").module
        before = table_counts()
        with db.engine.connect() as connection:
            driver = connection.connection.dbapi_connection
            driver.execute("PRAGMA foreign_keys=OFF")
            with Operations.context(MigrationContext.configure(connection)):
                figures_0012.drop_triggers()
                with op.batch_alter_table("sentence", recreate="always") as batch_op:
                    batch_op.add_column(sa.Column("spare", sa.Integer(), nullable=True))
                figures_0012.create_triggers()
            connection.commit()
            driver.execute("PRAGMA foreign_keys=ON")
        assert table_counts() == before
        assert TRIGGERS["sqlite"] <= triggers()
        make_claim(article, "Police have not named a suspect", sentence_index=2)
        assert figures()[0][0][2] == 2  # checked sentences: both claimed ones


@pytest.mark.parametrize("database", BOTH_DATABASES)
def test_a_missing_username_index_fails_the_next_run_and_two_names_in_one_case_refuse_0013(database, tmp_path, capsys):
    """0013's index on lower(username) is checked after every run like 0012's triggers (a table rebuilt on SQLite
    loses it silently); and 0013 refuses a database holding two usernames that differ only in case, naming them."""
    with apps.app_at_revision(database, tmp_path, "head"):
        db.session.execute(text("DROP INDEX uq_user_username_lower"))
        db.session.commit()
        with pytest.raises(SystemExit):
            upgrade()
        assert "lacks the indexes uq_user_username_lower (revision 0013 makes them" in capsys.readouterr().err
    with apps.app_at_revision(database, tmp_path / "clash", "0012"):
        for name in ("Alice", "alice"):
            db.session.execute(text("INSERT INTO \"user\" (username, password_hash, role, active, created_at, "
                                    "session_generation) VALUES (:name, 'x', 'reviewer', true, '2026-12-07', 0)"),
                               {"name": name})
        db.session.commit()
        with pytest.raises(SystemExit):
            upgrade()
        assert "differ only in case must be renamed before this upgrade: alice" in capsys.readouterr().err
        db.session.rollback()
        assert MigrationContext.configure(db.session.connection()).get_current_revision() == "0012"
