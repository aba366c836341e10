"""Find the attribution frame of one sentence: cue, source slot, claim content.

The sentence arrives masked: every character inside a quotation (marks
included) is replaced by QUOTED, so a reporting verb inside a quote ("he
lied", "we found") can never be taken for a cue and a quotation is one
opaque block to the patterns.  News attribution comes in a few shapes, tried
in this order because the earlier ones are the least ambiguous:

* post:  `"..." Wang said.` / `..., the institute said.` / `"...," said Isa, president of X.`
* pre:   `Wang told the press that ...` / `Ortega said, "..."` / `In a statement, X said ...`
* according: `..., according to X.` / `According to X, ...`
* participle: `The judge denied it, saying ...` / `... and accused Beijing of ...`
* statement: `In a statement, the company called ...` (no reporting verb)

Only main-clause frames count: a cue whose subject slot contains a verb
("The Senate passed ... in which Democrats accused") is embedded, and the
sentence stays the author's.
"""
import re
from dataclasses import dataclass

from annotate.suggestions.rules import lexicon
from annotate.suggestions.rules import names

QUOTED = "\x01"
WORD = re.compile(r"[A-Za-z][\w'’\-]*")
ACCORDING = re.compile(r"\b[Aa]ccording to\s+")
STATEMENT_INTRO = re.compile(r"^\W*In an? (?:\w+ )?statement,\s*")
THAT = re.compile(r"^(?:[^,\x01]*?\s)??that\s", re.S)
RESUMED = re.compile(r"^[^\x01]{0,40}?[,:]\s*\x01[\x01\s.,!?]*$")
ADDING = re.compile(r"^[^,\x01]{0,40}?,\s*(?:adding|saying|noting|arguing)\s+(?:that\s+)?")
INTRO_TO_QUOTE = re.compile(r"^[^\x01]{0,40}?[,:]\s*(?=\x01)")
ADDRESSEE = re.compile(r"^\s+(?:the\s+)?(?:reporters|journalists|press|jurors|court|lawmakers|"
                       r"investors|analysts|parliament|members)\b")
NAMED_AS = re.compile(r"^(?!\s+(?:for|on|off|up|in|back)\b)(?:\s+[^\s\x01]+){1,8}?\s+(?:as\s+)?\x01")
MARKET_MOVE = re.compile(r"^\s+(?:about |nearly |almost |some |more than |another )?[\d$€£.]")
ADJECTIVAL_BEFORE = frozenset("with a an the of for any no more its their his her this that these".split())
ADJUNCT_FIRST = re.compile(r"^\s+(?:at|in|on|during|after|before|when|while|as|of|about|via|through|from|"
                           r"to|with|last|this|late|early|earlier|later|yesterday|today|Monday|Tuesday|"
                           r"Wednesday|Thursday|Friday|Saturday|Sunday)\b")
INVERTED_RESUMED = re.compile(r"^\s*([^\x01,]{1,80}?),\s*(?=\x01)(?=[\x01\s.,!?]*$)")
LEADING_NAME = re.compile(r"((?:[A-Z][\w.'’-]+)(?:\s+[A-Z][\w.'’-]+){0,3})(?=[\s,])")
# '"...," Trump told the Times, alarming critics': a participle after the cue's addressee.
PARTICIPLE_AFTER = re.compile(r"^(?:\s+[^,\x01]{1,40}?)?,\s+[a-z]+ing\b")
REQUEST_CUES = frozenset("asked asks instructed".split())
REQUEST = re.compile(r"^\s+(?:[\w’'-]+\s+){1,3}?to\s+[a-z]")
CONTINUES_TO = re.compile(r"\s+(?:has |have )?(?:continues|continued|continue|went on|goes on|keeps|kept)\s+to$")
COORDINATOR = re.compile(r"(?:,\s*(?:and|but|while|whereas)|;)\s+|"
                         r"(?:^|\s)(?i:after|when|while|as|because|since|although|though|before|once|until)\s+")
DATELINE = re.compile(
    r"^\s*(?:[A-Z][A-Z.'’\-]+(?:\s+[A-Z][A-Z.'’\-]+)*(?:,\s+[A-Z][\w.]+(?:\s+[A-Z][\w.]+)*)?"
    r"\s*(?:\([^)]{1,30}\))?|[A-Z][\w.]+(?:\s+[A-Z][\w.]+)*\s*\([^)]{1,30}\))\s*(?:--|[—–:-])\s+")
ADJUNCT_CUT = re.compile(r"\s(?:in|on|at|during|after|before|via|to|when|as|while)\s.*$", re.S)


@dataclass(frozen=True)
class Frame:
    """An attribution found in a sentence; offsets are sentence-relative."""

    cue: str
    region: str  # the raw source slot, parsed later by names.parse
    region_start: int
    content: tuple[int, int]  # the reported claim (quotes included)
    kind: str  # post | pre | according | participle | statement
    gap: tuple[int, int] | None = None  # the frame inside the content: `"...," he said, "..."`


def mask(sentence: str, quoted: list[bool]) -> str:
    """The sentence with quoted characters replaced by QUOTED and a leading
    dateline ("HANOI, Vietnam (AP) — ") blanked, so it is never a source."""
    masked = "".join(QUOTED if q else ch for ch, q in zip(sentence, quoted))
    dateline = DATELINE.match(masked)
    if dateline and dateline.group().split()[0][:2].isupper() or dateline and "(" in dateline.group():
        masked = " " * dateline.end() + masked[dateline.end():]
    return masked


def find_frame(m: str) -> Frame | None:
    """The main-clause attribution frame of a masked sentence, if any."""
    post, pre, part, tail = [], [], [], []
    for cue in _cues(m):
        for finder, bucket in ((_post, post), (_pre, pre), (_participle, part), (_clause_tail, tail)):
            frame = finder(m, cue)
            if frame:
                bucket.append(frame)
                break
    if post and pre and _is_pronoun(post[0].region) and pre[0].region_start < post[0].region_start:
        post = []  # "Sweeney said investigators ..., he said": the named speaker
    statement = _statement(m)
    ranked = post + pre + [_according(m)] + part + [statement] + tail
    found = next((f for f in ranked if f is not None), None)
    if found and statement and found.cue in lexicon.NAMING_CUES:
        return statement  # "In a statement, Norvale called the ruling "deeply flawed.""
    return found


def _is_pronoun(region: str) -> bool:
    return region.strip().lower() in lexicon.PERSON_PRONOUNS | lexicon.GROUP_PRONOUNS


def _cues(m: str) -> list[re.Match]:
    """Reporting verbs outside quotes, minus negated and infinitive uses."""
    found = []
    for cue in WORD.finditer(m):
        if cue.group() not in lexicon.CUE_VERBS:
            continue
        before = [w.lower() for w in WORD.findall(m[max(0, cue.start() - 30): cue.start()])][-3:]
        if cue.group() == "told" and m[: cue.start()].strip().lower() == "all":
            continue  # "All told, ..."
        if before and before[-1] in ADJECTIVAL_BEFORE and cue.group().endswith("ed"):
            continue  # "comes with added costs", "an estimated 300", "the reported attack"
        after_pause = m[: cue.start()].rstrip().endswith((",", ":", ";", QUOTED)) \
            or bool(re.search(r"\b(?:continues|continued|continue|went on|goes on|keeps|kept) to\s*$",
                              m[: cue.start()]))  # "Mr. Trump continues to insist ..."
        if not after_pause and (set(before) & lexicon.NEGATORS or before[-1:] and before[-1] in lexicon.MODALS):
            continue  # "did not say", "to say"; not "... what to do, said Cortines"
        if cue.group() in lexicon.STANCE_CUES and not _stance_allowed(m, cue, before):
            continue
        found.append(cue)
    return found


def _stance_allowed(m: str, cue: re.Match, before: list[str]) -> bool:
    """"Investigators believe that ...", "Tunisians worry ...": a group's stance,
    not "I think" or "things fear"."""
    if re.match(r"\s+that\b", m[cue.end():]):
        return bool(before) and before[-1] not in {"i", "we", "you"}
    return bool(before) and before[-1] in {"they", "experts", "analysts"} | lexicon.GROUP_NOUNS.keys() \
        or bool(before) and len(before[-1]) > 4 and before[-1].endswith(("ers", "ors", "ans", "ists", "ts"))


def _np_like(region: str, limit: int = 12) -> bool:
    """A noun phrase (with appositives) and not a clause."""
    parts = names.source_parts(region)
    if not parts or QUOTED in region:
        return False
    bare_words = names.words(region)
    if len(bare_words) == 1 and bare_words[0].islower() and not bare_words[0].endswith("s") \
            and bare_words[0] not in lexicon.PERSON_PRONOUNS | lexicon.GROUP_PRONOUNS:
        return False  # "..., long criticized for ...": an adverb, not a source
    last = names.CLAUSE_CUT.sub("", region).rstrip().rsplit(",", 1)[-1]
    last_words = names.words(last)
    if not region.rstrip().endswith(",") and any(_verb_in_slot(w, k == len(last_words) - 1)
                                                 for k, w in enumerate(last_words)):
        return False  # "..., introduced legislation Friday urging": a verb phrase
    for k, part in enumerate(parts):
        ws = names.words(part)
        if len(ws) > (limit if k == 0 else 20) or any(_verb_in_slot(w, k == len(ws) - 1) for k, w in enumerate(ws)):
            return False
        if any(w.lower() in lexicon.CLAUSE_OPENERS for w in ws):
            return False
    return True


def _verb_in_slot(word: str, last: bool) -> bool:
    """A finite verb inside a source slot, bar "those surveyed" and a final
    noun like "reports" ("Initial reports said")."""
    if word.lower() in lexicon.SLOT_PARTICIPLES or last and word.lower() in lexicon.SLOT_NOUNS:
        return False
    return names.is_verb_like(word)


def _adjunct_only(rest: str) -> bool:
    """What follows a post-position cue: "VOA", "on Monday", no new clause."""
    ws = names.words(rest)
    if QUOTED in rest or len(ws) > 14 or "that" in ws:
        return False
    return not any(names.is_verb_like(w) for w in ws)


def _post(m: str, cue: re.Match) -> Frame | None:
    """Cue after the claim: after a quotation or after a comma. The nearest
    commas are tried first, so "...” in that law, Azzouz said" keeps the
    unquoted words in the claim, and an appositive or relative clause before
    the cue ("the source, who said he had ..., told Reuters") is skipped."""
    head = m[: cue.start()]
    qb = head.rfind(QUOTED)
    commas = [(c, 9) for c in reversed([i for i, ch in enumerate(head) if ch == "," and i > qb][-3:])]
    quote = [(qb, 15)] if qb >= 0 else []
    first_part = names.words(head[qb + 1:].split(",")[0])[:1] if quote else []
    if first_part and first_part[0].lower() in lexicon.INTRO_WORDS:
        candidates = commas + quote  # "...” in that law, Azzouz said": the adjunct is claim
    else:
        candidates = quote + commas
    for boundary, limit in candidates:
        after_quote = boundary == qb or not head[qb + 1: boundary].strip()
        if cue.group() in lexicon.QUOTE_ONLY_CUES and not after_quote:
            continue
        between = head[boundary + 1:].strip(" ,")
        if not between:
            frame = _inverted(m, cue, boundary)
            if frame:
                return frame
            continue
        if len(names.words(names.CLAUSE_CUT.sub("", between))) <= limit and _np_like(between, limit):
            start = head.index(between, boundary)
            start, between = _with_role_before(head, start, between)
            frame = _post_frame(m, cue, between, start, boundary, boundary == qb)
            if frame:
                return frame
    return None


def _post_frame(m: str, cue: re.Match, between: str, start: int, boundary: int,
                after_quote: bool) -> Frame | None:
    """What may follow a post-position cue: adjuncts only, the rest of an
    interrupted quotation, ", adding that ..." (both halves kept), or the
    rest of a sentence the frame interrupts ("Businesses, Hoenig said, are")."""
    rest = m[cue.end():]
    bare_subject = len(names.words(m[:boundary])) < 3 and QUOTED not in m[:boundary]
    if after_quote and RESUMED.match(rest):
        gap = (boundary + 1, m.index(QUOTED, cue.end()))
        return Frame(cue.group(), between, start, (0, len(m)), "post", gap)
    adding = ADDING.match(rest) if after_quote else None
    if adding:  # '"He is brilliant," an Iowa Republican said, adding that Pence "should be ..."'
        gap = (boundary + 1, cue.end() + adding.end())
        return Frame(cue.group(), between, start, (0, len(m)), "post", gap)
    if (_adjunct_only(rest) or after_quote and (ADJUNCT_FIRST.match(rest) or PARTICIPLE_AFTER.match(rest))) \
            and not bare_subject:
        return Frame(cue.group(), between, start, (0, boundary + 1), "post")
    if bare_subject and not re.match(r",\s*[^\s\x01]", rest):
        return None  # "Alverson, a commissioner ..., described it": the name is the subject, not a claim
    addressee = re.match(r"(?:\s+[^,\x01\s]+){0,3}?(?=,\s*[^\s\x01])", rest) \
        if cue.group() in {"told", "tells", "asked"} else re.match(r"(?=,\s*[^\s\x01])", rest)
    if not after_quote and addressee and m[:boundary].strip():
        gap = (boundary, cue.end() + addressee.end() + 1)
        return Frame(cue.group(), between, start, (0, len(m)), "post", gap)
    return None


def _with_role_before(head: str, start: int, between: str) -> tuple[int, str]:
    """"..., her spokesman, Luis Ortega, wrote": the role before the name joins it."""
    before = head[:start].rstrip()
    if not before.endswith(","):
        return start, between
    prev = before[:-1].rsplit(",", 1)[-1]
    ws = names.words(prev)
    if ws and len(ws) <= 5 and names.is_role_word(ws[-1]) and names.is_proper(between.strip(" ,")) \
            and QUOTED not in prev:
        new_start = before[:-1].rindex(prev) + len(prev) - len(prev.lstrip())
        return new_start, head[new_start:start] + between
    return start, between


def _inverted(m: str, cue: re.Match, boundary: int) -> Frame | None:
    """`"...," said Dolkun Isa, president of the World Uyghur Congress.` and
    `"...," says Hopkinson, "and will ..."` (the quotation resumed)."""
    rest = m[cue.end():]
    first = names.words(rest)[:1]
    resumed = INVERTED_RESUMED.match(rest)
    if not first or first[0].lower() in {"that", "it"} or QUOTED in rest.split(",", 1)[0]:
        return None
    if first[0].lower() in lexicon.PERSON_PRONOUNS | {"they", "we", "i", "you"} and len(names.words(rest)) > 1:
        return None  # "..., Big Machine, says she owes it two albums": a new clause, not a source
    if cue.group() not in lexicon.INVERTIBLE_CUES or not _np_like(rest.split(",", 1)[0]):
        return None
    if first[0].lower() in lexicon.INTRO_WORDS | lexicon.CLAUSE_OPENERS:
        return None  # `said on Monday that ...`: not a source after the cue
    start = cue.end() + len(rest) - len(rest.lstrip())
    if resumed:
        gap = (boundary + 1, cue.end() + resumed.end())
        return Frame(cue.group(), resumed.group(1).strip(), start, (0, len(m)), "post", gap)
    region = rest.split(QUOTED, 1)[0].split(",", 1)
    region[0] = ADJUNCT_CUT.sub("", region[0])
    return Frame(cue.group(), ",".join(region).strip(" ,"), start, (0, boundary + 1), "post")


def _pre(m: str, cue: re.Match) -> Frame | None:
    """Cue before the claim: `Wang told the press that ...`, `X said, "..."`."""
    words = m[: cue.start()].split()
    while words and (names.bare(words[-1]) in lexicon.AUX_ADVERBS or _adverb(words[-1])):
        words.pop()
    region = " ".join(CONTINUES_TO.sub("", " ".join(words)).split())
    if not region or not _np_like(region) or _embedded(region) or _subordinate(region):
        return None
    rest = m[cue.end():]
    if cue.group() in lexicon.QUOTE_ONLY_CUES and not INTRO_TO_QUOTE.match(rest):
        return None
    if cue.group() in lexicon.NAMING_CUES and not NAMED_AS.match(rest):
        return None  # "called it "a disaster"", not "called for" or "called police"
    if cue.group() in lexicon.MARKET_CUES and MARKET_MOVE.match(rest):
        return None  # "Spot gold added 0.1%", "the Nasdaq added 20.72 points"
    if cue.group() in REQUEST_CUES and REQUEST.match(rest):
        return None  # "asked New Yorkers to join the search": a request, not a report
    offset = cue.end() + _claim_offset(rest, cue.group())
    if len(names.words(m[offset:])) + m[offset:].count(QUOTED) < 2:
        return None
    if not _cue_allowed(cue, region, rest):
        return None
    return Frame(cue.group(), region, m.index(words[0]), (offset, len(m)), "pre")


def _adverb(word: str) -> bool:
    """"recently", "seemingly", "quietly": adverbs between a subject and its cue."""
    return word.islower() and len(word) > 4 and word.endswith("ly")


def _embedded(region: str) -> bool:
    """"The man who the police said ...": the cue belongs to a relative clause."""
    found = re.search(r"\b(?:who|whom|that|which)\b\s*([^,]*)$", region)
    return bool(found) and not any(names.is_verb_like(w) for w in names.words(found.group(1)))


def _subordinate(region: str) -> bool:
    """"Only when his chief strategist, Steve Bannon, explained ...": the cue is
    the verb of a subordinate clause (one with no verb of its own before it);
    "When asked, X said" and "While X asserts ..., Y says" are main frames."""
    ws = names.words(region)
    while ws and ws[0].lower() in {"only", "but", "and", "even", "just"}:
        ws = ws[1:]
    if len(ws) < 2 or ws[0].lower() not in lexicon.SUBORDINATORS:
        return False
    if ws[1].lower().endswith("ed") or ws[1].lower().endswith("ing"):
        return False  # "When asked", "After hearing"
    return not any(names.is_verb_like(w) for w in ws[1:])


def _clause_tail(m: str, cue: re.Match) -> Frame | None:
    """A cue in a second coordinated clause: "..., and experts said it's too early"."""
    head = m[: cue.start()]
    cut = None
    for cut in COORDINATOR.finditer(head):
        pass
    if cut is None or QUOTED in head[cut.end():]:
        return None
    words = head[cut.end():].split()
    while words and (names.bare(words[-1]) in lexicon.AUX_ADVERBS or _adverb(words[-1])):
        words.pop()
    region = " ".join(words)
    if not region or not _np_like(region, 8) or _embedded(region):
        return None
    rest = m[cue.end():]
    if cue.group() in lexicon.PARTICIPLE_CUES | lexicon.QUOTE_ONLY_CUES | lexicon.NAMING_CUES \
            or cue.group() in REQUEST_CUES and REQUEST.match(rest):
        return None  # "are adding to the challenges", "when it began to stock", "asked him to"
    offset = cue.end() + _claim_offset(rest, cue.group())
    if len(names.words(m[offset:])) < 2 or not _cue_allowed(cue, region, rest):
        return None
    return Frame(cue.group(), region, cut.end() + head[cut.end():].index(words[0]), (offset, len(m)), "pre")


def _claim_offset(rest: str, cue: str = "") -> int:
    """Where the claim starts after a cue: past "that", an addressee or adjunct
    before a quotation ("told Reuters: "), or an addressee of "told"; not past
    the claim's own subject ("said megabanks, "even after ...")."""
    that = THAT.match(rest)
    intro = INTRO_TO_QUOTE.match(rest)
    if intro and not _lead_is_adjunct(intro.group(), cue):
        intro = None
    lead = intro or (that if that and len(that.group().split()) <= 8 else None)
    lead = lead or ADDRESSEE.match(rest)
    offset = lead.end() if lead else 0
    return offset + len(rest[offset:]) - len(rest[offset:].lstrip(" ,:"))


def _lead_is_adjunct(lead: str, cue: str) -> bool:
    """What sits between a cue and its quotation: "told Reuters:", "said on
    Monday,", "said in a statement:" are not part of the claim."""
    ws = names.words(lead)
    if not ws or cue in {"told", "tells", "telling", "asked", "asks"}:
        return True
    if lead.rstrip().endswith(":") and len(ws) <= 4:
        return True  # "said:", "told Reuters:", "wrote on Twitter:"; not "estimated X to be Y, adding:"
    return ws[0].lower() in lexicon.INTRO_WORDS or bool(ADDRESSEE.match(lead))


def _cue_allowed(cue: re.Match, region: str, rest: str) -> bool:
    """Noun-like cues ("reports", "found") need "that" or a document source."""
    if cue.group() not in lexicon.THAT_CUES:
        return True
    if re.match(r"\s*that\b", rest) or THAT.match(rest) or re.match(r"[^\x01]{0,60}?:\s*\x01", rest):
        return True
    if cue.group() in {"described", "describes"} and re.match(r"^\s+(?:\S+\s+){0,6}?as\b", rest):
        return True  # "described it as a stable but declining resource"
    following = names.words(rest)[:1]
    noun_use = cue.group() in lexicon.SLOT_NOUNS and bool(following) and names.is_verb_like(following[0])
    if not noun_use and _named_subject(region) \
            and any(names.is_verb_like(w) for w in names.words(rest)[:8]) \
            and not re.match(r"\s+(?:to|for|on|in|of|with)\b", rest):
        return True  # "the company claims its new prices have saved", "Moscow announced Friday it will"
    return any(names.bare(w) in lexicon.DOC_NOUNS for w in names.words(region))


def _named_subject(region: str) -> bool:
    """A named speaker or a body referred to ("the company"), who can claim or announce."""
    parts = names.source_parts(region)
    bare = names.strip_determiners(parts[0]).strip() if parts else ""
    ws = names.words(bare)
    return bool(ws) and (names.is_proper(bare) or names.bare(ws[-1]) in lexicon.ORG_WORDS
                         or names.bare(ws[-1]) in {"company", "firm", "government", "utility"})


def _participle(m: str, cue: re.Match) -> Frame | None:
    """`The judge denied it, saying ...`: the main subject is the source."""
    head = m[: cue.start()].rstrip()
    participle = cue.group() in lexicon.PARTICIPLE_CUES and head.endswith(",")
    coordinated = head.endswith(" and") and cue.group() not in lexicon.PARTICIPLE_CUES
    if not (participle or coordinated) or QUOTED in head:
        return None
    if cue.group() in lexicon.NAMING_CUES and not NAMED_AS.match(m[cue.end():]):
        return None
    if cue.group() in lexicon.QUOTE_ONLY_CUES and not INTRO_TO_QUOTE.match(m[cue.end():]):
        return None  # "... and began a crackdown"
    subject = names.subject(head)
    leading = LEADING_NAME.match(head.lstrip())
    if coordinated and leading and (not subject or _present_verb_after(subject, leading.group(1))):
        subject = leading.group(1)  # "Wiig smiles and says"
    if not subject:
        return None
    offset = cue.end() + _claim_offset(m[cue.end():], cue.group())
    return Frame(cue.group(), subject, m.index(subject), (offset, len(m)), "participle")


def _present_verb_after(subject: str, name: str) -> bool:
    """"Wiig smiles and": the word after the name is a present-tense verb."""
    after = subject[len(name):].split()[:1] if subject.startswith(name) else []
    return bool(after) and after[0].islower() and after[0].endswith("s") and len(after[0]) > 3


def _according(m: str) -> Frame | None:
    """`..., according to X.` and `According to X, ...`."""
    found = ACCORDING.search(m)
    if not found:
        return None
    if not m[: found.start()].strip(" \"“" + QUOTED):
        comma = m.find(",", found.end())
        if comma < 0:
            return None
        return Frame("according to", m[found.end(): comma], found.end(), (comma + 1, len(m)), "according")
    stop = m.find(QUOTED, found.end())
    stop = len(m) if stop < 0 else stop
    end = len(m[: found.start()].rstrip(" ,"))
    return Frame("according to", m[found.end(): stop], found.end(), (0, end), "according")


def _statement(m: str) -> Frame | None:
    """`In a statement, the company called ...`: no verb cue, a statement."""
    intro = STATEMENT_INTRO.match(m)
    if not intro:
        return None
    subject = names.subject(m[intro.end():])
    if not subject:
        return None
    start = intro.end() + len(subject)
    return Frame("in a statement", subject, intro.end(), (start, len(m)), "statement")
