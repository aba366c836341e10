"""Accounts: login, logout, first-run setup; your account page (API tokens, site settings); admin's user list."""
from urllib.parse import urlsplit

from flask import Blueprint
from flask import abort
from flask import flash
from flask import make_response
from flask import redirect
from flask import render_template
from flask import request
from flask import url_for
from flask_login import current_user
from flask_login import login_required
from flask_login import login_user
from flask_login import logout_user

from annotate.accounts import operations
from annotate.accounts import settings
from annotate.accounts import tokens
from annotate.accounts.forms import ChangeUserForm
from annotate.accounts.forms import LoginForm
from annotate.accounts.forms import NewUserForm
from annotate.accounts.forms import PasswordChangeForm
from annotate.accounts.forms import ResetPasswordForm
from annotate.accounts.forms import RevokeTokenForm
from annotate.accounts.forms import SettingsForm
from annotate.accounts.forms import SetupForm
from annotate.accounts.forms import TokenForm
from annotate.accounts.permissions import NotAllowed
from annotate.accounts.permissions import role_required
from annotate.config import read_before_the_write_lock
from annotate.errors import InputError
from annotate.extensions import db
from annotate.extensions import login_manager
from annotate.models import User
from annotate.web.responses import get_or_404
from annotate.web.throttle import throttled

bp = Blueprint("accounts", __name__)
login_manager.login_view = "accounts.login"
login_manager.login_message = "Please log in to continue."


def safe_next(target: str | None) -> str:
    """Only same-site paths are followed after login (no open redirect)."""
    if target and target.startswith("/") and not target.startswith("//") and not urlsplit(target).netloc:
        return target
    return url_for("articles.index")


@bp.route("/login", methods=["GET", "POST"])
@throttled
def login():
    """Log in; sends a brand-new installation to first-run setup."""
    if not operations.has_users():
        return redirect(url_for("accounts.setup"))
    form = LoginForm()
    if form.validate_on_submit():
        user = operations.authenticate(form.username.data, form.password.data)
        if user is not None:
            login_user(user)
            return redirect(safe_next(request.args.get("next")), 303)
        form.password.errors.append("Unknown username or wrong password.")
    status = 422 if form.errors else 200
    return render_template("accounts/login.html", form=form), status


@bp.route("/setup", methods=["GET", "POST"])
@throttled
def setup():
    """Create the first (admin) account; closed once any account exists."""
    if operations.has_users():
        return redirect(url_for("accounts.login"))
    form = SetupForm()
    if form.validate_on_submit():
        try:
            user, _ = operations.create_user(form.username.data, "admin", form.password.data)
        except InputError as error:
            db.session.rollback()
            getattr(form, error.field if error.field in form else "username").errors.append(error.message)
        else:
            db.session.commit()
            login_user(user)
            flash(f"Welcome, {user.username}. Your admin account is ready.", "success")
            return redirect(url_for("articles.index"), 303)
    status = 422 if form.errors else 200
    return render_template("accounts/setup.html", form=form), status


@bp.route("/logout", methods=["POST"])
@login_required
def logout():
    """Log out everywhere: every session of this account ends, a copied cookie included (a POST, so another site
    cannot log you out with a link)."""
    operations.end_sessions(current_user)
    db.session.commit()
    logout_user()
    flash("You are logged out.", "info")
    return redirect(url_for("accounts.login"), 303)


PUBLIC_ENDPOINTS = {"accounts.login", "accounts.setup", "static"}


@bp.before_app_request
def require_login():
    """Every page but login and first-run setup needs a session (checked here, once, for all)."""
    if request.path.startswith("/api/"):  # the API authenticates by token only (annotate/api/auth.py)
        return None
    if request.endpoint in PUBLIC_ENDPOINTS or current_user.is_authenticated:
        return None
    if request.headers.get("HX-Request"):
        response = redirect(url_for("accounts.login"))
        response.status_code = 401
        back = request.referrer and urlsplit(request.referrer).path
        response.headers["HX-Redirect"] = url_for("accounts.login", next=back)
        return response
    return login_manager.unauthorized()


def refuse_disabled_accounts():
    """A disabled account's open session ends at its next request: a page visit goes to the login page,
    any other request (a crafted POST, say) is refused with a 403 before it can change anything.

    create_app puts this first in line, so the 403 comes before the login check would answer with a redirect."""
    if request.endpoint == "static" or request.path.startswith("/api/"):  # the API checks its token's owner
        return None
    with read_before_the_write_lock(db.session()):
        user = current_user._get_current_object()
    if isinstance(user, User) and not user.active:
        logout_user()
        if request.method not in ("GET", "HEAD"):
            raise NotAllowed("This account is disabled. Ask an admin to enable it again.")
    return None


def page(form: TokenForm | None = None, new_token: str | None = None, status: int = 200,
         password_form: PasswordChangeForm | None = None):
    """The account page; a token just created is shown in it once, and the response is never cached."""
    password_form = password_form or PasswordChangeForm(formdata=None)
    html = render_template("accounts/account.html", form=form or TokenForm(formdata=None),
                           revoke_form=RevokeTokenForm(), tokens=tokens.user_tokens(current_user), new_token=new_token,
                           password_form=password_form)
    response = make_response(html, status)
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.route("/account")
def show_account():
    """Your API tokens, and the site settings when you are an admin."""
    return page()


@bp.route("/account/password", methods=["POST"])
def change_password():
    """Change your password: your other sessions end, this one goes on."""
    form = PasswordChangeForm()
    try:
        form.check()
        operations.change_password(current_user, form.current_password.data, form.password.data)
    except InputError as error:
        db.session.rollback()
        getattr(form, error.field if error.field in form else "password").errors.append(error.message)
        return page(password_form=form, status=422)
    db.session.commit()
    login_user(current_user._get_current_object())  # this session under the new generation
    flash("Your password is changed; your other sessions are logged out.", "success")
    return redirect(url_for("accounts.show_account"), 303)


@bp.route("/account/tokens", methods=["POST"])
def create_token():
    """Create a named token and show it this once (only its hash is kept)."""
    form = TokenForm()
    if not form.validate():
        return page(form, status=422)
    try:
        _, plaintext = tokens.create_token(current_user, form.name.data)
    except InputError as error:
        db.session.rollback()
        form.name.errors.append(error.message)
        return page(form, status=422)
    db.session.commit()
    return page(new_token=plaintext)


@bp.route("/account/tokens/<int:token_id>/revoke", methods=["POST"])
def revoke_token(token_id: int):
    """Revoke one of your tokens; scripts using it get 401 from then on."""
    if not RevokeTokenForm().validate():
        abort(400, "The form is incomplete; reload the page and try again.")
    try:
        token = tokens.revoke_token(token_id, current_user)
    except InputError as error:
        abort(404, error.message)
    db.session.commit()
    flash(f"Revoked the token “{token.name}”.", "success")
    return redirect(url_for("accounts.show_account"), 303)


@bp.route("/admin/settings")
@role_required("admin")
def site_settings():
    """The site-wide settings, on the Admin pages beside accounts and the vocabulary."""
    form = SettingsForm(formdata=None, allow_private_urls=settings.private_urls_allowed())
    return render_template("accounts/site_settings.html", settings_form=form)


@bp.route("/admin/settings", methods=["POST"])
@role_required("admin")
def save_settings():
    """Admins only: whether articles may be fetched from private network addresses."""
    form = SettingsForm()
    if not form.validate():
        abort(400, "The form is incomplete; reload the page and try again.")
    settings.set_setting(settings.ALLOW_PRIVATE_URLS, bool(form.allow_private_urls.data), current_user)
    db.session.commit()
    state = "may now" if form.allow_private_urls.data else "may no longer"
    flash(f"Articles {state} be fetched from private network addresses.", "success")
    return redirect(url_for("accounts.site_settings"), 303)


def users_page(error: InputError | None = None, values: dict | None = None, created: str | None = None):
    """The accounts page; after a refusal, its message (status 422) and what the new-account form held."""
    status = 422 if error else 200
    return render_template("accounts/users.html", users=operations.all_users(), error=error, values=values or {},
                           created=created), status


@bp.route("/admin/users")
@role_required("admin")
def users():
    """Every account with its role and whether it may log in."""
    return users_page()


@bp.route("/admin/users", methods=["POST"])
@role_required("admin")
def create_user():
    """Create an account; a generated password is shown once when none is given."""
    form = NewUserForm()
    try:
        form.check()
        user, password = operations.create_user(form.username.data or "", form.role.data, form.password.data or None)
    except InputError as error:
        db.session.rollback()
        return users_page(error, form.submitted())
    db.session.commit()
    created = None if form.password.data else f"Password for {user.username}: {password} (shown once)"
    flash(f"Created {user.role} {user.username}.", "success")
    return users_page(created=created)


@bp.route("/admin/users/<int:user_id>/password", methods=["POST"])
@role_required("admin")
def reset_password(user_id: int):
    """Give someone a new password (generated and shown once when none is typed); their sessions end."""
    user = get_or_404(User, user_id)
    form = ResetPasswordForm()
    try:
        form.check()
        password = operations.reset_password(user, current_user, form.password.data or None)
    except InputError as error:
        db.session.rollback()
        return users_page(InputError(f"{user.username}: {error.message}", f"password-{user.id}"))
    db.session.commit()
    if user.id == current_user.id:
        login_user(user)
    created = None if form.password.data else f"New password for {user.username}: {password} (shown once)"
    flash(f"{user.username} has a new password; their sessions are logged out.", "success")
    return users_page(created=created)


@bp.route("/admin/users/<int:user_id>", methods=["POST"])
@role_required("admin")
def change_user(user_id: int):
    """Change a user's role, or disable / enable the account."""
    user = get_or_404(User, user_id)
    form = ChangeUserForm()
    try:
        form.check()
        operations.change_account(user, current_user, form.role.data or None, form.active())
    except InputError as error:
        db.session.rollback()
        return users_page(error)
    db.session.commit()
    flash(f"{user.username}: {user.role}, {'active' if user.active else 'disabled'}.", "success")
    return redirect(url_for("accounts.users"), 303)
