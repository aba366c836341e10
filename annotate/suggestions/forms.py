"""Suggestion forms: a suggestion edited before it is accepted, and a rejection."""
from wtforms import BooleanField
from wtforms import SelectField
from wtforms import StringField
from wtforms import TextAreaField
from wtforms.validators import Length
from wtforms.validators import Optional

from annotate.models.choices import ATTRIBUTION_LABELS
from annotate.web.forms import Form
from annotate.web.forms import choices

EDIT_FIELDS = ("quote", "attr_source", "attr_role", "attr_cue", "attr_type")


class SuggestionForm(Form):
    """The suggestion, editable before accepting; a field that was not sent keeps the suggestion's value."""

    quote = TextAreaField("Claim text", validators=[Optional(), Length(max=20000)])
    attr_source = StringField("Source", validators=[Optional(), Length(max=300)])
    attr_role = StringField("Role", validators=[Optional(), Length(max=300)])
    attr_cue = StringField("Cue", validators=[Optional(), Length(max=100)])
    attr_type = SelectField("Type", choices=choices(ATTRIBUTION_LABELS),
                            validate_choice=False)  # checked by update_claim, with its message

    def edits(self) -> dict:
        """Only the fields the request carried: a one-click accept sends none."""
        return {name: self[name].data for name in EDIT_FIELDS if self[name].raw_data}


class RejectForm(Form):
    """Rejecting from a chip or from the edit panel (which then closes)."""

    from_panel = BooleanField()
