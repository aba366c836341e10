"""Re-anchoring: find where a quote sits in a text that may have changed since it was marked.

As Hypothesis does, the offsets are tried first, then exact occurrences of the quote ranked by how
well the surrounding context matches, then a fuzzy match with a bounded number of edits. A quote
that cannot be placed is reported as such (the caller keeps it as an orphan), never shifted blindly.
"""
from dataclasses import dataclass
from difflib import SequenceMatcher

import regex

from annotate.text.offsets import trim_span

MAX_FUZZY_QUOTE = 1000


@dataclass(frozen=True)
class Anchor:
    start: int
    end: int
    method: str  # "offsets" | "exact" | "fuzzy"
    errors: int = 0


def max_errors(quote: str) -> int:
    """The edit budget of a fuzzy match: a fifth of the quote, at least 1, at most 32."""
    return min(32, max(1, len(quote) // 5))


def context_score(text: str, start: int, end: int, prefix: str, suffix: str) -> float:
    """How closely the text around [start, end) matches the recorded prefix and suffix (0..2)."""
    before = text[max(0, start - len(prefix)) : start]
    after = text[end : end + len(suffix)]
    score = SequenceMatcher(None, before, prefix).ratio() if prefix else 0.0
    return score + (SequenceMatcher(None, after, suffix).ratio() if suffix else 0.0)


def exact_matches(text: str, quote: str) -> list[int]:
    """Every start position of the quote in the text (overlapping ones included)."""
    found, position = [], text.find(quote)
    while position != -1:
        found.append(position)
        position = text.find(quote, position + 1)
    return found


def fuzzy_match(text: str, quote: str) -> Anchor | None:
    """The best approximate occurrence within the edit budget, trimmed of edge white space."""
    if len(quote) > MAX_FUZZY_QUOTE or not quote.strip():
        return None
    pattern = f"(?:{regex.escape(quote)}){{e<={max_errors(quote)}}}"
    match = regex.search(pattern, text, flags=regex.BESTMATCH | regex.V1)
    if match is None:
        return None
    start, end = trim_span(text, *match.span())
    return Anchor(start, end, "fuzzy", sum(match.fuzzy_counts)) if start < end else None


def anchor(text: str, quote: str, prefix: str = "", suffix: str = "", hint: int | None = None) -> Anchor | None:
    """Place a quote in text: by its old offset, else the best exact match, else a bounded fuzzy match."""
    if not quote:
        return None
    if hint is not None and 0 <= hint and text[hint : hint + len(quote)] == quote:
        return Anchor(hint, hint + len(quote), "offsets")
    starts = exact_matches(text, quote)
    if starts:
        def rank(start: int) -> tuple[float, int]:
            distance = abs(start - hint) if hint is not None else 0
            return (context_score(text, start, start + len(quote), prefix, suffix), -distance)

        best = max(starts, key=rank)
        return Anchor(best, best + len(quote), "exact")
    return fuzzy_match(text, quote)
