"""Review forms: verdicts, dispute flags, sign-off, assignments, comments, an article's review rules, the ratings.

They make the values typed and bounded; the workflow, discussion and ratings operations judge them and word the
refusals. Lengths here are generous caps on what a request may carry, above the operations' own limits.
"""
from wtforms import BooleanField
from wtforms import StringField
from wtforms import TextAreaField
from wtforms.validators import Length

from annotate.web.forms import Form
from annotate.web.forms import RecordIdField
from annotate.web.forms import RecordIdListField
from annotate.web.forms import WholeNumberField

KEY_CAP = 100
LINE_CAP = 1000
TEXT_CAP = 20_000


class VerdictForm(Form):
    """A reviewer's own verdict: rating, confidence, note, and the evidence items it rests on."""

    rating = StringField(validators=[Length(max=KEY_CAP)])
    confidence = WholeNumberField(message="Choose a confidence from the list.")
    note = TextAreaField(validators=[Length(max=TEXT_CAP)])
    evidence = RecordIdListField()


class FlagForm(Form):
    """A dispute flagged by hand says why."""

    reason = TextAreaField(validators=[Length(max=TEXT_CAP)])


class SignOffForm(Form):
    """An editor's decision: the final rating, its public explanation, how it was reached."""

    rating = StringField(validators=[Length(max=KEY_CAP)])
    explanation = TextAreaField(validators=[Length(max=TEXT_CAP)])
    method = StringField(validators=[Length(max=KEY_CAP)])


class AssignForm(Form):
    """One claim given to a reviewer."""

    reviewer_id = RecordIdField()


class CommentForm(Form):
    """A comment, or a reply to one, optionally pointing at an evidence item."""

    body = TextAreaField(validators=[Length(max=TEXT_CAP)])
    parent_id = RecordIdField()
    evidence_id = RecordIdField()


class TeamForm(Form):
    """The Team page posts one of two forms, told apart by `action`: the review rules, or an assignment."""

    action = StringField(validators=[Length(max=KEY_CAP)])
    blind_verdicts = BooleanField()
    quorum = WholeNumberField(message="The quorum is a whole number.")
    single_verdict = BooleanField()
    reviewer_id = RecordIdField()


class RatingForm(Form):
    """A rating of the vocabulary, new or changed (the key is read only when adding one)."""

    key = StringField(validators=[Length(max=KEY_CAP)])
    label = StringField(validators=[Length(max=LINE_CAP)])
    description = StringField(validators=[Length(max=TEXT_CAP)])
    colour = StringField(validators=[Length(max=KEY_CAP)])
    position = WholeNumberField(message="The order is a whole number.")
    agreement_group = StringField(validators=[Length(max=KEY_CAP)])
    export_status = StringField(validators=[Length(max=KEY_CAP)])
    active = BooleanField()

    def values(self) -> dict:
        """The fields as the ratings operations take them."""
        return {name: self[name].data for name in ("key", "label", "description", "colour", "position",
                                                     "agreement_group", "export_status", "active")}
