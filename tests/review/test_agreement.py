"""Agreement figures checked against published worked examples.

- Krippendorff, K. (2011). "Computing Krippendorff's Alpha-Reliability". Annenberg School for Communication,
  University of Pennsylvania. Section C: 4 observers, 12 units, nominal values with missing data, alpha = 0.743.
  Section A: 2 observers, 10 units, binary data, alpha = 0.095. Section B: 2 observers, 12 units, nominal, 0.692.
- Cohen's kappa: the worked examples of the Wikipedia article "Cohen's kappa": 50 applications read by two
  readers (20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no) give kappa = 0.4; the two tables with the same 60 %
  agreement give 0.1304 and 0.2593.
"""
import pytest

from annotate.review import agreement
from annotate.review import workflow
from annotate.extensions import db
from tests.factories import claim_on_article
from tests.factories import make_claim
from tests.factories import make_team

MISSING = "."


def units_from_rows(*rows: str) -> list[list[str]]:
    """Observers as rows, units as columns, '.' for a missing value."""
    table = [row.split() for row in rows]
    return [[r[i] for r in table if r[i] != MISSING] for i in range(len(table[0]))]


def test_krippendorff_2011_nominal_with_missing_data():
    units = units_from_rows("1 2 3 3 2 1 4 1 2 . . .",
                            "1 2 3 3 2 2 4 1 2 5 . 3",
                            ". 3 3 3 2 3 4 2 2 5 1 .",
                            "1 2 3 3 2 4 4 1 2 5 1 .")
    assert agreement.krippendorff_alpha_nominal(units) == pytest.approx(0.743, abs=0.0005)


def test_krippendorff_2011_binary_two_observers():
    units = units_from_rows("0 1 0 0 0 0 0 0 1 0",
                            "1 1 1 0 0 1 0 0 0 0")
    assert agreement.krippendorff_alpha_nominal(units) == pytest.approx(0.095, abs=0.0005)


def test_krippendorff_2011_nominal_two_observers():
    units = units_from_rows("a a b b d c c c e d d a",
                            "b a b b b c c c e d d d")
    assert agreement.krippendorff_alpha_nominal(units) == pytest.approx(0.692, abs=0.0005)


def test_alpha_is_undefined_without_variation_and_ignores_lonely_values():
    assert agreement.krippendorff_alpha_nominal([["a", "a"], ["a", "a"]]) is None
    assert agreement.krippendorff_alpha_nominal([["a"], ["b"]]) is None
    assert agreement.krippendorff_alpha_nominal([["a", "a"], ["b", "b"], ["c"]]) == pytest.approx(1.0)


def two_by_two(yes_yes, yes_no, no_yes, no_no):
    first = ["yes"] * (yes_yes + yes_no) + ["no"] * (no_yes + no_no)
    second = ["yes"] * yes_yes + ["no"] * yes_no + ["yes"] * no_yes + ["no"] * no_no
    return first, second


@pytest.mark.parametrize("table, kappa, percent", [((20, 5, 10, 15), 0.4, 0.70),
                                                   ((45, 15, 25, 15), 0.1304, 0.60),
                                                   ((25, 35, 5, 35), 0.2593, 0.60)])
def test_cohen_kappa_wikipedia_examples(table, kappa, percent):
    first, second = two_by_two(*table)
    assert agreement.cohen_kappa(first, second) == pytest.approx(kappa, abs=0.00005)
    assert agreement.percent_agreement(list(zip(first, second))) == pytest.approx(percent)


def test_kappa_edge_cases():
    assert agreement.cohen_kappa([], []) is None
    assert agreement.cohen_kappa(["a", "a"], ["a", "a"]) is None
    assert agreement.cohen_kappa(["a", "b"], ["a", "b"]) == pytest.approx(1.0)
    with pytest.raises(ValueError):
        agreement.cohen_kappa(["a"], [])
    assert agreement.percent_agreement([]) is None


def test_article_agreement_from_verdicts_uses_agreement_groups(app):
    team = make_team()
    claim = claim_on_article()
    second = make_claim(claim.article, "Police have not named a suspect.", sentence_index=2)
    third = make_claim(claim.article, "The mayor", sentence_index=1)
    ann, bob, ed = team["ann"], team["bob"], team["ed"]
    workflow.give_verdict(claim, ann, "supported")
    workflow.give_verdict(claim, bob, "mostly_supported")  # same group: agrees
    workflow.give_verdict(second, ann, "refuted")
    workflow.give_verdict(second, bob, "misleading")
    workflow.give_verdict(second, ed, "refuted")
    workflow.give_verdict(third, ann, "mixed")
    db.session.commit()
    report = agreement.article_agreement(claim.article)
    assert [u.username for u in report.reviewers] == ["ann", "bob", "ed"]
    assert report.rated_claims == 3
    assert report.percent == pytest.approx(2 / 4)  # 4 pairs: (ann,bob) x2, (ann,ed), (bob,ed)
    assert [c.id for c in report.disagreements] == [second.id]
    pairs = {(p.first.username, p.second.username): p for p in report.pairs}
    assert pairs[("ann", "bob")].common == 2 and pairs[("ann", "bob")].percent == 0.5
    assert pairs[("ann", "ed")].percent == 1.0 and pairs[("ann", "ed")].kappa is None
    assert [c.id for c in pairs[("ann", "bob")].disagreements] == [second.id]
    units = [["supported", "supported"], ["refuted", "misleading", "refuted"], ["mixed"]]
    assert report.alpha == pytest.approx(agreement.krippendorff_alpha_nominal(units))
