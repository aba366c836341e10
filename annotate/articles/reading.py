"""The article page's view model: sentences cut into pieces by the claims and suggestions that cover them."""
from dataclasses import dataclass
from dataclasses import field
from itertools import groupby

from sqlalchemy import select
from sqlalchemy.orm.attributes import set_committed_value

from annotate.extensions import db
from annotate.models import MAX_INTEGER
from annotate.models import Article
from annotate.models import Claim
from annotate.models import Sentence
from annotate.models import Suggestion
from annotate.suggestions import operations as suggestion_ops


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


def sentence_views(article: Article) -> list[SentenceView]:
    """All sentences of an article with their claims and open suggestions, in three queries."""
    sentences = db.session.scalars(
        select(Sentence).where(Sentence.article_id == article.id).order_by(Sentence.index)
    ).all()
    for sentence in sentences:  # every sentence reads its text from the article: hand it over, no lazy load
        set_committed_value(sentence, "article", article)
    claims = db.session.scalars(
        select(Claim).where(Claim.article_id == article.id).order_by(Claim.sentence_id, Claim.start, Claim.end)
    ).all()
    by_sentence = {key: list(group) for key, group in groupby(claims, key=lambda c: c.sentence_id)}
    suggested = suggestion_ops.open_by_sentence(sentences, suggestion_ops.open_suggestions(article))
    return [SentenceView(s, by_sentence.get(s.id, []), suggested.get(s.id, [])) for s in sentences]


def sentence_view(sentence: Sentence) -> SentenceView:
    """One sentence with its claims and open suggestions (after a change to it)."""
    claims = db.session.scalars(
        select(Claim).where(Claim.sentence_id == sentence.id).order_by(Claim.start, Claim.end)
    ).all()
    return SentenceView(sentence, list(claims), suggestion_ops.open_in_sentence(sentence))


def paragraphs(views: list[SentenceView]) -> list[list[SentenceView]]:
    """Group sentence views by paragraph, keeping reading order."""
    return [list(group) for _, group in groupby(views, key=lambda v: v.sentence.paragraph)]


def claim_to_open(article: Article, claim_id: int | None) -> Claim | None:
    """The claim whose panel the page opens with (?claim=ID): one of this article's claims, or none."""
    if claim_id is None or not 0 < claim_id <= MAX_INTEGER:
        return None
    claim = db.session.get(Claim, claim_id)
    return claim if claim is not None and claim.article_id == article.id else None
