"""Admin pages: accounts (create, disable, change role) and the rating vocabulary."""
from flask import Blueprint
from flask import flash
from flask import redirect
from flask import render_template
from flask import request
from flask import url_for
from flask_login import current_user

from .. import account_admin
from .. import accounts
from .. import vocabulary
from ..errors import InputError
from ..extensions import db
from ..models import Rating
from ..models import User
from ..permissions import require_role
from .common import get_or_404

bp = Blueprint("admin", __name__, url_prefix="/admin")


@bp.before_request
def admins_only():
    """Every admin page and action is refused to anyone but an admin, whatever the template shows."""
    require_role(current_user, "admin")


def users_page(error: InputError | None = None, values: dict | None = None, created: str | None = None):
    status = 422 if error else 200
    return render_template("admin/users.html", users=account_admin.all_users(), error=error, values=values or {},
                           created=created), status


@bp.route("/users")
def users():
    """Every account with its role and whether it may log in."""
    return users_page()


@bp.route("/users", methods=["POST"])
def create_user():
    """Create an account; a generated password is shown once when none is given."""
    form = request.form
    try:
        if form.get("password") and len(form["password"]) < 8:
            raise InputError("Use a password of at least 8 characters, or leave it empty to generate one.",
                             "password")
        user, password = accounts.create_user(form.get("username", ""), form.get("role", "reviewer"),
                                              form.get("password") or None)
    except InputError as error:
        db.session.rollback()
        return users_page(error, form.to_dict())
    db.session.commit()
    created = None if form.get("password") else f"Password for {user.username}: {password} (shown once)"
    flash(f"Created {user.role} {user.username}.", "success")
    return users_page(created=created)


@bp.route("/users/<int:user_id>", methods=["POST"])
def change_user(user_id: int):
    """Change a user's role, or disable / enable the account."""
    user = get_or_404(User, user_id)
    form = request.form
    active = {"disable": False, "enable": True}.get(form.get("action"))
    try:
        account_admin.change_account(user, current_user, form.get("role") or None, active)
    except InputError as error:
        db.session.rollback()
        return users_page(error)
    db.session.commit()
    flash(f"{user.username}: {user.role}, {'active' if user.active else 'disabled'}.", "success")
    return redirect(url_for("admin.users"), 303)


def vocabulary_page(error: InputError | None = None, failed: str | None = None, values: dict | None = None):
    return render_template("admin/vocabulary.html", ratings=vocabulary.all_ratings(), error=error, failed=failed,
                           values=values or {}), 422 if error else 200


@bp.route("/vocabulary")
def ratings():
    """The ratings reviewers choose from: label, description, colour, order, agreement group."""
    return vocabulary_page()


@bp.route("/vocabulary", methods=["POST"])
def create_rating():
    """Add a rating to the vocabulary."""
    try:
        rating = vocabulary.create_rating(request.form.to_dict())
    except InputError as error:
        db.session.rollback()
        return vocabulary_page(error, "new", request.form.to_dict())
    db.session.commit()
    flash(f"Added the rating {rating.label}.", "success")
    return redirect(url_for("admin.ratings"), 303)


@bp.route("/vocabulary/<int:rating_id>", methods=["POST"])
def update_rating(rating_id: int):
    """Change one rating."""
    rating = get_or_404(Rating, rating_id)
    try:
        vocabulary.update_rating(rating, request.form.to_dict())
    except InputError as error:
        db.session.rollback()
        vocabulary.forget_cache()
        return vocabulary_page(error, str(rating_id), request.form.to_dict())
    db.session.commit()
    flash(f"Saved {rating.label}.", "success")
    return redirect(url_for("admin.ratings"), 303)
