"""Domain errors: bad input carries the message a person reads and the field it belongs next to."""


class InputError(ValueError):
    """Bad input from a user: a message, and the form field it belongs next to. A refusal because the record
    changed or is locked (a conflict, not bad input) says so with status 409 and a stable code."""

    status = 422
    code: str | None = None

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field
