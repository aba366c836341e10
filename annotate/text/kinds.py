"""The kind of a line of article text, and of a sentence inside a body line.

A line is body, heading, caption or boilerplate (page chrome); chrome beats
caption beats heading. A sentence of a body line may still be chrome (a credit,
an author bio or a promo in parentheses). Patterns live in segment_rules.py.
"""
import re

from annotate.text import chrome_rules as chrome
from annotate.text import segment_rules as rules


def classify_line(line: str, previous: tuple[str, str] | None, is_first_content: bool) -> str:
    """Chrome beats caption beats heading, because chrome lines also look like headings."""
    if is_boilerplate(line) or _completes_chrome_label(line, previous):
        return "boilerplate"
    if is_caption(line) or _continues_caption(line, previous) or chrome.INFOGRAPHIC_FIGURE.match(line):
        return "caption"
    if _is_short(line) and (chrome.LINK_LABEL_PREFIX.match(line) or chrome.PROMO_LINK_ITEM.match(line)) \
            or _is_short(line, 30, 250) and chrome.RELATED_LINK.match(line):
        return "boilerplate"  # "Watch: ..." alone; under a caption label it was the caption
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


def sentence_kind(sentence: str, line_kind: str) -> str:
    """A credit, bio or promo sentence inside a body paragraph ("(See pictures of
    the spill.)", "Jane Doe is a reporter for X. You can follow her on Twitter.")
    is chrome too, though its paragraph is prose."""
    if line_kind != "body":
        return line_kind
    if rules.PROMO_PARENTHESIS.match(sentence) or rules.AUTHOR_BIO.match(sentence) \
            or rules.CREDIT_OR_PROMO.search(sentence) or rules.READER_APPEAL.search(sentence) \
            or chrome.REPORTED_FROM.match(sentence) or chrome.INITIALS_CREDIT.match(sentence) or _is_promo(sentence) \
            or chrome.DASH_CREDIT.match(sentence) or chrome.REACH_LINE.match(sentence) \
            or chrome.DATELINE_SENTENCE.match(sentence):
        return "boilerplate"
    return line_kind


def sentence_kinds(sentences: list[str], line_kind: str) -> list[str]:
    """Each sentence's kind; beside a promo sentence, a question put to the reader
    ("Are you in the path of the storm? Share your photos ...") is part of the appeal."""
    found = [sentence_kind(sentence, line_kind) for sentence in sentences]
    if "boilerplate" in found and "body" in found:
        found = ["boilerplate" if kind == "body" and chrome.READER_QUESTION.match(sentence) else kind
                 for sentence, kind in zip(sentences, found)]
    return found


def _is_promo(sentence: str) -> bool:
    """A sentence addressed to the reader (follow, subscribe, watch) that reports no speech."""
    return bool(chrome.PROMO_SENTENCE.search(sentence)) and not chrome.REPORTED_SPEECH.search(sentence)


def is_boilerplate(line: str) -> bool:
    """Navigation, sharing, ads and bylines are page furniture, not article prose."""
    if rules.CREDIT_LINE.match(line) and ". " not in line:
        return True
    if _is_short(line, 40, 400) and (rules.CREDIT_OR_PROMO.search(line) or rules.AUTHOR_BIO.match(line)):
        return True
    if rules.SEPARATOR.match(line) or rules.EMBED_CREDIT.match(line) or rules.PROMO_PARENTHESIS.match(line) \
            or chrome.DATELINE_ALONE.match(line):
        return True
    if len(line.split()) <= 4 and rules.LINK_LABEL.match(line) or is_name_roster(line):
        return True
    if len(rules.READER_APPEAL.findall(line)) >= 2 or _is_share_buttons(line):
        return True
    if _is_short(line, 60, 400) and (chrome.TEASER_CUT.search(line[-40:]) or chrome.CONTACT_LINE.search(line)
                                     or chrome.COPYRIGHT_OPENING.match(line) or _is_follow_box(line)):
        return True  # a teaser cut short ("... teams in the..."), contact details, a note to letter writers
    if len(chrome.MIXED_SCRIPT_WORD.findall(line)) >= 3:
        return True  # an advert spelt with look-alike letters
    if not _is_short(line):
        return False
    parts = [p for p in re.split(r"\s+[|·•/]\s+", line) if p]
    if all(_chrome_key(part) in rules.BOILERPLATE_LINES for part in parts):
        return True
    if rules.TIMESTAMP_LINE.match(line) and any(ch.isdigit() for ch in line):
        return True
    return bool(rules.BOILERPLATE_PREFIX.match(line) or rules.BYLINE.match(line)
                or rules.CAPITALISED_CHROME.match(line) or rules.CONTACT_DETAILS.search(line))


def _is_follow_box(line: str) -> bool:
    """"Jane Doe is a reporter for X covering ... Follow her on Twitter @jdoe or email her at ...": a follow
    prompt whose other sentences are a bio or contact details, with no quotation and no reported speech."""
    if re.search(r"[“”\"]", line) or chrome.REPORTED_SPEECH.search(line):
        return False
    sentences = re.split(r"(?<=[.!?])\s+(?=[A-Z])", line)
    return len(sentences) > 1 and any(_is_promo(s) for s in sentences) and all(
        _is_promo(s) or rules.CONTACT_DETAILS.search(s) or chrome.HANDLE.search(s) or chrome.LOOSE_BIO.match(s)
        for s in sentences)


def _is_share_buttons(line: str) -> bool:
    """"Facebook Twitter Pinterest": a row of share buttons, with at least one network named."""
    ws = re.findall(r"[\w-]+", line.lower())
    return 2 <= len(ws) <= 8 and all(w in rules.SHARE_WORDS for w in ws) \
        and any(w in {"facebook", "twitter", "pinterest", "whatsapp", "linkedin", "reddit"} for w in ws)


def is_name_roster(line: str) -> bool:
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
    return bool(rules.CAPTION_PREFIX.match(line) or rules.CAPTION_LABEL.match(line) or chrome.CAPTION_START.match(line)
                or _is_gallery_slide(line)
                or _short_caption(line) and chrome.CAPTION_CREDIT_END.search(line)
                or chrome.CREDIT_WORD_AT_END.search(line)
                or rules.CAPTION_DATE_END.search(line) or rules.PHOTO_CREDIT.search(line)
                or rules.EMBED_TEXT.search(line) or rules.CREDIT_AT_END.search(line)
                or _is_short(line) and IMAGE_FILE.search(line))  # an image's file name left by the extractor


def _is_gallery_slide(line: str) -> bool:
    """'- 6/50 City for sale London City Airport ...': a slide of a gallery, numbered out of its count (of four or
    more: 'two-thirds' and 'three-quarters' written as figures open prose too)."""
    slide = chrome.GALLERY_SLIDE.match(line)
    return slide is not None and 1 <= int(slide[1]) <= int(slide[2]) and int(slide[2]) >= 4


def _short_caption(line: str) -> bool:
    """A caption is a sentence or two; a paragraph of prose that ends on a credit stays prose."""
    return _is_short(line, 50, 400) and len(re.findall(r"[.!?](?:\s|$)", line)) <= 3


def _continues_caption(line: str, previous: tuple[str, str] | None) -> bool:
    """Text under an 'Image caption' label, or a repeat of the caption (alt text), is caption."""
    if previous is None or previous[1] != "caption":
        return False
    if rules.CAPTION_LABEL.match(previous[0]):
        return True
    if IMAGE_FILE.search(previous[0]) and _is_short(line, 40, 300) and len(re.findall(r"[.!?](?:\s|$)", line)) <= 2:
        return True  # "cash and cards.jpg" / "Cash and cards seized during the arrest ...": the image's caption
    return len(line) >= 20 and (line in previous[0] or previous[0] in line)


IMAGE_FILE = re.compile(r"\.(?:jpe?g|png|gif|webp)$", re.IGNORECASE)


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
