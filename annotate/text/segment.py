"""Split stored article text into sentence-sized units for sentence-by-sentence reading.

Lines are paragraphs; each body or caption line is split into sentences by syntok,
whose boundaries are then repaired with news-copy rules (titles, datelines,
quote attributions, emoji, photo credits). Whole lines that are page chrome or
headings become a single unit; line and sentence kinds are kinds.py's. Word lists and
patterns live in segment_rules.py.
"""
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from syntok import segmenter

from annotate.text import chrome_rules as chrome
from annotate.text import segment_rules as rules
from annotate.text.kinds import classify_line
from annotate.text.kinds import is_name_roster
from annotate.text.kinds import sentence_kinds
from annotate.text.offsets import trim_span

KINDS = ("body", "heading", "caption", "boilerplate")

Span = tuple[int, int]


@dataclass(frozen=True)
class Unit:
    start: int      # code-point offset into text
    end: int        # exclusive; text[start:end] is the unit, without surrounding whitespace
    kind: str       # one of KINDS
    paragraph: int  # 0-based index of the non-blank line the unit belongs to


def normalize_text(raw: str) -> str:
    """Canonical form articles are stored in, so that offsets stay valid forever."""
    text = raw[1:] if raw.startswith("\ufeff") else raw
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = [line.rstrip() for line in text.split("\n")]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


def segment(text: str) -> list[Unit]:
    """Units in reading order; every non-whitespace character lands in exactly one unit."""
    units: list[Unit] = []
    previous: tuple[str, str] | None = None  # (stripped text, kind) of the last line
    seen_content = False
    read = PullQuotes()
    for paragraph, (line_start, line) in enumerate(_non_blank_lines(text)):
        stripped = line.strip()
        kind = classify_line(stripped, previous, is_first_content=not seen_content)
        kind = "boilerplate" if kind == "body" and read.repeats(stripped) else kind
        seen_content = seen_content or kind != "boilerplate"
        spans = [trim_span(line, 0, len(line))] if kind in ("heading", "boilerplate") \
            else sentence_spans(line)
        if rules.EMBED_CREDIT.match(stripped):
            _relabel_line_above(units, paragraph - 1, "caption")  # the embedded post's text
        elif is_name_roster(stripped) and previous and previous[0].endswith(":"):
            _relabel_line_above(units, paragraph - 1, "boilerplate")  # "These are the members ...:"
        kinds = sentence_kinds([line[s:e] for s, e in spans], kind)
        units.extend(Unit(line_start + s, line_start + e, k, paragraph) for (s, e), k in zip(spans, kinds))
        previous = (stripped, kind)
    _tags_at_the_foot(text, units)
    return units


def _tags_at_the_foot(text: str, units: list[Unit]) -> None:
    """Two or more short bulleted labels closing the article ("- Politics &
    Government", "- American flag") are its topic tags, not a list in the story."""
    tags = []
    for i in range(len(units) - 1, -1, -1):
        unit_text = text[units[i].start:units[i].end]
        if chrome.TOPIC_TAG.match(unit_text):
            tags.append(i)
        elif units[i].kind == "body":
            break
    if len(tags) >= 2:
        for i in tags:
            units[i] = Unit(units[i].start, units[i].end, "boilerplate", units[i].paragraph)


def _relabel_line_above(units: list[Unit], paragraph: int, kind: str) -> None:
    """The line above an embedded post's credit ("— Name (@handle) Sept. 19,
    2016") is the post, media; the line introducing a roster of names is its
    label, chrome: not the article's prose."""
    for i in range(len(units) - 1, -1, -1):
        if units[i].paragraph != paragraph:
            break
        if units[i].kind == "body":
            units[i] = Unit(units[i].start, units[i].end, kind, paragraph)


class PullQuotes:
    """Remembers the article's prose as runs of six words, so that a line that
    only repeats it (a pull quote, with perhaps its speaker's label after it)
    is told from new prose; linear in the article's length."""

    SPAN = 6

    def __init__(self) -> None:
        self.seen: set[tuple[str, ...]] = set()

    def repeats(self, line: str) -> bool:
        """True when the line's sentences were all read before; else remember them."""
        words = self._words(line)
        if len(words) > 40 or chrome.REPORTED_SPEECH.search(line):
            self._remember(words)
            return False  # pull quotes are short and carry no "said"
        sentences = [self._words(s) for s in re.split(r"(?<=[.!?”])\s+", chrome.SPEAKER_LABEL_AT_END.sub("", line))]
        checked = [w for w in sentences if len(w) >= self.SPAN]
        if sum(map(len, checked)) >= 8 and all(run in self.seen for w in checked for run in self._runs(w)):
            return True
        self._remember(words)
        return False

    @staticmethod
    def _words(text: str) -> list[str]:
        return re.findall(r"[\w’']+", text.lower())

    def _runs(self, words: list[str]) -> list[tuple[str, ...]]:
        return [tuple(words[i:i + self.SPAN]) for i in range(len(words) - self.SPAN + 1)]

    def _remember(self, words: list[str]) -> None:
        self.seen.update(self._runs(words))


def _non_blank_lines(text: str) -> list[tuple[int, str]]:
    """Paragraphs are the blocks between line breaks; blank ones hold nothing to read."""
    result, offset = [], 0
    for line in text.split("\n"):
        if line.strip():
            result.append((offset, line))
        offset += len(line) + 1
    return result


# ---------------------------------------------------------------- sentences

def sentence_spans(line: str) -> list[Span]:
    """syntok boundaries with the news-copy repairs that syntok gets wrong."""
    spans = _syntok_spans(line)
    spans = _split_where(line, spans, rules.EMOJI_TERMINAL)
    spans = _move_leading_emoji_back(line, spans)
    spans = _join_where(line, spans, continues_previous_sentence)
    for pattern in (rules.INITIALISM_THEN_PRONOUN, rules.INITIALISM_THEN_STARTER,
                    rules.TIME_THEN_SENTENCE, rules.PERIOD_GLUED_QUOTE):
        spans = _split_where(line, spans, pattern)
    spans = _split_where(line, spans, rules.QUOTED_END_THEN_CAPITAL,
                         lambda before, after: bool(rules.SPEAKER_TAG.match(after)))
    return _split_where(line, spans, rules.PERIOD_BEFORE_OPENING_QUOTE, _ends_with_name_title)


def _syntok_spans(line: str) -> list[Span]:
    """Use syntok only for where sentences start, so no character can fall out."""
    starts = []
    for paragraph in segmenter.analyze(line):
        for sentence in paragraph:
            tokens = [token for token in sentence if token.value]
            if tokens:
                starts.append(tokens[0].offset)
    starts = sorted(set([0] + starts)) + [len(line)]
    spans = [trim_span(line, a, b) for a, b in zip(starts, starts[1:])]
    return [(s, e) for s, e in spans if e > s]


def _split_where(line: str, spans: list[Span], pattern: re.Pattern,
                 keep_together: Callable[..., bool] | None = None) -> list[Span]:
    """Cut a unit after each match of pattern, unless keep_together(text before
    match) says no; a two-argument keep_together also sees the text after it."""
    two = keep_together is not None and keep_together.__code__.co_argcount == 2
    result = []
    for start, end in spans:
        matches = [m for m in pattern.finditer(line, start, end)
                   if keep_together is None
                   or not (keep_together(line[start:m.end()], line[m.end():end]) if two
                           else keep_together(line[start:m.end()]))]
        cuts = [start] + [m.end() for m in matches] + [end]
        pieces = [trim_span(line, a, b) for a, b in zip(cuts, cuts[1:])]
        result.extend((s, e) for s, e in pieces if e > s)
    return result


def _move_leading_emoji_back(line: str, spans: list[Span]) -> list[Span]:
    """An emoji after a full stop reacts to the sentence before it, so it goes there."""
    result = spans[:1]
    for start, end in spans[1:]:
        match = rules.LEADING_EMOJI.match(line, start, end)
        if match:
            result[-1] = (result[-1][0], match.end())
            start = trim_span(line, match.end(), end)[0]
        result.append((start, end))
    return result


def _join_where(line: str, spans: list[Span], should_join: Callable[[str, str], bool]) -> list[Span]:
    """Merge a unit into the one before it whenever should_join(previous, next) says so."""
    result = spans[:1]
    for start, end in spans[1:]:
        previous = result[-1]
        if should_join(line[previous[0]:previous[1]], line[start:end]):
            result[-1] = (previous[0], end)
        else:
            result.append((start, end))
    return result


def continues_previous_sentence(previous: str, following: str) -> bool:
    """Fragments that cannot open a sentence continue the one before them."""
    if rules.STARTS_WITH_DASH.match(following):  # "WASHINGTON (AP)" + "— The Senate"
        return True
    if previous.endswith(";"):  # syntok ends sentences at semicolons; news prose does not
        return True
    if rules.ENDS_WITH_QUOTED_TERMINAL.search(previous) and following[:1].islower():
        return True  # '"Why?"' + 'she asked.'
    if rules.PHOTO_CREDIT.match(following):  # "..., Oct. 3, 2023." + "(AP Photo/Name)"
        return True
    if rules.ENDS_WITH_QUOTED_TERMINAL.search(previous) and previous.rstrip("\"'”’»")[-1:] in "?!" \
            and rules.SPEAKER_TAG.match(" " + following):
        return True  # '"Who cares?"' + 'Henderson asked.'
    if rules.MIDDLE_INITIAL.search(previous) and following.split()[0] not in rules.SENTENCE_STARTERS:
        return True  # "Francis X." + "De Luca, Anita Earls"
    return _title_before_name(previous, following)


def _ends_with_name_title(text: str) -> bool:
    """'Dr. "Smith"' or 'J. "Jack" Doe' keep going; 'Acme Inc. "We' does not."""
    last = rules.LAST_WORD.search(text)
    return bool(last) and (last.group(1).lower() in rules.NAME_TITLES or len(last.group(1)) == 1)


def _title_before_name(previous: str, following: str) -> bool:
    """'Gov.' + 'Newsom signed it.' is one sentence; 'Apple Inc.' + 'The firm' is two."""
    last = rules.LAST_WORD.search(previous)
    if not last or last.group(1).lower() not in rules.TITLE_ABBREVIATIONS:
        return False
    if last.start() > 0 and not re.match(r"[\s(\"“‘'-]", previous[last.start() - 1]):
        return False
    first = re.match(r"[\"“‘(]?([A-Z][\w'’-]*|\d)(\.?)", following)
    if not first:
        return False
    word, period = first.groups()
    if len(word) == 1 and period:  # an initial: "Dr." + "A. B. Chen"
        return True
    return word not in rules.SENTENCE_STARTERS
