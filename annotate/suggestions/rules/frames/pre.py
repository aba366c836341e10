"""Frames whose cue comes first: `Wang told the press that ...`, `X said, "..."`,
a cue in a second clause, a participle, "according to" and "In a statement"."""
import re

from annotate.suggestions.rules import lexicon
from annotate.suggestions.rules import names
from annotate.suggestions.rules import subjects
from annotate.suggestions.rules import tokens
from annotate.suggestions.rules.frames.cues import cue_allowed
from annotate.suggestions.rules.frames.frame import Frame
from annotate.suggestions.rules.frames.frame import QUOTED
from annotate.suggestions.rules.frames.slots import INTRO_TO_QUOTE
from annotate.suggestions.rules.frames.slots import adverb
from annotate.suggestions.rules.frames.slots import claim_offset
from annotate.suggestions.rules.frames.slots import embedded
from annotate.suggestions.rules.frames.slots import np_like
from annotate.suggestions.rules.frames.slots import pronoun_subject
from annotate.suggestions.rules.frames.slots import subordinate
from annotate.suggestions.rules.frames.slots import titles_unquoted

ACCORDING = re.compile(r"\b[Aa]ccording to\s+")
STATEMENT_INTRO = re.compile(r"^\W*In an? (?:\w+ )?statement,\s*")
NAMED_AS = re.compile(r"^(?!\s+(?:for|on|off|up|in|back)\b)(?:\s+[^\s\x01]+){1,8}?\s+(?:as\s+)?\x01")
MARKET_MOVE = re.compile(r"^\s+(?:about |nearly |almost |some |more than |another )?[\d$€£.]")
LEADING_NAME = re.compile(r"((?:[A-Z][\w.'’-]+)(?:\s+[A-Z][\w.'’-]+){0,3})(?=[\s,])")
# Words that open a sentence before its subject and are no part of it.
FOCUS_OPENERS = frozenset("Even Just Only".split())  # not "Yet another said", "Still others say"
SENTENCE_CONJUNCTIONS = frozenset("And But Yet So".split())
REQUEST_CUES = frozenset("asked asks instructed".split())
# "X can be heard saying ...", '"...," the man could be heard saying': X speaks on a recording.
HEARD_BEFORE = re.compile(r"\s*\b(?:(?:can|could|may|might|is|was|are|were)\s+)?(?:be\s+|been\s+)?heard$")
HEARD_CUES = frozenset("saying telling shouting yelling asking".split())
# Cues that may end a paragraph with a colon, the quotation following in the next: "She said:".
LEAD_CUES = frozenset("said says told tells added adds explained explains wrote writes stated states".split())
# Cues of saying that a "but" may join to a first predicate: "X signed the bill but said it was flawed".
BUT_SAID = frozenset("said says told tells added adds insisted insists warned warns argued argues acknowledged "
                     "conceded noted".split())
# -ing cues that report in the progressive ("Researchers are warning of ..."); not "was adding seats".
PROGRESSIVE_REPORTS = frozenset("warning saying claiming arguing insisting alleging urging telling accusing "
                                "suggesting predicting complaining grumbling".split())
REQUEST = re.compile(r"^\s+(?:[\w’'-]+\s+){0,3}?to\s+[a-z]")  # "asked to see his hands"
CONTINUES_TO = re.compile(r"\s+(?:has |have )?(?:continues|continued|continue|went on|goes on|keeps|kept)\s+to$")
TELLS_A_STORY = re.compile(r"^\s+(?:the|a|an|its|their|his|her)\s+(?:\w+\s+)?(?:story|stories|tale|history)\b")
DOCUMENT_BEFORE = re.compile(r"\b(?:statement|letter|release|post|tweet|message|email|memo|note)$")
SECOND_CLAUSE = re.compile(r"(?:,\s*(?:and|but|while|whereas)|;)\s+|\s(?:[—–]|--)\s+")
COORDINATOR = re.compile(r"(?:,\s*(?:and|but|while|whereas)|;)\s+|\s(?:[—–]|--)\s+|\s+and\s+(?=(?:a|an|the)\s)|"
                         r"(?:^|\s)(?i:after|when|while|as|because|since|although|though|before|once|until)\s+")


def _without_focus_opener(words: list[str]) -> list[str]:
    """"Even Lindsey Graham ... said", "Just 28 percent of voters said": the word before the subject is no part of
    it; "Just days before ..." has no subject there. "But as Smith noted, ...": the conjunction opens the sentence,
    "as" the frame."""
    if len(words) > 2 and words[0] in SENTENCE_CONJUNCTIONS and words[1] == "as":
        return words[1:]
    if len(words) > 1 and words[0] in FOCUS_OPENERS and (words[1][:1].isupper() or words[1][:1].isdigit()
                                                         or words[1].lower() in tokens.DETERMINERS):
        return words[1:]
    return words


def pre(m: str, cue: re.Match) -> Frame | None:
    """Cue before the claim: `Wang told the press that ...`, `X said, "..."`."""
    words = m[: cue.start()].split()
    rest = m[cue.end():]
    if _passive(words, cue.group(), rest):
        return None
    while words and _between_subject_and_cue(words):
        words.pop()
    words = _without_focus_opener(words)
    if cue.group() in PROGRESSIVE_REPORTS and words and words[-1].lower() in {"is", "are", "was", "were"}:
        words.pop()  # "Researchers are warning of a new ransomware"
    heard = HEARD_BEFORE.search(" ".join(words)) if cue.group() in HEARD_CUES else None
    if heard:
        words = " ".join(words)[: heard.start()].split()  # "Clinton can be heard saying that ..."
    region = titles_unquoted(" ".join(CONTINUES_TO.sub("", " ".join(words)).split()))
    region_start = m.index(words[0]) if words else 0
    if region and not np_like(region) and not embedded(region) and pronoun_subject(region):
        region = pronoun_subject(region)
        region_start = m.rindex(region, 0, cue.start())
    if _second_clause(region):
        return None  # "Trump wants more gas, but analysts say ...": clause_tail reads the second clause
    clause = _clause_subject(m, region, cue.start())
    if clause:
        region, region_start = clause  # "It goes to the House, where Speaker Nancy Pelosi has said ..."
    if not region or not np_like(region) or embedded(region) or subordinate(region):
        return None
    if cue.group() in lexicon.QUOTE_ONLY_CUES and not INTRO_TO_QUOTE.match(rest):
        return None
    if cue.group() in lexicon.NAMING_CUES and not NAMED_AS.match(rest) \
            and not (CALLED_FOR.match(rest) and _demanding_subject(region)):
        return None  # "called it "a disaster"", "Rankin called for calm"; not "called police", "the plan calls for"
    if cue.group() in lexicon.MARKET_CUES and MARKET_MOVE.match(rest):
        return None  # "Spot gold added 0.1%", "the Nasdaq added 20.72 points"
    if cue.group() in REQUEST_CUES and REQUEST.match(rest):
        return None  # "asked New Yorkers to join the search": a request, not a report
    if cue.group() in {"said", "reported", "believed", "alleged"} and re.match(r"\s+to\s+(?:be|have)\b", rest):
        return None  # "The museum, ..., said to be the largest in Europe": no one is reporting
    if cue.group() in {"tells", "told", "telling"} and TELLS_A_STORY.match(rest):
        return None  # "The film tells the story of a family"
    if cue.group() in lexicon.NO_CONTENT_CUES and not tokens.words(rest):
        return Frame(cue.group(), region, region_start, (0, len(m)), "stance")  # "Some farmers disagreed."
    offset = cue.end() + claim_offset(rest, cue.group())
    if re.fullmatch(r"(?:\s+(?:[\w’'.-]+\s*){0,3})?:\s*", rest) and cue.group() in LEAD_CUES:
        return Frame(cue.group(), region, region_start, (0, len(m)), "pre")  # "She said:" before a quotation
    if len(tokens.words(m[offset:])) + m[offset:].count(QUOTED) < 2:
        return None
    if not cue_allowed(cue, region, rest):
        return None
    return Frame(cue.group(), region, region_start, (offset, len(m)), "pre")


# A cue in a clause hung on the main one by a relative or subordinating word after a comma: its own
# subject reports ("It now goes to the House, where Speaker Nancy Pelosi, D-Calif., has said she will ...").
CLAUSE_AFTER_COMMA = re.compile(r",\s+(?:where|when|while|whereas|after|because|although|though|since|as)\s+"
                                r"(?=[A-Z]|the\s)")


def _clause_subject(m: str, region: str, cue_at: int) -> tuple[str, int] | None:
    """The subject of the last comma-opened clause of a slot, when that is a noun phrase of its own."""
    found = None
    for found in CLAUSE_AFTER_COMMA.finditer(region):
        pass
    if found is None:
        return None
    sub = region[found.end():].strip()
    if not sub or not np_like(sub) or embedded(sub) or sub not in m[:cue_at]:
        return None
    return sub, m.rindex(sub, 0, cue_at)


def _second_clause(region: str) -> bool:
    """The slot holds a whole clause and then a second one that the cue belongs to."""
    cut = None
    for cut in SECOND_CLAUSE.finditer(region):
        pass
    return cut is not None and any(tokens.is_verb_like(w) for w in tokens.words(region[: cut.start()]))


CALLED_FOR = re.compile(r"^\s+for\s+(?!(?:a |an |the )?(?:ride|help|backup|an ambulance|taxi)\b)\S")


def _demanding_subject(region: str) -> bool:
    """Someone who can call for something: a name, a person's title or a pronoun,
    not a plan or a bill ("The plan calls for 300 new homes")."""
    phrase = names.parse(region)
    if phrase is None:
        return False
    return phrase.kind in {"person", "org", "group"} and tokens.is_proper(phrase.text) \
        or phrase.kind == "pronoun" and phrase.head in lexicon.PERSON_PRONOUNS | {"they"} \
        or tokens.is_role_word(phrase.head) or phrase.kind == "group" \
        or phrase.head in lexicon.ORG_WORDS | lexicon.COLLECTIVE_NOUNS  # "The union called for an inquiry"


def clause_tail(m: str, cue: re.Match) -> Frame | None:
    """A cue in a second coordinated clause: "..., and experts said it's too early"."""
    head = m[: cue.start()]
    cut = None
    for cut in COORDINATOR.finditer(head):
        pass
    if cut is None or QUOTED in head[cut.end():]:
        return None
    if cut.group().strip() in {"and", "—", "–", "--"} \
            and not any(tokens.is_verb_like(w) for w in tokens.words(head[: cut.start()])):
        return None  # "Experts from NOAA and the Interior Department said": one subject, not two clauses
    words = head[cut.end():].split()
    while words and _between_subject_and_cue(words):
        words.pop()
    words = _without_focus_opener(words)
    region = " ".join(words)
    if not region or not np_like(region, 8) or embedded(region) or _reduced_relative(words):
        return None
    rest = m[cue.end():]
    if cue.group() in lexicon.PARTICIPLE_CUES | lexicon.QUOTE_ONLY_CUES | lexicon.NAMING_CUES \
            or cue.group() in REQUEST_CUES and REQUEST.match(rest):
        return None  # "are adding to the challenges", "when it began to stock", "asked him to"
    offset = cue.end() + claim_offset(rest, cue.group())
    if len(tokens.words(m[offset:])) < 2 or not cue_allowed(cue, region, rest):
        return None
    if re.match(r"\s*(?:[—–]|--|,)", rest):
        return None  # "— about five hours before Meadows announced — Bennett posted": no content follows
    return Frame(cue.group(), region, cut.end() + head[cut.end():].index(words[0]), (offset, len(m)), "pre")


def _reduced_relative(words: list[str]) -> bool:
    """"-- a program Iran says it needs": a noun, then the subject of a relative clause without "that"."""
    if not words or words[0].lower() not in {"a", "an", "the"}:
        return False
    return any(a.islower() and a not in lexicon.NAME_CONNECTORS | {"or"} and b[:1].isupper()
               for a, b in zip(words[1:], words[2:]))  # not "the UN nuclear watchdog and U.S. officials"


def participle(m: str, cue: re.Match) -> Frame | None:
    """`The judge denied it, saying ...`: the main subject is the source."""
    head = m[: cue.start()].rstrip()
    bare_head = re.sub(r"(?:\s+[a-z]+ly)+$", "", head)  # "Tegnell laughed and simply said"
    participle = cue.group() in lexicon.PARTICIPLE_CUES and (head.endswith((",", "—", "--", QUOTED)) or (
        cue.group() == "saying" and DOCUMENT_BEFORE.search(head)))  # "released a separate statement saying,"
    coordinated = (bare_head.endswith(" and") or bare_head.endswith(" but") and cue.group() in BUT_SAID) \
        and cue.group() not in lexicon.PARTICIPLE_CUES  # "signed the bill but said it was flawed"
    if not (participle or coordinated) or QUOTED in head and not _subject_before_quote(head):
        return None
    if cue.group() in lexicon.NAMING_CUES and not NAMED_AS.match(m[cue.end():]):
        return None
    if cue.group() == "telling" and TELLS_A_STORY.match(m[cue.end():]):
        return None  # "..., telling the story of their escape"
    if cue.group() == "describing" and not DESCRIBED_AS.match(m[cue.end():]):
        return None  # "..., describing him as a “loving father”", not "describing the scene in detail"
    if cue.group() in lexicon.QUOTE_ONLY_CUES and not INTRO_TO_QUOTE.match(m[cue.end():]):
        return None  # "... and began a crackdown"
    subject = subjects.subject(head)
    leading = LEADING_NAME.match(head.lstrip())
    if coordinated and leading and (not subject or _present_verb_after(subject, leading.group(1))):
        subject = leading.group(1)  # "Wiig smiles and says"
    if not subject:
        return None
    offset = cue.end() + claim_offset(m[cue.end():], cue.group())
    return Frame(cue.group(), subject, m.index(subject), (offset, len(m)), "participle")


DESCRIBED_AS = re.compile(r"^\s+(?:\S+\s+){0,9}?as\b")


def _subject_before_quote(head: str) -> bool:
    """"Mr Grayling earlier used his speech to warn against a “one-size-fits-all”
    approach, adding:": the subject comes before any quoted words."""
    subject = subjects.subject(head)
    return bool(subject) and QUOTED not in subject and tokens.is_proper(subject)


def _present_verb_after(subject: str, name: str) -> bool:
    """"Wiig smiles and": the word after the name is a present-tense verb."""
    after = subject[len(name):].split()[:1] if subject.startswith(name) else []
    return bool(after) and after[0].islower() and after[0].endswith("s") and len(after[0]) > 3


def according(m: str) -> Frame | None:
    """`..., according to X.` and `According to X, ...`."""
    found = ACCORDING.search(m)
    if not found:
        return None
    if not m[: found.start()].strip(" \"“" + QUOTED):
        comma = m.find(",", found.end())
        if comma < 0 and QUOTED in m[: found.start()]:  # '“It’s a historic day,” according to Smith.'
            return Frame("according to", m[found.end():].strip(" ."), found.end(), (0, found.start()), "according")
        if comma < 0:
            return None
        return Frame("according to", m[found.end(): comma], found.end(), (comma + 1, len(m)), "according")
    stop = m.find(QUOTED, found.end())
    stop = len(m) if stop < 0 else stop
    end = len(m[: found.start()].rstrip(" ,"))
    return Frame("according to", m[found.end(): stop], found.end(), (0, end), "according")


def statement(m: str) -> Frame | None:
    """`In a statement, the company called ...`: no verb cue, a statement."""
    intro = STATEMENT_INTRO.match(m)
    if not intro:
        return None
    subject = subjects.subject(m[intro.end():])
    if not subject:
        return None
    start = intro.end() + len(subject)
    return Frame("in a statement", subject, intro.end(), (start, len(m)), "statement")


OPENING_PARTICIPLE = re.compile(r"^\W*(?P<cue>Declaring|Saying|Arguing|Insisting|Warning|Noting|Claiming|"
                                r"Asserting|Stressing|Acknowledging|Calling)\s+(?:that\s+)?")


AS_PUT_IT = re.compile(r"^\W*(?:As\s+(?P<who>[^,\x01]{2,60}?)\s+(?:put|puts|has put|phrased|phrases) it"
                       r"|In\s+(?P<owner>[^,\x01]{2,60}?)['’]s?\s+(?:own\s+)?words"
                       r"|In\s+the\s+words\s+of\s+(?P<of>[^,\x01]{2,60}?))\s*[,:]\s*(?=\x01)")


def as_put_it(m: str) -> Frame | None:
    """`As Smith put it, "..."`, `In Smith's words, "..."`, `In the words of Smith, "..."`."""
    found = AS_PUT_IT.match(m)
    if not found:
        return None
    group = next(g for g in ("who", "owner", "of") if found.group(g))
    return Frame("put it", found.group(group), found.start(group), (found.end(), len(m)), "pre")


INVERTED_OPENING = re.compile(r"^\W*(?P<cue>Said|Says|Added|Adds|Asked|Wrote|Writes|Explained|Noted|Recalled|Replied"
                              r"|Warned)\s+(?P<who>[^\x01:;]{2,120}?)\s*[,:]\s*(?=\x01)")


def inverted_opening(m: str) -> Frame | None:
    """`Said Dana Ruiz, who grew up on the island, "We were all so proud."`, `Added the mayor: "..."`: the cue
    opens the sentence, its speaker follows, then the quotation."""
    found = INVERTED_OPENING.match(m)
    if not found or not np_like(found.group("who")):
        return None
    return Frame(found.group("cue").lower(), found.group("who"), found.start("who"), (found.end(), len(m)), "pre")


def opening_participle(m: str) -> Frame | None:
    """`Declaring "the maritime soul of the Marine Corps" is at stake, Gates has
    ordered a review`: the main clause's subject reports the opening phrase."""
    found = OPENING_PARTICIPLE.match(m)
    comma = m.find(",", found.end()) if found else -1
    if comma < 0:
        return None
    subject = subjects.subject(m[comma + 1:])
    if not subject or not np_like(subject):
        return None
    start = m.index(subject, comma)
    return Frame(found.group("cue"), subject, start, (found.end(), comma), "participle")


BE_FORMS = frozenset("is are was were be been being".split())


def _passive(words: list[str], cue: str, rest: str) -> bool:
    """"Anyone on the flight is asked to call", "recalled by the Reich": the
    cue is a passive participle, and what stands before it is no speaker."""
    participle = cue.endswith("ed") or cue in lexicon.IRREGULAR_PAST
    return participle and (bool(words) and words[-1].lower() in BE_FORMS or bool(re.match(r"\s+by\s", rest)))


def _between_subject_and_cue(words: list[str]) -> bool:
    """The last word before a cue is an auxiliary or adverb ("has since said",
    "quietly told"), not "May" in "Mrs May told" or "family" in "the family said"."""
    last, before = words[-1], words[-2] if len(words) > 1 else ""
    negation = last.lower().replace("’", "'") in {"not", "don't", "doesn't", "didn't", "never"}  # a stance denied
    return last.islower() and (tokens.bare(last) in lexicon.AUX_ADVERBS or negation) or adverb(last, before)


HEARD_SAY = re.compile(r"\b(?:heard|overheard)\s+(?P<who>[\w’'. -]{2,60}?)\s+(?:say|yell|shout|scream|tell|ask)\b")
COLON_QUOTE = re.compile(r"^(?P<head>[^\x01:]{2,160}):\s*\x01[\x01\s.!?]*$")


def colon_quote(m: str) -> Frame | None:
    """`Smith was blunt: "We failed."`, `In his speech, Smith struck a defiant tone: "..."`:
    a named subject, then a colon and nothing but a quotation, with no cue."""
    found = COLON_QUOTE.match(m)
    heard = HEARD_SAY.search(found.group("head")) if found else None
    if heard:  # "Anthony Rodriguez ... heard an officer yell: "..."": the officer speaks
        return Frame(":", heard.group("who"), heard.start("who"), (found.end("head") + 1, len(m)), "colon")
    subject = subjects.subject(found.group("head")) if found else None
    if not subject:
        return None
    name = re.sub(r"['’]s?\s.*$", "", tokens.strip_determiners(subject))  # "Smith’s response" -> "Smith"
    first = tokens.words(name)[:1]
    if not first or not tokens.is_proper(name) or first[0].lower() in lexicon.INTRO_WORDS:
        return None
    start = m.index(name)
    return Frame(":", name, start, (found.end("head") + 1, len(m)), "colon")