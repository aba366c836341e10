"""What a JSON document from outside may hold, checked before anything reads it: at most MAX_DEPTH levels, no NUL,
no lone UTF-16 surrogate (neither can be stored: a 500 otherwise), whole numbers within an INTEGER column, finite
numbers. The API's request bodies and the import files pass through here.
"""
import math
import re
from dataclasses import dataclass

from annotate.models import MAX_INTEGER
from annotate.models import MIN_INTEGER

MAX_DEPTH = 64  # an export is 6 levels deep; json.loads itself fails past about 1,000 (RecursionError)
UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


@dataclass
class Problem:
    """Where in the document (a path of keys and indices) and what is wrong; too_deep is a malformed body (400)."""

    path: list
    message: str
    too_deep: bool = False

    def field(self) -> str | None:
        """articles[0].claims[2].start, as the API names a field."""
        out = ""
        for part in self.path:
            out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
        return out or None

    def json_path(self) -> str:
        """$.articles[0].claims[2].start, as the import report names a place."""
        field = self.field()
        return "$" + ("" if field is None else field if field.startswith("[") else "." + field)


def text_problem(text: str) -> str | None:
    found = UNSTORABLE.search(text)
    if found is None:
        return None
    if found.group() == "\x00":
        return "contains a NUL character"
    return f"contains a lone UTF-16 surrogate (U+{ord(found.group()):04X}), which is not a character"


def value_problem(value) -> str | None:
    if isinstance(value, str):
        return text_problem(value)
    if isinstance(value, bool):
        return None
    if isinstance(value, int) and not MIN_INTEGER <= value <= MAX_INTEGER:
        return f"is out of range ({MIN_INTEGER:,} to {MAX_INTEGER:,})"
    if isinstance(value, float) and not math.isfinite(value):
        return "is not a finite number"
    return None


def find_problem(document) -> Problem | None:
    """The first problem in the document, walked without recursion (so depth itself cannot fail the walk)."""
    pending = [(document, [])]
    while pending:
        value, path = pending.pop()
        if len(path) > MAX_DEPTH:
            return Problem(path[:MAX_DEPTH], f"the document is nested more than {MAX_DEPTH} levels deep", True)
        if isinstance(value, dict):
            for key, item in reversed(list(value.items())):
                if (message := text_problem(key)) is not None:
                    return Problem([*path, key.encode("utf-8", "replace").decode()], f"a field name {message}")
                pending.append((item, [*path, key]))
        elif isinstance(value, list):
            pending.extend((item, [*path, index]) for index, item in reversed(list(enumerate(value))))
        elif (message := value_problem(value)) is not None:
            return Problem(path, message)
    return None
