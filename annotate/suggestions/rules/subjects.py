"""A clause's subject and the role an appositive gives it.

Attribution remembers each sentence's subject so that a later "he", "the
groups" or "the epidemiologist" can refer back to it; frames/pre.py reads
the subject before a cue with the same rule.
"""
import re

from annotate.suggestions.rules import lexicon
from annotate.suggestions.rules import tokens
from annotate.suggestions.rules.slot_parts import source_parts
from annotate.suggestions.rules.titles import trailing_name

OWNED_ROLE = re.compile(r"^(?:[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)\s+(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*$")  # "Her rival"
POSSESSED_ROLE = re.compile(r"['’]s?\s+(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*$")  # "Bush's transportation secretary"


def subject(clause: str) -> str | None:
    """The subject of a clause: leading words up to the first verb."""
    parts = source_parts(clause)
    if not parts:
        return None
    if len(parts) > 1 and (POSSESSED_ROLE.search(parts[0]) or OWNED_ROLE.match(parts[0])) \
            and (tokens.is_proper(parts[1]) or OWNED_ROLE.match(parts[0]) and trailing_name(parts[1])) \
            and not any(tokens.is_verb_like(w) for w in tokens.words(parts[0])):
        return parts[1]  # "Bush's transportation secretary, Mary E. Peters, praised": Peters, not Bush;
        # "Her rival, businessman Ade Bello, dismissed": Bello
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
