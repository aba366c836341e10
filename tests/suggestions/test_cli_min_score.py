"""flask suggest ID --min-score S: every body sentence's analysis, not only the stored suggestions."""
import json

from annotate.extensions import db
from annotate.models import Article
from tests.factories import make_article
from tests.suggestions.test_suggestions import BRIDGE


def analysis(runner, article_id: int, score: str) -> list[dict]:
    result = runner.invoke(args=["suggest", str(article_id), "--min-score", score])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_min_score_zero_lists_every_body_sentence_with_its_attribution(runner, user):
    article = make_article(BRIDGE, user=user)
    items = analysis(runner, article.id, "0")
    sentences = {s.index: s for s in db.session.get(Article, article.id).sentences}
    assert [i["sentence_index"] for i in items] == sorted(i for i, s in sentences.items() if s.kind == "body")
    for item in items:
        sentence = sentences[item["sentence_index"]]
        assert sentence.start <= item["start"] < item["end"] <= sentence.end
        assert item["quote"] == article.text[item["start"]:item["end"]]
        assert set(item["attribution"]) == {"source", "role", "cue", "type"}


def test_min_score_filters_and_half_matches_the_stored_suggestions(runner, user):
    article = make_article(BRIDGE, user=user)
    everything = analysis(runner, article.id, "0")
    half = analysis(runner, article.id, "0.5")
    assert half == [i for i in everything if i["checkworthiness"] >= 0.5]
    stored = json.loads(runner.invoke(args=["suggest", str(article.id)]).output)
    assert [(i["start"], i["end"]) for i in half] == [(i["start"], i["end"]) for i in stored]
    assert all(i["checkworthiness"] >= 0.9 for i in analysis(runner, article.id, "0.9"))


def test_min_score_outside_zero_to_one_is_refused(runner, user):
    article = make_article(BRIDGE, user=user)
    result = runner.invoke(args=["suggest", str(article.id), "--min-score", "2"])
    assert result.exit_code != 0 and "2" in result.output
