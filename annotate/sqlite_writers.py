"""SQLite's writers queue on a file lock, so the write lock passes from one request to the next at once.

A request that changes data takes SQLite's write lock when its transaction begins (BEGIN IMMEDIATE; see
annotate.config). SQLite makes the others wait by polling: each waiter sleeps 1, 2, 5 ... up to 100 ms between
tries, so under load the lock often lies free while every waiter sleeps, and who gets it next is luck. Measured
with bench/load.py (16 writers on the make-run server), that idle time capped writes near 115/s with a p95 of
0.7 s. Here each connection first waits on an exclusive flock() of a file beside the database: the kernel
wakes the next waiter the moment the holder commits or rolls back, in arrival order as near as it can. The
lock is released after the commit or rollback has reached SQLite, never before.

Only connections that write inside a web request take the file lock. The CLI, jobs and other programs that
write to the database without it still wait politely on SQLite's own lock (busy_timeout).
"""
import fcntl
import os
import sqlite3


class QueuedWriterConnection(sqlite3.Connection):
    """A sqlite3 connection whose write transactions begin behind a file lock shared by every app process."""

    def __init__(self, database, *args, synchronous: str = "NORMAL", **kwargs):
        super().__init__(database, *args, **kwargs)
        self.synchronous = synchronous  # applied with the other pragmas (annotate.config)
        path = os.fspath(database)
        in_memory = path in ("", ":memory:") or path.startswith("file:")
        self._lock_path = None if in_memory else path + "-writers"
        self._lock_file = None
        self._holding = False

    def wait_turn(self) -> None:
        """Wait for the file lock; the caller then takes SQLite's write lock, free by then unless a CLI writer
        holds it. The next commit, rollback or close gives the turn up."""
        if self._lock_path is not None and not self._holding:
            if self._lock_file is None:
                self._lock_file = os.open(self._lock_path, os.O_RDWR | os.O_CREAT, 0o600)
            fcntl.flock(self._lock_file, fcntl.LOCK_EX)
            self._holding = True

    def _release(self) -> None:
        if self._holding:
            self._holding = False
            fcntl.flock(self._lock_file, fcntl.LOCK_UN)

    def commit(self):
        try:
            return super().commit()
        finally:
            self._release()

    def rollback(self):
        try:
            return super().rollback()
        finally:
            self._release()

    def close(self):
        try:
            return super().close()
        finally:
            self._release()
            if self._lock_file is not None:
                os.close(self._lock_file)
                self._lock_file = None
