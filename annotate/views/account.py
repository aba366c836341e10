"""The account page: personal API tokens (created, shown once, revoked) and, for admins, site settings."""
from flask import Blueprint
from flask import abort
from flask import flash
from flask import make_response
from flask import redirect
from flask import render_template
from flask import url_for
from flask_login import current_user

from .. import app_settings
from .. import tokens
from ..errors import InputError
from ..extensions import db
from ..forms import RevokeTokenForm
from ..forms import SettingsForm
from ..forms import TokenForm

bp = Blueprint("account", __name__, url_prefix="/account")


def page(form: TokenForm | None = None, new_token: str | None = None, status: int = 200):
    """The account page; a token just created is shown in it once, and the response is never cached."""
    settings = SettingsForm(formdata=None, allow_private_urls=app_settings.private_urls_allowed())
    html = render_template("account/page.html", form=form or TokenForm(formdata=None), revoke_form=RevokeTokenForm(),
                           tokens=tokens.user_tokens(current_user), new_token=new_token, settings_form=settings)
    response = make_response(html, status)
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.route("")
def show():
    """Your API tokens, and the site settings when you are an admin."""
    return page()


@bp.route("/tokens", methods=["POST"])
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


@bp.route("/tokens/<int:token_id>/revoke", methods=["POST"])
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
    return redirect(url_for("account.show"), 303)


@bp.route("/settings", methods=["POST"])
def save_settings():
    """Admins only: whether articles may be fetched from private network addresses."""
    if current_user.role != "admin":
        abort(403, "Only an admin can change the site settings.")
    form = SettingsForm()
    if not form.validate():
        abort(400, "The form is incomplete; reload the page and try again.")
    app_settings.set_setting(app_settings.ALLOW_PRIVATE_URLS, bool(form.allow_private_urls.data), current_user)
    db.session.commit()
    state = "may now" if form.allow_private_urls.data else "may no longer"
    flash(f"Articles {state} be fetched from private network addresses.", "success")
    return redirect(url_for("account.show"), 303)
