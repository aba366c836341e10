"""Turn the words in a source slot ("His lawyer, Martin Feld,") into a phrase.

News prose packs a name, a title and a role into one slot in a handful of
fixed shapes: pre-modifier ("Health Minister Jonas Bergqvist"), appositive
("Dolkun Isa, president of the World Uyghur Congress"), inverted appositive
("her spokesman, Luis Ortega"), plus time adjuncts and relative clauses that
must be dropped.  This module only parses the slot; resolving a surname,
pronoun or "the report" against the rest of the article is discourse.py's job.
"""
import functools
import re
from dataclasses import dataclass

from annotate.suggestions.rules import lexicon
from annotate.suggestions.rules import tokens

CLAUSE_CUT = re.compile(r"\s(?:who|whose|which|where|whom|who['’]s)\s[^,]*|\sthat\s[^,]*(?=,)")
OFFICE_OF = re.compile(r"^(?:of|to)\s+(?:the\s+)?[A-Z][\w.]+(?:\s+(?:Security|Affairs|Services|Resources|Development))?\s+")
NAME_THEN_BODY = re.compile(r"\s(?:of|at|from|with)\s+(?:the\s+)?(?=[A-Z])")
PERSONAL_NAME = re.compile(r"(?:[A-Z][\w.'’\-]*\s+){1,4}[A-Z][a-z][\w'’\-]*")
# "American Airlines' Kent Powell", "Microsoft's Brad Smith": the possessor is the role.
POSSESSOR = re.compile(r"^((?:[A-Z][\w.&\-]*\s+){0,3}[A-Z][\w.&\-]*(?:['’]s|s['’]))\s+(?=[A-Z][a-z])")


@dataclass(frozen=True)
class Phrase:
    """A parsed source slot: the head text, its role, and what kind it is."""

    text: str
    role: str | None
    kind: str  # person | org | pronoun | description
    head: str  # lower-case last word, used to match anaphors ("report", "judge")


def is_org_name(name: str) -> bool:
    """A proper name that names an organisation ("Justice Department", "Centers for Disease Control")."""
    return any(tokens.bare(w) in lexicon.ORG_WORDS or tokens.bare(w)[:-1] in lexicon.ORG_WORDS
               and tokens.bare(w).endswith("s") for w in tokens.words(name))


def split_title(name: str) -> tuple[str | None, str]:
    """Split "Senate Majority Leader Tom Brandt" into role and name; "Secretary
    of State Mike Pompeo" keeps "of State" in the role, and "Capt. James
    Sarnicki of the Linden Police Department" keeps the body out of the name."""
    owner = POSSESSOR.match(name)
    if owner and PERSONAL_NAME.fullmatch(name[owner.end():]) and not re.match(TIME_WORDS, name[owner.end():]) \
            and not is_org_name(name[owner.end():]):
        role, person = split_title(name[owner.end():])
        return " ".join(filter(None, (owner.group(1), role))), person
    ws = name.split()
    cut = max((i for i, w in enumerate(ws[:-1]) if (_title_word(w) or w[:1].isupper() and tokens.bare(w) in tokens.ROLE_NOUNS)
               and not all(ROMAN.match(tokens.bare(x).upper()) for x in ws[i + 1:])), default=-1)  # not "King Jr."
    office = OFFICE_OF.match(" ".join(ws[cut + 1:])) if cut >= 0 else None
    portfolio = bool(office) and tokens.bare(office.group().split()[-1]) in PORTFOLIOS
    chained = None if portfolio else _office_chain(ws, cut)  # "Secretary of State Hillary Rodham Clinton"
    if chained is not None:
        return " ".join(ws[: chained + 1]), " ".join(ws[chained + 1:])
    if office and len(ws[cut + 1:]) - len(office.group().split()) >= 2:
        cut += len(office.group().split())  # "Speaker of the House John Smith", "Ambassador to the U.N. X"
    if cut < 0 or is_org_name(" ".join(ws[cut + 1:])) and not _person_of_body(ws[cut + 1:]):
        return None, name  # no title, or "Office of the President"-like names
    person = " ".join(ws[cut + 1:])
    body = NAME_THEN_BODY.search(person)
    if body and (is_org_name(person[body.end():]) or PERSONAL_NAME.fullmatch(person[: body.start()])
                 and tokens.is_proper(person[body.end():])):
        person = person[: body.start()]  # "Capt. X of the Linden Police Department", "Sen. John Thune of South Dakota"
    role = " ".join(ws[: cut + 1])
    if tokens.bare(role) in {"mr", "mrs", "ms", "dr", "prof"}:
        role = None  # honorifics are not roles
    if len(person.split()) == 1 and tokens.bare(ws[cut]) in STYLED_TITLES:
        return role, f"{ws[cut]} {person}"  # "Pope Francis", "Prince Harry": the title is part of the name
    return role, person


OFFICE_PREPOSITIONS = frozenset("of for in to at".split())
INITIAL = re.compile(r"^[A-Z]\.$")


# One-word offices of a cabinet or a body ("Secretary of State X Y Z"): the words after them are all name.
PORTFOLIOS = frozenset("state defense defence treasury justice energy labor labour commerce education agriculture "
                       "interior transportation health finance house senate navy army u.n un homeland".split())


def _office_chain(ws: list[str], cut: int) -> int | None:
    """"Acting U.S. Attorney for the District of Massachusetts Joshua Levy",
    "Chief Financial Officer of Super Value Debra Symonette": a title followed by
    the office it holds (a preposition, then capitalised words) ends in the
    person's name, its last two words (three with a middle initial or a
    particle); the office stays in the role. The title is the first one that a
    preposition follows ("Minister in the Office of the Prime Minister X Y").
    The index of the office's last word, or None."""
    found = next((i for i in range(min(cut + 2, len(ws))) if i + 1 < len(ws) and ws[i + 1] in OFFICE_PREPOSITIONS
                  and ws[i][:1].isupper()), -1) if cut >= 0 else -1  # "Chief Engineer for the County of X"
    if found < 0:
        return None
    rest = ws[found + 1:]
    if not all(tokens.is_capitalised(w) or w in lexicon.NAME_CONNECTORS | OFFICE_PREPOSITIONS for w in rest) \
            or any(ROMAN.match(tokens.bare(w).upper()) for w in rest[-1:]):
        return None
    size = 3 if len(rest) >= 4 and (INITIAL.match(rest[-2]) or rest[-2] in lexicon.NAME_CONNECTORS) else 2
    name = rest[-size:]
    office = rest[:-size]
    if len(office) < 2 or office[-1] in lexicon.NAME_CONNECTORS | OFFICE_PREPOSITIONS or is_org_name(" ".join(name)) \
            or not all(w[:1].isupper() and w[1:2].islower() or INITIAL.match(w) or w in lexicon.NAME_CONNECTORS
                       for w in name):
        return None
    return found + len(office)


def office_chain(part: str) -> bool:
    """"Minister in the Ministry of Finance Brian Manning": a title, its office, a name."""
    ws = part.split()
    cut = max((i for i, w in enumerate(ws[:-1]) if _title_word(w)), default=-1)
    office = OFFICE_OF.match(" ".join(ws[cut + 1:])) if cut >= 0 else None
    if office and tokens.bare(office.group().split()[-1]) in PORTFOLIOS:
        return False  # "Secretary of State X": the older reading holds
    return _office_chain(ws, cut) is not None


def _title_only(part: str) -> bool:
    """"Prime Minister", "U.S. Secretary of State": a title with no name in it."""
    ws = tokens.words(part)
    return bool(ws) and tokens.is_role_word(ws[-1]) and all(
        tokens.is_role_word(w) or w.isupper() or w in lexicon.NAME_CONNECTORS or w[:1].isupper() and len(ws) <= 4
        for w in ws)


def _title_word(word: str) -> bool:
    """"Sen.", "Vice-President", "President-elect", "then-Gov.": a title before a name."""
    bare = re.sub(r"-elect$", "", tokens.bare(word))
    return bare.rsplit("-", 1)[-1] in lexicon.TITLES


def _person_of_body(ws: list[str]) -> bool:
    """"James Sarnicki of the Linden Police Department": a person, then a body."""
    body = NAME_THEN_BODY.search(" ".join(ws))
    return bool(body) and body.start() > 0 and not is_org_name(" ".join(ws)[: body.start()])


def trailing_name(part: str) -> tuple[str | None, str] | None:
    """Split "Chinese Foreign Ministry spokesperson Wang Wenbin" at the name."""
    ws = part.split()
    i = len(ws)
    while i > 0 and (tokens.is_capitalised(ws[i - 1]) or ws[i - 1] in lexicon.NAME_CONNECTORS):
        i -= 1
    while i < len(ws) and ws[i] in lexicon.NAME_CONNECTORS:
        i += 1
    if i == 0 or i == len(ws):
        return None
    if ws[i - 1].lower() in PREPOSITIONS or i > 1 and ws[i - 1].lower() == "the" and ws[i - 2].lower() in PREPOSITIONS:
        return None  # "researchers at the University of Georgia", "a spokeswoman for the X": they speak
    prefix = tokens.strip_determiners(" ".join(ws[:i]))
    role = prefix if tokens.bare(ws[i - 1]) in lexicon.TITLES or tokens.is_role_word(ws[i - 1]) else None
    title, name = split_title(" ".join(ws[i:]))  # "state Sen. Zach Wahls"
    if title and not is_org_name(name):
        return " ".join(filter(None, (prefix, title))), name
    return role, " ".join(ws[i:])


CONJUNCTIONS = frozenset("but and so yet still as".split())
FLOATING = re.compile(r"\s+(?:all|both|each|themselves|himself|herself)$")
NAME_THEN_ADJUNCT = re.compile(r"^((?:[A-Z][\w.'’-]*\s?)+?)\s+(?:at|in|on|during|last|this|earlier|later|"
                               r"too|also|then|now)\b.*$")
PREPOSITIONS = frozenset("at of from for with in on by around close near to behind inside within among".split())


MONTHS_AND_DAYS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                   "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                   "Saturday", "Sunday")
IN_PLACE = re.compile(r"\b(?:[Ii]n|[Aa]t|[Ff]rom|[Nn]ear|[Oo]utside)\s+(?!" + "|".join(MONTHS_AND_DAYS) + r")"
                      r"(?:[A-Z][\w.'’\-]*\s+){0,2}[A-Z][\w.'’\-]*$")
SHARE = re.compile(r"^(?:about |nearly |almost |some |more than |fewer than )?[\d.,]+\s*(?:percent|per cent|%)$")


@functools.lru_cache(maxsize=8192)
def source_parts(region: str) -> tuple[str, ...]:
    """Comma parts of a slot, minus adjuncts, ages, clauses and participles."""
    region = CLAUSE_CUT.sub("", region.strip().rstrip(".?!").strip())
    parts = [p.strip(" \t\n—–-:;") for p in re.split(r",(?!\d{3}\b)|:|\s(?:[—–]|--)\s", region)]  # not "1,000"
    kept = []
    place_follows = False  # "Speaking in Redmond, Washington, Satya Nadella said": the state is the intro's
    for k, part in enumerate(parts):
        ws = tokens.words(part)
        if not ws or all(w.isdigit() for w in ws) or SHARE.match(part.strip()) or PARTY_STATE.match(part.strip()):
            continue  # "Democratic insiders surveyed, 97 percent, expect": the share is not the source; nor "R-Ohio"
        if place_follows and len(ws) <= 2 and tokens.is_proper(part) and parts[k + 1:k + 2] \
                and parts[k + 1][:1].isupper():
            place_follows = False
            continue
        place_follows = not kept and bool(IN_PLACE.search(part))
        first = ws[0].lower()
        if tokens.opens_clause(ws[0]):
            break
        if ws[-1].lower() in {"later", "earlier", "ago"} and len(ws) <= 4:
            continue  # "days later", "a year ago"
        last_part = k == len(parts) - 1
        if not kept and not last_part and len(ws) > 1 and first.endswith(("ed", "ing")) and len(first) > 4 \
                and ws[1][:1].islower() \
                and (ws[1] == "the" or ws[1] not in lexicon.NAME_CONNECTORS):  # not "Mohammed bin Salman"
            continue  # "Reached last week in a brief phone call, Bennett declined": an opening participle
        if not office_chain(part):  # not "Minister in the Ministry of Finance Brian Manning"
            part = NAME_THEN_ADJUNCT.sub(r"\1", part)  # "Obama at the time"
        part = FLOATING.sub("", part).strip()  # "executives all"
        part = re.sub(r"\s+(?:from|in|on|since)\s+(?:" + TIME_WORDS[4:] + r"\b.*$", "", part)  # "Poll from June"
        if not re.search(r"\b(?:" + "|".join(lexicon.SLOT_PARTICIPLES) + r")\s+\w+\s+\w+$", part):
            part = TRAILING_TIME.sub("", part)  # "health officials this week"; not "Republicans polled last week"
        ws = tokens.words(part)
        if not ws or kept and len(ws) == 1 and ws[0].islower() and ws[0].endswith(("ed", "ing")):
            continue  # "The report, released Tuesday,": what is left of a participle and its time
        first = ws[0].lower()
        if first in CONJUNCTIONS and len(ws) > 1:
            part = part.split(None, 1)[1]  # "But Andrew Bacevich", "And others"
            ws, first = ws[1:], ws[1].lower()
        participial = len(ws) > 1 and (first.endswith("ing") and len(first) > 4 and not _capitalised_name(ws)
                                       or first.endswith("ed") and ws[1][:1].islower()
                                       and ws[1] not in lexicon.NAME_CONNECTORS)
        if first in lexicon.INTRO_WORDS and not ws[0].isupper() or participial and not kept and not last_part:
            continue  # "Referring to Modi's visit to Wuhan, Geng said"; not "Fed Chair", "Retired teachers"
        if not ws[0][:1].isupper() and ws[0].lower().endswith(("ed", "ing")) and len(ws) > 1 \
                and ws[0] not in lexicon.SLOT_PARTICIPLES:  # not "retired Gen. John Allen"
            continue  # participial phrase: "released in a report by ..."
        kept.append(part)
    return tuple(kept)


def _capitalised_name(ws: list[str]) -> bool:
    """"Standing Rock Sioux chairman Dave Archambault": capitals and titles only,
    a name that begins in -ing, not a participial phrase ("Explaining Beijing's position")."""
    return all(w[:1].isupper() or tokens.is_role_word(w) or w in lexicon.NAME_CONNECTORS for w in ws)


DOC_BY = re.compile(
    r"\b(?i:" + "|".join(sorted(lexicon.DOC_NOUNS)) + r")\b(?:,?\s+[\w'’.\-]+){0,6}?,?\s+(?:by|from)\s+"
    r"(?P<np>[^,.;]+)")  # "Data from the Office for National Statistics" at a sentence's start too
TIME_WORDS = (r"^(?:January|February|March|April|May|June|July|August|September|October|November|"
              r"December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|last|this|\d)")
GROUP_SUFFIXES = ("ors", "ers", "ans", "als", "ists", "ents", "ats")


def doc_author(region: str, anchored: bool = False) -> str | None:
    """The organisation behind "a report released Tuesday by the X", as written;
    anchored: only the document named at the start of region."""
    m = DOC_BY.match(region) if anchored else DOC_BY.search(region)
    if not m:
        return None
    np = CLAUSE_CUT.sub("", m.group("np")).strip()
    if re.match(TIME_WORDS, np):
        return None  # "a poll from June": when, not who
    split = trailing_name(np)
    if split and split[1]:
        return split[1]
    bare_np = tokens.strip_determiners(np)
    if tokens.is_proper(bare_np) or any(tokens.bare(w) in lexicon.ORG_WORDS for w in tokens.words(bare_np)):
        return np
    return None


TRAILING_TIME = re.compile(r"\s+(?:(?:this|last|next)\s+(?:week|month|year|weekend)|yesterday|today|recently|"
                           r"(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
                           r"(?:\s+(?:morning|afternoon|evening|night))?)$")  # "Governor John Rankin Thursday"
STYLED_TITLES = frozenset("pope king queen prince princess lord lady sir dame emperor empress sheikh cardinal".split())
DESCRIBED = re.compile(r"^[Tt]he\s+(?:[A-Z][\w.-]*\s+){0,2}(?!Guardian$|Australian$|Oregonian$|Canadian Press$)"
                       r"(?P<head>Democrat|Republican|Conservative|[A-Z][a-z]+(?:ian|an|ese|ine))$")  # not newspapers
PARTY_STATE = re.compile(r"^[RDI]-[A-Z][\w. ]*$")  # "Rep. Jim Jordan, R-Ohio, said"
ROMAN = re.compile(r"^(?:II|III|IV|VI|VII|VIII|JR|SR)\.?$")


def name_kind(name: str) -> str:
    """person, org or group ("Prosecutors" at the start of a sentence); a name
    with an acronym in it ("California ISO", "NBC News") is an organisation's."""
    if is_org_name(name) or any(len(w) >= 2 and w.isupper() and w.isalpha() and not ROMAN.match(w)
                                for w in name.split()) or re.search(r"\w['’]s\s+[A-Z]", name):
        return "org"  # "California ISO", "NTSB", "Aisha's Salon and Spa"
    ws = name.split()
    if len(ws) == 1 and ws[0].lower().endswith(GROUP_SUFFIXES):
        return "group"
    return "person"


def parse(region: str) -> Phrase | None:
    """Parse a source slot into a Phrase, or None when nothing is left."""
    author = doc_author(region)
    if author and author != region:
        return parse(author)  # "a statement from the ministry" -> "the ministry"
    group = _described_group(region)
    if group:
        return group
    parts = source_parts(region)
    if not parts:
        return None
    low = tokens.strip_determiners(parts[0]).lower()
    if low in lexicon.PERSON_PRONOUNS or low in lexicon.GROUP_PRONOUNS:
        return Phrase(low, None, "pronoun", low)
    if office_chain(tokens.strip_determiners(parts[0])):  # "Minister in the Ministry of Finance Brian Manning"
        role, name = split_title(tokens.strip_determiners(parts[0]))
        return Phrase(name, _appositive(parts[1:]) or role, "person", tokens.bare(name.split()[-1]))
    person = _person_with_body(parts[0])
    if person:
        return person
    described = DESCRIBED.match(parts[0])
    if described:  # "The Massachusetts Democrat", "the Argentine": a description, not a name
        return Phrase(parts[0].split(None, 1)[1], None, "anaphor", described.group("head").lower())
    named = [p for i, p in enumerate(parts) if tokens.is_proper(tokens.strip_determiners(p))
             and not (i and re.match(r"(?:a|an)\s", p))]  # "Jane Doe, a Labour MP": the second part is a role
    if len(named) > 1 and _title_only(tokens.strip_determiners(named[0])) and not _title_only(named[1]):
        phrase = _named_phrase(tokens.strip_determiners(named[1]), [])
        return Phrase(phrase.text, phrase.role or tokens.strip_determiners(named[0]), phrase.kind, phrase.head)
        # "The Prime Minister, Boris Johnson, said": the title, then the name
    if named:
        return _named_phrase(tokens.strip_determiners(named[0]), [p for p in parts if p not in named])
    split = trailing_name(parts[0])
    if split:
        role, name = split
        appositive = _appositive(parts[1:])
        return Phrase(name, appositive or role, name_kind(name), tokens.bare(name.split()[-1]))
    for part in parts[1:]:
        named_apposition = trailing_name(part)
        if named_apposition and named_apposition[0]:
            role, name = named_apposition  # "Another witness, former White House adviser Fiona Hill"
            return Phrase(name, role, name_kind(name), tokens.bare(name.split()[-1]))
    text = parts[0]
    head = tokens.bare(tokens.words(text)[-1])
    kind = "anaphor" if tokens.words(text)[0].lower() in {"the", "this"} else "description"
    return Phrase(_plain(text), _appositive(parts[1:]), kind, head)


GROUP_WITH_QUALIFIER = re.compile(
    r"^(?:(?:[Tt]he|[Ss]ome|[Mm]any|[Mm]ost|[Oo]ther|[Ss]everal|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|\d+)\s+)*"
    r"(?:[A-Za-z-]+\s+(?=[A-Za-z-]+s\s))?(?P<head>[A-Za-z-]+s)\s+(?:(?:at|from|for|with|in)\s+[^,;]+|(?:who|that)\s+[^,;]+)$")


def _described_group(region: str) -> Phrase | None:
    """"Analysts who have done the calculations", "researchers at the University
    of Georgia", "lawyers for the family": a plural noun whose qualifier says
    which people speak, kept whole (the qualifier is not a clause to drop)."""
    found = GROUP_WITH_QUALIFIER.match(region.strip())
    if not found:
        return None
    head = found.group("head").lower()
    if not (head[:-1] in tokens.ROLE_NOUNS or head in lexicon.GROUP_NOUNS or head.endswith(GROUP_PLURALS)):
        return None
    text = re.sub(r"^[Tt]he\s+", "", region.strip())
    return Phrase(text, None, "group", head)


GROUP_PLURALS = ("ysts", "ists", "ers", "ors", "ants", "ents", "ans", "ives", "ians")


PARTY_TAG = re.compile(r"\s*\((?:[RDI]|Rep|Dem|Ind)-[\w. ]+\)|\s+\([A-Z][A-Za-z.&]{1,7}\)$")  # "(R-Ky.)", "(WHO)"


def _named_phrase(name: str, others: list[str]) -> Phrase:
    """Phrase for a proper name, with its role from a title or an appositive;
    a title alone ("the US President") is a description of an office holder."""
    if tokens.is_role_word(tokens.words(name)[-1]) and len(tokens.words(name)) <= 4 and not is_org_name(name):
        return Phrase(name, None, "anaphor", tokens.bare(tokens.words(name)[-1]))  # "the Conservative MP"
    honorific = tokens.bare(name.split()[0]) in {"mr", "mrs", "ms", "dr"}  # "Mr. Powers" is no group
    title, name = split_title(PARTY_TAG.sub("", name))  # "Sen. Mitch McConnell (R-Ky.)"
    role = _appositive(others) or title
    kind = "person" if honorific else name_kind(name)
    return Phrase(name, role, kind, tokens.bare(tokens.words(name)[-1]))


def _person_with_body(part: str) -> Phrase | None:
    """"Patrol Chief James Hall with the New York Police Department": the person
    speaks, the body is part of the role."""
    body = NAME_THEN_BODY.search(part)
    if not body:
        return None
    person = tokens.strip_determiners(part[: body.start()])
    after = part[body.end():]
    title = None
    if not tokens.is_proper(person) and tokens.words(person)[:1] and tokens.is_role_word(tokens.words(person)[0]):
        title, person = trailing_name(person) or (None, person)  # "chief inspector Jane Roe from the X police"
    acronym = bool(re.fullmatch(r"[A-Z][A-Z0-9&]{1,7}", after.strip()))  # "Lukas Stefanko with ESET"
    if len(tokens.words(person)) < 2 or not tokens.is_proper(person) or is_org_name(person) \
            or not (is_org_name(after) or acronym) or any(tokens.is_role_word(w) for w in tokens.words(after)):
        return None  # not "American Federation of Government Employees President J. David Cox Sr."
    phrase = _named_phrase(person, [])
    return Phrase(phrase.text, phrase.role or title or part[body.start():].strip(), phrase.kind, phrase.head)


def _appositive(parts: list[str]) -> str | None:
    """The first part that reads as a role ("president of the X")."""
    for part in parts:
        if len(tokens.words(part)) <= 14 and not any(tokens.is_verb_like(w) for w in tokens.words(part)):
            return part.strip()
    return None


def _plain(text: str) -> str:
    """A description kept as the source: drop leading articles and quantifiers."""
    return tokens.strip_determiners(text) or text


def subject(clause: str) -> str | None:
    """The subject of a clause: leading words up to the first verb."""
    parts = source_parts(clause)
    if not parts:
        return None
    out = []
    for w in parts[0].split():
        if tokens.is_verb_like(w) or out and w.islower() and out[-1].lower() not in tokens.DETERMINERS \
                and (tokens.bare(w) in lexicon.AUX_ADVERBS or tokens.manner_adverb(w)):
            break
        out.append(w)
    return " ".join(out) if 0 < len(out) <= 10 else None


def subject_appositive(clause: str) -> str | None:
    """The role an appositive gives a sentence's subject: "Jane Roe, a lawyer for
    the family, spoke outside court" -> "a lawyer for the family"."""
    parts = source_parts(clause)
    if len(parts) < 2 or not tokens.is_proper(tokens.strip_determiners(parts[0])):
        return None
    ws = tokens.words(parts[1])
    if not ws or any(tokens.is_verb_like(w) for w in ws) \
            or not (ws[0].lower() in {"a", "an", "the"} or tokens.is_role_word(ws[0])):
        return None
    return parts[1].strip()
