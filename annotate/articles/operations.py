"""Articles: storing a text with its sentences, the sample article, and the list's figures."""
import unicodedata
from dataclasses import dataclass
from dataclasses import field
from datetime import date
from pathlib import Path

from flask import current_app
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from annotate.errors import InputError
from annotate.extensions import db
from annotate.models import Article
from annotate.models import ArticleFigures
from annotate.models import Claim
from annotate.models import Sentence
from annotate.models import User
from annotate.review import ratings
from annotate.suggestions import operations as suggestion_ops
from annotate.suggestions.figures import figures_row
from annotate.text.segment import normalize_text
from annotate.text.segment import segment
from annotate.text.urls import check_http_url

SEED_PATH = Path(__file__).parent / "data" / "seed-article.txt"


def has_visible_text(text: str) -> bool:
    """True when some character would show: not white space, not a format character such as U+200B."""
    return any(not ch.isspace() and unicodedata.category(ch) not in ("Cf", "Cc", "Zs") for ch in text)


def max_chars() -> int:
    """The article size limit in characters (configurable)."""
    return current_app.config["MAX_ARTICLE_CHARS"]


def title_from_text(text: str) -> str:
    """A fallback title: the first line that is not page chrome, cut to a sensible length."""
    units = segment(text)
    for unit in units:
        if unit.kind in ("heading", "body"):
            return text[unit.start : unit.end][:200]
    return "Untitled article"


def create_article(
    text: str, user: User | None, title: str = "", source_url: str = "", published: date | None = None
) -> Article:
    """Validate, normalise and segment a text into a new article (flushed, not committed)."""
    text = normalize_text(text or "")
    if not has_visible_text(text):
        raise InputError("The article text is empty (only spaces or invisible characters).", "text")
    if len(text) > max_chars():
        raise InputError(f"The article is too long: {len(text):,} characters; the limit is {max_chars():,}.", "text")
    source_url = (source_url or "").strip()
    if source_url:
        source_url = check_http_url(source_url, "source_url")
    title = (title or "").strip() or title_from_text(text)
    if len(title) > 300:
        raise InputError("The title is too long (300 characters at most).", "title")
    article = Article(title=title, text=text, source_url=source_url or None, published=published)
    article.created_by = article.updated_by = user
    for index, unit in enumerate(segment(text)):
        sentence = Sentence(index=index, start=unit.start, end=unit.end, kind=unit.kind, paragraph=unit.paragraph)
        sentence.created_by = sentence.updated_by = user
        article.sentences.append(sentence)
    db.session.add(article)
    db.session.flush()
    suggestion_ops.store_suggestions(article)
    return article


def load_seed_article(user: User | None = None) -> Article | None:
    """Load the sample article when the database has none, so a newcomer sees a real one."""
    if db.session.scalar(select(func.count(Article.id))):
        return None
    text = SEED_PATH.read_text(encoding="utf-8")
    title = "Uyghur Rights Groups Support Request to Debate China's Xinjiang Record"
    return create_article(text, user, title=title)


def same_text_as(article: Article) -> Article | None:
    """An earlier article with exactly this text (the same story added twice), if any: one query."""
    query = select(Article).where(Article.text == article.text, Article.id != article.id).order_by(Article.id)
    return db.session.scalars(query.limit(1)).first()


def added_message(article: Article) -> str:
    """What the reader is told after adding an article: the sentences to check, as the progress bar counts them
    (body sentences), the other units (headings, captions, boilerplate) apart."""
    body = sum(1 for s in article.sentences if s.kind == "body")
    others = len(article.sentences) - body
    more = f" (and {others} heading{'s' if others != 1 else ''}, captions or page chrome)" if others else ""
    return f"Added “{article.title}” with {body} sentence{'s' if body != 1 else ''} to check{more}."


@dataclass
class ArticleSummary:
    """One row of the article list: progress and claim counts by status chip (decided rating, else state)."""

    article: Article
    body_total: int = 0
    body_checked: int = 0
    status_counts: dict[str, int] = field(default_factory=dict)

    @property
    def claim_total(self) -> int:
        return sum(self.status_counts.values())

    @property
    def percent(self) -> int:
        return round(100 * self.body_checked / self.body_total) if self.body_total else 0


def checked_condition():
    """A sentence counts as checked once it holds a claim or was marked 'no claim' (what the figures the database keeps
    count, written as a query: the recount the tests hold them to)."""
    has_claim = select(Claim.id).where(Claim.sentence_id == Sentence.id).exists()
    return Sentence.no_claim | has_claim


def article_summaries(status: str | None = None) -> list[ArticleSummary]:
    """Every article with its figures, in three queries whatever the number of articles; with a status, only
    the articles holding a claim showing that chip (a workflow state, or a decided rating)."""
    if status and status not in ratings.labels():
        raise InputError("Unknown status filter.", "status")
    newest_first = select(Article).order_by(Article.created_at.desc(), Article.id.desc())
    articles = db.session.scalars(newest_first.options(selectinload(Article.created_by))).all()  # shown per row
    rows = {a.id: ArticleSummary(a) for a in articles}
    progress = select(ArticleFigures.article_id, ArticleFigures.body_sentences, ArticleFigures.checked_sentences)
    for article_id, total, checked in db.session.execute(progress):  # kept by the database: a row an article
        if article_id in rows:
            rows[article_id].body_total, rows[article_id].body_checked = total, checked
    chip = func.coalesce(Claim.rating, Claim.workflow_state)  # ratings.chip, in SQL
    counts = select(Claim.article_id, chip, func.count(Claim.id)).group_by(Claim.article_id, chip)
    for article_id, claim_status, count in db.session.execute(counts):
        if article_id in rows:
            rows[article_id].status_counts[claim_status] = count
    summaries = list(rows.values())
    if status:
        summaries = [s for s in summaries if s.status_counts.get(status)]
    return summaries


def statuses_in_use() -> set[str]:
    """The status chips some claim shows, so the list offers only filters that match something."""
    return set(db.session.scalars(select(func.coalesce(Claim.rating, Claim.workflow_state)).distinct()))


def progress_from(article: Article, figures: ArticleFigures | None) -> ArticleSummary:
    """The progress of one article from its figures row, which the database keeps as sentences and claims change."""
    if figures is None:
        return ArticleSummary(article)
    return ArticleSummary(article, figures.body_sentences, figures.checked_sentences)


def article_progress(article: Article) -> ArticleSummary:
    """The progress of one article, read afresh (after a change, a write of this session may have moved it): one
    row by its key, whatever the article's length."""
    return progress_from(article, figures_row(article.id))
