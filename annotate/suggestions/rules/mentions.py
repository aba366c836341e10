"""Names and documents an article mentions: capitalised runs, parsed once.

Discourse resolution looks names up among these: "Irwin" expands to the
"Peter Irwin" mentioned earlier, "the report" to the document named before.
"""
import re
from dataclasses import dataclass

from annotate.suggestions.rules import lexicon
from annotate.suggestions.rules import name_kinds
from annotate.suggestions.rules import names
from annotate.suggestions.rules import titles
from annotate.suggestions.rules import tokens

CAP = r"(?:[A-Z]\.(?:[A-Z]\.)+|[A-Z][a-z]{0,3}\.(?=\s[A-Z])|[A-Z][\w'’\-]*)"  # U.S., Sen., M., Name
RUN = re.compile(CAP + r"(?:[ ](?:(?:of|for|the|de|van|von|al|bin|&)[ ])*(?:" + CAP + r"|\d+\b))*")
DOC = re.compile(r"\b(?:report|assessment|study|analysis|survey|review|audit|findings|poll)\b")
OWNED = re.compile(r"-(?:owned|based|led|backed|run|controlled|funded)$")
NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten several".split())
RUN_STOP = lexicon.INTRO_WORDS | tokens.DETERMINERS | NUMBER_WORDS | frozenset(
    "in on at if but and as to of for with by from despite although though other".split()) | frozenset(
    "said says added adds wrote writes explained noted recalled replied warned".split())  # "Said Dana Ruiz, ..."
WEEKDAYS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())
# "Citing the Global Fire Emissions Database"; not "Sterling Bank".
OPENING_PARTICIPLE = re.compile(r"^[A-Z][a-z]{2,}ing$")
QUANTITIES = frozenset("thousands hundreds dozens millions tens scores most many some all".split())


def clean_run(run: str) -> str:
    """Drop sentence-initial function words ("After Russia", "Thousands of
    Tunisians") and a sentence-final period."""
    ws = [w for w in run.split() if not OWNED.search(w)]  # "Amazon-owned Whole Foods Market"
    while len(ws) > 1 and (ws[0].lower() in RUN_STOP or ws[1] in lexicon.NAME_CONNECTORS
                           and ws[0].lower() in QUANTITIES or OPENING_PARTICIPLE.match(ws[0]) and ws[1] == "the"):
        ws = ws[2:] if ws[1] in lexicon.NAME_CONNECTORS and ws[0].lower() in QUANTITIES else ws[1:]
    if len(ws) > 1 and ws[0] in WEEKDAYS and run.split()[0].lower() in {"on", "last", "this", "next", "by"}:
        ws = ws[1:]  # "On Sunday Ann Lowe shared": the day is when, not who; not "the Sunday Times"
    while len(ws) > 2 and ws[-1].rstrip(".,") in WEEKDAYS:
        ws = ws[:-1]  # "Governor John Rankin Thursday called": the day is when, not who
    for i, w in enumerate(ws):
        if re.search(r"['’]s$", w):
            ws = ws[: i + 1]  # "Obama’s Helicopters", "Trump's July 25": the name ends at the possessive
            break
    run = re.sub(r"['’]s$", "", " ".join(ws))  # "Vladimir Putin's" names Vladimir Putin
    if run.endswith(".") and len(run.split()[-1]) > 4 and "." not in run.split()[-1][:-1]:
        run = run[:-1]
    return run


def doc_mentions(text: str) -> list[tuple[int, str]]:
    """Named documents: "a report ... by the X" -> X, "U.N. assessment"."""
    found = []
    for m in DOC.finditer(text):
        window = re.split(r"(?<=[a-z])\.\s", text[m.start(): m.start() + 160])[0]
        label = names.doc_author(window, anchored=True)  # not "an investigation ... guided by" after it
        if not label:
            mods = re.search(r"((?:[A-Z][\w.'’\-]*\s)+)$", text[max(0, m.start() - 60): m.start()])
            mods_text = clean_run(mods.group(1).strip()) if mods else ""
            if mods_text and mods_text not in {"The", "A", "An"} and not re.match(titles.TIME_WORDS, mods_text):
                label = f"{mods_text} {m.group()}"
        if label:
            found.append((m.start(), label))
    return found


@dataclass(frozen=True)
class Mention:
    """A capitalised run in the text, parsed once: "Republican Congressman Chris Smith"."""

    start: int
    run: str
    role: str | None
    name: str
    tokens: tuple[str, ...]  # bare words of name, for containment tests
    org: bool


def name_tokens(name: str) -> tuple[str, ...]:
    return tuple(tokens.bare(w) for w in name.split())


def named_inside(tokens_before: tuple[str, ...]) -> bool:
    """Whether a name that follows these words is part of a longer body's name ("Tribunal of the World Bank"): a body
    named inside another's name is a different body, so "World Bank" never grows into the tribunal."""
    return tokens_before[-1:] in (("of",), ("the",), ("for",), ("at",))


def contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    """Whether `shorter` occurs as a contiguous run of words in `longer`."""
    n = len(shorter)
    return any(longer[i: i + n] == shorter for i in range(len(longer) - n + 1))


def mention_at(start: int, run: str) -> Mention:
    role, name = titles.split_title(run)
    return Mention(start, run, role, name, name_tokens(name), name_kinds.is_org_name(run))


def initials(run: str) -> str | None:
    """"International Monetary Fund" -> "IMF": the acronym an organisation's
    name makes, for a later "the IMF said"; None for one-word names."""
    ws = [w for w in run.split() if w.lower() not in lexicon.NAME_CONNECTORS]
    if len(ws) < 2 or not all(w[:1].isupper() for w in ws):
        return None
    return "".join(w[0] for w in ws)
