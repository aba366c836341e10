"""The check-worthiness cues and their weights (annotate/suggestions/rules/checkworthiness.py)."""
from annotate.suggestions.rules import checkworthiness


def test_every_cue_has_a_weight_and_every_weight_a_cue():
    cues = {name for name, _ in checkworthiness.FACTS + checkworthiness.OPINIONS}
    others = {"attributed", "cue_evidence", "cue_stance", "direct", "mixed", "indirect", "author", "short"}
    assert set(checkworthiness.WEIGHTS) == cues | others


def test_a_figure_halves_the_opinion_cues_and_keeps_a_quotation_checkable():
    plain = checkworthiness.features("We think the plan is good", True, "direct")
    anchored = checkworthiness.features("We think the plan cost $2 billion", True, "direct")
    assert plain["wish"] == 1.0 and anchored["wish"] == 0.5
    assert "direct" in plain and "direct" not in anchored


def test_score_is_the_weighted_cues_squashed():
    claim = "Police arrested 12 people on Tuesday."
    total = checkworthiness.BIAS + sum(checkworthiness.WEIGHTS[n] * v
                                       for n, v in checkworthiness.features(claim).items())
    assert abs(checkworthiness.score(claim) - 1 / (1 + 2.718281828 ** (-2 * total))) < 0.001
    assert checkworthiness.score(claim) > 0.5 > checkworthiness.score("We hope it will be better?")


def test_a_finding_outweighs_a_forecast_of_the_same_words():
    claim = "prices rose in the spring"
    assert checkworthiness.score(claim, True, "indirect", "according to") \
        > checkworthiness.score(claim, True, "indirect", "said") \
        > checkworthiness.score(claim, True, "indirect", "predicted")
