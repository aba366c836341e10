"""Frames whose cue follows the claim: `"..." Wang said.`, `"...," said Isa, president of X.`"""
import re

from annotate.suggestions.rules import lexicon
from annotate.suggestions.rules import names
from annotate.suggestions.rules import slot_parts
from annotate.suggestions.rules import tokens
from annotate.suggestions.rules.frames.frame import Frame
from annotate.suggestions.rules.name_kinds import name_kind
from annotate.suggestions.rules.frames.frame import QUOTED
from annotate.suggestions.rules.frames.pre import HEARD_BEFORE
from annotate.suggestions.rules.frames.pre import HEARD_CUES
from annotate.suggestions.rules.frames.slots import adjunct_only
from annotate.suggestions.rules.frames.slots import name_limit
from annotate.suggestions.rules.frames.slots import np_like
from annotate.suggestions.rules.frames.slots import subordinate

RESUMED = re.compile(r"^[^\x01]{0,40}?[,:]\s*\x01[\x01\s.,!?]*$")
ADDING = re.compile(r"^[^,\x01]{0,40}?,\s*(?:adding|saying|noting|arguing)\s+(?:that\s+)?")
ADJUNCT_FIRST = re.compile(r"^\s+(?:at|in|on|during|after|before|when|while|as|of|about|via|through|from|"
                           r"to|with|last|this|late|early|earlier|later|yesterday|today|Monday|Tuesday|"
                           r"Wednesday|Thursday|Friday|Saturday|Sunday)\b")
INVERTED_RESUMED = re.compile(r"^\s*([^\x01,]{1,80}?),\s*(?=\x01)(?=[\x01\s.,!?]*$)")
# '"...," Trump told the Times, alarming critics': a participle after the cue's addressee.
PARTICIPLE_AFTER = re.compile(r"^(?:\s+[^,\x01]{1,40}?)?,\s+(?:(?:his|her|their|its)\s+[a-z]+\s+)?[a-z]+ing\b")
# '"...," Woodard said, though he stressed ...': a clause of its own after the frame.
CLAUSE_AFTER = re.compile(r"^(?:\s+[^,\x01]{1,30}?)?,\s+(?:though|although|while|but|because|whereas|even as|as|before|"
                          r"after|when)\b")  # not ", and": "... as sanctions for states ramped up, and how ..."
ANONYMITY = re.compile(r"\s*,?\s*(?:speaking\s+)?on (?:the )?condition (?:of|that they not be named)\b[^\x01]*$")
# "..., officials said Monday, and left ...": a time or channel between the cue and the comma.
SHORT_ADJUNCT = re.compile(
    r"(?:\s+(?:on\s+|late\s+|early\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"today|yesterday|tonight|earlier|later|last\s+\w+|this\s+\w+|in\s+an?\s+\w+|on\s+Twitter))?"
    r"(?=,\s*[^\s\x01])")
ADVERBIAL_ONLY = re.compile(r"^\W*(?:(?:then|now|later|earlier|meanwhile|last|this|next|on|in|at|early|late|"
                            r"week|month|year|weekend|night|morning|afternoon|evening|today|yesterday|"
                            r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|ago|days?|\d+)[\s,]*)+$",
                            re.IGNORECASE)
PERFECT_REPORTS = frozenset("said reported stated noted warned claimed confirmed learned learnt found".split())
PARENTHETICAL_GO_ON = re.compile(r"^,\s*[^\s\x01]")
AUX_BEFORE_CUE = re.compile(r"\s+(?:has|have|had)(?:\s+(?:also|since|long|already))?\s*$")
OBJECT_THEN_INFINITIVE = re.compile(r"^[^,\x01]{1,60}?\s(?:not\s+)?to\s+[a-z]+")
ADJUNCT_CUT = re.compile(r"(?:\s[a-z]{3,}ed)?\s(?:in|on|at|during|after|before|via|to|when|as|while|"
                         r"of (?:his|her|their|its))\s.*$",
                         re.S)  # "quipped Pitt of his role", "said one Republican involved in the planning"


def post(m: str, cue: re.Match) -> Frame | None:
    """Cue after the claim: after a quotation or after a comma. The nearest
    commas are tried first, so "...” in that law, Azzouz said" keeps the
    unquoted words in the claim, and an appositive or relative clause before
    the cue ("the source, who said he had ..., told Reuters") is skipped."""
    head = m[: cue.start()]
    heard = HEARD_BEFORE.search(head.rstrip()) if cue.group() in HEARD_CUES else None
    if cue.group() in lexicon.NO_CONTENT_CUES | lexicon.PARTICIPLE_CUES and not heard:
        return None  # "..., aides disagreed": the clause before is not what they said; ", adding:" hangs on a subject
    if heard:  # '"...," the man could be heard saying': the recording's speaker
        head = head.rstrip()[: heard.start()] + " "
    qb = head.rfind(QUOTED)
    commas = [(c, 9) for c in reversed([i for i, ch in enumerate(head) if ch == "," and i > qb][-3:])]
    quote = [(qb, 15)] if qb >= 0 else []
    first_part = tokens.words(head[qb + 1:].split(",")[0])[:1] if quote else []
    if first_part and (first_part[0].lower() in lexicon.INTRO_WORDS
                       or first_part[0].islower() and first_part[0] not in tokens.DETERMINERS):
        candidates = commas + quote  # "...” in that law, Azzouz said", "“nude models” available for hire, the X said"
    else:
        candidates = quote + commas
    for boundary, limit in candidates:
        after_quote = boundary == qb or not head[qb + 1: boundary].strip()
        if cue.group() in lexicon.QUOTE_ONLY_CUES and not after_quote and not PARENTHETICAL_GO_ON.match(m[cue.end():]) \
                and cue.group() in {"continued", "continues"}:
            continue  # "Simultaneously, he continued, Government has cut VAT": the frame interrupts a claim
        if cue.group() in lexicon.QUOTE_ONLY_CUES - {"continued", "continues"} and not after_quote:
            continue
        between = head[boundary + 1:]
        if cue.group() in PERFECT_REPORTS and not tokens.words(between)[:1] == ["and"]:
            between = AUX_BEFORE_CUE.sub("", between)  # "..., researchers have said"
        between = between.strip(" ,")
        named = _name_and_role(head, boundary, between) if boundary != qb else None
        if named:  # "..., Jim Cantrell, Vector Space Systems CEO, told NBC": the name before the role speaks
            start, between, boundary = named
            frame = _post_frame(m, cue, between, start, boundary, False) \
                if np_like(between, limit) and not subordinate(between) else None
            if frame:
                return frame
            continue
        if boundary != qb and _name_then_appositive(head[:boundary], between):
            continue  # "Roxanne Delgado, founder of X, said ...": the subject, not a claim before the cue
        if boundary != qb and _appositive_like(between) and _name_before(head[:boundary]):
            continue  # "..., Smith, a nurse who lives in Ohio, told AP": the name before the appositive speaks
        if not between:
            frame = _inverted(m, cue, boundary)
            if frame:
                return frame
            continue
        if len(tokens.words(slot_parts.CLAUSE_CUT.sub("", between))) <= name_limit(between, limit) \
                and np_like(between, limit) \
                and not subordinate(between):  # not "..., about five hours before Meadows announced, ..."
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
    if not after_quote and ADVERBIAL_ONLY.match(m[:boundary]) and not PARENTHETICAL_GO_ON.match(m[cue.end():]):
        return None  # "Then, last week, Taylor Swift posted a message": an opening adverbial is no claim
    rest = m[cue.end():]
    bare_subject = len(tokens.words(m[:boundary])) < 3 and QUOTED not in m[:boundary]
    if after_quote and RESUMED.match(rest):
        gap = (boundary + 1, m.index(QUOTED, cue.end()))
        return Frame(cue.group(), between, start, (0, len(m)), "post", gap)
    adding = ADDING.match(rest) if after_quote or not bare_subject else None
    if adding:  # '"He is brilliant," an Iowa Republican said, adding that Pence "should be ..."', "..., X said, adding"
        gap = (boundary + 1, cue.end() + adding.end())
        return Frame(cue.group(), between, start, (0, len(m)), "post", gap)
    if after_quote and cue.group() in {"told", "tells"} and QUOTED not in rest and not bare_subject:
        return Frame(cue.group(), between, start, (0, boundary + 1), "post")  # '"...," Gates told an audience that ...'
    rest = ANONYMITY.sub("", rest)  # '..., two aides said on condition of anonymity because ...'
    if (adjunct_only(rest) or after_quote and (ADJUNCT_FIRST.match(rest) or PARTICIPLE_AFTER.match(rest)
                                               or CLAUSE_AFTER.match(rest))) and not bare_subject:
        return Frame(cue.group(), between, start, (0, boundary + 1), "post")
    if bare_subject and not re.match(r",\s*[^\s\x01]", rest):
        return None  # "Alverson, a commissioner ..., described it": the name is the subject, not a claim
    addressee = re.match(r"(?:\s+[^,\x01\s]+){0,7}?(?=,\s*[^\s\x01])", rest) \
        if cue.group() in {"told", "tells", "asked"} else SHORT_ADJUNCT.match(rest)
    if not after_quote and addressee and m[:boundary].strip():
        gap = (boundary, cue.end() + addressee.end() + 1)
        return Frame(cue.group(), between, start, (0, len(m)), "post", gap)
    return None


def _name_then_appositive(head: str, between: str) -> bool:
    """"Father James Martin, a Jesuit priest ...,", "Roxanne Delgado, founder of X,":
    a name and its appositives are the subject before the cue, and no clause
    precedes them."""
    parts = [p.strip() for p in slot_parts.CLAUSE_CUT.sub("", head + "," + between).split(",") if p.strip()]
    if any(tokens.is_verb_like(w) for w in tokens.words(head)) or len(parts) < 2:
        return False
    names_before = [k for k, p in enumerate(parts) if len(tokens.words(p)) >= 2 and tokens.is_proper(p)]
    if not names_before:
        return False
    return all(_appositive_like(p) for p in parts[names_before[-1] + 1:]) and names_before[-1] < len(parts) - 1


def _name_before(head: str) -> bool:
    """The comma part just before a boundary is a short proper name ("..., Smith,")."""
    if "," not in head:
        return False
    part = head.rsplit(",", 1)[-1].strip()
    return 0 < len(tokens.words(part)) <= 4 and tokens.is_proper(part)


def _name_and_role(head: str, boundary: int, between: str) -> tuple[int, str, int] | None:
    """(start, slot, new boundary) when the slot before a cue is a role alone and the comma part before
    it a person's name: "..., a space company, Jim Cantrell, Vector Space Systems CEO, told NBC"."""
    phrase = names.parse(between) if between and QUOTED not in between else None
    if phrase is None or phrase.kind not in ("description", "anaphor") or not _name_before(head[:boundary]):
        return None
    ws = tokens.words(between)
    if not (_appositive_like(between) or ws[0][:1].islower() or any(tokens.is_role_word(w) for w in ws)):
        return None
    name_comma = head.rfind(",", 0, boundary)
    name = head[name_comma + 1: boundary]
    name_words = tokens.words(name)
    if len(name_words) < 2 or name_words[0].lower() in lexicon.INTRO_WORDS or name_kind(name.strip()) != "person":
        return None
    start = name_comma + 1 + len(name) - len(name.lstrip())
    return start, name.strip() + ", " + between, name_comma


def _appositive_like(part: str) -> bool:
    """"a Jesuit priest", "founder of the civic association X", "the mayor"."""
    ws = tokens.words(part)
    return bool(ws) and (ws[0].lower() in {"a", "an", "the"} or tokens.is_role_word(ws[0]))


def _with_role_before(head: str, start: int, between: str) -> tuple[int, str]:
    """"..., her spokesman, Luis Ortega, wrote": the role before the name joins it."""
    before = head[:start].rstrip()
    if not before.endswith(","):
        return start, between
    prev = before[:-1].rsplit(",", 1)[-1]
    ws = tokens.words(prev)
    if ws and len(ws) <= 5 and tokens.is_role_word(ws[-1]) and tokens.is_proper(between.strip(" ,")) \
            and QUOTED not in prev:
        new_start = before[:-1].rindex(prev) + len(prev) - len(prev.lstrip())
        return new_start, head[new_start:start] + between
    return start, between


def _inverted(m: str, cue: re.Match, boundary: int) -> Frame | None:
    """`"...," said Dolkun Isa, president of the World Uyghur Congress.` and
    `"...," says Hopkinson, "and will ..."` (the quotation resumed)."""
    rest = m[cue.end():]
    first = tokens.words(rest)[:1]
    resumed = INVERTED_RESUMED.match(rest)
    if not first or first[0].lower() in {"that", "it", "to"} or QUOTED in rest.split(",", 1)[0]:
        return None  # not "..., said to be the largest in Europe, ..."
    if first[0].lower() in lexicon.PERSON_PRONOUNS | {"they", "we", "i", "you"} and len(tokens.words(rest)) > 1:
        return None  # "..., Big Machine, says she owes it two albums": a new clause, not a source
    if cue.group() not in lexicon.INVERTIBLE_CUES or not np_like(rest.split(",", 1)[0].rstrip(" .!?"), after_cue=True):
        return None
    if cue.group() in {"warned", "warns", "asked", "asks", "instructed"} and OBJECT_THEN_INFINITIVE.match(rest):
        return None  # "..., warned the Vatican not to mess with the nuns": an object, not a speaker
    if first[0].lower() in lexicon.INTRO_WORDS or tokens.opens_clause(first[0]):
        return None  # `said on Monday that ...`: not a source after the cue
    before = tokens.words(m[:boundary].rsplit(",", 1)[-1])[:1]
    if before and tokens.opens_clause(before[0]) and not QUOTED in m[:boundary]:
        return None  # "One resident, who asked not to be named, said gunshots rang out": the clause's noun speaks
    start = cue.end() + len(rest) - len(rest.lstrip())
    if resumed:
        gap = (boundary + 1, cue.end() + resumed.end())
        return Frame(cue.group(), resumed.group(1).strip(), start, (0, len(m)), "post", gap)
    region = rest.split(QUOTED, 1)[0].split(",", 1)
    region[0] = ADJUNCT_CUT.sub("", region[0])
    return Frame(cue.group(), ",".join(region).strip(" ,"), start, (0, boundary + 1), "post")
