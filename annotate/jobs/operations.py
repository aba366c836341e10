"""The jobs table as a queue: enqueue, claim one atomically, report progress, finish or fail it.

A job's work and its "done" are written in one transaction, and only by the worker holding the job's claim
(token), so a job is done exactly once, or failed with nothing of its work written.
"""
import json
import os
import secrets
from datetime import timedelta
from pathlib import Path

from flask import current_app
from sqlalchemy import or_
from sqlalchemy import select
from sqlalchemy import update
from sqlalchemy.orm.attributes import set_committed_value

from annotate.accounts.permissions import has_role
from annotate.extensions import db
from annotate.models import Job
from annotate.models import User
from annotate.models import utcnow

STALE_AFTER = timedelta(minutes=10)  # a running job this old lost its worker (a restart, a crash): run it again
MAX_ATTEMPTS = 3


def enqueue(kind: str, user: User | None, params: dict, payload: str | None = None, step: str = "") -> Job:
    """A new queued job (flushed; the caller commits, then the worker threads see it)."""
    job = Job(kind=kind, params=params, payload=payload, created_by=user, step=step or "Waiting for a worker")
    db.session.add(job)
    db.session.flush()
    return job


def import_is_long(data: bytes, document) -> bool:
    """An import that takes more than a few seconds: over JOB_IMPORT_BYTES, or over JOB_IMPORT_CLAIMS claims."""
    articles = document.get("articles") if isinstance(document, dict) else None
    articles = articles if isinstance(articles, list) else []
    claims = sum(len(a.get("claims") or []) for a in articles if isinstance(a, dict))
    return len(data) > current_app.config["JOB_IMPORT_BYTES"] or claims > current_app.config["JOB_IMPORT_CLAIMS"]


def article_is_long(text: str) -> bool:
    """An article whose segmentation and suggestions take more than a few seconds: over JOB_ARTICLE_CHARS."""
    return len(text or "") > current_app.config["JOB_ARTICLE_CHARS"]


def enqueue_import(data: bytes, mode: str, user: User) -> Job:
    return enqueue("import", user, {"mode": mode, "bytes": len(data)}, data.decode("utf-8-sig"),
                   f"Waiting for a worker ({len(data) / 1048576:.1f} MB)")


def enqueue_article(text: str, fields: dict, user: User) -> Job:
    """fields: title, source_url, published (ISO date or None), as the form gave them."""
    return enqueue("article", user, fields, text, f"Waiting for a worker ({len(text):,} characters)")


def visible_to(job: Job, user: User) -> bool:
    """A job's progress and result are its creator's, and the admins'."""
    return job.created_by_id == user.id or has_role(user, "admin")


def next_job_id() -> int | None:
    """The oldest queued job, or a running one whose worker went away; PostgreSQL skips rows others are claiming."""
    stale = utcnow() - STALE_AFTER
    query = (select(Job.id).where(or_(Job.state == "queued", (Job.state == "running") & (Job.started_at < stale)))
             .order_by(Job.id).limit(1))
    if db.engine.dialect.name == "postgresql":
        query = query.with_for_update(skip_locked=True)
    return db.session.scalar(query)


def claim(job_id: int) -> str | None:
    """Take the job for this worker (one UPDATE, so two workers never both win); its claim token, or None."""
    token = secrets.token_hex(8)
    stale = utcnow() - STALE_AFTER
    claimed = db.session.execute(
        update(Job).where(Job.id == job_id, Job.attempts < MAX_ATTEMPTS,
                          or_(Job.state == "queued", (Job.state == "running") & (Job.started_at < stale)))
        .values(state="running", token=token, attempts=Job.attempts + 1, started_at=utcnow(),
                step="Starting")).rowcount
    return token if claimed == 1 else None


def finish(job_id: int, token: str, result: dict) -> bool:
    """Mark the job done in the work's own transaction; False when another worker has taken it since."""
    return db.session.execute(
        update(Job).where(Job.id == job_id, Job.token == token, Job.state == "running")
        .values(state="done", result=result, payload=None, finished_at=utcnow(), step="Done",
                done=Job.total)).rowcount == 1


def fail(job_id: int, token: str | None, message: str, errors: list | None = None) -> None:
    """Record why the job failed (after its work was rolled back)."""
    conditions = [Job.id == job_id] + ([Job.token == token] if token else [])
    db.session.execute(update(Job).where(*conditions).values(
        state="failed", error={"message": message, "errors": errors or []}, payload=None, finished_at=utcnow(),
        step="Failed"))


def give_up_on_exhausted() -> None:
    """Jobs whose worker went away MAX_ATTEMPTS times are failed rather than tried forever."""
    stale = utcnow() - STALE_AFTER
    for job_id in db.session.scalars(select(Job.id).where(Job.state == "running", Job.started_at < stale,
                                                            Job.attempts >= MAX_ATTEMPTS)):
        fail(job_id, None, f"The job was interrupted {MAX_ATTEMPTS} times (the server restarted during it).")


# ---------------------------------------------------------------- progress, seen by other processes

def progress_folder() -> Path:
    return Path(current_app.instance_path) / "jobs"


def side_file(job_id: int) -> Path:
    return progress_folder() / f"{job_id}.json"


def write_progress(job_id: int, done: int, total: int, step: str) -> None:
    """Progress for the job's page. On PostgreSQL it goes to the job's row at once (its own short transaction);
    SQLite has one writer at a time and the job's work holds the lock, so it goes to a file beside the database
    (SQLite means one machine, so every app process sees it)."""
    step = step[:200]
    if db.engine.dialect.name == "sqlite":
        folder = progress_folder()
        folder.mkdir(exist_ok=True)
        temporary = folder / f"{job_id}.{os.getpid()}.tmp"
        temporary.write_text(json.dumps({"done": done, "total": total, "step": step}))
        os.replace(temporary, side_file(job_id))
        return
    with db.engine.begin() as connection:
        connection.execute(update(Job).where(Job.id == job_id).values(done=done, total=total, step=step))


def with_progress(job: Job) -> Job:
    """The job with its latest progress (from the side file while a SQLite job runs)."""
    path = side_file(job.id)
    if job.state == "running" and path.exists():
        try:
            latest = json.loads(path.read_text())
            for name in ("done", "total", "step"):  # as if loaded: never written back
                set_committed_value(job, name, latest[name])
        except (OSError, ValueError, KeyError):
            pass
    return job


def forget_progress(job_id: int) -> None:
    side_file(job_id).unlink(missing_ok=True)
