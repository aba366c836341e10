"""Account forms: login, first-run setup, API tokens, site settings."""
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


class TokenForm(Form):
    name = StringField("Token name", validators=[DataRequired(message="Name the token after what will use it."),
                                                 Length(max=100)])


class RevokeTokenForm(Form):
    """Only the CSRF token: revoking is a button."""


class SettingsForm(Form):
    allow_private_urls = BooleanField("Allow fetching articles from private network addresses")
