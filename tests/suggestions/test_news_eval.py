"""The suggestion rules measured on the hand-labelled news set (tests/data/news).

The held-out articles were labelled before the rules were changed for them and
are never tuned on; these floors are the figures reached when this test was
last updated (bench/eval_suggestions.py prints them), so any regression on
published news copy fails here. The development articles have floors too, so
that a change made for one article cannot quietly undo others.
"""
import importlib.util
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent.parent / "bench" / "eval_suggestions.py"


@pytest.fixture(scope="module")
def news():
    """bench/eval_suggestions.py, loaded as a module."""
    spec = importlib.util.spec_from_file_location("eval_suggestions", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


FLOORS = {
    "heldout": {"source_acc": 0.741, "type_acc": 0.838, "cw_precision": 0.766, "cw_recall": 0.769,
                "boundary_f1": 0.995},
    "dev": {"source_acc": 0.936, "type_acc": 0.944, "cw_precision": 0.786, "cw_recall": 0.779,
            "boundary_f1": 0.996},
}
# Held-out grew from 13 to 23 articles (4 + 4 + 2 drawn at random from three
# later batches, labelled before any rule was run on them), then to 27 (4 of a
# batch of 13 drawn with random.Random(15)), so its floors were set again at
# what the rules reach on it. On the 80 articles the rules reach source 0.761,
# type 0.846 (0.731 / 0.816 before the round of rule work that followed the
# last batch), author statements given a source 11 of 358 (0.031, under the
# 0.05 target). The last batch alone moved held-out check-worthiness to
# 0.759 / 0.775 and boundary F1 to 0.998 (datelines labelled inside their first
# sentence); those floors follow the measurement. A batch of 11 more (4 drawn
# into held-out with random.Random(16)) moved them again before any rule was
# run on it: held-out source 0.761 -> 0.739, type 0.846 -> 0.835, author
# 0.031 -> 0.029, check-worthiness 0.771 / 0.786, chrome 26 in all; dev
# source 0.942 -> 0.931, type 0.950 -> 0.941, chrome 6 -> 10, boundary F1
# 0.999 -> 0.996. The rule work after it moved dev only (source 0.936, type
# 0.943, chrome 6, boundary F1 0.997); held-out stayed where the batch left
# it. The held-out misses are never read. A further round written from general
# conventions of news copy (single quotation marks, datelines, titles, court and
# police copy, documents, chrome) and dev misses took dev to source 0.938, type
# 0.944, chrome 5; held-out moved by one sentence each (source 0.741, type 0.837).
# A batch of 12 more (4 drawn into held-out with random.Random(17), 8 dev) was
# labelled and committed before any rule was run on it; on its 8 dev articles
# the rules reached source 0.640, type 0.895 (the held-out pattern: type right,
# source wrong), and dev fell to source 0.916, type 0.941, chrome 20. The round
# that followed took dev to source 0.937, type 0.944, chrome 5 (the new dev
# articles to 0.907 / 0.930). Held-out, run once at the end on its 35 articles:
# source 0.744, type 0.839, author 0.023, check-worthiness 0.768 / 0.772,
# chrome 28 in all, boundary F1 0.996; the floors are set just under those
# printed figures. The next change ("As X pointed out, ...", "But as X noted,
# ...", a clause opened by "as" before the subject), chosen on dev and on
# PolNeAR's training articles (recall 0.926 -> 0.928, 12 more of 7,630, no new
# false report), left dev as it was and moved held-out by about a sentence
# each way: source 0.744 -> 0.742, type 0.839 -> 0.840, check-worthiness
# 0.768 / 0.772 -> 0.767 / 0.770. The floors follow; the misses are not read.
CEILINGS = {
    "heldout": {"author_with_source": 0.024, "chrome_as_body_total": 28},
    "dev": {"author_with_source": 0.013, "chrome_as_body_total": 5},
}


@pytest.mark.parametrize("split", ["heldout", "dev"])
def test_news_figures_do_not_regress(news, split):
    figures = news.evaluate(split).figures()
    print(split, {k: round(v, 3) for k, v in figures.items()})
    for name, floor in FLOORS[split].items():
        assert figures[name] >= floor, (name, figures[name], floor)
    for name, ceiling in CEILINGS[split].items():
        assert figures[name] <= ceiling, (name, figures[name], ceiling)


def test_every_label_matches_its_text(news):
    """Offsets in the label files still point at the sentences they label."""
    for article in news.articles():
        text, rows = news.load(article["id"])
        assert rows and all(text[r["start"]:r["end"]] == r["text"] for r in rows)


def test_held_out_is_at_least_a_third_of_the_articles(news):
    held_out = news.articles("heldout")
    assert 3 * len(held_out) >= len(news.articles())
