"""Suggested claims from the command line (suggest, suggest-backfill, suggest-stats) and the page's query count."""
import json
from pathlib import Path

import pytest

from annotate.suggestions import operations as suggestion_ops
from annotate.extensions import db
from annotate.models import Article
from annotate.models import Suggestion
from annotate.text.segment import normalize_text
from tests.conftest import HX
from tests.factories import make_article
from tests.test_queries import fresh_request_context
from tests.test_queries import queries_for
from tests.suggestions.test_suggestions import BRIDGE
from tests.suggestions.test_suggestions import suggestions_of

DATA = Path(__file__).parent.parent / "data"
ARTICLES = sorted([*DATA.glob("articles/*.txt"), *DATA.glob("gold/*.txt"), DATA / "client" / "emoji_vote.txt",
                   DATA / "client" / "curly_quotes.txt"])
KEYS = {"sentence_index", "start", "end", "quote", "checkworthiness", "attribution", "id", "state"}


def suggest_json(runner, article_id: int, *options: str) -> list[dict]:
    result = runner.invoke(args=["suggest", str(article_id), *options])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def check_items(article: Article, items: list[dict]) -> None:
    """Every item is an exact slice of the article, on the stored sentence holding its start."""
    db.session.expire_all()
    sentences = {s.index: s for s in db.session.get(Article, article.id).sentences}
    for item in items:
        assert set(item) == KEYS
        assert item["quote"] == article.text[item["start"] : item["end"]] and item["quote"].strip()
        sentence = sentences[item["sentence_index"]]
        assert sentence.start <= item["start"] < sentence.end
        assert 0 <= item["checkworthiness"] <= 1
        assert set(item["attribution"]) == {"source", "role", "cue", "type"}
        assert item["attribution"]["type"] in ("direct", "indirect", "mixed", "author")
        assert (item["attribution"]["source"] is None) == (item["attribution"]["type"] == "author")


def test_suggest_prints_the_stored_suggestions_as_json(runner, user):
    article = make_article(BRIDGE, user=user)
    items = suggest_json(runner, article.id)
    check_items(article, items)
    assert [i["attribution"]["source"] for i in items] == [None, "Maria Lopez", "Maria Lopez"]
    assert items[1]["attribution"] == {"source": "Maria Lopez", "role": "the city's chief engineer", "cue": "said",
                                       "type": "direct"}
    assert [i["sentence_index"] for i in items] == [1, 2, 3]
    assert {i["state"] for i in items} == {"open"}


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name)
def test_every_item_is_an_exact_slice_on_real_articles(runner, user, path):
    article = make_article(path.read_text(encoding="utf-8"), title=path.stem, user=user)
    items = suggest_json(runner, article.id)
    assert items, path
    check_items(article, items)
    assert article.text == normalize_text(article.text)


@pytest.mark.parametrize("argument, message", [("999999", "No article with id 999999."),
                                               (str(2**70), f"No article with id {2**70}."),
                                               ("0", "No article with id 0.")])
def test_suggest_for_an_unknown_article_fails_clearly(runner, app, argument, message):
    result = runner.invoke(args=["suggest", argument])
    assert result.exit_code != 0
    assert message in result.output


def test_suggest_needs_a_number(runner, app):
    result = runner.invoke(args=["suggest", "seven"])
    assert result.exit_code == 2 and "is not a valid integer" in result.output


def test_suggest_computes_for_an_article_that_has_none(runner, user):
    article = make_article(BRIDGE, user=user)
    db.session.execute(db.delete(Suggestion))
    db.session.commit()
    assert len(suggest_json(runner, article.id)) == 3
    assert len(suggestions_of(article.id)) == 3


def test_suggest_recompute_keeps_decided_suggestions(runner, user):
    article = make_article(BRIDGE, user=user)
    first = suggestions_of(article.id)[1]
    suggestion_ops.accept(first, user)
    db.session.commit()
    items = suggest_json(runner, article.id, "--recompute")
    assert [i["state"] for i in items] == ["open", "accepted", "open"]
    assert items[1]["id"] == first.id


def test_backfill_computes_only_for_articles_without_suggestions(runner, user):
    done = make_article(BRIDGE, title="Done", user=user)
    old = make_article(BRIDGE, title="Old", user=user)
    db.session.execute(db.delete(Suggestion).where(Suggestion.article_id == old.id))
    db.session.commit()
    result = runner.invoke(args=["suggest-backfill"])
    assert result.exit_code == 0 and "Suggested 3 claims in 1 articles." in result.output
    assert len(suggestions_of(done.id)) == len(suggestions_of(old.id)) == 3


def test_suggest_stats(runner, user):
    article = make_article(BRIDGE, user=user)
    council, lopez, later = suggestions_of(article.id)
    suggestion_ops.accept(lopez, user)
    suggestion_ops.reject(later, user)
    db.session.commit()
    result = runner.invoke(args=["suggest-stats"])
    assert result.exit_code == 0
    assert ("Suggestions: 3 · open 1 · accepted 1 (0 edited first) · rejected 1 · marked by hand 0 · acceptance rate "
            "50%") in result.output
    figures = json.loads(runner.invoke(args=["suggest-stats", "--article", str(article.id), "--json"]).output)
    assert figures == {"open": 1, "accepted": 1, "rejected": 1, "superseded": 0, "edited": 0, "total": 3,
                       "acceptance_rate": 0.5}
    missing = runner.invoke(args=["suggest-stats", "--article", "4242"])
    assert missing.exit_code != 0 and "No article with id 4242." in missing.output


def test_import_article_from_the_command_line_stores_suggestions(runner, app, tmp_path):
    path = tmp_path / "bridge.txt"
    path.write_text(BRIDGE, encoding="utf-8")
    result = runner.invoke(args=["import-article", str(path)])
    assert result.exit_code == 0, result.output
    article_id = int(result.output.strip().splitlines()[-1])
    assert len(suggestions_of(article_id)) == 3


# ---------------------------------------------------------------- the page's queries

def quoted_article(sentence_count: int, user) -> Article:
    """An article where every sentence is an attributed, checkable quotation (so every one is suggested)."""
    lines = []
    for p in range(0, sentence_count, 5):
        lines.append(" ".join(f"\u201cPrices rose {n} percent in {1990 + n},\u201d said Ann Lee{n}, an analyst."
                              for n in range(p, min(p + 5, sentence_count))))
    article = make_article("\n".join(lines), title=f"{sentence_count} quotes", user=user)
    assert len(article.sentences) == sentence_count
    return article


def test_the_article_page_makes_no_query_per_suggestion(logged_in, user):
    small, large = quoted_article(10, user), quoted_article(100, user)
    for article in (small, large):
        rows = suggestions_of(article.id)
        assert len(rows) == len(article.sentences)
        for n, row in enumerate(rows[:6]):
            (suggestion_ops.accept if n % 2 else suggestion_ops.reject)(row, user)
    db.session.commit()
    counts = [queries_for(logged_in, f"/articles/{a.id}") for a in (small, large)]
    assert counts[0] == counts[1]
    assert counts[1] <= 10  # the bound of the page without suggestions (tests/test_queries.py)


def test_a_decision_is_bounded_whatever_the_article_size(logged_in, user):
    counts = []
    for size in (10, 100):
        article = quoted_article(size, user)
        last = suggestions_of(article.id)[-1]
        with fresh_request_context() as statements:
            assert logged_in.post(f"/suggestions/{last.id}/accept", headers=HX).status_code == 200
        counts.append(len(statements))
    assert counts[0] == counts[1]
