"""What a proper name names: a person, an organisation or a group.

Apart from the slot parsing because every layer asks it of a name already
cut out: titles.py (is "Linden Police Department" a body or a person?),
mentions.py for each capitalised run, discourse.py for each name it resolves.
"""
import re

from annotate.suggestions.rules import lexicon
from annotate.suggestions.rules import tokens

ROMAN = re.compile(r"^(?:II|III|IV|VI|VII|VIII|JR|SR)\.?$")
GROUP_SUFFIXES = ("ors", "ers", "ans", "als", "ists", "ents", "ats")


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
