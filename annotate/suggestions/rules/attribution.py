"""Attribute every body sentence of an article: source, role, cue, type, span.

Two passes over the body sentences, because a quotation's cue can sit in a
later sentence than its words:

1. in reading order, find each sentence's own frame (frames.py), resolve its
   source against what came before (discourse.py) and remember the speaker;
2. sentences without a frame of their own take the attribution of the
   quotation they sit in (`"...them. This has ... practice," Wang said.`), or,
   when they are nothing but a new quotation right after a quoted speaker,
   that speaker (`"And even that's not enough."`); the rest are the author's.

The type follows from where the claim's letters are: all inside quotation
marks is direct, some inside is mixed, none is indirect.
"""
import re
from dataclasses import dataclass

from annotate.suggestions.rules import frames
from annotate.suggestions.rules import lexicon
from annotate.suggestions.rules import names
from annotate.suggestions.rules import subjects
from annotate.suggestions.rules import tokens
from annotate.suggestions.rules.discourse import Discourse
from annotate.suggestions.rules.entity import Entity
from annotate.suggestions.rules.model import AUTHOR
from annotate.suggestions.rules.model import Attribution
from annotate.suggestions.rules.quotes import Quote
from annotate.suggestions.rules.quotes import find_quotes
from annotate.suggestions.rules.quotes import overlapping
from annotate.suggestions.rules.quotes import paragraph_spans
from annotate.suggestions.rules.quotes import quoted_mask
from annotate.text.offsets import trim_span
from annotate.text.segment_rules import LIST_BULLET

QUOTE_MARKS = "\"“”«»„‘’`'"  # doubled single marks (‘‘...’’) trim too


@dataclass
class Reading:
    """What the rules concluded about one body sentence."""

    index: int  # index in the full unit list
    start: int  # sentence offsets in the text, whitespace trimmed
    end: int
    paragraph: int  # ordinal among the article's body paragraphs
    quoted: list[bool]  # per character: inside a quotation
    frame: frames.Frame | None = None
    attribution: Attribution = AUTHOR
    content: tuple[int, int] | None = None  # text offsets of the claim
    bare_speaker: Attribution | None = None  # '“...” Deyal told this newspaper.': a frame cut off by a full stop
    introduced: Entity | None = None  # 'Maria Lopez, 42, lost her home.': a named person as the subject


def attribute(text: str, units: list) -> list[Reading]:
    """One Reading per body unit, in order."""
    quotes = find_quotes(text, paragraph_spans(units))
    discourse = Discourse(text)
    # Paragraphs counted over body text only: a photo caption between two
    # paragraphs of one speaker's quotations does not part them.
    rank = {p: i for i, p in enumerate(sorted({u.paragraph for u in units if u.kind == "body"}))}
    readings = [_read_frame(text, i, u, quotes, discourse, rank[u.paragraph])
                for i, u in enumerate(units) if u.kind == "body"]
    _inherit(text, readings, quotes)
    _inherit_forward(text, readings, quotes)
    _inherit_backward(text, readings)
    return readings


def _read_frame(text: str, index: int, unit, quotes: list[Quote], discourse: Discourse,
                paragraph: int) -> Reading:
    """First pass: the sentence's own frame, resolved in reading order."""
    start, end = trim_span(text, unit.start, unit.end)
    quoted = quoted_mask(quotes, start, end)
    reading = Reading(index, start, end, paragraph, quoted)
    masked = frames.mask(text[start:end], quoted)
    frame = frames.find_frame(masked)
    phrase = names.parse(frame.region) if frame else None
    asked = discourse.take_addressee()
    if frame and phrase:
        entity = discourse.resolve(phrase, start + frame.region_start)
        if asked is not None and phrase.kind == "pronoun" and frame.cue in ANSWER_CUES:
            entity = asked  # 'A reporter asked Montoya-Lewis, "...?"' / '"...," she replied.'
        discourse.note_source(entity)
        _note_addressee(masked, frame, discourse, start)
        cs, ce = frame.content
        reading.frame = frame
        reading.content = (start + cs, start + ce)
        gap = (start + frame.gap[0], start + frame.gap[1]) if frame.gap else None
        kind = _type(text, reading, *reading.content, gap=gap)
        reading.attribution = _attribution(entity, frame.cue, kind)
    bare = BARE_FRAME.match(masked) if not frame else None
    bare_phrase = names.parse(bare.group("who")) if bare else None
    if bare_phrase is not None:
        entity = discourse.resolve(bare_phrase, start + bare.start("who"))
        reading.bare_speaker = _attribution(entity, bare.group("cue"), "direct")
    if not masked.lstrip().startswith(frames.QUOTED):
        subject = subjects.subject(masked)
        discourse.note_subject(start, subject, subjects.subject_appositive(masked))
        if not frame and not any(quoted) and subject and tokens.bare(subject.split()[0]) not in PRONOUNS:
            reading.introduced = _introduced(masked, discourse.previous_subject(end, person=True))
    return reading


# A frame with nothing to report, the quotation it belongs to closed by a full stop before it:
# '“That is a hobby for him.” Deyal told this newspaper.'
BARE_FRAME = re.compile(r"^\s*(?P<who>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}|[Hh]e|[Ss]he)\s+"
                        r"(?P<cue>said|says|told(?:\s+[\w’'-]+){1,3}|added|explained|stated|wrote)\s*\.$")


def _inherit_backward(text: str, readings: list[Reading]) -> None:
    """A frame cut off from its quotation by a full stop gives the quotation just
    before it, in the same paragraph, its speaker; "That is the view of X" gives
    the author's sentence just before it to X."""
    for k, r in enumerate(readings):
        before = readings[k - 1] if k else None
        if r.frame and r.frame.kind == "retrospective" and before is not None and not before.frame \
                and before.attribution.type == "author" and r.paragraph - before.paragraph <= 1:
            source = r.attribution
            before.attribution = Attribution(source.source, source.role, source.cue,
                                             _type(text, before, before.start, before.end))
            before.content = (before.start, before.end)
        if r.bare_speaker is None:
            continue
        j = k - 1
        closes = j >= 0 and text[readings[j].end - 1] in "”\"’"
        while closes and j >= 0 and readings[j].paragraph == r.paragraph and not readings[j].frame \
                and readings[j].attribution.type in {"author", "direct"} and all(readings[j].quoted[:1]):
            readings[j].attribution = r.bare_speaker
            readings[j].content = (readings[j].start, readings[j].end)
            j -= 1


ANSWER_CUES = frozenset("replied replies responded responds answered answers".split())
ADDRESSEE_OF_QUESTION = re.compile(r"^\s+((?:[A-Z][\w.'’-]*\s?){1,4}),?\s*\x01")


def _note_addressee(masked: str, frame: frames.Frame, discourse: Discourse, start: int) -> None:
    """The person a question is put to ('a reporter asked Montoya-Lewis, “...?”'):
    whoever replies in the next sentence is meant."""
    if frame.cue not in {"asked", "asks"}:
        return
    cue_at = masked.find(frame.cue, frame.region_start)
    found = ADDRESSEE_OF_QUESTION.match(masked[cue_at + len(frame.cue):]) if cue_at >= 0 else None
    phrase = names.parse(found.group(1)) if found else None
    if phrase is not None and phrase.kind == "person":
        discourse.note_addressee(discourse.resolve(phrase, start + cue_at))


def _inherit(text: str, readings: list[Reading], quotes: list[Quote]) -> None:
    """Second pass: quotations carry their speaker to frameless sentences."""
    owner: dict[Quote, Attribution] = {}
    for r in readings:
        if r.frame:
            for q in overlapping(quotes, *r.content):
                owner.setdefault(q, r.attribution)
    last: Reading | None = None
    previous: Reading | None = None
    lead: Reading | None = None  # 'X said:' followed by a bulleted list
    for r in readings:
        lead = _list_lead(text, r, previous, lead)
        if not r.frame and lead is not None and lead is not r:
            _carry_list_item(text, r, lead)
        elif not r.frame:
            _adopt(text, r, overlapping(quotes, r.start, r.end), owner, _nearer_speaker(last, previous), previous)
        if any(r.quoted) and r.attribution.type != "author":
            last = r
        previous = r


def _nearer_speaker(last: Reading | None, previous: Reading | None) -> Reading | None:
    """Who a new quotation with no cue goes to: the last quoted speaker, or the
    speaker of the sentence just before when that one reported someone without
    quoting them ('He reiterated that devaluation was no solution.' / '"What a
    devaluation does is ..."'): the news convention of a paraphrase, then the quote."""
    if previous is not None and previous.frame and previous.attribution.type == "indirect" \
            and (last is None or previous.index > last.index):
        return previous
    return last


def _inherit_forward(text: str, readings: list[Reading], quotes: list[Quote]) -> None:
    """A quotation left open at the end of its paragraph goes on in the next one
    (the news convention); when that paragraph opens with a quotation whose
    speaker is named, the open one was that speaker's too:
    '“We are ready. We have trained.' / '“Nobody should panic,” said Jane Roe.'"""
    following: Reading | None = None  # first reading of the next paragraph
    for k in range(len(readings) - 1, -1, -1):
        r = readings[k]
        if k + 1 < len(readings) and readings[k + 1].paragraph != r.paragraph:
            following = readings[k + 1]
        if r.frame or r.attribution.type != "author" or following is None \
                or following.paragraph != r.paragraph + 1 or following.attribution.type == "author" \
                or not _opens_quotation(quotes, following.start):
            continue
        open_quotes = [q for q in overlapping(quotes, r.start, r.end) if not q.closed]
        if open_quotes:
            source = following.attribution
            r.attribution = Attribution(source.source, source.role, source.cue, _type(text, r, r.start, r.end))
            r.content = (r.start, r.end)


def _opens_quotation(quotes: list[Quote], offset: int) -> bool:
    """Whether a quotation's opening mark, double or single, sits at offset."""
    return any(q.open == offset for q in overlapping(quotes, offset, offset + 1))


def _list_lead(text: str, r: Reading, previous: Reading | None, lead: Reading | None) -> Reading | None:
    """The attributed sentence ending in a colon that a bulleted list hangs on, while
    the list lasts: 'The mayor said:' then '• The city will cut 300 jobs.'"""
    if r.frame and r.attribution.type != "author" and text[r.start:r.end].rstrip().endswith(":"):
        return r
    if lead is None:
        return None
    if LIST_BULLET.match(text[r.start:r.end]) and previous is not None and r.paragraph - previous.paragraph <= 1:
        return lead
    return lead if previous is not None and r.paragraph == previous.paragraph and previous is not lead else None


def _carry_list_item(text: str, r: Reading, lead: Reading) -> None:
    """A list item after 'X said:' reports X's words, quoted or not."""
    kind = _type(text, r, r.start, r.end)
    source = lead.attribution
    r.attribution = Attribution(source.source, source.role, source.cue, kind)
    r.content = (r.start, r.end)


def _adopt(text: str, r: Reading, inside: list[Quote], owner: dict, last: Reading | None,
           previous: Reading | None = None) -> None:
    """Give a frameless sentence the attribution of its quotation, if any: the
    quotation's owner, the last speaker for a new full quotation, or the
    previous sentence's speaker for a partial one of several words
    ('Mr. Rahami fled, "indiscriminately firing his weapon at passing vehicles."')."""
    kind = _type(text, r, r.start, r.end)
    if kind == "indirect":
        return  # no quotation at all: the author's own sentence
    known = [owner[q] for q in inside if q in owner]
    if known:
        source = known[0]
    elif kind == "direct" and _introduces(r, previous):
        source = _attribution(previous.introduced, None, kind)  # the person the author just brought in speaks
        for q in inside:
            owner.setdefault(q, source)
    elif kind == "direct" and last is not None \
            and (r.paragraph - last.paragraph <= 1 or _one_gloss_between(text, r, last, previous)):
        source = last.attribution  # a further quotation from the same speaker
        for q in inside:
            owner.setdefault(q, source)
    elif kind == "mixed" and previous is not None and previous.attribution.type != "author" \
            and previous.paragraph == r.paragraph and _quoted_words(text, inside) >= 4:
        source = previous.attribution  # the speaker's words go on inside the author's sentence
    else:
        return
    r.attribution = Attribution(source.source, source.role, source.cue, kind)
    r.content = (r.start, r.end)


AGE_APPOSITIVE = re.compile(r"^\s*[^,]{3,60},\s*(?:aged\s+)?\d{1,3},")  # "Maria Lopez, 42, lost her home"


def _introduced(masked: str, subject: Entity | None) -> Entity | None:
    """A person the author brings in, named with a role or an age ('Dr. Ian Pratt, an
    epidemiologist, ...', 'Maria Lopez, 42, ...'): a bare name may be a place ('North Korea')."""
    if subject is None or not (subject.role or AGE_APPOSITIVE.match(masked)):
        return None
    return subject


PRONOUNS = lexicon.PERSON_PRONOUNS | lexicon.GROUP_PRONOUNS | {"i", "we", "you"}


def _introduces(r: Reading, previous: Reading | None) -> bool:
    """'Maria Lopez, 42, lost her home in the fire.' / '“Everything is gone.”': a quotation with
    no cue right after the author's sentence about a named person is that person's (feature copy
    brings a speaker in by a sentence about them, then lets them speak)."""
    return previous is not None and previous.introduced is not None and previous.index == r.index - 1 \
        and r.paragraph - previous.paragraph <= 1 and all(r.quoted[:1])


def _one_gloss_between(text: str, r: Reading, last: Reading, previous: Reading | None) -> bool:
    """'"...," Manning said.' / 'This includes food and medicine.' / '"What we would like ..."':
    one paragraph of the author's own between a speaker's quotations does not end them,
    unless it brings a new person in ('Tom Hale runs the bakery next door.')."""
    return previous is not None and r.paragraph - last.paragraph == 2 and previous.paragraph == r.paragraph - 1 \
        and previous.attribution.type == "author" and not previous.frame and not any(previous.quoted) \
        and previous.index == last.index + 1 and not NAMED_PERSON_FIRST.match(text, previous.start)


NAMED_PERSON_FIRST = re.compile(r"(?:[A-Z][a-z]+\.?\s)?[A-Z][a-z]+(?:\s[A-Z]\.)?\s[A-Z][\w'’-]+")


def _quoted_words(text: str, inside: list[Quote]) -> int:
    """Words inside the quotations: a scare-quoted term has one or two."""
    return sum(len(text[q.open:q.close].split()) for q in inside)


def _attribution(entity: Entity, cue: str, kind: str) -> Attribution:
    """Attribution from a resolved entity."""
    return Attribution(source=entity.name, role=entity.role, cue=cue, type=kind)


def _type(text: str, r: Reading, start: int, end: int, gap: tuple | None = None) -> str:
    """direct / mixed / indirect from the quoted share of the claim's letters."""
    inside = outside = 0
    skip = set(range(*gap)) if gap else set()
    skip |= _quoted_names(text, r, start, end)
    for i in range(start, end):
        if text[i].isalnum() and i not in skip:
            if r.quoted[i - r.start]:
                inside += 1
            else:
                outside += 1
    if inside and not outside:
        return "direct"
    return "mixed" if inside else "indirect"


NAME_BEFORE_QUOTE = re.compile(r"\b(?:(?:dubbed|known as|called|named|nicknamed|titled|entitled|code-?named)"
                               r"(?:\s+(?:a|an|the))?|the words?|the term|(?:film|movie|show|series|song|album|book|"
                               r"novel|play|documentary|musical|sitcom|drama|comedy|podcast|programme|program))\s*$")
# A quoted title right before the role it credits: "“Mrs Maisel” actress Alex Borstein".
ROLE_AFTER_QUOTE = re.compile(r"^\s*(?:star|stars|actress|actor|co-star|creator|director|author|writer|producer|singer|"
                              r"host|showrunner|composer|novelist|filmmaker)\b")


def _quoted_names(text: str, r: Reading, start: int, end: int) -> set[int]:
    """Characters of quotations that name something rather than quote anyone
    ('malware dubbed “Agent Smith,”', 'better known as “Suresh”', 'removed the
    words “comprehensive”', 'the film “Parasite”', '“Mrs Maisel” actress X'): up to
    four quoted words after such a word, or before a creative role, make a
    sentence neither direct nor mixed."""
    names_at: set[int] = set()
    i = start
    while i < end:
        j = i
        while j < end and r.quoted[j - r.start]:
            j += 1
        if j > i and len(text[i:j].split()) <= 4 and (NAME_BEFORE_QUOTE.search(text[max(r.start, i - 30): i])
                                                     or ROLE_AFTER_QUOTE.match(text[j: j + 20])):
            names_at.update(range(i, j))
        i = j + 1
    return names_at


def claim_span(text: str, r: Reading) -> tuple[int, int]:
    """The claim inside the sentence: the quoted words, the reported clause,
    or the whole sentence for the author's own assertions."""
    if r.content is None or r.attribution.type == "author":
        return r.start, r.end
    start, end = r.content
    if r.attribution.type == "direct":
        inner = [i for i in range(start, end)
                 if r.quoted[i - r.start] and text[i] not in QUOTE_MARKS]
        start, end = (inner[0], inner[-1] + 1) if inner else (start, end)
    return trim_span(text, start, end, also=",:;")
