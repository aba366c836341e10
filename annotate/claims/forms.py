"""Claim forms: marking a span, the claim panel, an evidence item."""
from wtforms import BooleanField
from wtforms import HiddenField
from wtforms import IntegerField
from wtforms import SelectField
from wtforms import StringField
from wtforms import TextAreaField
from wtforms.validators import InputRequired
from wtforms.validators import Length
from wtforms.validators import NumberRange
from wtforms.validators import Optional
from wtforms.validators import StopValidation

from annotate.models.choices import ATTRIBUTION_LABELS
from annotate.models.choices import STANCE_LABELS
from annotate.web.forms import Form
from annotate.web.forms import choices
from annotate.web.forms import http_url


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


class NotSent:
    """A choice the request did not send at all is left alone (None: keep the stored value); one sent empty or
    unknown is still refused."""

    field_flags = {"optional": True}

    def __call__(self, form, field):
        if not field.raw_data:
            field.errors[:] = []
            raise StopValidation()


class ClaimForm(Form):
    attr_source = StringField("Source", validators=[Optional(), Length(max=300)])
    attr_role = StringField("Role", validators=[Optional(), Length(max=300)])
    attr_cue = StringField("Cue", validators=[Optional(), Length(max=100)])
    # A field not sent keeps its value: a reapplied edit sends only what it changed (the status is no field: it
    # follows the verdicts)
    attr_type = SelectField("Attribution", choices=choices(ATTRIBUTION_LABELS), validators=[NotSent()])
    rationale = TextAreaField("Rationale", validators=[Optional(), Length(max=20000)])
    version = IntegerField(widget=HiddenField.widget, validators=[InputRequired()])


class EvidenceForm(Form):
    url = StringField("URL", validators=http_url(optional=False))
    title = StringField("Title", validators=[Optional(), Length(max=500)])
    excerpt = TextAreaField("Excerpt", validators=[Optional(), Length(max=5000)])
    stance = SelectField("Stance", choices=choices(STANCE_LABELS), default="context")
