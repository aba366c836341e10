"""The base of every form, and the fields and validators the feature forms share.

Forms turn what a request carries into typed, bounded values; what those values may mean (a rating that
exists, a quorum from 1 to 10) is checked once, by the operation, whose message the person then reads.
"""
from flask import has_request_context
from flask import request
from flask_wtf import FlaskForm
from wtforms import Field
from wtforms import IntegerField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import URL
from wtforms.validators import DataRequired
from wtforms.validators import Length
from wtforms.validators import NumberRange
from wtforms.validators import Optional
from wtforms.validators import Regexp
from wtforms.widgets.core import clean_key

from annotate.errors import InputError
from annotate.models import MAX_INTEGER
from annotate.models import MIN_INTEGER
from annotate.web import widgets

HTTP_ONLY = Regexp(r"(?i)^https?://", message="Give a full web address starting with http:// or https://.")
STALE_CHOICE = "That choice is not in the list; reload the page and try again."
MAX_PICKS = 1000


def without_nul(value):
    """NUL characters are never meant, and PostgreSQL text columns refuse them (a 500 otherwise)."""
    return value.replace("\x00", "") if isinstance(value, str) else value


class Form(FlaskForm):
    """The base of every form here: NUL characters are dropped from every field."""

    class Meta:
        def bind_field(self, form, unbound_field, options):
            filters = [*unbound_field.kwargs.get("filters", ()), without_nul]
            return unbound_field.bind(form=form, filters=filters, **options)

        def render_field(self, field, render_kw):
            """WTForms' rendering, with the plain widgets drawn by annotate.web.widgets (the same markup, quicker)."""
            params = {clean_key(key): value for key, value in render_kw.items()}
            if field.render_kw:
                params = {clean_key(key): value for key, value in field.render_kw.items()} | params
            markup = widgets.render(field, params)
            return markup if markup is not None else field.widget(field, **params)

        def wrap_formdata(self, form, formdata):
            """The pages post forms, never JSON: a JSON body is not read as the form (Flask-WTF would parse it,
            and a deeply nested one failed with a 500); the form then holds nothing and is refused as empty."""
            automatic = formdata is not None and not hasattr(formdata, "getlist")
            if automatic and has_request_context() and request.is_json:
                return None
            return super().wrap_formdata(form, formdata)

    def check(self) -> "Form":
        """Validate; a failure raises InputError with the first message, so a view shows it where it shows an
        operation's refusal."""
        if not self.validate():
            name, messages = next(iter(self.errors.items()))
            raise InputError(messages[0], name)
        return self

    def submitted(self) -> dict[str, str]:
        """What the request carried, field by field, to fill a form shown again after a refusal."""
        return {field.name: field.raw_data[0] for field in self if field.raw_data}


class WholeNumberField(IntegerField):
    """A whole number that fits an INTEGER column, or nothing: anything else is this field's error, never a
    database overflow (and never a 500)."""

    def __init__(self, label=None, validators=(), minimum: int = MIN_INTEGER, message: str = "Give a whole number.",
                 **kwargs):
        bounds = [Optional(), NumberRange(min=minimum, max=MAX_INTEGER, message=message)]
        super().__init__(label, [*bounds, *validators], invalid_value_message=message, **kwargs)


class RecordIdField(WholeNumberField):
    """The id of a record picked in the page (a select, a hidden input): 1 to MAX_INTEGER, or nothing."""

    def __init__(self, label=None, validators=(), **kwargs):
        super().__init__(label, validators, minimum=1, message=STALE_CHOICE, **kwargs)


class RecordIdListField(Field):
    """The ids of records picked with checkboxes of one name, each 1 to MAX_INTEGER, at most MAX_PICKS of them."""

    def __init__(self, label=None, validators=None, **kwargs):
        super().__init__(label, validators, default=list, **kwargs)

    def process_formdata(self, valuelist):
        if len(valuelist) > MAX_PICKS:
            raise ValueError(f"Pick at most {MAX_PICKS:,} items.")
        self.data = [_record_id(value) for value in valuelist]


def _record_id(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise ValueError(STALE_CHOICE) from None
    if not 1 <= number <= MAX_INTEGER:
        raise ValueError(STALE_CHOICE)
    return number


def http_url(optional: bool):
    """A URL field validator chain that admits http(s) only (never javascript: or data:)."""
    first = Optional() if optional else DataRequired(message="Give the address of the source.")
    return [first, Length(max=2000), HTTP_ONLY, URL(require_tld=False, message="This is not a valid web address.")]


def choices(labels: dict[str, str]) -> list[SelectChoice]:
    """Select choices from a {value: label} vocabulary."""
    return [SelectChoice(value, label) for value, label in labels.items()]
