"""Offsets: code points in Python, UTF-16 units in the browser; trimming a span and snapping it to words."""
import unicodedata


class OffsetError(ValueError):
    """An offset that does not fit the text it claims to index."""


def utf16_length(text: str) -> int:
    """How many UTF-16 code units the browser counts for this text."""
    return len(text.encode("utf-16-le")) // 2


def utf16_to_codepoint(text: str, offset16: int) -> int:
    """Convert a browser (UTF-16) offset into text to a Python (code point) offset."""
    if offset16 < 0:
        raise OffsetError("offset is negative")
    units = 0
    for index, char in enumerate(text):
        if units == offset16:
            return index
        units += 2 if ord(char) > 0xFFFF else 1
        if units > offset16:
            raise OffsetError("offset falls inside a character (half of a surrogate pair)")
    if units == offset16:
        return len(text)
    raise OffsetError("offset is past the end of the text")


def codepoint_to_utf16(text: str, offset: int) -> int:
    """Convert a Python offset into text to the browser's UTF-16 offset."""
    if not 0 <= offset <= len(text):
        raise OffsetError("offset is outside the text")
    return utf16_length(text[:offset])


def trim_span(text: str, start: int, end: int, also: str = "") -> tuple[int, int]:
    """[start, end) without white space (or any character of `also`) at its edges; an all-blank span shrinks to
    (end, end). Every place that trims a span calls this one."""
    while start < end and (text[start].isspace() or text[start] in also):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in also):
        end -= 1
    return start, end


def _is_word_char(char: str) -> bool:
    """Letters, digits, marks and joiners belong to words; so do apostrophes inside them."""
    category = unicodedata.category(char)
    if "\U0001F3FB" <= char <= "\U0001F3FF":  # emoji skin tones (category Sk) belong to the emoji before
        return True
    return category[0] in "LNM" or char in "'’-\u200d" or category == "So"


def _in_word(text: str, index: int) -> bool:
    """Whether text[index] belongs to a word; a point or comma between digits does (4.5, 30,000)."""
    char = text[index]
    if char in ".,":
        return 0 < index < len(text) - 1 and text[index - 1].isdigit() and text[index + 1].isdigit()
    return _is_word_char(char)


def snap_to_words(text: str, start: int, end: int, lo: int = 0, hi: int | None = None) -> tuple[int, int]:
    """Widen [start, end) to whole words within [lo, hi), then trim surrounding spaces.

    A selection that begins or ends mid-word grows to take the whole word; one that
    starts or ends on white space shrinks to the first and last non-space character.
    Punctuation selected at the edge is kept (a closing quote mark, say).
    """
    hi = len(text) if hi is None else hi
    start, end = trim_span(text, max(lo, min(start, hi)), max(lo, min(end, hi)))
    if start == end:
        return start, end
    while start > lo and _in_word(text, start) and _in_word(text, start - 1):
        start -= 1
    while end < hi and _in_word(text, end - 1) and _in_word(text, end):
        end += 1
    return start, end


def nearest_word_boundary(text: str, offset: int, lo: int = 0, hi: int | None = None) -> int:
    """A point inside a word moves to the nearer end of that word (its start on a tie), so a split never cuts one."""
    hi = len(text) if hi is None else hi
    if not lo < offset < hi or not (_in_word(text, offset - 1) and _in_word(text, offset)):
        return offset
    start = end = offset
    while start > lo and _in_word(text, start - 1):
        start -= 1
    while end < hi and _in_word(text, end):
        end += 1
    return start if offset - start <= end - offset else end
