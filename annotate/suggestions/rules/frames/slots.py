"""What may fill a source slot, and where the claim starts after its cue."""
import re

from annotate.suggestions.rules import lexicon
from annotate.suggestions.rules import slot_parts
from annotate.suggestions.rules import titles
from annotate.suggestions.rules import tokens
from annotate.suggestions.rules.frames.frame import QUOTED

THAT = re.compile(r"^(?:[^,\x01]*?\s)??that\s", re.S)
INTRO_TO_QUOTE = re.compile(r"^[^\x01]{0,40}?[,:;]\s*(?=\x01)")
ADDRESSEE = re.compile(r"^\s+(?:the\s+)?(?:reporters|journalists|press|jurors|court|lawmakers|"
                       r"investors|analysts|parliament|members)\b")


# A document and the participle that says who made or saw it: "A report released by the agency", "figures
# published on Tuesday", "documents obtained by the Guardian": a noun phrase, the participle no finite verb.
DOC_PARTICIPLE = re.compile(r"\b((?:" + "|".join(sorted(lexicon.DOC_NOUNS)) + r"|documents?|letters?|emails?|memos?)"
                            r")\s+(?:released|published|issued|obtained|compiled|seen|reviewed|commissioned|leaked|"
                            r"prepared|conducted|filed|posted|sent)\b", re.IGNORECASE)


def np_like(region: str, limit: int = 16, after_cue: bool = False) -> bool:
    """A noun phrase (with appositives) and not a clause. After an inverted cue ("said one Republican involved in
    the planning") a participle after the noun describes it, as in an appositive."""
    region = DOC_PARTICIPLE.sub(r"\1", region)
    parts = slot_parts.source_parts(region)
    if not parts or QUOTED in slot_parts.CLAUSE_CUT.sub("", region):
        return False  # a quotation in the slot, bar one inside a relative clause ("Humphrey, who calls him a “liar,”")
    bare_words = tokens.words(region)
    if len(bare_words) == 1 and bare_words[0].islower() and not bare_words[0].endswith("s") \
            and bare_words[0] not in lexicon.PERSON_PRONOUNS | lexicon.GROUP_PRONOUNS | lexicon.COLLECTIVE_NOUNS:
        return False  # "..., long criticized for ...": an adverb, not a source
    if all(w.lower() in ARTICLES for w in bare_words) \
            or len(bare_words) == 1 and ADVERB_ENDING.search(bare_words[0].lower()):
        return False  # "The forecast has left ...", "Eventually recalled by ...": no source at all
    cut = slot_parts.CLAUSE_CUT.sub("", region).rstrip()
    last = cut.rsplit(",", 1)[-1]
    last_words = tokens.words(last)
    if not region.rstrip().endswith(",") \
            and any(_verb_in_slot(last_words, i, after_cue or "," in cut) for i in range(len(last_words))):
        return False  # "..., introduced legislation Friday urging": a verb phrase
    for k, part in enumerate(parts):
        ws = tokens.words(part)
        if len(ws) > (name_limit(part, limit) if k == 0 else 20) \
                or any(_verb_in_slot(ws, i, after_cue or k > 0) for i in range(len(ws))):
            return False
        if any(tokens.opens_clause(w) for w in ws):
            return False
    return True


def name_limit(part: str, limit: int) -> int:
    """Words a source slot may have: more for a title with its office and a name
    ("Acting U.S. Attorney for the District of Massachusetts Joshua Levy")."""
    return max(limit, 14) if titles.office_chain(tokens.strip_determiners(part).strip(" ,")) else limit


def _verb_in_slot(ws: list[str], k: int, appositive: bool = False) -> bool:
    """A finite verb inside a source slot, bar "those surveyed", a final noun like "reports" ("Initial reports
    said") and a reporting word that names a thing in a described noun ("a talk show host", "the think tank")."""
    word = ws[k].lower()
    if word in lexicon.SLOT_PARTICIPLES or k == len(ws) - 1 and word in lexicon.SLOT_NOUNS:
        return False
    if _modifies_a_noun(ws, k) or _participle_modifier(ws, k, appositive):
        return False
    return tokens.is_verb_like(ws[k])


def _modifies_a_noun(ws: list[str], k: int) -> bool:
    """A bare reporting word inside a phrase opened by an article, before the noun it describes."""
    word = ws[k].lower()
    return 0 < k < len(ws) - 1 and ws[0].lower() in ARTICLES and word in lexicon.CUE_VERBS \
        and tokens.is_bare_form(word) and ws[k + 1].islower() and ws[k + 1] not in FUNCTION_WORDS


def _participle_modifier(ws: list[str], k: int, appositive: bool) -> bool:
    """A participle describing a noun, in a phrase opened by a determiner: before the noun ("another unaligned Iowa
    strategist", "the unsigned opinion"), or, in a description set off by commas, after the noun and before its
    preposition ("X, an independent voter raised in Chile,"); a subject's own phrase may hold its verb there ("The
    conversation ended with Maddow")."""
    if not (0 < k < len(ws) - 1 and ws[0].lower() in tokens.DETERMINERS | ARTICLES):
        return False
    word, following = ws[k].lower(), ws[k + 1]
    if not word.endswith("ed") or word in lexicon.CUE_VERBS or word in lexicon.IRREGULAR_PAST:
        return False
    if k > 3:  # far from the phrase's opening it may be a clause's verb ("the envoy couldn't recall the talk held in")
        return False
    if k > 1:
        return appositive and following.lower() in PARTICIPLE_PREPOSITIONS
    return following not in FUNCTION_WORDS


PARTICIPLE_PREPOSITIONS = frozenset("in by at from on for with".split())


# What cannot be the noun a word describes: "a ransom note in the app" (the note is the noun there).
FUNCTION_WORDS = tokens.DETERMINERS | lexicon.PERSON_PRONOUNS | frozenset(
    "in on at of for to from with by about into over under after before and or but as that which who than".split())


def adjunct_only(rest: str) -> bool:
    """What follows a post-position cue: "VOA", "on Monday", "in an emailed statement", no new clause."""
    ws = tokens.words(rest)
    if QUOTED in rest or len(ws) > 14 or "that" in ws:
        return False
    return not any(tokens.is_verb_like(w) and not _describes_a_message(ws, k) for k, w in enumerate(ws))


MESSAGE_HEADS = frozenset("statement release interview address remarks message email e-mail letter comments post "
                          "video speech briefing response".split())


def _describes_a_message(ws: list[str], k: int) -> bool:
    """"an emailed statement", "a prepared speech": a participle between an article and a message noun."""
    return 0 < k < len(ws) - 1 and ws[k].endswith("ed") and ws[k - 1].lower() in ARTICLES \
        and tokens.bare(ws[k + 1]) in MESSAGE_HEADS


def adverb(word: str, before: str = "") -> bool:
    """"recently", "seemingly", "quietly": adverbs between a subject and its cue;
    not a noun in -ly after a determiner ("Lawyers for the family have vowed")."""
    if before.lower() in tokens.DETERMINERS or word in LY_NOUNS:
        return False
    return word.islower() and len(word) > 4 and word.endswith("ly")


ARTICLES = frozenset("the a an his her its their our my your".split())  # not "Some", "One", "Those"
ADVERB_ENDING = re.compile(r"(?:ally|ently|antly|ously|ively|ately|fully|edly|ingly|ctly|rly|tely)$")
LY_NOUNS = frozenset("family assembly supply rally ally monopoly anomaly bully".split())


def embedded(region: str) -> bool:
    """"The man who the police said ...": the cue belongs to a relative clause."""
    found = re.search(r"\b(?:who|whom|that|which)\b\s*([^,]*)$", region)
    return bool(found) and not any(tokens.is_verb_like(w) for w in tokens.words(found.group(1)))


def subordinate(region: str) -> bool:
    """"Only when his chief strategist, Steve Bannon, explained ...": the cue is
    the verb of a subordinate clause (one with no verb of its own before it);
    "When asked, X said" and "While X asserts ..., Y says" are main frames.
    So is the last part of the slot: "— about five hours before Meadows announced —",
    "The measure ... comes after health officials said"."""
    last = re.split(r",|\s(?:[—–]|--)\s", region)[-1]
    inner = SUBORDINATE_INSIDE.search(last)
    if inner and not any(tokens.is_verb_like(w) for w in tokens.words(last[inner.end():])) \
            and not re.match(r"\s*\w+(?:ed|ing)\b", last[inner.end():]):
        return True
    ws = tokens.words(region)
    while ws and ws[0].lower() in {"only", "but", "and", "even", "just"}:
        ws = ws[1:]
    if len(ws) < 2 or ws[0].lower() not in lexicon.SUBORDINATORS:
        return False
    opening = re.match(r"^\W*(?:[\w'’.-]+\s+){1,8}[\w'’.-]+\s*,\s*(?=[A-Z])", region)
    if opening and not any(tokens.is_verb_like(w) for w in tokens.words(opening.group())) \
            and np_like(region[opening.end():]):
        return False  # "Before the vote, Minister X said": a phrase, its comma, then the subject
    if ws[1].lower().endswith("ed") or ws[1].lower().endswith("ing"):
        return False  # "When asked", "After hearing"
    if ws[1].lower() in {"that", "this", "then", "all"} and re.match(r"^\W*\w+\s+\w+\s*,", region):
        return False  # "After that, Hicks found": a phrase, ended by its comma
    return not any(tokens.is_verb_like(w) for w in ws[1:])


SUBORDINATE_INSIDE = re.compile(r"\b(?:hours?|days?|weeks?|months?|years?|minutes?|shortly|just|soon|long|"
                                r"comes?|came|follows?|followed|happens?|happened|arrives?|arrived)\s+"
                                r"(?:before|after|when|because|since|until|once)\b")  # not "residents since the storm"


def claim_offset(rest: str, cue: str = "") -> int:
    """Where the claim starts after a cue: past "that", an addressee or adjunct
    before a quotation ("told Reuters: "), or an addressee of "told"; not past
    the claim's own subject ("said megabanks, "even after ...")."""
    that = THAT.match(rest)
    intro = INTRO_TO_QUOTE.match(rest)
    if intro and not _lead_is_adjunct(intro.group(), cue):
        intro = None
    lead = intro or (that if that and len(that.group().split()) <= 8 else None)
    lead = lead or ADDRESSEE.match(rest)
    offset = lead.end() if lead else 0
    return offset + len(rest[offset:]) - len(rest[offset:].lstrip(" ,:"))


def _lead_is_adjunct(lead: str, cue: str) -> bool:
    """What sits between a cue and its quotation: "told Reuters:", "said on
    Monday,", "said in a statement:" are not part of the claim."""
    ws = tokens.words(lead)
    if not ws or cue in {"told", "tells", "telling", "asked", "asks"}:
        return True
    if lead.rstrip().endswith(":") and (len(ws) <= 4 or ws[0].lower() in {"of", "about"} and len(ws) <= 8):
        return True  # "said:", "told Reuters:", "said of the court building:"; not "estimated X to be Y, adding:"
    return ws[0].lower() in lexicon.INTRO_WORDS or bool(ADDRESSEE.match(lead))


WORK_TITLE = re.compile(r"\x01{2,40}")
WORK_NOUNS = frozenset("article book film movie show series song album novel play documentary essay paper "
                       "titled entitled called named".split())
CREATIVE_ROLES = frozenset("actress actor star co-star creator author writer producer singer host showrunner "
                           "composer novelist filmmaker".split())


def titles_unquoted(region: str) -> str:
    """"“Parasite” director Bong Joon Ho", "author of the 2017 article "The Case
    for Colonialism,"": a quoted title of a work inside a source slot stands
    for a word ("“…”"), so the slot stays a noun phrase; a quotation does not."""
    def title(found: re.Match) -> str:
        before = tokens.words(region[: found.start()])[-1:]
        after = tokens.words(region[found.end():])[:1]
        named_work = before and before[0].lower() in WORK_NOUNS
        credited = after and (tokens.is_role_word(after[0]) or after[0].lower() in CREATIVE_ROLES)
        return "“…”" if named_work or credited else found.group()
    return WORK_TITLE.sub(title, region) if QUOTED in region else region


CLAUSE_BEFORE_PRONOUN = frozenset("that which who whom what as if when because since so than whether".split())


def pronoun_subject(region: str) -> str | None:
    """"Speaking through an interpreter he added": a pronoun right before the
    cue is its subject when no comma parts it from an opening phrase."""
    ws = region.split()
    if len(ws) < 2 or ws[-1] not in {"he", "she", "they", "it"} or ws[-2].lower() in CLAUSE_BEFORE_PRONOUN:
        return None
    if ws[-2].endswith(","):
        return ws[-1]  # "One of six world powers leading ..., it has strongly criticized": the main subject
    if ws[-1] == "it" or any(tokens.is_verb_like(w) for w in ws[:-1]):
        return None  # not "All accounts agreed he yelled": a clause before it
    return ws[-1]
