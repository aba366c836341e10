"""A clause's subject and the role an appositive gives it.

Attribution remembers each sentence's subject so that a later "he", "the
groups" or "the epidemiologist" can refer back to it; frames/pre.py reads
the subject before a cue with the same rule.
"""
from annotate.suggestions.rules import lexicon
from annotate.suggestions.rules import tokens
from annotate.suggestions.rules.slot_parts import source_parts


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
