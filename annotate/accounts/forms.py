"""Account forms: login, first-run setup, password change, API tokens, site settings, and the admin's account forms.

The username, password and role rules themselves live in accounts.operations (shared with the CLI and the
importer); the admin forms only bound what a request may carry.
"""
from wtforms import BooleanField
from wtforms import PasswordField
from wtforms import StringField
from wtforms.validators import DataRequired
from wtforms.validators import EqualTo
from wtforms.validators import Length

from annotate.web.forms import Form


class LoginForm(Form):
    username = StringField("Username", validators=[DataRequired(), Length(max=80)])
    password = PasswordField("Password", validators=[DataRequired(), Length(max=200)])


class SetupForm(Form):
    """The username and password rules themselves live in accounts.operations (shared with the CLI and admin)."""
    username = StringField("Username", validators=[DataRequired(), Length(max=80)])
    password = PasswordField("Password", validators=[DataRequired(), Length(max=200)])
    confirm = PasswordField("Repeat password", validators=[EqualTo("password", message="The passwords differ.")])


class PasswordChangeForm(Form):
    """Your own password: the current one proves it is you; the rule for the new one lives in accounts.operations."""
    current_password = PasswordField("Current password", validators=[DataRequired(), Length(max=200)])
    password = PasswordField("New password", validators=[DataRequired(), Length(max=200)])
    confirm = PasswordField("Repeat the new password",
                            validators=[EqualTo("password", message="The passwords differ.")])


class ResetPasswordForm(Form):
    """An admin gives someone a new password; an empty one means "generate one"."""

    password = PasswordField(validators=[Length(max=1000)])


class TokenForm(Form):
    name = StringField("Token name", validators=[DataRequired(message="Name the token after what will use it."),
                                                 Length(max=100)])


class RevokeTokenForm(Form):
    """Only the CSRF token: revoking is a button."""


class SettingsForm(Form):
    allow_private_urls = BooleanField("Allow fetching articles from private network addresses")


class NewUserForm(Form):
    """An admin creates an account; an empty password means "generate one"."""

    username = StringField(validators=[Length(max=200)])
    role = StringField(default="reviewer", validators=[Length(max=50)])
    password = PasswordField(validators=[Length(max=1000)])


class ChangeUserForm(Form):
    """An admin changes a role (the role select) or the account's state (the Disable and Enable buttons)."""

    role = StringField(validators=[Length(max=50)])
    action = StringField(validators=[Length(max=50)])

    def active(self) -> bool | None:
        """The state the buttons ask for; None leaves it as it is."""
        return {"disable": False, "enable": True}.get(self.action.data)
