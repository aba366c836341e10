"""Article forms: adding an article, splitting a sentence."""
from flask_wtf.file import FileField
from wtforms import DateField
from wtforms import IntegerField
from wtforms import StringField
from wtforms import TextAreaField
from wtforms.validators import InputRequired
from wtforms.validators import Length
from wtforms.validators import NumberRange
from wtforms.validators import Optional

from annotate.web.forms import Form
from annotate.web.forms import http_url


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
            self.text.errors = [*self.text.errors,
                                "The article text is empty: paste it, choose a file, or give a web address."]
            return False
        if sources[2] and any(sources[:2]):
            self.text.errors = [*self.text.errors,
                                "Give either a web address to fetch or the text (or a file), not both."]
            return False
        if sources[0] and sources[1]:  # neither may be dropped without a word
            self.text.errors = [*self.text.errors,
                                "Paste the text or choose a file, not both: clear one of them."]
            return False
        return valid


class SplitForm(Form):
    offset16 = IntegerField(validators=[InputRequired(), NumberRange(min=0)])
