"""Review: verdicts, dispute flags, sign-off and reopen from the claim panel; the discussion; My work, the
disputed queue and an article's team; agreement; the rating vocabulary and its colours."""
from flask import Blueprint
from flask import Response
from flask import flash
from flask import jsonify
from flask import make_response
from flask import redirect
from flask import render_template
from flask import request
from flask import url_for
from flask_login import current_user

from annotate.accounts.permissions import require_role
from annotate.accounts.permissions import role_required
from annotate.claims.fragments import PANEL_LOADS
from annotate.claims.fragments import panel_response
from annotate.config import commit_then_respond
from annotate.errors import InputError
from annotate.extensions import db
from annotate.models import Article
from annotate.models import Assignment
from annotate.models import Claim
from annotate.models import Comment
from annotate.models import Rating
from annotate.review import agreement
from annotate.review import assignments
from annotate.review import discussion
from annotate.review import queue
from annotate.review import ratings
from annotate.review import timeline
from annotate.review import workflow
from annotate.review.forms import AssignForm
from annotate.review.forms import CommentForm
from annotate.review.forms import FlagForm
from annotate.review.forms import RatingForm
from annotate.review.forms import SignOffForm
from annotate.review.forms import TeamForm
from annotate.review.forms import VerdictForm
from annotate.review.fragments import section_fragment
from annotate.review.fragments import team_page
from annotate.review.fragments import thread_fragment
from annotate.review.fragments import vocabulary_page
from annotate.review.panel import review_panel
from annotate.review.workflow import ClaimGone
from annotate.web.forms import Form
from annotate.web.responses import get_or_404
from annotate.web.responses import hx_fragments
from annotate.web.responses import toast

bp = Blueprint("review", __name__)


def attempt(claim: Claim, form: Form, change, notice: str, form_name: str, panel=None):
    """Validate the form and run one workflow operation with it: commit and re-render the panel, or roll back and
    show the message by the form it came from. `panel`, when given, builds the panel's review view model from
    what the operation returned."""
    was_disputed = claim.workflow_state == "disputed"
    try:
        result = change(form.check())
    except InputError as error:
        db.session.rollback()
        db.session.refresh(claim)
        return panel_response(claim, status=error.status, review_errors={form_name: error.message},
                              review_values=form.submitted())
    commit_then_respond(db.session())
    context = {"rp": panel(result)} if panel is not None else {}
    if was_disputed != (claim.workflow_state == "disputed"):  # the nav's count moves with it
        context["extra"] = (("review/_nav_disputed.html", {"oob": True}),)
    return panel_response(claim, with_sentence=True, review_notice=notice, **context)  # from what it read and wrote


@bp.route("/claims/<int:claim_id>/verdict", methods=["POST"])
def verdict(claim_id: int):
    """Give or revise your own verdict on a claim."""
    claim = get_or_404(Claim, claim_id, PANEL_LOADS)
    return attempt(claim, VerdictForm(), lambda form: workflow.record_verdict(
        claim, current_user, form.rating.data, form.confidence.data, form.note.data, form.evidence.data),
        "Your verdict is recorded.", "verdict", panel=lambda verdicts: review_panel(claim, current_user, verdicts))


@bp.route("/claims/<int:claim_id>/flag", methods=["POST"])
def flag(claim_id: int):
    """Flag a claim as disputed by hand, with a reason."""
    claim = get_or_404(Claim, claim_id)
    return attempt(claim, FlagForm(), lambda form: workflow.flag_dispute(claim, current_user, form.reason.data),
                   "Flagged as disputed.", "flag")


@bp.route("/claims/<int:claim_id>/unflag", methods=["POST"])
def unflag(claim_id: int):
    """Withdraw a manual dispute flag."""
    claim = get_or_404(Claim, claim_id)
    return attempt(claim, Form(), lambda _: workflow.withdraw_flag(claim, current_user), "Dispute flag withdrawn.",
                   "flag")


@bp.route("/claims/<int:claim_id>/signoff", methods=["POST"])
def signoff(claim_id: int):
    """An editor signs off: final rating, public explanation, method; the claim locks."""
    require_role(current_user, "editor")
    claim = get_or_404(Claim, claim_id)
    return attempt(claim, SignOffForm(), lambda form: workflow.sign_off(
        claim, current_user, form.rating.data, form.explanation.data, form.method.data),
        "Signed off: the claim is decided and locked.", "signoff")


@bp.route("/claims/<int:claim_id>/reopen", methods=["POST"])
def reopen(claim_id: int):
    """An editor reopens a decided claim."""
    require_role(current_user, "editor")
    claim = get_or_404(Claim, claim_id)
    return attempt(claim, Form(), lambda _: workflow.reopen(claim, current_user),
                   "Reopened: verdicts can change again.", "signoff")


@bp.route("/claims/<int:claim_id>/assign", methods=["POST"])
def assign_claim(claim_id: int):
    """An editor gives this one claim to a reviewer."""
    require_role(current_user, "editor")
    claim = get_or_404(Claim, claim_id)
    return attempt(claim, AssignForm(), lambda form: assignments.assign(
        claim.article, form.reviewer_id.data, current_user, claim), "Assigned.", "assign")


@bp.route("/claims/<int:claim_id>/history")
def history(claim_id: int):
    """The claim's timeline: who changed what, when, before and after (newest first)."""
    claim = get_or_404(Claim, claim_id)
    return hx_fragments(("review/_timeline.html", {"entries": timeline.claim_timeline(claim)}))


@bp.route("/articles/<int:article_id>/agreement")
def article_agreement(article_id: int):
    """Agreement between reviewers on one article; ?pair=A-B lists the claims that pair disagrees on."""
    require_role(current_user, "editor")
    article = get_or_404(Article, article_id)
    report = agreement.article_agreement(article)
    return render_template("review/agreement.html", article=article, report=report,
                           pair=report.pair(request.args.get("pair")), labels=ratings.labels())


@bp.route("/vocabulary.css")
def vocabulary_css():
    """The rating colours as a stylesheet (inline styles are forbidden by the CSP)."""
    response = Response(ratings.stylesheet(), mimetype="text/css")
    response.headers["Cache-Control"] = "no-cache"
    response.add_etag()
    return response.make_conditional(request)


@bp.route("/claims/<int:claim_id>/comments", methods=["POST"])
def post(claim_id: int):
    """Post a comment or a reply; @name mentions a teammate."""
    claim = get_or_404(Claim, claim_id)
    form = CommentForm()
    try:
        form.check()
        discussion.add_comment(claim, current_user, form.body.data, form.parent_id.data, form.evidence_id.data)
    except ClaimGone as error:
        db.session.rollback()
        return toast(error.message, error.status)
    except InputError as error:
        db.session.rollback()
        return section_fragment(claim, 422, error.message, form.submitted())
    commit_then_respond(db.session())
    return section_fragment(claim)


@bp.route("/claims/<int:claim_id>/thread")
def thread(claim_id: int):
    """The thread for polling: 204 while nothing changed since the stamp the page holds."""
    claim = get_or_404(Claim, claim_id)
    if request.args.get("stamp") == discussion.stamp(claim):
        return make_response("", 204)
    return thread_fragment(claim)


@bp.route("/claims/<int:claim_id>/read", methods=["POST"])
def read(claim_id: int):
    """The user has seen the discussion: its comments stop showing as new next time."""
    claim = get_or_404(Claim, claim_id)
    discussion.mark_read(current_user, claim)
    db.session.commit()
    return make_response("", 204)


def _resolve(comment_id: int, resolved: bool):
    """Resolve or reopen the comment's thread, and answer with the thread."""
    comment = get_or_404(Comment, comment_id)
    discussion.set_resolved(comment, current_user, resolved)
    commit_then_respond(db.session())
    return thread_fragment(comment.claim)


@bp.route("/comments/<int:comment_id>/resolve", methods=["POST"])
def resolve(comment_id: int):
    """Mark a thread resolved."""
    return _resolve(comment_id, True)


@bp.route("/comments/<int:comment_id>/unresolve", methods=["POST"])
def unresolve(comment_id: int):
    """Open a resolved thread again."""
    return _resolve(comment_id, False)


@bp.route("/team/usernames.json")
def usernames():
    """The active teammates' usernames, for @-mention completion in comments (any logged-in user may list them)."""
    response = jsonify([person.username for person in assignments.reviewers()])
    response.headers["Cache-Control"] = "private, max-age=60"
    return response


@bp.route("/work")
def my_work():
    """Assigned articles with progress, claims awaiting my verdict, and where I was mentioned."""
    return render_template("review/mine.html", work=assignments.my_work(current_user))


@bp.route("/disputed")
def disputed():
    """Disputed claims across all articles, last activity first, filtered by article, reviewer, rating or me."""
    filters = queue.Filters.from_args(request.args)
    articles, people = queue.filter_choices()
    return render_template("review/disputed.html", items=queue.disputed_items(current_user, filters),
                           filters=filters, articles=articles, people=people, ratings=ratings.all_ratings())


@bp.route("/articles/<int:article_id>/team")
def team(article_id: int):
    """Who reviews this article, and its review rules; editors change them."""
    return team_page(get_or_404(Article, article_id))


@bp.route("/articles/<int:article_id>/team", methods=["POST"])
def change_team(article_id: int):
    """An editor saves the review rules (blind verdicts, quorum, a single verdict decides) or assigns the whole
    article to a reviewer."""
    article = get_or_404(Article, article_id)
    require_role(current_user, "editor")  # before the form: a reviewer is refused, whatever was posted
    form = TeamForm()
    try:
        form.check()
        if form.action.data == "settings":
            workflow.update_settings(article, current_user, form.blind_verdicts.data, form.quorum.data,
                                     form.single_verdict.data)
            message = "Review rules saved."
        else:
            person = assignments.assign(article, form.reviewer_id.data, current_user).reviewer
            message = f"{person.username} is assigned to this article."
    except InputError as error:
        db.session.rollback()
        return team_page(article, error)
    db.session.commit()
    flash(message, "success")
    return redirect(url_for("review.team", article_id=article.id), 303)


@bp.route("/assignments/<int:assignment_id>/delete", methods=["POST"])
def unassign(assignment_id: int):
    """Take an assignment away."""
    assignment = get_or_404(Assignment, assignment_id)
    article_id = assignment.article_id
    assignments.unassign(assignment, current_user)
    db.session.commit()
    flash("Assignment removed.", "success")
    return redirect(url_for("review.team", article_id=article_id), 303)


@bp.route("/admin/vocabulary")
@role_required("admin")
def vocabulary():
    """The ratings reviewers choose from: label, description, colour, order, agreement group."""
    return vocabulary_page()


@bp.route("/admin/vocabulary", methods=["POST"])
@role_required("admin")
def create_rating():
    """Add a rating to the vocabulary."""
    form = RatingForm()
    try:
        rating = ratings.create_rating(form.check().values())
    except InputError as error:
        db.session.rollback()
        return vocabulary_page(error, "new", form.submitted())
    db.session.commit()
    flash(f"Added the rating {rating.label}.", "success")
    return redirect(url_for("review.vocabulary"), 303)


@bp.route("/admin/vocabulary/<int:rating_id>", methods=["POST"])
@role_required("admin")
def update_rating(rating_id: int):
    """Change one rating."""
    rating = get_or_404(Rating, rating_id)
    form = RatingForm()
    try:
        ratings.update_rating(rating, form.check().values())
    except InputError as error:
        db.session.rollback()
        ratings.forget_cache()
        return vocabulary_page(error, str(rating_id), form.submitted())
    db.session.commit()
    flash(f"Saved {rating.label}.", "success")
    return redirect(url_for("review.vocabulary"), 303)
