"""SQLite connections: the pragmas every connection gets, and the file lock that queues web writers."""
import threading
import time

import pytest

from annotate import create_app
from annotate.extensions import db
from annotate.sqlite_writers import QueuedWriterConnection
from tests.apps import config_for


def pragma(name: str):
    return db.session.connection().exec_driver_sql(f"PRAGMA {name}").scalar()


def test_every_connection_has_the_pragmas(app):
    """The connection factory must not hide a connection from the pragma hook (foreign keys were off once)."""
    assert isinstance(db.session.connection().connection.dbapi_connection, QueuedWriterConnection)
    assert pragma("foreign_keys") == 1
    assert pragma("busy_timeout") == 20000
    assert pragma("journal_mode") == "wal"
    assert pragma("synchronous") == 1  # NORMAL


@pytest.mark.parametrize("setting, expected", [("FULL", 2), ("extra", 3)])
def test_synchronous_can_be_raised(tmp_path, migrated_db, setting, expected):
    path = tmp_path / "annotate.sqlite"
    path.write_bytes(migrated_db.read_bytes())
    application = create_app(config_for(tmp_path, path, SQLITE_SYNCHRONOUS=setting))
    with application.app_context():
        assert pragma("synchronous") == expected
        db.engine.dispose()


def test_a_wrong_synchronous_setting_is_named(tmp_path):
    with pytest.raises(ValueError, match="SQLITE_SYNCHRONOUS must be NORMAL, FULL or EXTRA, not 'OFF'"):
        create_app(config_for(tmp_path, tmp_path / "annotate.sqlite", SQLITE_SYNCHRONOUS="off"))


def test_a_second_writer_waits_for_the_first_to_commit_then_goes_at_once(tmp_path):
    path = str(tmp_path / "queue.sqlite")
    first = QueuedWriterConnection(path, check_same_thread=False)
    second = QueuedWriterConnection(path, check_same_thread=False)
    first.execute("PRAGMA journal_mode=WAL")
    first.execute("CREATE TABLE t (v TEXT)")
    first.commit()
    first.wait_turn()
    first.execute("BEGIN IMMEDIATE")
    first.execute("INSERT INTO t VALUES ('first')")
    got_turn = threading.Event()

    def write_second():
        second.wait_turn()
        got_turn.set()
        second.execute("BEGIN IMMEDIATE")
        second.execute("INSERT INTO t VALUES ('second')")
        second.commit()

    thread = threading.Thread(target=write_second)
    thread.start()
    assert not got_turn.wait(0.3), "the second writer went while the first held its turn"
    committed = time.perf_counter()
    first.commit()
    assert got_turn.wait(5)
    assert time.perf_counter() - committed < 0.05  # woken by the release, not by polling
    thread.join(5)
    assert [row[0] for row in first.execute("SELECT v FROM t ORDER BY rowid")] == ["first", "second"]
    first.close()
    second.close()


def test_a_rollback_gives_the_turn_up_too(tmp_path):
    path = str(tmp_path / "queue.sqlite")
    first, second = QueuedWriterConnection(path), QueuedWriterConnection(path)
    first.wait_turn()
    first.rollback()
    done = threading.Event()
    thread = threading.Thread(target=lambda: (second.wait_turn(), done.set()))
    thread.start()
    assert done.wait(2)
    thread.join()


def test_who_is_asking_is_read_without_queueing_behind_writers(app, client):
    """A token is checked before the request's write transaction: with another writer holding SQLite's lock,
    a POST with an unknown token is refused at once instead of waiting out the busy timeout."""
    import sqlite3

    holder = sqlite3.connect(db.engine.url.database, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        began = time.perf_counter()
        response = client.post("/api/v1/articles", json={"title": "t", "text": "Some text."},
                               headers={"Authorization": "Bearer ann_" + "x" * 40})
        waited = time.perf_counter() - began
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert response.status_code == 401
    assert waited < 2, f"the token check waited {waited:.1f} s for the write lock"
