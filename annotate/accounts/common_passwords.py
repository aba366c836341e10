"""The passwords attackers try first: 19,640 of the commonest, shipped in data/ (see data/common-passwords.md)."""
import functools
import gzip
from pathlib import Path

LIST_PATH = Path(__file__).parent / "data" / "common-passwords.txt.gz"


@functools.cache
def common_passwords() -> frozenset[str]:
    """The list, read once per process (lower case, one a line)."""
    with gzip.open(LIST_PATH, "rt", encoding="utf-8") as lines:
        return frozenset(line.strip() for line in lines if line.strip())


def is_common(password: str) -> bool:
    """True when the password, ignoring case and surrounding spaces, is on the list."""
    return password.strip().lower() in common_passwords()
