"""Cut a source slot into its comma parts, dropping what is not the source.

A slot carries more than the speaker: time adjuncts ("Thursday", "days
later"), ages and shares ("45", "97 percent"), relative clauses ("who
...", "that ..."), opening participles ("Reached by phone, ...") and places.
Every reader of a slot (names.py, subjects.py, frames/) cleans it the same
way through source_parts, cached because the frames ask again and again.
"""
import functools
import re

from annotate.suggestions.rules import lexicon
from annotate.suggestions.rules import tokens
from annotate.suggestions.rules.titles import TIME_WORDS
from annotate.suggestions.rules.titles import office_chain

CLAUSE_CUT = re.compile(r"\s(?:who|whose|which|where|whom|who['’]s)\s(?:[^,]|,(?=\d{3}\b))*"
                        r"|\sthat\s(?:[^,]|,(?=\d{3}\b))*(?=,)")  # "which represents 3,000 teachers"
WHO_IS = re.compile(r",\s+who\s+(?:is|was)\s+(?=(?:the|a|an|[A-Z][\w.&-]*['’]s)\s+[\w-]+(?:\s+of\b|\s*,|\s*$))")
PLACE_BASED = re.compile(r",\s+(?=[A-Z][\w.'’]*(?:\s[A-Z][\w.'’]*)?-(?:based|headquartered)\b)")
CONJUNCTIONS = frozenset("but and so yet still as".split())
FLOATING = re.compile(r"\s+(?:all|both|each|themselves|himself|herself)$")
# One space between the words, not an optional one: "(?:[A-Z]\w*\s?)+" could cut a capitalised run
# ("REPRINTING CONTENT WITHOUT PERMISSION") into words in exponentially many ways when no adjunct follows.
NAME_THEN_ADJUNCT = re.compile(r"^([A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*)*?)\s+(?:at|in|on|during|last|this|from|"
                               r"earlier|later|too|also|then|now)\b.*$")
MONTHS_AND_DAYS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                   "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                   "Saturday", "Sunday")
IN_PLACE = re.compile(r"\b(?:[Ii]n|[Aa]t|[Ff]rom|[Nn]ear|[Oo]utside)\s+(?!" + "|".join(MONTHS_AND_DAYS) + r")"
                      r"(?:[A-Z][\w.'’\-]*\s+){0,2}[A-Z][\w.'’\-]*$")
SHARE = re.compile(r"^(?:about |nearly |almost |some |more than |fewer than )?[\d.,]+\s*(?:percent|per cent|%)$")
TRAILING_TIME = re.compile(r"\s+(?:(?:this|last|next)\s+(?:week|month|year|weekend)|yesterday|today|recently|"
                           r"(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
                           r"(?:\s+(?:morning|afternoon|evening|night))?)$")  # "Governor John Rankin Thursday"
DOC_MODIFIER = re.compile(r"\b((?:" + "|".join(sorted(lexicon.DOC_NOUNS)) + r"|documents?))\s+(?:released|published|"
                          r"issued|obtained|compiled|seen|reviewed|commissioned|leaked|prepared|conducted|filed)\b.*$",
                          re.IGNORECASE)
# Asides that say where a person is pictured or that an office is held for now: "Tom Hale (pictured)",
# "Commissioner of Police (Ag) Jane Doe", "Col Tom Hale (retd)".
ASIDE = re.compile(r"\s*\((?:pictured|above|below|left|right|centre|center|inset|top|bottom|Ag\.?|ag\.?|Acting|"
                   r"acting|retd\.?|Retd\.?|rtd\.?)(?:\s+\w+){0,2}\)|,\s*pictured,?(?=\s|$)")
PARTY_STATE = re.compile(r"^[RDI]-[A-Z][\w. ]*$")  # "Rep. Jim Jordan, R-Ohio, said"


@functools.lru_cache(maxsize=8192)
def source_parts(region: str) -> tuple[str, ...]:
    """Comma parts of a slot, minus adjuncts, ages, clauses and participles."""
    region = WHO_IS.sub(", ", region)  # "John Wicker, who is SDSU's director of athletics": an appositive
    region = PLACE_BASED.sub(" ", region)  # "The Menlo Park, California-based company": one description
    region = CLAUSE_CUT.sub("", ASIDE.sub("", region).strip().rstrip(".?!").strip())
    parts = [p.strip(" \t\n—–-:;") for p in re.split(r",(?!\d{3}\b)|:|\s(?:[—–]|--)\s", region)]  # not "1,000"
    kept = []
    place_follows = False  # "Speaking in Redmond, Washington, Satya Nadella said": the state is the intro's
    for k, part in enumerate(parts):
        ws = tokens.words(part)
        if not ws or all(w.isdigit() for w in ws) or SHARE.match(part.strip()) or PARTY_STATE.match(part.strip()):
            continue  # "Democratic insiders surveyed, 97 percent, expect": the share is not the source; nor "R-Ohio"
        if place_follows and len(ws) <= 2 and tokens.is_proper(part) and parts[k + 1:k + 2] \
                and parts[k + 1][:1].isupper() and not _role_phrase(parts[k + 1]):
            # not "Despite the concern from New Yorkers, Eric Durr, Director of X": a role names a person
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
        part = DOC_MODIFIER.sub(r"\1", part)  # "the police report obtained by ABC13", "figures released Tuesday"
        part = FLOATING.sub("", part).strip()  # "executives all"
        part = re.sub(r"\s+(?:from|in|on|since)\s+(?:" + TIME_WORDS[4:] + r"\b.*$", "", part)  # "Poll from June"
        if not re.search(r"\b(?:" + "|".join(lexicon.SLOT_PARTICIPLES) + r")\s+\w+\s+\w+$", part):
            part = TRAILING_TIME.sub("", part)  # "health officials this week"; not "Republicans polled last week"
        ws = tokens.words(part)
        if not ws or kept and len(ws) == 1 and ws[0].islower() and ws[0].endswith(("ed", "ing")):
            continue  # "The report, released Tuesday,": what is left of a participle and its time
        first = ws[0].lower()
        if first in CONJUNCTIONS and len(ws) > 1:
            opener = first
            part = part.split(None, 1)[1]  # "But Andrew Bacevich", "And others"
            ws, first = ws[1:], ws[1].lower()
            if opener == "as" and not last_part and any(tokens.is_verb_like(w) for w in ws):
                continue  # "As the storm moved east, the mayor said": a clause of its own, not "As Smith noted"
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


def _role_phrase(part: str) -> bool:
    """"Director of Public Affairs at the Guard": a title and its office, no name ("Chief Executive Satya
    Nadella" has one)."""
    ws = tokens.words(part)
    return bool(ws) and tokens.is_role_word(ws[0]) and any(w.islower() for w in ws[1:])


def _capitalised_name(ws: list[str]) -> bool:
    """"Standing Rock Sioux chairman Dave Archambault": capitals and titles only,
    a name that begins in -ing, not a participial phrase ("Explaining Beijing's position")."""
    return all(w[:1].isupper() or tokens.is_role_word(w) or w in lexicon.NAME_CONNECTORS for w in ws)
