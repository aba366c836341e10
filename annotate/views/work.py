"""Per-person and per-team pages: My work, the disputed queue, and an article's team (assignments, review rules)."""
from flask import Blueprint
from flask import flash
from flask import redirect
from flask import render_template
from flask import request
from flask import url_for
from flask_login import current_user

from .. import assignments
from .. import queue
from .. import review as review_ops
from .. import vocabulary
from ..errors import InputError
from ..extensions import db
from ..models import Article
from ..models import Assignment
from ..models import User
from .common import get_or_404

bp = Blueprint("work", __name__)


@bp.route("/work")
def my_work():
    """Assigned articles with progress, claims awaiting my verdict, and where I was mentioned."""
    return render_template("work/mine.html", work=assignments.my_work(current_user))


@bp.route("/disputed")
def disputed():
    """Disputed claims across all articles, last activity first, filtered by article, reviewer, rating or me."""
    filters = queue.Filters.from_args(request.args)
    items = queue.disputed_items(current_user, filters)
    articles = db.session.query(Article).order_by(Article.title).all()
    people = db.session.query(User).order_by(User.username).all()
    return render_template("work/disputed.html", items=items, filters=filters, articles=articles, people=people,
                           ratings=vocabulary.all_ratings())


@bp.route("/articles/<int:article_id>/team", methods=["GET", "POST"])
def team(article_id: int):
    """Who reviews this article, and its review rules; editors change them."""
    article = get_or_404(Article, article_id)
    error = None
    if request.method == "POST":
        try:
            if request.form.get("action") == "settings":
                review_ops.update_settings(article, current_user, request.form.get("blind_verdicts") == "y",
                                           request.form.get("quorum"))
                message = "Review rules saved."
            else:
                person = assignments.assign(article, request.form.get("reviewer_id"), current_user).reviewer
                message = f"{person.username} is assigned to this article."
        except InputError as problem:
            db.session.rollback()
            error = problem
        else:
            db.session.commit()
            flash(message, "success")
            return redirect(url_for("work.team", article_id=article.id), 303)
    status = 422 if error else 200
    return render_template("work/team.html", article=article, error=error,
                           assignments=assignments.article_assignments(article), people=assignments.reviewers()), status


@bp.route("/assignments/<int:assignment_id>/delete", methods=["POST"])
def unassign(assignment_id: int):
    """Take an assignment away."""
    assignment = get_or_404(Assignment, assignment_id)
    article_id = assignment.article_id
    assignments.unassign(assignment, current_user)
    db.session.commit()
    flash("Assignment removed.", "success")
    return redirect(url_for("work.team", article_id=article_id), 303)
