"""Reading a JSON request body and checking it against the schema the OpenAPI document publishes."""
from datetime import date

from flask import request

from annotate.api.errors import ApiError
from annotate.interchange import values

MAX_PAGE = 1_000_000
MAX_PER_PAGE = 100
DEFAULT_PER_PAGE = 20


def field_of(error) -> str | None:
    """The dotted field a schema error concerns (the missing or unexpected property when there is one)."""
    path = [str(part) for part in error.absolute_path]
    if error.validator == "required":
        missing = [name for name in error.validator_value if name not in error.instance]
        path += missing[:1]
    elif error.validator == "additionalProperties":
        allowed = set(error.schema.get("properties", {}))
        extra = sorted(name for name in error.instance if name not in allowed)
        path += extra[:1]
    return ".".join(path) or None


def message_of(error, field: str | None) -> str:
    if error.validator == "required":
        return f"{field} is required."
    if error.validator == "additionalProperties":
        return f"{field} is not a field of this request."
    where = f"{field}: " if field else ""
    return where + error.message


def unreadable_values(data) -> None:
    """Too deep is a malformed body (400); a NUL, a lone surrogate, an integer out of the database's range or a
    non-finite number is a 422 naming its field (each was a 500 when the database met it)."""
    problem = values.find_problem(data)
    if problem is None:
        return
    if problem.too_deep:
        raise ApiError(400, f"The body cannot be read: {problem.message}.")
    field = problem.field()
    raise ApiError(422, f"{field or 'The body'} {problem.message}.", field)


_validators: dict[int, tuple] = {}


def validator_for(schema: dict):
    """One validator per request schema, built on first use (jsonschema is imported only when a body is checked,
    not at start-up); the schema is kept with it, so its id is never reused for another."""
    kept = _validators.get(id(schema))
    if kept is None or kept[0] is not schema:
        from jsonschema import Draft202012Validator
        from jsonschema import FormatChecker

        kept = _validators[id(schema)] = (schema, Draft202012Validator(schema, format_checker=FormatChecker()))
    return kept[1]


def json_body(schema: dict | None = None) -> dict:
    """The request's JSON object, valid against the schema, or 400 (not JSON, too deep) / 422 (wrong fields)."""
    if not request.is_json:
        raise ApiError(400, "Send a JSON body with Content-Type: application/json.")
    try:
        data = request.get_json(silent=True)
    except RecursionError:  # the parser itself gives up on a body nested about a thousand levels deep
        raise ApiError(400, f"The body cannot be read: it is nested more than {values.MAX_DEPTH} levels deep.") from None
    if data is None:
        raise ApiError(400, "The body is not valid JSON.")
    unreadable_values(data)
    if not isinstance(data, dict):
        raise ApiError(422, "The body must be a JSON object.")
    if schema is not None:
        errors = sorted(validator_for(schema).iter_errors(data),
                        key=lambda e: (list(map(str, e.absolute_path)), e.validator))
        if errors:
            field = field_of(errors[0])
            raise ApiError(422, message_of(errors[0], field), field)
    return data


def int_arg(name: str, default: int, minimum: int, maximum: int) -> int:
    """An integer query parameter within bounds, or 400 naming it."""
    raw = request.args.get(name)
    if raw is None or raw == "":
        return default
    if not (raw.isascii() and raw.isdigit()) or not (minimum <= int(raw) <= maximum):
        raise ApiError(400, f"{name} must be a whole number from {minimum} to {maximum:,}.", name)
    return int(raw)


def choice_arg(name: str, allowed: tuple[str, ...]) -> str | None:
    raw = request.args.get(name) or None
    if raw is not None and raw not in allowed:
        raise ApiError(400, f"{name} must be one of: {', '.join(allowed)}.", name)
    return raw


def date_value(value: str | None, field: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ApiError(422, f"{field} must be a date as YYYY-MM-DD.", field) from None
