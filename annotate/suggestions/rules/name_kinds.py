"""What a proper name names: a person, an organisation or a group.

Apart from the slot parsing because every layer asks it of a name already
cut out: titles.py (is "Linden Police Department" a body or a person?),
mentions.py for each capitalised run, discourse.py and descriptions.py for
each name they resolve ("Boeing" alone is a company, "Wade Bassi" a person).
"""
import re

from annotate.suggestions.rules import lexicon
from annotate.suggestions.rules import tokens

ROMAN = re.compile(r"^(?:II|III|IV|VI|VII|VIII|JR|SR)\.?$")
GROUP_SUFFIXES = ("ors", "ers", "ans", "als", "ists", "ents", "ats")
GROUP_PLURALS = ("ysts", "ists", "ers", "ors", "ants", "ents", "ans", "ives", "ians")
PERSON_NAME = re.compile(r"[A-Z][a-z]+(?: (?:[A-Z]\.|[A-Z][a-z]+)){1,2}")  # "Wade Bassi", "Thomas M. Hoenig"


def is_org_name(name: str) -> bool:
    """A proper name that names an organisation ("Justice Department", "Centers for Disease Control")."""
    return any(tokens.bare(w) in lexicon.ORG_WORDS or tokens.bare(w)[:-1] in lexicon.ORG_WORDS
               and tokens.bare(w).endswith("s") for w in tokens.words(name))


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


def lone_name(name: str) -> bool:
    """A one-word name the article never gives in full ("Volkswagen", "Boeing"):
    news copy introduces people with two names, so it is an organisation's."""
    ws = name.split()
    plural = name.lower().endswith(GROUP_PLURALS) or name.lower()[:-1] in tokens.ROLE_NOUNS
    return len(ws) == 1 and ws[0][:1].isupper() and not ws[0].isupper() and len(ws[0]) > 2 and not plural
