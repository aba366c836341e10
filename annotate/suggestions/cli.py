"""Command-line access to suggested claims: list one article's, backfill old articles, and the figures."""
import json

import click

from annotate.extensions import db
from annotate.models import MAX_INTEGER
from annotate.models import Article
from annotate.models import Suggestion
from annotate.suggestions import figures as suggestion_figures
from annotate.suggestions import operations as suggestion_ops
from annotate.text.segment import Unit


def article_or_fail(article_id: int) -> Article:
    article = db.session.get(Article, article_id) if 0 < article_id <= MAX_INTEGER else None
    if article is None:
        raise click.ClickException(f"No article with id {article_id}.")
    return article


def analysis_dicts(article: Article, min_score: float) -> list[dict]:
    """The rules' analysis of every body sentence scoring at least min_score, on the stored sentences;
    sentence_index is the stored sentence's index. Nothing is stored."""
    from annotate.suggestions import rules as suggestion_rules  # here: every CLI command would pay for loading them

    sentences = sorted(suggestion_ops.stored_sentences(article), key=lambda s: s.start)
    units = [Unit(s.start, s.end, s.kind, s.paragraph) for s in sentences]
    return [found.as_dict() | {"sentence_index": sentences[found.sentence_index].index}
            for found in suggestion_rules.analyse(article.text, units) if found.checkworthiness >= min_score]


@click.command("suggest")
@click.argument("article_id", type=int)
@click.option("--recompute", is_flag=True, help="Replace the open suggestions with fresh ones (decided ones stay).")
@click.option("--min-score", type=click.FloatRange(0, 1), default=None,
              help="Print the analysis (attribution and score) of every body sentence scoring at least this; "
                   "0 lists them all. Without it: the stored suggestions, those scoring 0.5 or more.")
def suggest_command(article_id: int, recompute: bool, min_score: float | None):
    """Print an article's suggested claims as a JSON list (computed and stored first when it has none)."""
    article = article_or_fail(article_id)
    if min_score is not None:
        click.echo(json.dumps(analysis_dicts(article, min_score), ensure_ascii=False, indent=2))
        return
    if recompute:
        suggestion_ops.recompute(article)
    else:
        suggestion_ops.ensure_suggestions(article)
    db.session.commit()
    click.echo(json.dumps(suggestion_ops.suggestion_dicts(article), ensure_ascii=False, indent=2))


@click.command("suggest-backfill")
def suggest_backfill_command():
    """Compute suggestions for every article that has none (articles added before suggestions existed)."""
    done = db.session.scalars(db.select(Suggestion.article_id).distinct()).all()
    articles = db.session.scalars(db.select(Article).where(Article.id.not_in(done)).order_by(Article.id)).all()
    total = sum(len(suggestion_ops.store_suggestions(article)) for article in articles)
    db.session.commit()
    click.echo(f"Suggested {total} claims in {len(articles)} articles.")


@click.command("suggest-stats")
@click.option("--article", "article_id", type=int, help="One article (default: all).")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def suggest_stats_command(article_id: int | None, as_json: bool):
    """How reviewers received the suggestions: open, accepted (and how many edited), rejected, settled by a claim
    marked there by hand, acceptance rate."""
    if article_id is not None:
        article_or_fail(article_id)
    figures = suggestion_figures.figures(article_id)
    if as_json:
        click.echo(json.dumps(figures.as_dict()))
        return
    rate = "n/a (nothing decided yet)" if figures.percent is None else f"{figures.percent}%"
    click.echo(f"Suggestions: {figures.total} · open {figures.open} · accepted {figures.accepted} "
               f"({figures.edited} edited first) · rejected {figures.rejected} · marked by hand {figures.superseded} "
               f"· acceptance rate {rate}")


COMMANDS = (suggest_command, suggest_backfill_command, suggest_stats_command)
