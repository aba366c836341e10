"""API routes for jobs: long work (a large import, a very long article) answers 202 with a job to poll."""
from flask import jsonify
from flask import url_for

from annotate.api import bp
from annotate.api.auth import api_user
from annotate.api.errors import ApiError
from annotate.extensions import db
from annotate.jobs import operations
from annotate.jobs import runner
from annotate.models import MAX_INTEGER
from annotate.models import Job


def job_json(job: Job) -> dict:
    """State and progress; once done, the result (the import report, or the new article's id); once failed, why."""
    job = operations.with_progress(job)
    result = job.result if job.state == "done" else None
    if result and "article" in result:
        result = {"article_id": result["article"], "title": result["title"], "sentences": result["sentences"]}
    return {"id": job.id, "kind": job.kind, "state": job.state, "done": job.done, "total": job.total,
            "step": job.step, "result": result, "error": job.error if job.state == "failed" else None,
            "page": url_for("jobs.show", job_id=job.id)}


def accepted(job: Job):
    """202: the work is queued (committed, and this process's worker woken); poll Location for the result."""
    db.session.commit()
    runner.wake()
    response = jsonify(job_json(job))
    response.status_code = 202
    response.headers["Location"] = url_for("api.read_job", job_id=job.id)
    return response


@bp.get("/jobs/<job_id>")
def read_job(job_id: str):
    """A job of the token's owner (or any, for an admin): its state, progress and result."""
    number = int(job_id) if job_id.isascii() and job_id.isdigit() and len(job_id) <= 10 else 0
    job = db.session.get(Job, number) if 0 < number <= MAX_INTEGER else None
    if job is None or not operations.visible_to(job, api_user()):
        raise ApiError(404, f"There is no job {job_id}.")
    return jsonify(job_json(job))
