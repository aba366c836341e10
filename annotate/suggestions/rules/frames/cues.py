"""Which words of a masked sentence are reporting cues, and when a cue may report."""
import re

from annotate.suggestions.rules import lexicon
from annotate.suggestions.rules import slot_parts
from annotate.suggestions.rules import tokens
from annotate.suggestions.rules.frames.frame import QUOTED
from annotate.suggestions.rules.frames.frame import WORD
from annotate.suggestions.rules.frames.slots import THAT

ADJECTIVAL_BEFORE = frozenset("with a an the of for any no more its their his her this that these".split())
# A determiner right before any cue makes it a noun: "The forecast has left ...", "his claims", "a report".
NOUN_BEFORE = frozenset("a an the its their his her this these those our my your".split())


def find_cues(m: str) -> list[re.Match]:
    """Reporting verbs outside quotes, minus negated and infinitive uses."""
    found = []
    for cue in WORD.finditer(m):
        if cue.group() not in lexicon.CUE_VERBS:
            continue
        # the words right before the cue: a quotation between them and the cue cuts them off ('This is a “raw
        # time,” said X': "a" is not the cue's determiner)
        written = WORD.findall(m[max(0, cue.start() - 30): cue.start()].rsplit(QUOTED, 1)[-1])[-3:]
        before = [w.lower() for w in written]
        if cue.group() == "told" and m[: cue.start()].strip().lower() == "all":
            continue  # "All told, ..."
        if cue.group() in lexicon.NOUN_LIKE_BARE_CUES and len(before) >= 2 and before[-2] in NOUN_BEFORE \
                and not re.match(r"\s+that\b", m[cue.end():]):
            continue  # "the ransomware displays a ransom note", "The ransom note warns"
        if cue.group() == "call" and not (written and (written[-1][:1].isupper() or before[-1].endswith("s")
                                                       or before[-1] in {"they", "we", "i", "you"})):
            continue  # "Critics call it ...", not "a conference call on Monday"
        if cue.group() in lexicon.ISSUING_CUES and not ISSUED_APPEAL.match(m[cue.end():]):
            continue  # "issued a plea for people to ...", not "issued 300 permits"
        if before and (before[-1] in ADJECTIVAL_BEFORE and cue.group().endswith("ed") or before[-1] in NOUN_BEFORE):
            continue  # "comes with added costs", "an estimated 300", "the reported attack", "The forecast has"
        after_pause = m[: cue.start()].rstrip().endswith((",", ":", ";", QUOTED)) \
            or bool(re.search(r"\b(?:continues|continued|continue|went on|goes on|keeps|kept) to\s*$",
                              m[: cue.start()]))  # "Mr. Trump continues to insist ..."
        negated = bool(set(before) & lexicon.NEGATORS) and cue.group() not in lexicon.STANCE_CUES \
            and not re.search(r"\bNo\.? ?10\b", m[max(0, cue.start() - 30): cue.start()])  # "A No 10 spokesman said"
        if not after_pause and (negated or before[-1:] and written[-1] in lexicon.MODALS):
            continue  # "did not say", "to say"; not "... what to do, said Cortines", nor "do not think"
        if cue.group() in lexicon.STANCE_CUES and not _stance_allowed(m, cue, before):
            continue
        if cue.group() in {"questioned", "questions"} and not QUESTIONED_WHAT.match(m[cue.end():]):
            continue  # "questioned whether ...", "questioned Gates' concern"; not "police questioned him"
        if cue.group() in {"expressed", "expresses"} and not EXPRESSED_THAT.match(m[cue.end():]):
            continue  # "expressed concern that ...", not "expressed her gratitude to donors"
        if cue.group() in {"spoke", "speaks"} and not SPOKE_OF.match(m[cue.end():]):
            continue  # "Gates spoke of "anxiety" ...", not "spoke to reporters"
        if cue.group() in {"pointed", "points"} and not POINTED_OUT.match(m[cue.end():]):
            continue  # "Bush pointed out that ...", not "pointed to the door", "scored 20 points"
        if _inside_appositive(m, cue):
            continue  # "Bob Friedman, a talk show host, said ...", "X, a founder of the think tank Y, said ..."
        found.append(cue)
    return found


def _inside_appositive(m: str, cue: re.Match) -> bool:
    """The cue word lies in a description set off by commas ("a talk show host", "a founder of the think tank"),
    and the sentence's cue comes right after it: the word names a thing there ("show", "think tank")."""
    if not tokens.is_bare_form(cue.group()):
        return False  # a finite report ("..., the minister said on Monday, adding ...") is the sentence's own cue
    opened = m.rfind(",", 0, cue.start())
    if opened < 0 or not APPOSITIVE_OPENING.match(m[opened + 1:cue.start()]):
        return False
    closed = APPOSITIVE_CLOSING.match(m[cue.end():])
    return bool(closed) and closed.group(1) in lexicon.CUE_VERBS and not closed.group(1).endswith("ing")


def _stance_allowed(m: str, cue: re.Match, before: list[str]) -> bool:
    """"Investigators believe that ...", "Tunisians worry ...", "Hoenig believes the
    banks should be broken up", "The bank expects growth of 3%": a stance someone
    holds, not "I think" or "things fear"."""
    rest = m[cue.end():]
    if re.match(r"\s+that\b", rest):
        return bool(before) and before[-1] not in {"i", "we", "you"}
    if cue.group() in {"hopes", "hoped"}:
        return False  # "Li hopes that ..." reports a hope; "the U.S. hoped it might" is the author's
    head = _subject_head(m[: cue.start()])
    if not head or head.lower() in {"i", "we", "you"}:
        return False
    low = head.lower()
    if set(w.lower() for w in WORD.findall(m[: cue.start()])[-3:]) & NEGATION and not _plural(low):
        return False  # "The researchers don't think ..." is a stance held; "he didn't think his chances ..." a story
    if low in {"percent", "%"} or low.isdigit():
        return True  # "Democratic insiders surveyed, 97 percent, expect ...": a poll's share
    if _plural(low):
        return True
    named = head[:1].isupper() or low in lexicon.PERSON_PRONOUNS or tokens.is_role_word(low) \
        or low in lexicon.ORG_WORDS or low in lexicon.COLLECTIVE_NOUNS
    if not named:
        return False
    if re.match(r"\s+to\b", rest):
        return False  # "The company expects to ship 2 million units": a plan, not a stance
    if cue.group() in lexicon.FORECAST_CUES and FIGURE.search(rest[:80]):
        return True  # "The bank expects growth of 3% next year"
    if cue.group() in {"believes", "thinks"} and not re.match(r"\s+(?:in|of|about|so|it\b)", rest):
        return True  # "the WHO believes these figures understate ...": a clause follows
    if cue.group() in {"wants", "want"}:
        return bool(WANTS_SOMEONE_TO.match(rest))  # "Hoenig wants the Fed to raise rates"
    if cue.group() in {"sees", "see"}:
        return bool(re.match(r"(?:\s+[^\s\x01,.]+){1,6}?\s+as\s", rest))  # "sees the move as a signal"
    return any(tokens.is_verb_like(w) for w in tokens.words(rest)[1:8]) and not re.match(r"\s+(?:to|in)\b", rest)


def _plural(low: str) -> bool:
    """"they", "analysts", "Tunisians": a group that holds a stance."""
    return low in {"they", "experts", "analysts"} | lexicon.GROUP_NOUNS.keys() \
        or len(low) > 4 and low.endswith("s") and not low.endswith(("ss", "us", "is"))


ISSUED_APPEAL = re.compile(r"^\s+(?:an?|the|its|his|her|their|a joint|a written)\s+(?:\w+\s+)?"
                           r"(?:statement|warning|plea|appeal|call|apology|advisory|alert|denial|rebuttal)\b")
NEGATION = frozenset("not don't doesn't didn't don’t doesn’t didn’t do does did never no longer".split())
QUESTIONED_WHAT = re.compile(r"\s+(?:whether|if|why|how|the (?:need|wisdom|decision|claim|value)\b|[A-Z][\w.]*['’]s?\s+[a-z])")
EXPRESSED_THAT = re.compile(r"(?:\s+[\w’'-]+){1,4}?\s+(?:that|about|over)\s")
POINTED_OUT = re.compile(r"\s+out\b(?:\s+(?:that|to\s+\w+(?:\s+\w+)?\s+that)\b|\s*[,:]?\s*\x01|\s*,\s+(?=\w))")
SPOKE_OF = re.compile(r"\s+(?:of|about)\b[^\x01]{0,40}\x01")
WANTS_SOMEONE_TO = re.compile(r"\s+(?:the\s+)?[^\s\x01]+(?:\s+[^\s\x01]+){0,3}?\s+to\s+[a-z]")
# A description set off after a name: ", a talk show host," / ", the co-founder of ...,".
APPOSITIVE_OPENING = re.compile(r"\s+(?:an?|the|his|her|their|its)\s+\S")
APPOSITIVE_CLOSING = re.compile(r"[^,;:.!?\x01]*,\s+(\w+)")
FIGURE = re.compile(r"[\d%$€£]|\b(?:percent|million|billion|trillion)\b")


def _subject_head(head: str) -> str | None:
    """The last word before a stance verb, past adverbs ("Investigators now believe")."""
    ws = WORD.findall(head)
    while ws and (ws[-1].lower() in lexicon.AUX_ADVERBS | NEGATION | lexicon.INTRO_WORDS
                  or ws[-1].islower() and ws[-1].endswith("ly")):
        ws.pop()  # "Investigators now believe", "The researchers don't think"
    return ws[-1] if ws else None


def cue_allowed(cue: re.Match, region: str, rest: str) -> bool:
    """Noun-like cues ("reports", "found") need "that" or a document source."""
    if cue.group() in {"wrote", "writes"} and WRITTEN_WORK.match(rest) and not re.search(r"\bthat\b|:|\x01", rest):
        return False  # "She wrote individual reports on each congregation": a work written, nothing reported
    if cue.group() not in lexicon.THAT_CUES:
        return True
    if re.match(r"\s*that\b", rest) or THAT.match(rest) or re.match(r"[^\x01]{0,60}?:\s*\x01", rest):
        return True
    if _named_subject(region) and IN_A_STATEMENT.search(rest[:80]):
        return True  # "The Pentagon confirmed the strike in a statement on Sunday"
    if cue.group() in {"described", "describes", "identified", "identifies"} \
            and re.match(r"^\s+(?:\S+\s+){0,9}?as\b", rest):
        return True  # "described it as a stable but declining resource", "identified the surfer as"
    if cue.group() in {"reported", "reports"} and _named_subject(region) and COUNTED.match(rest):
        return True  # "Amtrak reported no major delays", "The WHO has reported a total of 19,980 cases"
    if cue.group() in {"described", "describes", "reported", "reports"} and re.match(r"^\s+[a-z]+ing\b", rest):
        return True  # "Witnesses described hearing three explosions", "Residents reported seeing smoke"
    if cue.group() in {"objected", "objects"} and re.match(r"\s+to\b", rest):
        return True  # "Israel has strongly objected to the deal"
    if cue.group() in DENIALS and (ACCUSATION_OBJECT.match(rest) or re.match(r"\s+[a-z]{3,}ing\b", rest)):
        return True  # "The White House has denied any wrongdoing", "Moscow has cited technical reasons", "denied seeking"
    following = tokens.words(rest)[:1]
    dash_after = bool(re.match(r"\s*(?:[—–]|--)\s", rest))  # "Western states — a stronghold —"
    noun_use = cue.group() in lexicon.SLOT_NOUNS and (bool(following) and tokens.is_verb_like(following[0])
                                                      or dash_after)
    clause = re.split(r"\band then\b|,\s*(?:and|though|although|while|because)\b|\bbut\b", rest)[0]  # not "announced a resignation ... and then persuaded"
    if cue.group() in {"identified", "identifies"} and not _document(region):
        return False  # "Authorities identified the suspects": no report without "as", "that" or a document
    if not noun_use and _named_subject(region) \
            and any(tokens.is_verb_like(w) for w in tokens.words(clause)[:8]) \
            and not re.match(r"\s+(?:to|for|on|in|of|with)\b", rest):
        return True  # "the company claims its new prices have saved", "Moscow announced Friday it will"
    return _document(region)


def _document(region: str) -> bool:
    """"The report", "a new study": a document reports what it finds."""
    return any(tokens.bare(w) in lexicon.DOC_NOUNS for w in tokens.words(region))


IN_A_STATEMENT = re.compile(r"\b(?:in|via) an? (?:\w+ )?(?:statement|e-?mail|interview|post|tweet|letter|"
                            r"(?:news |press )?release|briefing|filing)\b")
COUNTED = re.compile(r"^\s+(?:(?:a\s+total\s+of|about|nearly|more\s+than|at\s+least|some|only)\s+)?"
                     r"(?:no\b|\d|one|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands)")
WRITTEN_WORK = re.compile(r"^\s+(?:[\w’'-]+\s+){0,3}?(?:reports?|letters?|books?|articles?|pieces?|columns?|"
                          r"essays?|memos?|notes|songs?|novels?|plays?|scripts?|papers?|stories|story)\b")
DENIALS = frozenset("denied denies disputed disputes cited cites acknowledged admitted admits"
                    .split())
ACCUSATION_OBJECT = re.compile(
    r"^\s+(?:(?:the|any|all|these|those|such|his|her|its|their|a|an|of|that|reports?|\w+ly)\s+){0,3}"
    r"(?:\w+\s+)?(?:wrongdoing|allegations?|accusations?|charges?|claims?|reports?|involvement|"
    r"responsibility|reasons?|wrongdoing|guilt|knowledge|existence|deaths?|figures?|account|version|lack|"
    r"concerns?|problems?|risks?|difficulties)\b")


def _named_subject(region: str) -> bool:
    """A named speaker or a body referred to ("the company"), who can claim or announce."""
    parts = slot_parts.source_parts(region)
    bare = tokens.strip_determiners(parts[0]).strip() if parts else ""
    ws = tokens.words(bare)
    return bool(ws) and (tokens.is_proper(bare) or tokens.bare(ws[-1]) in lexicon.ORG_WORDS
                         or tokens.bare(ws[-1]) in {"company", "firm", "government", "utility"})
