"""The quick renderers of annotate.web.widgets draw exactly what WTForms' own widgets draw, for every field of every
form, with awkward values, errors and extra attributes."""
import importlib
import pkgutil

import pytest
from markupsafe import Markup
from werkzeug.datastructures import MultiDict
from wtforms import SelectField
from wtforms.fields.choices import SelectChoice
from wtforms.widgets import Select
from wtforms.widgets import TextInput

import annotate
from annotate.web import widgets
from annotate.web.forms import Form

AWKWARD = 'He said "no" & <b>left</b> \u2019twas 😀'


def every_form() -> list[type[Form]]:
    for module in pkgutil.walk_packages(annotate.__path__, "annotate."):
        if module.name.endswith(".forms"):
            importlib.import_module(module.name)
    found, todo = [], [Form]
    while todo:
        for sub in todo.pop().__subclasses__():
            found.append(sub)
            todo.append(sub)
    return sorted(found, key=lambda f: f"{f.__module__}.{f.__name__}")


FORMS = every_form()
EXTRAS = [{}, {"class_": "input", "placeholder": AWKWARD, "rows": 3},
          {"class_": "input", "aria_invalid": "true", "aria_describedby": "x-error", "data_focus": True,
           "disabled": False, "required": True}]


def test_the_sweep_covers_the_forms_and_the_quick_widgets(app):
    names = {form.__name__ for form in FORMS}
    assert {"ClaimForm", "EvidenceForm", "VerdictForm", "CommentForm", "LoginForm", "ImportForm"} <= names
    with app.test_request_context():
        kinds = {type(field.widget) for form in FORMS for field in _bound(form, MultiDict())}
    assert set(widgets.RENDERERS) <= kinds


def _bound(form_class, formdata):
    form = form_class(formdata=formdata, meta={"csrf": False})
    return list(form)


def _formdata(form_class) -> MultiDict:
    """Every field sent with an awkward value; a select sent its second choice (or an unknown one)."""
    data = MultiDict()
    for field in _bound(form_class, MultiDict()):
        if isinstance(field, SelectField) and field.choices:
            choices = list(field.iter_choices())
            data.add(field.name, str(choices[min(1, len(choices) - 1)].value))
        else:
            data.add(field.name, AWKWARD)
    return data


@pytest.mark.parametrize("form_class", FORMS, ids=lambda f: f.__name__)
@pytest.mark.parametrize("sent", ["empty", "filled"])
def test_every_field_renders_as_wtforms_renders_it(app, form_class, sent):
    with app.test_request_context():
        formdata = _formdata(form_class) if sent == "filled" else None
        form = form_class(formdata=formdata, meta={"csrf": False})
        if sent == "filled":
            form.validate()  # errors and coerced data, as a refused form shows them again
        for field in (f for f in form if f.widget is not None):  # a list of checkboxes is drawn by its template
            for extra in EXTRAS:
                params = {widgets.clean_key(k): v for k, v in extra.items()}
                if field.render_kw:
                    params = {widgets.clean_key(k): v for k, v in field.render_kw.items()} | params
                assert field(**extra) == field.widget(field, **dict(params)), (form_class.__name__, field.name, extra)


def test_choices_with_attributes_true_values_and_groups(app):
    class Picks(Form):
        plain = SelectField(choices=[SelectChoice(True, "Yes"), SelectChoice("b", 'B "quoted"',
                                                                              render_kw={"data_x": "1"})])
        grouped = SelectField(choices=[SelectChoice("a", "A", optgroup="One"), SelectChoice("b", "B", optgroup="Two")])

    with app.test_request_context():
        form = Picks(formdata=MultiDict({"plain": "b", "grouped": "b"}), meta={"csrf": False})
    for field in form:
        assert field() == field.widget(field)
    assert 'value="True">Yes</option>' in form.plain()
    assert widgets.render(form.grouped, {}) is None  # groups are left to WTForms


def test_a_widget_not_handled_is_left_to_wtforms(app):
    class Custom(TextInput):
        def __call__(self, field, **kwargs):
            return Markup("<custom>")

    class Odd(Form):
        name = SelectField(choices=["x"], widget=Select(multiple=True))

    with app.test_request_context():
        form = Odd(formdata=None, meta={"csrf": False})
    assert widgets.render(form.name, {}) is None
    form.name.widget = Custom()
    assert form.name() == Markup("<custom>")
