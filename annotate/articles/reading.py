"""The article page's view model: a window of sentences cut into pieces by the claims and suggestions that cover them.

The page renders one window (the first screenful, or the part around the sentence asked for) and the reader's
browser asks for the next window as it scrolls; every query here is bounded by the window, not by the article.
"""
from dataclasses import dataclass
from dataclasses import field
from itertools import groupby

from sqlalchemy import bindparam
from sqlalchemy import inspect
from sqlalchemy import select
from sqlalchemy.orm.attributes import set_committed_value

from annotate.extensions import db
from annotate.models import MAX_INTEGER
from annotate.models import Article
from annotate.models import Claim
from annotate.models import Sentence
from annotate.models import Suggestion
from annotate.review import ratings
from annotate.suggestions import operations as suggestion_ops

WINDOW = 40  # sentences per window: a few screenfuls on a laptop, about 16 KB of markup


@dataclass
class Piece:
    """A run of sentence text covered by the same set of claims and of open suggestions."""

    text: str
    claims: list[Claim]
    suggestions: list[Suggestion] = field(default_factory=list)

    @property
    def top(self) -> Claim | None:
        """The innermost (shortest) claim colours the piece and opens on click."""
        return min(self.claims, key=lambda c: (c.end - c.start, -c.start)) if self.claims else None


@dataclass
class SentenceView:
    sentence: Sentence
    claims: list[Claim] = field(default_factory=list)
    suggestions: list[Suggestion] = field(default_factory=list)  # open ones starting in this sentence

    @property
    def checked(self) -> bool:
        return bool(self.claims) or self.sentence.no_claim

    @property
    def pieces(self) -> list[Piece]:
        return pieces_of(self.sentence, self.claims, self.suggestions)

    def row(self) -> tuple[str, int, int, list[tuple]]:
        """What a sentence row draws: (its classes, the sentence's id and index, and per piece (text, status chip,
        depth, claim id, suggestion id)). Tuples the row template unpacks: a window draws forty rows, and the
        attribute lookups the template made through the view, the sentence and each piece were a tenth of a page."""
        s = self.sentence
        classes = "sentence" + (f" kind-{s.kind}" if s.kind != "body" else "") \
            + (" is-checked" if self.checked else "") + (" is-no-claim" if s.no_claim else "") \
            + (" has-sg" if self.suggestions else "")
        parts = []
        for piece in self.pieces:
            if piece.claims:
                top = piece.top
                parts.append((piece.text, ratings.chip(top), min(len(piece.claims), 3), top.id, None))
            else:
                parts.append((piece.text, None, 0, None, piece.suggestions[0].id if piece.suggestions else None))
        return classes, s.id, s.index, parts


@dataclass
class Window:
    """Sentences [first, stop) of an article, grouped by paragraph, and whether there is more on either side."""

    article: Article
    views: list[SentenceView]
    first: int
    stop: int
    more_after: bool
    continues_paragraph: bool  # the first sentence's paragraph began before the window

    @property
    def more_before(self) -> bool:
        return self.first > 0

    @property
    def paragraphs(self) -> list[list[SentenceView]]:
        return paragraphs(self.views)


def pieces_of(sentence: Sentence, claims: list[Claim], suggestions: list[Suggestion] = ()) -> list[Piece]:
    """Cut the sentence at every claim boundary, so overlapping claims both show, and at suggestion boundaries
    outside claims: a claim's highlight stays one piece and wins over a suggestion's underline."""
    text = sentence.article.text
    cuts = {sentence.start, sentence.end}
    for claim in claims:
        cuts.update((claim.start, claim.end))
    for suggestion in suggestions:
        cuts.update(p for p in (suggestion.start, suggestion.end) if not any(c.start < p < c.end for c in claims))
    points = sorted(p for p in cuts if sentence.start <= p <= sentence.end)
    pieces = []
    for start, end in zip(points, points[1:]):
        covering = [c for c in claims if c.start <= start and end <= c.end]
        suggested = [] if covering else [s for s in suggestions if s.start <= start and end <= s.end]
        pieces.append(Piece(text[start:end], covering, suggested))
    return pieces


def claims_of(sentences: list[Sentence]) -> dict[int, list[Claim]]:
    """The claims of each sentence, in text order: one query for the sentences whose claims are not loaded yet
    (a change to a sentence has loaded them already), which then keep them."""
    missing = [s for s in sentences if "claims" in inspect(s).unloaded]
    if missing:
        rows = db.session.scalars(_CLAIMS_OF, {"ids": [s.id for s in missing]}).all()
        grouped = {key: list(group) for key, group in groupby(rows, key=lambda c: c.sentence_id)}
        for sentence in missing:
            set_committed_value(sentence, "claims", grouped.get(sentence.id, []))
    return {s.id: sorted(s.claims, key=lambda c: (c.start, c.end)) for s in sentences}


def views_of(article: Article | None, sentences: list[Sentence]) -> list[SentenceView]:
    """These sentences with their claims and open suggestions: at most two queries, bounded by the sentences given.
    With the article, every sentence reads its text from it (no lazy load each)."""
    if not sentences:
        return []
    if article is not None:
        for sentence in sentences:
            set_committed_value(sentence, "article", article)
    by_sentence = claims_of(sentences)
    suggested = suggestion_ops.open_by_sentence(sentences, suggestion_ops.open_between(
        sentences[0].article_id, sentences[0].start, sentences[-1].end))
    return [SentenceView(s, by_sentence[s.id], suggested.get(s.id, [])) for s in sentences]


def light_views(sentences: list[Sentence]) -> list[SentenceView]:
    """What the rows of a window show of each sentence's claims (span, and the workflow state and decided rating
    that make its status chip) and open suggestions (id, span), as plain rows in two queries: a window renders a
    hundred of them and needs nothing else of either."""
    if not sentences:
        return []
    claims = db.session.execute(_CLAIM_ROWS, {"ids": [s.id for s in sentences]}).all()
    by_sentence = {key: list(group) for key, group in groupby(claims, key=lambda c: c.sentence_id)}
    suggested = db.session.execute(_SUGGESTION_ROWS, {"article_id": sentences[0].article_id,
                                                      "start": sentences[0].start, "end": sentences[-1].end}).all()
    finder = suggestion_ops.SentenceFinder(sentences)
    underlined: dict[int, list] = {}
    for suggestion in suggested:
        holder = finder.at(suggestion.start)
        if holder is not None:
            underlined.setdefault(holder.id, []).append(suggestion)
    return [SentenceView(s, by_sentence.get(s.id, []), underlined.get(s.id, [])) for s in sentences]


def window(article: Article, first: int, stop: int) -> Window:
    """Sentences [first, stop) by index, in three queries whatever the article's length."""
    first = max(0, first)
    rows = db.session.scalars(_WINDOW_ROWS, {"article_id": article.id, "low": first - 1, "high": stop}).all()
    before = [s for s in rows if s.index < first]
    inside = [s for s in rows if first <= s.index < stop]
    more_after = any(s.index >= stop for s in rows)
    continues = bool(before and inside and before[0].paragraph == inside[0].paragraph)
    stop = inside[-1].index + 1 if inside else first
    for sentence in inside:  # every row reads its text from the article: hand it over, no lazy load each
        set_committed_value(sentence, "article", article)
    return Window(article, light_views(inside), first, stop, more_after, continues)


# Built once: every page and every window runs them, and building a statement (and its cache key) cost about a third
# of running it.
_WINDOW_ROWS = (select(Sentence).where(Sentence.article_id == bindparam("article_id"),
                                       Sentence.index >= bindparam("low"), Sentence.index <= bindparam("high"))
                .order_by(Sentence.index))
_CLAIMS_OF = (select(Claim).where(Claim.sentence_id.in_(bindparam("ids", expanding=True)))
              .order_by(Claim.sentence_id, Claim.start, Claim.end))
_CLAIM_ROWS = (select(Claim.id, Claim.sentence_id, Claim.start, Claim.end, Claim.workflow_state, Claim.rating)
               .where(Claim.sentence_id.in_(bindparam("ids", expanding=True)))
               .order_by(Claim.sentence_id, Claim.start, Claim.end))
_SUGGESTION_ROWS = (select(Suggestion.id, Suggestion.start, Suggestion.end)
                    .where(Suggestion.article_id == bindparam("article_id"), Suggestion.state == "open",
                           Suggestion.start >= bindparam("start"), Suggestion.start < bindparam("end"))
                    .order_by(Suggestion.start, Suggestion.end))


def window_around(article: Article, index: int, size: int = WINDOW) -> Window:
    """A window holding sentence `index`, a few sentences of context above it."""
    first = max(0, index - size // 4)
    return window(article, first, first + size)


def sentence_view(sentence: Sentence) -> SentenceView:
    """One sentence with its claims and open suggestions (after a change to it, or for its toolbar)."""
    return views_of(None, [sentence])[0]


def sentence_views(article: Article) -> list[SentenceView]:
    """Every sentence of an article (the CLI and the tests; the page reads windows)."""
    sentences = db.session.scalars(
        select(Sentence).where(Sentence.article_id == article.id).order_by(Sentence.index)
    ).all()
    return views_of(article, list(sentences))


def paragraphs(views: list[SentenceView]) -> list[list[SentenceView]]:
    """Group sentence views by paragraph, keeping reading order."""
    return [list(group) for _, group in groupby(views, key=lambda v: v.sentence.paragraph)]


def claim_to_open(article: Article, claim_id: int | None) -> Claim | None:
    """The claim whose panel the page opens with (?claim=ID): one of this article's claims, or none."""
    if claim_id is None or not 0 < claim_id <= MAX_INTEGER:
        return None
    claim = db.session.get(Claim, claim_id)
    return claim if claim is not None and claim.article_id == article.id else None


def next_unchecked(article: Article, after: int) -> Sentence | None:
    """The first body sentence after index `after` that holds no claim and is not marked 'no claim' (reads forward
    from `after` on the (article_id, index) key and stops at the first)."""
    has_claim = select(Claim.id).where(Claim.sentence_id == Sentence.id).exists()
    return db.session.scalar(select(Sentence).where(
        Sentence.article_id == article.id, Sentence.index > after, Sentence.kind == "body",
        Sentence.no_claim.is_(False), ~has_claim).order_by(Sentence.index).limit(1))


def sentence_of(article: Article, sentence_id: int | None) -> Sentence | None:
    """One of this article's sentences by id (a link to #s-ID), or none."""
    if sentence_id is None or not 0 < sentence_id <= MAX_INTEGER:
        return None
    sentence = db.session.get(Sentence, sentence_id)
    return sentence if sentence is not None and sentence.article_id == article.id else None
