"""Interchange forms: importing an annotation set."""
from flask_wtf.file import FileField
from wtforms import SelectField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import ValidationError

from annotate.web.forms import Form


class ImportForm(Form):
    """The base Form: a JSON body is never read as this form (a deeply nested one was a 500)."""

    file = FileField("Annotation set (.json)")
    mode = SelectField("When a claim already exists here", default="skip", choices=[
        SelectChoice("skip", "Keep ours (skip the imported one)"),
        SelectChoice("replace", "Replace ours with the imported one"),
    ])

    def validate_file(self, field):
        if not (field.data and field.data.filename):
            raise ValidationError("Choose a JSON file exported from this or another Claim desk.")
