"""The suggestion rules' cost grows linearly with the article.

Each case is a look-up that used to scan the whole history on every
sentence (a new name per sentence, "the company said" against a long list of
organisations): quadratic, 25 to 40 s at 4,000 sentences. Four times the
sentences may take at most about four times as long; a generous factor keeps
the test steady on a loaded machine while still failing on a square law.
"""
import time

import pytest

from annotate.suggestions.rules import analyse
from annotate.text.segment import normalize_text
from annotate.text.segment import segment

HEAD = "John Smith, chief executive of Acme Corp., spoke on Monday. Judge Mary Jones presided.\n\n"
CASES = {
    "new name each sentence": "Peter Parker{i} of Daily{i} Bugle said {i} reporters quit.",
    "the company": "The company said profits rose {i} percent.",
    "surname": '"We made {i} sales," Smith said.',
    "pronoun": "They said costs rose {i} percent.",
}


def seconds(pattern: str, n: int) -> float:
    """Best of two runs of analyse() on n sentences of the pattern, in CPU seconds of this process (wall time
    counts whatever else the machine runs, which made the test fail on a loaded machine)."""
    text = normalize_text(HEAD + "\n\n".join(pattern.format(i=i) for i in range(n)))
    units = segment(text)
    best = float("inf")
    for _ in range(2):
        t0 = time.process_time()
        analyse(text, units)
        best = min(best, time.process_time() - t0)
    return best


@pytest.mark.parametrize("case", sorted(CASES))
def test_cost_is_linear(case):
    small, large = seconds(CASES[case], 500), seconds(CASES[case], 2000)
    assert large < 8 * small + 0.2, (case, small, large)
    assert large < 4.0, (case, large)  # about 1 s per 1,000 sentences, with room for a busy machine


def test_a_capitalised_run_in_a_slot_costs_no_more_than_its_length():
    """A long run of capitals before a cue ("... PUNISHABLE BY LAW, said the publisher") was cut into words
    in exponentially many ways by the name-then-adjunct pattern: a page footer took ten minutes."""
    shout = "REPRINTING CONTENT WITHOUT PERMISSION AND PAYMENT IS THEFT AND PUNISHABLE BY LAW"
    text = normalize_text(f"The rules changed. {shout} IN BELIZE, the publisher warned on Monday.\n\n"
                          f"It said: “{shout} IN ALL MEDIA.”")
    t0 = time.process_time()
    analyse(text, segment(text))
    assert time.process_time() - t0 < 2.0
