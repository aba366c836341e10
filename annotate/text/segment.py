"""Split stored article text into sentence-sized units for sentence-by-sentence reading.

Lines are paragraphs; each body or caption line is split into sentences by syntok,
whose boundaries are then repaired with news-copy rules (titles, datelines,
quote attributions, emoji, photo credits). Whole lines that are page chrome or
headings become a single unit. Word lists and patterns live in segment_rules.py.
"""
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from syntok import segmenter

from annotate.text import segment_rules as rules
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
    for paragraph, (line_start, line) in enumerate(_non_blank_lines(text)):
        stripped = line.strip()
        kind = classify_line(stripped, previous, is_first_content=not seen_content)
        seen_content = seen_content or kind != "boilerplate"
        spans = [trim_span(line, 0, len(line))] if kind in ("heading", "boilerplate") \
            else sentence_spans(line)
        units.extend(Unit(line_start + s, line_start + e, kind, paragraph) for s, e in spans)
        previous = (stripped, kind)
    return units


def _non_blank_lines(text: str) -> list[tuple[int, str]]:
    """Paragraphs are the blocks between line breaks; blank ones hold nothing to read."""
    result, offset = [], 0
    for line in text.split("\n"):
        if line.strip():
            result.append((offset, line))
        offset += len(line) + 1
    return result


# ---------------------------------------------------------------- line kinds

def classify_line(line: str, previous: tuple[str, str] | None, is_first_content: bool) -> str:
    """Chrome beats caption beats heading, because chrome lines also look like headings."""
    if is_boilerplate(line) or _completes_chrome_label(line, previous):
        return "boilerplate"
    if is_caption(line) or _continues_caption(line, previous):
        return "caption"
    after_heading = previous is not None and previous[1] == "heading"
    if is_heading(line, max_words=20 if after_heading else 12):
        return "heading"  # a deck right under a headline may be longer than a subhead
    if is_first_content and looks_like_headline(line):
        return "heading"
    if _is_short(line, 10) and rules.QUESTION_SUBHEAD.match(line) \
            and previous is not None:
        return "heading"  # "What did the prosecutors say?" alone on its line
    return "body"


def _completes_chrome_label(line: str, previous: tuple[str, str] | None) -> bool:
    """'NEWS PROVIDED BY' / 'Acme Inc.': the value of a chrome label is chrome too."""
    if previous is None or previous[1] != "boilerplate" or not _is_short(line, 6, 60):
        return False
    return bool(re.search(r"\bby$", previous[0], re.IGNORECASE))


def _is_short(line: str, max_words: int = 12, max_chars: int = 100) -> bool:
    """Chrome and subheads are short; long lines are prose whatever they look like."""
    return len(line.split()) <= max_words and len(line) <= max_chars


def is_boilerplate(line: str) -> bool:
    """Navigation, sharing, ads and bylines are page furniture, not article prose."""
    if rules.CREDIT_LINE.match(line) and ". " not in line:
        return True
    if _is_short(line, 40, 400) and (rules.CREDIT_OR_PROMO.search(line) or rules.AUTHOR_BIO.match(line)):
        return True
    if rules.SEPARATOR.match(line) or rules.EMBED_CREDIT.match(line) or rules.PROMO_PARENTHESIS.match(line):
        return True
    if len(line.split()) <= 4 and rules.LINK_LABEL.match(line) or _is_name_roster(line):
        return True
    if not _is_short(line):
        return False
    parts = [p for p in re.split(r"\s+[|·•/]\s+", line) if p]
    if all(_chrome_key(part) in rules.BOILERPLATE_LINES for part in parts):
        return True
    if rules.TIMESTAMP_LINE.match(line) and any(ch.isdigit() for ch in line):
        return True
    return bool(rules.BOILERPLATE_PREFIX.match(line) or rules.BYLINE.match(line)
                or rules.CAPITALISED_CHROME.match(line) or rules.CONTACT_DETAILS.search(line))


def _is_name_roster(line: str) -> bool:
    """"Iowa: Tim Albrecht, Brad Anderson, ...": a list of names, not prose."""
    parts = [p.strip() for p in line.split(",")]
    if len(parts) < 8:
        return False
    names = [p for p in parts if re.fullmatch(r"(?:[A-Z][\w.'’-]*\s?){1,4}", p.split(": ")[-1])]
    return len(names) >= 0.8 * len(parts)


def _chrome_key(line: str) -> str:
    """Chrome is compared ignoring case, spacing and decorative trailing marks."""
    return " ".join(line.lower().split()).rstrip(" .:!|>»›→…").replace("’", "'")


def is_caption(line: str) -> bool:
    """Photo captions follow wire conventions: FILE -, Photo:, dated endings, credits;
    an embedded post (a t.co link) is media too."""
    return bool(rules.CAPTION_PREFIX.match(line) or rules.CAPTION_LABEL.match(line)
                or rules.CAPTION_DATE_END.search(line) or rules.PHOTO_CREDIT.search(line)
                or rules.EMBED_TEXT.search(line))


def _continues_caption(line: str, previous: tuple[str, str] | None) -> bool:
    """Text under an 'Image caption' label, or a repeat of the caption (alt text), is caption."""
    if previous is None or previous[1] != "caption":
        return False
    if rules.CAPTION_LABEL.match(previous[0]):
        return True
    return len(line) >= 20 and (line in previous[0] or previous[0] in line)


def _ending(line: str) -> str:
    """Last character that carries meaning: closing quotes and 'Inc.'-style periods are not."""
    line = line.rstrip("\"'”’»").rstrip()
    last = rules.LAST_WORD.search(line)
    if last and last.group(1).lower() in rules.NAME_ENDING_ABBREVIATIONS:
        return line[-2:-1]  # "About Acme Robotics Inc." ends in a name, not a full stop
    return line[-1:]


def is_heading(line: str, max_words: int = 12) -> bool:
    """Subheads are short lines without final punctuation that are not stage directions."""
    if not _is_short(line, max_words) or not any(ch.isalpha() for ch in line):
        return False
    if (line[0] in "([" and line[-1] in ")]") or rules.LIST_BULLET.match(line):
        return False  # stage directions and list items are read as prose
    if re.match(r"^[A-Z][A-Z.' -]+:", line):  # "SEN. WARREN:" speaker label
        return False
    return _ending(line) not in rules.HEADING_TERMINALS


def looks_like_headline(line: str) -> bool:
    """A first line may be longer than a subhead and may end in ? or ! if Title Cased."""
    if not _is_short(line, max_words=20, max_chars=200) or not any(c.isalpha() for c in line):
        return False
    if rules.LIST_BULLET.match(line):
        return False
    ending = _ending(line)
    if ending in "?!":
        return _is_title_case(line)
    return ending not in rules.HEADING_TERMINALS


def _is_title_case(line: str) -> bool:
    """Headline style capitalises most words; a sentence capitalises few."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", line) if len(w) > 3]
    return bool(words) and sum(w[0].isupper() for w in words) >= 0.6 * len(words)


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
