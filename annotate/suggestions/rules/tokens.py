"""Word-level tests for source slots: tokens, bare forms, proper names, verbs.

names.py and the modules it builds on (titles.py, slot_parts.py, subjects.py)
parse a slot with these; frames/ and discourse.py use them too.
"""
import functools
import re

from annotate.suggestions.rules import lexicon

WORD = re.compile(r"[\w][\w'’.\-]*")
DETERMINERS = frozenset("""the a an his her its their our this that these those
one another some many most all several few both each virtually""".split())
QUANTIFIER = re.compile(r"^(?:an?\s+)?(?:number|couple|majority|handful|group)\s+of\s+|"
                        r"^[\w-]+\s+(?:percent|per cent)\s+of\s+|^\d+%\s+of\s+|"
                        r"^an?\s+[\d.]+-percent\s+(?:majority\s+)?of\s+", re.I)
CONTRACTED_VERB = re.compile(r"^(?:it|that|there|he|she|they|we|you|i|what|who)['’](?:s|re|ve|ll|d|m)$", re.I)
ROLE_NOUNS = frozenset("""
analyst lawyer attorney economist official spokesperson spokesman spokeswoman
researcher scientist professor doctor auditor reporter editor activist
director president founder manager adviser advisor expert strategist
""".split())


def words(part: str) -> list[str]:
    """Word tokens of a string, keeping abbreviations and possessives whole."""
    return WORD.findall(part)


@functools.lru_cache(maxsize=65536)
def bare(word: str) -> str:
    """Lower-case form without possessive or trailing period, for look-ups."""
    return re.sub(r"(?:['’]s|\.)$", "", word.lower()).rstrip(".")


def is_capitalised(word: str) -> bool:
    """True for a word that can sit inside a proper name."""
    return word[:1].isupper() or word[:1].isdigit()


def is_proper(part: str) -> bool:
    """A proper name: every word capitalised, bar connectors ("Center for X")."""
    ws = words(part)
    if not ws or not ws[0][:1].isupper():
        return False
    return all(is_capitalised(w) or w in lexicon.NAME_CONNECTORS for w in ws)


def is_verb_like(word: str) -> bool:
    """Cheap finite-verb test, used to tell a subject from a whole clause."""
    low = word.lower()
    if CONTRACTED_VERB.match(word):
        return True  # "It's worth noting": a clause, not a source
    if low.endswith(("n't", "n’t")):
        return True  # "couldn't", "didn't": a negated verb
    if word[:1].isupper() or "-" in word:
        return False
    if low in lexicon.IRREGULAR_PAST or low in lexicon.CUE_VERBS:
        return True
    return len(low) > 4 and low.endswith("ed")


def is_bare_form(word: str) -> bool:
    """A verb's bare form ("show", "think", "note"), which may also name a thing; not a past ("said", "noted") or a
    third person ("shows")."""
    low = word.lower()
    return not low.endswith(("ed", "s")) and low not in lexicon.IRREGULAR_PAST


def strip_determiners(part: str) -> str:
    """Drop leading articles, possessive pronouns and quantifiers ("the",
    "her", "one", "a number of")."""
    part = QUANTIFIER.sub("", part.strip())
    ws = part.split()
    while ws and ws[0].lower() in DETERMINERS:
        if ws[0].lower() in {"those", "these"} and len(ws) >= 2 and ws[1].islower():
            break  # "those surveyed", "those close to the president-elect": the pronoun is the head
        ws = ws[1:]
    return " ".join(ws)


def is_role_word(word: str) -> bool:
    """Lower-case job nouns that head a role ("analyst", "lawyer", "Vice-President")."""
    last = bare(word).rsplit("-", 1)[-1]
    return bare(word) in lexicon.TITLES or bare(word) in ROLE_NOUNS or last in lexicon.TITLES


def manner_adverb(word: str) -> bool:
    """"quietly", "sharply" between a subject and its verb; not "family" or "ally"."""
    return word.islower() and len(word) > 4 and word.endswith("ly") \
        and word not in {"family", "assembly", "supply", "rally", "monopoly", "anomaly", "bully"}


def opens_clause(word: str) -> bool:
    """"who", "which", "that" open a clause; "WHO" (the World Health Organization) does not."""
    return not word.isupper() and word.lower() in lexicon.CLAUSE_OPENERS
