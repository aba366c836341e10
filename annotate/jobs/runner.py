"""Running jobs: a small worker thread in each app process (started by its first request), or a dedicated
`flask jobs-worker` process. Either claims queued jobs from the table, one at a time.
"""
import logging
import os
import threading
import time

from flask import Flask

from annotate import garbage
from annotate.errors import InputError
from annotate.extensions import db
from annotate.jobs import operations
from annotate.jobs import tasks
from annotate.models import Job

log = logging.getLogger(__name__)
POLL_SECONDS = 2.0
_wake = threading.Event()
_started_in: set[int] = set()  # the process ids that have their worker thread
_start_lock = threading.Lock()


class Progress:
    """What a task calls as it goes: progress(done, total, step). Written at most every half second."""

    def __init__(self, job_id: int):
        self.job_id, self.last = job_id, 0.0

    def __call__(self, done: int, total: int, step: str, force: bool = False) -> None:
        garbage.collect_if_due()  # a long job's steps are safe points too, where the server turned collection off
        now = time.monotonic()
        if force or now - self.last >= 0.5:
            self.last = now
            operations.write_progress(self.job_id, done, total, step)


def execute(job_id: int) -> bool:
    """Claim and run one job; False when another worker got it first."""
    token = operations.claim(job_id)
    db.session.commit()
    if token is None:
        return False
    job = db.session.get(Job, job_id)
    progress = Progress(job_id)
    try:
        result = tasks.TASKS[job.kind](job, progress)
        if not operations.finish(job_id, token, result):
            raise RuntimeError("another worker took this job over")
        db.session.commit()
    except Exception as error:  # whatever went wrong, none of the job's work is kept
        db.session.rollback()
        if isinstance(error, tasks.TaskFailed):
            message, errors = error.message, error.errors
        elif isinstance(error, InputError):
            message, errors = error.message, []
        else:
            log.exception("job %s (%s) failed", job_id, getattr(job, "kind", "?"))
            message, errors = "Something went wrong on our side; nothing was saved. Please try again.", []
        operations.fail(job_id, token, message, errors)
        db.session.commit()
    finally:
        operations.forget_progress(job_id)
    return True


def run_pending() -> int:
    """Run queued jobs until none is left; how many ran (the worker loop, `flask jobs-worker --once`, tests)."""
    ran = 0
    while True:
        operations.give_up_on_exhausted()
        job_id = operations.next_job_id()  # on PostgreSQL the row stays locked until execute's claim commits
        if job_id is None:
            db.session.commit()
            return ran
        ran += execute(job_id)


def work_forever(app: Flask, stop: threading.Event | None = None) -> None:
    """Poll for jobs (woken at once when this process queues one); survive any error and keep going."""
    while stop is None or not stop.is_set():
        try:
            with app.app_context():
                run_pending()
        except Exception:
            log.exception("the job worker hit an error; it goes on")
        garbage.collect_if_due()
        _wake.wait(POLL_SECONDS)
        _wake.clear()


def wake() -> None:
    """A job was just queued in this process: look now rather than at the next poll."""
    _wake.set()


def ensure_worker_thread(app: Flask) -> None:
    """Start this process's worker thread once (after a fork too: each gunicorn worker gets its own)."""
    if os.getpid() in _started_in:
        return
    with _start_lock:
        if os.getpid() not in _started_in:
            _started_in.add(os.getpid())
            threading.Thread(target=work_forever, args=(app,), name="jobs-worker", daemon=True).start()


def init_app(app: Flask) -> None:
    """Each app process runs jobs in a thread unless JOBS_IN_PROCESS is off (dedicated workers) or testing."""
    if not app.config.get("JOBS_IN_PROCESS", True) or app.testing:
        return

    @app.before_request
    def start_the_worker():
        ensure_worker_thread(app)
