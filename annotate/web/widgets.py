"""WTForms' plain widgets (text, hidden, textarea, select) rendered to the same markup, in a third of the time.

The claim panel renders a dozen fields and their options on every change, and WTForms spent about 1.5 ms of a
10 ms claim mark doing it: its html_params formats each attribute through Markup.format, and each widget walks
dir() of the field's flags. These renderers build the same attributes (same order, same escaping, same flags) with
plain strings; anything else (a multiple select, option groups, a datalist, another widget) goes to WTForms.
tests/test_widgets.py renders every field of every form both ways and compares.
"""
from markupsafe import Markup
from markupsafe import escape
from wtforms.widgets import HiddenInput
from wtforms.widgets import Select
from wtforms.widgets import TextArea
from wtforms.widgets import TextInput
from wtforms.widgets.core import clean_key

QUOTE, ESCAPED_QUOTE = Markup('"'), Markup("&quot;")


def attributes(params: dict) -> str:
    """wtforms.widgets.html_params: sorted by name, True as a bare attribute, False left out, values escaped."""
    parts = []
    for key, value in sorted(params.items()):
        key = clean_key(key)
        if value is True:
            parts.append(key)
        elif value is not False:
            parts.append(f'{escape(key)}="{escape(value).replace(QUOTE, ESCAPED_QUOTE)}"')
    return " ".join(parts)


def _add_flags(field, names, params: dict, call: bool) -> None:
    """The validators' flags the widget shows as attributes (required, maxlength ...), unless given."""
    for name, value in vars(field.flags).items():
        if name in names and name not in params:
            params[name] = value() if call and callable(value) else value


def _input(widget, field, params: dict) -> Markup | None:
    if getattr(field, "_datalist", None) is not None:
        return None
    params.setdefault("id", field.id)
    params.setdefault("type", widget.input_type)
    if "value" not in params:
        params["value"] = field._value()
    _add_flags(field, widget.validation_attrs, params, call=True)
    params["name"] = field.name
    return Markup(f"<input {attributes(params)}>")


def _textarea(widget, field, params: dict) -> Markup:
    params.setdefault("id", field.id)
    _add_flags(field, widget.validation_attrs, params, call=False)
    params["name"] = field.name
    return Markup(f"<textarea {attributes(params)}>\r\n{escape(field._value())}</textarea>")


def _select(widget, field, params: dict) -> Markup | None:
    if widget.multiple or field.has_groups():
        return None
    params.setdefault("id", field.id)
    _add_flags(field, widget.validation_attrs, params, call=False)
    params["name"] = field.name
    parts = [f"<select {attributes(params)}>"]
    for choice in field._iter_choices_normalized():
        value = str(choice.value) if isinstance(choice.value, bool) else choice.value
        option = {"value": value, **(choice.render_kw or {})}
        if choice.selected:
            option["selected"] = True
        parts.append(f"<option {attributes(option)}>{escape(choice.label or choice.value)}</option>")
    parts.append("</select>")
    return Markup("".join(parts))


RENDERERS = {TextInput: _input, HiddenInput: _input, TextArea: _textarea, Select: _select}


def render(field, params: dict) -> Markup | None:
    """The field's markup, or None when WTForms must render it (a widget or a case not handled here)."""
    renderer = RENDERERS.get(type(field.widget))
    return renderer(field.widget, field, params) if renderer is not None else None
