"""Login, logout and first-run setup of the first (admin) account."""
from urllib.parse import urlsplit

from flask import Blueprint
from flask import flash
from flask import redirect
from flask import render_template
from flask import request
from flask import url_for
from flask_login import login_required
from flask_login import login_user
from flask_login import logout_user

from .. import accounts
from ..extensions import db
from ..extensions import login_manager
from ..forms import LoginForm
from ..forms import SetupForm

bp = Blueprint("auth", __name__)
login_manager.login_view = "auth.login"
login_manager.login_message = "Please log in to continue."


def safe_next(target: str | None) -> str:
    """Only same-site paths are followed after login (no open redirect)."""
    if target and target.startswith("/") and not target.startswith("//") and not urlsplit(target).netloc:
        return target
    return url_for("articles.index")


@bp.route("/login", methods=["GET", "POST"])
def login():
    """Log in; sends a brand-new installation to first-run setup."""
    if not accounts.has_users():
        return redirect(url_for("auth.setup"))
    form = LoginForm()
    if form.validate_on_submit():
        user = accounts.authenticate(form.username.data, form.password.data)
        if user is not None:
            login_user(user)
            return redirect(safe_next(request.args.get("next")), 303)
        form.password.errors.append("Unknown username or wrong password.")
    status = 422 if form.errors else 200
    return render_template("auth/login.html", form=form), status


@bp.route("/setup", methods=["GET", "POST"])
def setup():
    """Create the first (admin) account; closed once any account exists."""
    if accounts.has_users():
        return redirect(url_for("auth.login"))
    form = SetupForm()
    if form.validate_on_submit():
        user, _ = accounts.create_user(form.username.data, "admin", form.password.data)
        db.session.commit()
        login_user(user)
        flash(f"Welcome, {user.username}. Your admin account is ready.", "success")
        return redirect(url_for("articles.index"), 303)
    status = 422 if form.errors else 200
    return render_template("auth/setup.html", form=form), status


@bp.route("/logout", methods=["POST"])
@login_required
def logout():
    """Log out (a POST, so another site cannot log you out with a link)."""
    logout_user()
    flash("You are logged out.", "info")
    return redirect(url_for("auth.login"), 303)


PUBLIC_ENDPOINTS = {"auth.login", "auth.setup", "static"}


@bp.before_app_request
def require_login():
    """Every page but login and first-run setup needs a session (checked here, once, for all)."""
    from flask_login import current_user

    if request.path.startswith("/api/"):  # the API authenticates by token only (annotate/api/auth.py)
        return None
    if request.endpoint in PUBLIC_ENDPOINTS or current_user.is_authenticated:
        return None
    if request.headers.get("HX-Request"):
        response = redirect(url_for("auth.login"))
        response.status_code = 401
        response.headers["HX-Redirect"] = url_for("auth.login", next=request.referrer and urlsplit(request.referrer).path)
        return response
    return login_manager.unauthorized()
