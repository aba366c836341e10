"""The base of every form, and validators the feature forms share."""
from flask_wtf import FlaskForm
from wtforms.fields.choices import SelectChoice
from wtforms.validators import URL
from wtforms.validators import DataRequired
from wtforms.validators import Length
from wtforms.validators import Optional
from wtforms.validators import Regexp

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


def choices(labels: dict[str, str]) -> list[SelectChoice]:
    """Select choices from a {value: label} vocabulary."""
    return [SelectChoice(value, label) for value, label in labels.items()]
