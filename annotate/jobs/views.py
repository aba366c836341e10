"""A job's page: its progress bar while it runs (the page polls its own fragment), then its result."""
from flask import Blueprint
from flask import abort
from flask import make_response
from flask import redirect
from flask import render_template
from flask import request
from flask import url_for
from flask_login import current_user

from annotate.interchange.importer import ImportReport
from annotate.extensions import db
from annotate.jobs import operations
from annotate.jobs import runner
from annotate.models import Job
from annotate.web.responses import get_or_404

bp = Blueprint("jobs", __name__)
TITLES = {"import": "Importing an annotation set", "article": "Adding an article"}


@bp.route("/jobs/<int:job_id>")
def show(job_id: int):
    """Progress while the job runs, then the import report or the link to the new article (its creator's and
    the admins' to see)."""
    job = get_or_404(Job, job_id)
    if not operations.visible_to(job, current_user):
        abort(404, "There is no such job.")
    job = operations.with_progress(job)
    report = ImportReport(**job.result["report"]) if job.state == "done" and job.kind == "import" else None
    template = "jobs/_job.html" if request.headers.get("HX-Request") else "jobs/page.html"
    response = make_response(render_template(template, job=job, report=report, title=TITLES.get(job.kind, "Job")))
    response.headers["Cache-Control"] = "no-store"
    return response


def follow(job: Job):
    """Commit the queued job, wake this process's worker, and send the browser to the job's progress page."""
    db.session.commit()
    runner.wake()
    return redirect(url_for("jobs.show", job_id=job.id), 303)
