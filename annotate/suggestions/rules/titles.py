"""Where a title ends and a name begins: "Senate Majority Leader Tom Brandt".

News copy stacks titles, offices and possessors before a name ("Secretary of
State Mike Pompeo", "Microsoft's Brad Smith", "Acting U.S. Attorney for the
District of Massachusetts Joshua Levy") and sometimes a body after it ("Capt.
James Sarnicki of the Linden Police Department").  These rules find the cut,
keeping the office in the role and the body out of the name.
"""
import re

from annotate.suggestions.rules import lexicon
from annotate.suggestions.rules import tokens
from annotate.suggestions.rules.name_kinds import ROMAN
from annotate.suggestions.rules.name_kinds import is_org_name

OFFICE_OF = re.compile(r"^(?:of|to)\s+(?:the\s+)?[A-Z][\w.]+(?:\s+(?:Security|Affairs|Services|Resources|Development))?\s+")
NAME_THEN_BODY = re.compile(r"\s(?:of|at|from|with)\s+(?:the\s+)?(?=[A-Z])")
PERSONAL_NAME = re.compile(r"(?:[A-Z][\w.'’\-]*\s+){1,4}[A-Z][a-z][\w'’\-]*")
# "American Airlines' Kent Powell", "Microsoft's Brad Smith": the possessor is the role.
POSSESSOR = re.compile(r"^((?:[A-Z][\w.&\-]*\s+){0,3}[A-Z][\w.&\-]*(?:['’]s|s['’]))\s+(?=[A-Z][a-z])")
# A date, a day, "last" or "this" opens a phrase of when, not of who ("a poll from June").
TIME_WORDS = (r"^(?:January|February|March|April|May|June|July|August|September|October|November|"
              r"December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|last|this|\d)")
STYLED_TITLES = frozenset("pope king queen prince princess lord lady sir dame emperor empress sheikh cardinal".split())
PREPOSITIONS = frozenset("at of from for with in on by around close near to behind inside within among".split())


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
