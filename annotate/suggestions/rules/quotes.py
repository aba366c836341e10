"""Find quotations: pairs of double quotation marks (single ones where they hold the double ones), per paragraph.

Quotations are paired over the whole paragraph, not per sentence, because a
quotation routinely runs over several sentences with its cue only in the
last one.  Curly marks say which side they are on; straight marks toggle;
mixed pairs (`"...”`, common after copy-editing) pair up as well.  A mark left
open at the end of a paragraph closes there: the news convention for a quote
that continues into the next paragraph, whose own opening mark starts a new
quotation that discourse rules then attach to the same speaker.
"""
import bisect
import re
from dataclasses import dataclass

from annotate.text.offsets import trim_span

OPENING = "“«„"
CLOSING = "”»"
TOGGLE = '"'
MARKS = OPENING + CLOSING + TOGGLE
# Doubled single marks stand for double ones in wire copy: ‘‘...’’ and ``...''.
DOUBLED_OPENING = ("‘‘", "``")
DOUBLED_CLOSING = ("’’",)
DOUBLED_TOGGLE = "''"  # two straight apostrophes open and close alike
MARK = re.compile("|".join(DOUBLED_OPENING + DOUBLED_CLOSING + (DOUBLED_TOGGLE,)) + "|[" + MARKS + "]")


@dataclass(frozen=True)
class Quote:
    """One quotation: the offsets of its marks (close is exclusive end)."""

    open: int  # offset of the opening mark
    close: int  # offset just past the closing mark (or the paragraph end)
    closed: bool  # False when the paragraph ended before a closing mark

    @property
    def inner(self) -> tuple[int, int]:
        """Offsets of the quoted words, marks excluded."""
        return self.open + 1, self.close - 1 if self.closed else self.close


def find_quotes(text: str, paragraphs: list[tuple[int, int]]) -> list[Quote]:
    """Every quotation in the given paragraph spans, in text order."""
    quotes = []
    for start, end in paragraphs:
        found = _paragraph_quotes(text, start, end)
        singles = _single_quotes(text, start, end)
        quotes.extend(singles if _outer(singles, found) else found)
    return quotes


def _outer(singles: list[Quote], doubles: list[Quote]) -> bool:
    """Whether the single-mark quotations hold every double-mark one: British nesting (‘He said “no”,’ she said)."""
    if not singles:
        return False
    k = 0  # both lists are in text order and disjoint: one pass
    for d in doubles:
        while k < len(singles) and singles[k].close < d.close:
            k += 1
        if k == len(singles) or not singles[k].open < d.open:
            return False
    return True


# British and Australian copy quotes with single marks: ‘We will not close,’ the head said. The closing mark is
# also the apostrophe ("it’s", "the players’ union"), so it closes only after punctuation ("‘...,’", "‘...?’")
# or before punctuation or a space after any letter but a plural's s ("a ‘dream’ placement"); after an s only
# when nothing else closes before the next opening mark ("received ‘thousands’ of threats").
# Sites that print straight marks use the apostrophe for both sides ('We will not close,' the head said).
SINGLE_OPENING = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))[‘'](?=[\w\[(…]|\.\.\.)")
SINGLE_CLOSING = re.compile(r"(?<=[.,!?…])[’']|(?<=[^\Ws])[’'](?=[\s.,;:!?)—–]|$)")
PLURAL_CLOSING = re.compile(r"(?<=s)[’'](?=[\s.,;:!?)—–]|$)")
# A quotation left open at the paragraph's end continues into the next paragraph (the same convention as for
# double marks), but only one that opens a sentence or follows a cue's comma or colon.
SENTENCE_END = ".!?:,…"


def _single_quotes(text: str, start: int, end: int) -> list[Quote]:
    """Single-mark quotations of a paragraph."""
    openings = [m.start() for m in SINGLE_OPENING.finditer(text, start, end)]
    quotes = []
    for k, opening in enumerate(openings):
        limit = openings[k + 1] if k + 1 < len(openings) else end
        closing = SINGLE_CLOSING.search(text, opening + 1, limit) or PLURAL_CLOSING.search(text, opening + 1, limit)
        if closing is not None:
            quotes.append(Quote(opening, closing.end(), True))
        elif limit == end and text[start:opening].rstrip()[-1:] in ("", *SENTENCE_END):
            quotes.append(Quote(opening, trim_span(text, opening, end)[1], False))
    return quotes


def _marks(text: str, start: int, end: int):
    """(offset, width, side) of each quotation mark; side is open, close or toggle."""
    for m in MARK.finditer(text, start, end):
        mark = m.group()
        side = "open" if mark in OPENING or mark in DOUBLED_OPENING else \
            "toggle" if mark in (TOGGLE, DOUBLED_TOGGLE) else "close"
        yield m.start(), len(mark), side


def _paragraph_quotes(text: str, start: int, end: int) -> list[Quote]:
    """Pair the marks of one paragraph."""
    quotes, opened = [], None
    for i, width, side in _marks(text, start, end):
        if opened is None and side == "close":
            continue  # stray closing mark: nothing to close
        if opened is None:
            opened = i
        elif side == "open" and not _misprinted_closing(text, i, width, end):
            opened = i  # a second opening mark: the first was unbalanced
        else:
            quotes.append(Quote(opened, i + width, True))
            opened = None
    if opened is not None:
        quotes.append(Quote(opened, trim_span(text, opened, end)[1], False))  # runs to the paragraph's last word
    return quotes


def _misprinted_closing(text: str, i: int, width: int, end: int) -> bool:
    """`“It's unusual,“ said Noble`: an opening mark typed where a quotation closes, straight after its punctuation
    and before a space or the paragraph's end, closes it."""
    after = i + width
    return i > 0 and text[i - 1] in ",.!?…" and (after >= end or text[after] in " \t\n)]—–;:")


def overlapping(quotes: list[Quote], start: int, end: int) -> list[Quote]:
    """Quotations sharing a character with [start, end); quotes are in text
    order and disjoint, so a binary search finds the first candidate."""
    i = bisect.bisect_right(quotes, start, key=lambda q: q.close)
    found = []
    while i < len(quotes) and quotes[i].open < end:
        found.append(quotes[i])
        i += 1
    return found


def quoted_mask(quotes: list[Quote], start: int, end: int) -> list[bool]:
    """For each offset in [start, end), whether it lies inside a quotation."""
    mask = [False] * (end - start)
    for q in overlapping(quotes, start, end):
        lo, hi = max(q.open, start) - start, min(q.close, end) - start
        mask[lo:hi] = [True] * (hi - lo)
    return mask


def paragraph_spans(units: list) -> list[tuple[int, int]]:
    """(start, end) of each paragraph, from the units segment() returned."""
    spans: dict[int, list[int]] = {}
    for u in units:
        span = spans.setdefault(u.paragraph, [u.start, u.end])
        span[0], span[1] = min(span[0], u.start), max(span[1], u.end)
    return [tuple(spans[p]) for p in sorted(spans)]
