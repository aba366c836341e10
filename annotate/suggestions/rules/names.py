"""Turn the words in a source slot ("His lawyer, Martin Feld,") into a phrase.

News prose packs a name, a title and a role into one slot in a handful of
fixed shapes: pre-modifier ("Health Minister Jonas Bergqvist"), appositive
("Dolkun Isa, president of the World Uyghur Congress"), inverted appositive
("her spokesman, Luis Ortega"), plus time adjuncts and relative clauses that
must be dropped.  This module decides which shape a slot has; slot_parts.py
cleans the slot, titles.py cuts a title from a name, name_kinds.py says what
a name names.  Resolving a surname, pronoun or "the report" against the rest
of the article is discourse.py's job.
"""
import re
from dataclasses import dataclass

from annotate.suggestions.rules import lexicon
from annotate.suggestions.rules import tokens
from annotate.suggestions.rules.name_kinds import GROUP_PLURALS
from annotate.suggestions.rules.name_kinds import is_org_name
from annotate.suggestions.rules.name_kinds import name_kind
from annotate.suggestions.rules.slot_parts import CLAUSE_CUT
from annotate.suggestions.rules.slot_parts import source_parts
from annotate.suggestions.rules.titles import NAME_THEN_BODY
from annotate.suggestions.rules.titles import TIME_WORDS
from annotate.suggestions.rules.titles import office_chain
from annotate.suggestions.rules.titles import split_title
from annotate.suggestions.rules.titles import trailing_name

DOC_BY = re.compile(
    r"\b(?i:" + "|".join(sorted(lexicon.DOC_NOUNS)) + r")\b(?:,?\s+[\w'’.\-]+){0,6}?"
    r"(?<!obtained)(?<!seen)(?<!reviewed)(?<!viewed)(?<!leaked)(?<!sent)(?<!given),?\s+(?:by|from)\s+"
    r"(?P<np>[^,.;]+)")  # "Data from the Office for National Statistics" at a sentence's start too
# What someone said or wrote, standing for them: "The tweet from Vulture magazine (reads)", "a letter by the
# governors", and in the possessive "Blinken’s explanations", "the ministry's statement" ("according to ...").
MESSAGE_BY = re.compile(r"^(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+(?:\w+\s+)?(?:" + lexicon.MESSAGE_NOUNS
                        + r")\s+(?:by|from)\s+(?P<np>the\s+[^,.;]+|[A-Z][^,.;]*)$")
MESSAGE_OF = re.compile(r"^(?P<np>the\s+[a-z][\w-]*|(?:the\s+)?(?:[A-Z][\w.&-]*\s+){0,3}[A-Z][\w.&-]*)['’]s?\s+"
                        r"(?:\w+\s+)?(?:statement|" + lexicon.MESSAGE_NOUNS + r")$")
DESCRIBED = re.compile(r"^[Tt]he\s+(?:[A-Z][\w.-]*\s+){0,2}(?!Guardian$|Australian$|Oregonian$|Canadian Press$)"
                       r"(?P<head>Democrat|Republican|Conservative|[A-Z][a-z]+(?:ian|an|ese|ine))$")  # not newspapers


@dataclass(frozen=True)
class Phrase:
    """A parsed source slot: the head text, its role, and what kind it is."""

    text: str
    role: str | None
    kind: str  # person | org | pronoun | description
    head: str  # lower-case last word, used to match anaphors ("report", "judge")


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


def parse(region: str) -> Phrase | None:
    """Parse a source slot into a Phrase, or None when nothing is left."""
    author = doc_author(region) or _message_author(region)
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
    if re.fullmatch(r"\d+-year-old", low):  # "the 32-year-old said": a description of the person in view
        return Phrase(low, None, "anaphor", low)
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


def _message_author(region: str) -> str | None:
    """Who said or wrote "The tweet from Vulture magazine", "Blinken’s explanations"."""
    bare_region = region.strip().rstrip(".?!").strip()
    message = MESSAGE_BY.match(bare_region) or MESSAGE_OF.match(bare_region)
    return message.group("np") if message else None


# A title with the place or body it holds office for: "MP for Bristol West", "CEO of Acme".
TITLE_FOR = re.compile(r"^(?P<title>.+?)\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,3}$")


def _title_only(part: str) -> bool:
    """"Prime Minister", "U.S. Secretary of State", "MP for Bristol West": a title with no name in it."""
    office = TITLE_FOR.match(part)
    if office and office.group("title") != part and _title_only(office.group("title")):
        return True
    ws = tokens.words(part)
    return bool(ws) and tokens.is_role_word(ws[-1]) and all(
        tokens.is_role_word(w) or w.isupper() or w in lexicon.NAME_CONNECTORS or w[:1].isupper() and len(ws) <= 4
        for w in ws)


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
