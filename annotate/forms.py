"""WTForms classes: every field validated on the server, messages shown next to the field."""
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import BooleanField
from wtforms import DateField
from wtforms import HiddenField
from wtforms import IntegerField
from wtforms import PasswordField
from wtforms import SelectField
from wtforms import StringField
from wtforms import TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import URL
from wtforms.validators import DataRequired
from wtforms.validators import EqualTo
from wtforms.validators import InputRequired
from wtforms.validators import Length
from wtforms.validators import NumberRange
from wtforms.validators import Optional
from wtforms.validators import Regexp
from wtforms.validators import ValidationError

from .vocab import ATTRIBUTION_LABELS
from .vocab import STANCE_LABELS
from .vocab import STATUS_LABELS

HTTP_ONLY = Regexp(r"(?i)^https?://", message="Give a full web address starting with http:// or https://.")


def without_nul(value):
    """NUL characters are never meant, and PostgreSQL text columns refuse them (a 500 otherwise)."""
    return value.replace("\x00", "") if isinstance(value, str) else value


class Form(FlaskForm):
    """The base of every form here: NUL characters are dropped from every field."""

    class Meta:
        def bind_field(self, form, unbound_field, options):
            filters = [*unbound_field.kwargs.get("filters", ()), without_nul]
            return unbound_field.bind(form=form, filters=filters, **options)


def http_url(optional: bool):
    """A URL field validator chain that admits http(s) only (never javascript: or data:)."""
    first = Optional() if optional else DataRequired(message="Give the address of the source.")
    return [first, Length(max=2000), HTTP_ONLY, URL(require_tld=False, message="This is not a valid web address.")]


class LoginForm(Form):
    username = StringField("Username", validators=[DataRequired(), Length(max=80)])
    password = PasswordField("Password", validators=[DataRequired(), Length(max=200)])


class SetupForm(Form):
    username = StringField("Username", validators=[DataRequired(), Length(min=2, max=80),
                                                   Regexp(r"^[\w.@+-]+$", message="Letters, digits and . @ + - _ only.")])
    password = PasswordField("Password", validators=[DataRequired(), Length(min=8, max=200,
                             message="Use at least 8 characters.")])
    confirm = PasswordField("Repeat password", validators=[EqualTo("password", message="The passwords differ.")])


class ArticleForm(Form):
    fetch_url = StringField("Fetch from a web address", validators=http_url(optional=True))
    title = StringField("Title", validators=[Optional(), Length(max=300)])
    source_url = StringField("Source URL", validators=http_url(optional=True))
    published = DateField("Publication date", validators=[Optional()])
    text = TextAreaField("Article text", validators=[Optional()])
    file = FileField("…or upload a file (.txt, .md, .html)")

    def validate(self, extra_validators=None) -> bool:
        """Exactly one source of text (an inline validate_text would be skipped by Optional())."""
        valid = super().validate(extra_validators)
        sources = [bool((self.text.data or "").strip()), bool(self.file.data and self.file.data.filename),
                   bool((self.fetch_url.data or "").strip())]
        if not any(sources):
            self.text.errors = [*self.text.errors, "The article text is empty: paste it, choose a file, or give a web address."]
            return False
        if sources[2] and any(sources[:2]):
            self.text.errors = [*self.text.errors,
                                "Give either a web address to fetch or the text (or a file), not both."]
            return False
        return valid


class MarkForm(Form):
    sentence_id = IntegerField(validators=[InputRequired()])
    start16 = IntegerField(validators=[Optional(), NumberRange(min=0)])
    end16 = IntegerField(validators=[Optional(), NumberRange(min=0)])
    quote = HiddenField(validators=[Optional(), Length(max=20000)])
    whole = BooleanField()

    def validate(self, extra_validators=None) -> bool:
        """Offsets are needed unless the whole sentence is marked (Optional() would skip an inline check)."""
        if not super().validate(extra_validators):
            return False
        if not self.whole.data and (self.start16.data is None or self.end16.data is None):
            self.end16.errors.append("Select some words in a sentence first.")
            return False
        return True


class SplitForm(Form):
    offset16 = IntegerField(validators=[InputRequired(), NumberRange(min=0)])


def _choices(labels: dict[str, str]) -> list[SelectChoice]:
    return [SelectChoice(value, label) for value, label in labels.items()]


class ClaimForm(Form):
    attr_source = StringField("Source", validators=[Optional(), Length(max=300)])
    attr_role = StringField("Role", validators=[Optional(), Length(max=300)])
    attr_cue = StringField("Cue", validators=[Optional(), Length(max=100)])
    attr_type = SelectField("Attribution", choices=_choices(ATTRIBUTION_LABELS))
    status = SelectField("Status", choices=_choices(STATUS_LABELS))
    rationale = TextAreaField("Rationale", validators=[Optional(), Length(max=20000)])
    version = IntegerField(widget=HiddenField.widget, validators=[InputRequired()])


class EvidenceForm(Form):
    url = StringField("URL", validators=http_url(optional=False))
    title = StringField("Title", validators=[Optional(), Length(max=500)])
    excerpt = TextAreaField("Excerpt", validators=[Optional(), Length(max=5000)])
    stance = SelectField("Stance", choices=_choices(STANCE_LABELS), default="context")


class ImportForm(FlaskForm):
    file = FileField("Annotation set (.json)")
    mode = SelectField("When a claim already exists here", default="skip", choices=[
        SelectChoice("skip", "Keep ours (skip the imported one)"),
        SelectChoice("replace", "Replace ours with the imported one"),
    ])

    def validate_file(self, field):
        if not (field.data and field.data.filename):
            raise ValidationError("Choose a JSON file exported from this or another Claim desk.")


class TokenForm(Form):
    name = StringField("Token name", validators=[DataRequired(message="Name the token after what will use it."),
                                                 Length(max=100)])


class RevokeTokenForm(Form):
    """Only the CSRF token: revoking is a button."""


class SettingsForm(Form):
    allow_private_urls = BooleanField("Allow fetching articles from private network addresses")
