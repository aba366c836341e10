"""Tests for annotate.suggestions.rules: gold-set accuracy, holdout, and one test per phenomenon.

The gold figures are printed (run with -s to see them) and asserted against
the targets of the issue: source accuracy >= 90% over attributed sentences,
type accuracy >= 85%, author sentences wrongly given a source <= 10%.
"""
import json
import re
from pathlib import Path

import pytest

from annotate.suggestions.rules import THRESHOLD
from annotate.suggestions.rules import Attribution
from annotate.suggestions.rules import Suggestion
from annotate.suggestions.rules import analyse
from annotate.suggestions.rules import suggest
from annotate.text.segment import normalize_text
from annotate.text.segment import segment

GOLD_DIR = Path(__file__).parent.parent / "data" / "gold"
GOLD = ["seed_article", "court_fraud", "politics_budget", "health_report", "business_plant"]
HOLDOUT = sorted(p.stem for p in GOLD_DIR.glob("holdout_*.json"))


# ----------------------------------------------------------------- helpers

def run(text: str) -> list[Suggestion]:
    """analyse() on a small inline article, the way import does it."""
    text = normalize_text(text)
    return analyse(text, segment(text))


def only(text: str, fragment: str) -> Suggestion:
    """The suggestion for the sentence containing `fragment`."""
    text = normalize_text(text)
    units = segment(text)
    found = [s for s in analyse(text, units) if fragment in text[units[s.sentence_index].start:
                                                                     units[s.sentence_index].end]]
    assert len(found) == 1, found
    return found[0]


def norm(name: str | None) -> str | None:
    """Compare names ignoring case, a leading article, curly apostrophes."""
    if name is None:
        return None
    name = " ".join(name.replace("’", "'").split()).strip(" .,").lower()
    return re.sub(r"^the ", "", name)


def load(name: str):
    """(text, units, gold rows) of one gold article."""
    raw = (GOLD_DIR / f"{name}.txt").read_text(encoding="utf-8")
    text = normalize_text(raw)
    rows = json.loads((GOLD_DIR / f"{name}.json").read_text(encoding="utf-8"))["sentences"]
    return text, segment(text), rows


def align(text: str, units: list, row: dict) -> int | None:
    """Unit index for a gold row: its index if the text still matches there,
    else the body unit overlapping most of where the text occurs."""
    i = row["index"]
    if i < len(units) and text[units[i].start:units[i].end].strip() == row["text"]:
        return i
    at = text.find(row["text"])
    if at < 0:
        return None
    overlap = [(min(u.end, at + len(row["text"])) - max(u.start, at), j)
               for j, u in enumerate(units) if u.kind == "body"]
    best = max(overlap)
    return best[1] if best[0] > 0 else None


def compare(names: list[str]) -> list[tuple[dict, Suggestion | None]]:
    """(gold row, prediction) pairs over the given articles."""
    pairs = []
    for name in names:
        text, units, rows = load(name)
        by_index = {s.sentence_index: s for s in analyse(text, units)}
        for row in rows:
            pairs.append((row | {"article": name}, by_index.get(align(text, units, row))))
    return pairs


def ratio(hits: int, total: int) -> float:
    return hits / total if total else 1.0


def metrics(pairs) -> dict:
    """The figures the issue asks for, plus cue, role and check-worthiness."""
    found = [(g, p) for g, p in pairs if p is not None]
    attributed = [(g, p) for g, p in found if g["type"] != "author"]
    authors = [(g, p) for g, p in found if g["type"] == "author"]
    roles = [(g, p) for g, p in found if g["role"]]
    cw = [(g["checkworthy"], p.checkworthiness >= THRESHOLD) for g, p in found]
    tp = sum(1 for g, p in cw if g and p)
    return {
        "sentences": len(pairs),
        "aligned": ratio(len(found), len(pairs)),
        "source_acc": ratio(sum(norm(g["source"]) == norm(p.attribution.source)
                                for g, p in attributed), len(attributed)),
        "type_acc": ratio(sum(g["type"] == p.attribution.type for g, p in found), len(found)),
        "author_given_source": ratio(sum(p.attribution.source is not None for g, p in authors),
                                     len(authors)),
        "cue_acc": ratio(sum((g["cue"] or "") == (p.attribution.cue or "")
                             for g, p in attributed), len(attributed)),
        "role_acc": ratio(sum(norm(g["role"]) == norm(p.attribution.role) for g, p in roles),
                          len(roles)),
        "cw_acc": ratio(sum(g == p for g, p in cw), len(cw)),
        "cw_precision": ratio(tp, sum(1 for g, p in cw if p)),
        "cw_recall": ratio(tp, sum(1 for g, p in cw if g)),
    }


def report(title: str, pairs) -> dict:
    """Print the figures and the misses, so a failing run says why."""
    m = metrics(pairs)
    print(f"\n== {title}: " + ", ".join(
        f"{k}={v:.1%}" if isinstance(v, float) else f"{k}={v}" for k, v in m.items()))
    for g, p in pairs:
        got = p.attribution if p else None
        if got is None or norm(g["source"]) != norm(got.source) or g["type"] != got.type:
            print(f"  miss {g['article']}#{g['index']}: gold {g['type']}/{g['source']!r}"
                  f" got {got and got.type}/{got and got.source!r} | {g['text'][:70]}")
    return m


# ------------------------------------------------------------ gold figures

def test_gold_set_meets_targets():
    m = report("gold (seed + 4 original articles)", compare(GOLD))
    assert m["aligned"] == 1.0
    assert m["source_acc"] >= 0.90
    assert m["type_acc"] >= 0.85
    assert m["author_given_source"] <= 0.10
    assert m["cw_acc"] >= 0.75


@pytest.mark.parametrize("name", GOLD)
def test_each_gold_article_is_reasonable(name):
    m = report(name, compare([name]))
    assert m["source_acc"] >= 0.75 and m["type_acc"] >= 0.70


def test_holdout_written_before_the_rules():
    """Looser bars: the holdout was never used to tune the rules."""
    assert HOLDOUT, "holdout article missing"
    m = report("holdout " + ", ".join(HOLDOUT), compare(HOLDOUT))
    assert m["aligned"] == 1.0
    assert m["source_acc"] >= 0.75
    assert m["type_acc"] >= 0.70
    assert m["author_given_source"] <= 0.25
    assert m["cw_acc"] >= 0.60


# ------------------------------------------------------------- interface

SAMPLE = """Rates rise again

The central bank raised its main rate to 4.5% on Thursday, the third increase this year.

"Inflation is still far above our 2% target," Governor Ana Ruiz told reporters. "We will act again if needed."

Ruiz said prices rose 6.1% in the year to March.
"""


def test_analyse_covers_every_body_unit_and_spans_are_exact():
    text = normalize_text(SAMPLE)
    units = segment(text)
    found = analyse(text, units)
    assert [s.sentence_index for s in found] == [i for i, u in enumerate(units) if u.kind == "body"]
    for s in found:
        unit = units[s.sentence_index]
        assert s.quote == text[s.start:s.end]
        assert unit.start <= s.start < s.end <= unit.end
        assert 0.0 <= s.checkworthiness <= 1.0


def test_suggest_keeps_checkworthy_sentences_in_order():
    text = normalize_text(SAMPLE)
    units = segment(text)
    kept = suggest(text, units)
    assert kept and all(s.checkworthiness >= THRESHOLD for s in kept)
    assert [s.start for s in kept] == sorted(s.start for s in kept)
    everything = analyse(text, units)
    assert kept == [s for s in everything if s.checkworthiness >= THRESHOLD]


def test_as_dict_shape():
    s = only(SAMPLE, "Inflation is still")
    assert s.as_dict() == {
        "sentence_index": s.sentence_index, "start": s.start, "end": s.end, "quote": s.quote,
        "checkworthiness": s.checkworthiness,
        "attribution": {"source": "Ana Ruiz", "role": "Governor", "cue": "told", "type": "direct"},
    }
    assert s.quote == "Inflation is still far above our 2% target"


def test_empty_article():
    assert analyse("", []) == [] and suggest("", []) == []


def test_no_flask_in_the_rules():
    package = Path(__file__).parent.parent.parent / "annotate" / "suggestions" / "rules"
    for path in package.glob("*.py"):
        assert not re.search(r"^\s*(?:from|import)\s+flask", path.read_text(), re.M | re.I), path


# ------------------------------------------------------------ phenomena

def attribution_of(text: str, fragment: str) -> Attribution:
    return only(text, fragment).attribution


def test_surname_resolves_to_full_name_introduced_earlier():
    text = ("Peter Irwin, senior program officer at the Uyghur Human Rights Project, spoke at "
            "the hearing on Monday.\n\n\"Governments need to keep the system in mind,\" Irwin said.")
    a = attribution_of(text, "Irwin said")
    assert (a.source, a.cue, a.type) == ("Peter Irwin", "said", "direct")
    assert attribution_of(text, "spoke at").type == "author"


def test_surname_after_title_mention_drops_the_title():
    text = ("Two lawmakers, Republican Congressman Chris Smith and Democratic Congressman Tom "
            "Suozzi, introduced legislation Friday.\n\n\"We have only a few days,\" Smith told VOA.")
    a = attribution_of(text, "Smith told")
    assert (a.source, a.role) == ("Chris Smith", "Republican Congressman")


def test_pronoun_goes_to_last_speaker():
    text = ("On Tuesday, Chinese Foreign Ministry spokesperson Wang Wenbin told the press that "
            "the draft was biased. He added that some countries are trying to contain China.")
    a = attribution_of(text, "He added")
    assert (a.source, a.role, a.cue, a.type) == (
        "Wang Wenbin", "Chinese Foreign Ministry spokesperson", "added", "indirect")


def test_pronoun_skips_organisations():
    text = ("Great Lakes Financial said it had cooperated with investigators. Its lawyer, Ann "
            "Cole, declined to say more.\n\n\"We were not told,\" said Ben Ode, a former teller. "
            "\"Nobody knew,\" he said.")
    assert attribution_of(text, "Nobody knew").source == "Ben Ode"


def test_the_report_resolves_to_the_document_named_before():
    text = ("Rights groups cited last month's U.N. assessment on China's treatment of Uyghurs. "
            "The report concluded that Beijing may have committed \"crimes against humanity\" "
            "against Uyghurs.")
    s = only(text, "The report concluded")
    assert (s.attribution.source, s.attribution.cue, s.attribution.type) == (
        "U.N. assessment", "concluded", "mixed")
    assert s.quote.startswith("Beijing may have committed")


def test_the_report_resolves_to_the_publishing_organisation():
    text = ("Cases tripled, according to a report released Tuesday by the National Public Health "
            "Institute. The report found that only 88% of children were vaccinated. Most cases "
            "were in children, the institute said.")
    assert attribution_of(text, "The report found").source == "National Public Health Institute"
    assert attribution_of(text, "the institute said").source == "National Public Health Institute"


def test_appositive_role():
    text = ('"The international community must act," said Dolkun Isa, president of the World '
            "Uyghur Congress.")
    a = attribution_of(text, "must act")
    assert (a.source, a.role, a.cue, a.type) == (
        "Dolkun Isa", "president of the World Uyghur Congress", "said", "direct")


def test_inverted_appositive_and_relative_clause():
    text = ('"The governor will review it," her spokesman, Luis Ortega, wrote in an email.\n\n'
            '"It was the last call," said Tomas Vidal, whose mother, Ana Vidal, died in the fire.')
    a = attribution_of(text, "will review")
    assert (a.source, a.role, a.cue) == ("Luis Ortega", "her spokesman", "wrote")
    assert attribution_of(text, "last call").source == "Tomas Vidal"


def test_premodifier_role():
    text = "Chinese Foreign Ministry spokesperson Wang Wenbin said the resolution was biased."
    a = attribution_of(text, "biased")
    assert (a.source, a.role, a.type) == ("Wang Wenbin", "Chinese Foreign Ministry spokesperson",
                                          "indirect")


def test_multi_sentence_quote_with_cue_in_last_sentence():
    text = ("Chinese Foreign Ministry spokesperson Wang Wenbin spoke on Tuesday.\n\n"
            '"They blatantly apply double standards. This has poisoned the atmosphere. The '
            'international community firmly rejects such practice," Wang said.')
    for fragment in ("double standards", "poisoned", "firmly rejects"):
        a = attribution_of(text, fragment)
        assert (a.source, a.cue, a.type) == ("Wang Wenbin", "said", "direct"), fragment
    assert only(text, "poisoned").quote == "This has poisoned the atmosphere."


def test_continued_quote_inherits_the_speaker():
    text = ('"The first step is to file a resolution," Chris Smith told VOA. '
            '"And even that\'s not enough."')
    a = attribution_of(text, "even that")
    assert (a.source, a.cue, a.type) == ("Chris Smith", "told", "direct")


def test_quote_continued_in_next_paragraph():
    text = ('"We will appeal," said Martin Feld, the defendant\'s lawyer. "The verdict ignores '
            'the evidence.\n\n"We are confident the appeals court will agree."')
    assert attribution_of(text, "appeals court").source == "Martin Feld"
    assert attribution_of(text, "verdict ignores").source == "Martin Feld"


def test_cue_before_the_quote():
    text = ('Asked whether a veto was possible, Luis Ortega said, "Nothing is off the table."\n\n'
            'Harold Nguyen told reporters: "Somebody is going to pay."')
    s = only(text, "off the table")
    assert (s.attribution.source, s.attribution.type, s.quote) == (
        "Luis Ortega", "direct", "Nothing is off the table.")
    a = attribution_of(text, "going to pay")
    assert (a.source, a.cue, a.type) == ("Harold Nguyen", "told", "direct")


def test_cue_after_the_quote_both_orders():
    text = '"Banks depend on honest numbers," Karen Osei said. "Nobody is above it," said Osei.'
    assert attribution_of(text, "honest numbers").source == "Karen Osei"
    assert attribution_of(text, "above it").source == "Karen Osei"


def test_interrupted_quote():
    text = '"We can talk about relief," Raymond Kell said, "but not about this cut."'
    s = only(text, "relief")
    assert (s.attribution.source, s.attribution.type) == ("Raymond Kell", "direct")


def test_according_to_after_and_before():
    text = ("Norvale has lost market share for three years, according to Morgan Hale, an analyst "
            "at Brightwater Securities.\n\nAccording to the Justice Department, it is the largest "
            "case in a decade.")
    a = attribution_of(text, "market share")
    assert (a.source, a.role, a.cue, a.type) == (
        "Morgan Hale", "an analyst at Brightwater Securities", "according to", "indirect")
    a = attribution_of(text, "largest case")
    assert (a.source, a.cue) == ("Justice Department", "according to")
    assert only(text, "largest case").quote == "it is the largest case in a decade."


def test_in_a_statement():
    text = ("Norvale Foods will close its Riverside plant.\n\nIn a statement, the company said the "
            "closure was part of a plan.\n\nIn a statement, Norvale called the ruling "
            '"deeply flawed."\n\n"We regret it," the company said in a statement.')
    assert attribution_of(text, "closure was part").source == "Norvale Foods"
    a = attribution_of(text, "deeply flawed")
    assert (a.source, a.cue, a.type) == ("Norvale Foods", "in a statement", "mixed")
    assert attribution_of(text, "We regret").source == "Norvale Foods"


def test_the_statement_said():
    text = ('In a statement, Western Ridge Electric said it disagreed with the report. "We grieve '
            'with every family," the statement said.')
    assert attribution_of(text, "We grieve").source == "Western Ridge Electric"


def test_question_with_she_asked():
    text = ("Riverside Mayor Carla Jennings said the plant employs 640 people.\n\n"
            '"What happens to the families who gave this company three decades?" she asked.')
    s = only(text, "What happens")
    assert (s.attribution.source, s.attribution.cue, s.attribution.type) == (
        "Carla Jennings", "asked", "direct")
    assert s.quote.endswith("three decades?")


@pytest.mark.parametrize("open_mark,close_mark", [('"', '"'), ("“", "”"), ('"', "”")])
def test_curly_straight_and_mixed_quotes(open_mark, close_mark):
    text = f"{open_mark}We hope they will stop,{close_mark} Liu Pengyu wrote in an email."
    s = only(text, "We hope")
    assert (s.attribution.source, s.attribution.cue, s.attribution.type) == (
        "Liu Pengyu", "wrote", "direct")
    assert s.quote == "We hope they will stop"


def test_told_the_press_that_is_indirect():
    text = "Wang Wenbin told the press in Beijing that Western countries interfere in its affairs."
    s = only(text, "Wang")
    assert (s.attribution.cue, s.attribution.type) == ("told", "indirect")
    assert s.quote == "Western countries interfere in its affairs."


def test_partial_quote_in_reported_clause_is_mixed():
    text = 'Liu Pengyu told VOA that Beijing has addressed "both the symptoms and root causes".'
    assert attribution_of(text, "symptoms").type == "mixed"


def test_author_statements_get_no_source():
    text = ("The bill passed 27-21. Gov. Elaine Porter has not said whether she will sign it. "
            "He did not say how much it would cost. The Senate passed it after a debate in which "
            "Democrats accused Republicans of cuts. Last week, 27 nations supported Beijing in a "
            "statement to the council.")
    for s in run(text):
        assert s.attribution == Attribution(None, None, None, "author"), s.quote


def test_definite_role_resolves_to_office_holder():
    text = ("U.S. District Judge Helen Marsh scheduled sentencing for Oct. 14. The judge denied "
            "bail, saying the defendant was a flight risk.")
    a = attribution_of(text, "flight risk")
    assert (a.source, a.cue) == ("Helen Marsh", "saying")


def test_checkworthiness_orders_claims_above_opinions():
    text = ("Measles cases tripled to 1,214 last year, the institute said. "
            "\"We hope families will listen,\" the minister said.")
    assert only(text, "tripled").checkworthiness >= THRESHOLD
    assert only(text, "We hope").checkworthiness < THRESHOLD
