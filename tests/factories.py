"""Small factories so tests read as what they check, not as setup."""
from annotate import accounts
from annotate import articles
from annotate import claims
from annotate.extensions import db
from annotate.models import Article
from annotate.models import Claim
from annotate.models import User

DEFAULT_TEXT = (
    "Officials said on Monday that 40 people were hurt. The mayor, Ana Ruiz, called it “a tragedy.”\n"
    "Police have not named a suspect."
)


def make_user(username: str = "rev", role: str = "reviewer", password: str = "password123") -> User:
    user, _ = accounts.create_user(username, role, password)
    db.session.commit()
    return user


def make_article(text: str = DEFAULT_TEXT, title: str = "Test article", user: User | None = None, **kwargs) -> Article:
    article = articles.create_article(text, user, title=title, **kwargs)
    db.session.commit()
    return article


def make_claim(article: Article, quote: str | None = None, sentence_index: int = 0, user: User | None = None,
               **fields) -> Claim:
    """A claim on the first occurrence of `quote` (or the whole sentence) in the given sentence."""
    sentence = article.sentences[sentence_index]
    if quote is None:
        claim = claims.mark_sentence(sentence, user)
    else:
        start = article.text.index(quote, sentence.start)
        claim = claims.mark_claim(sentence, start, start + len(quote), user, quote=quote)
    if fields:
        claims.update_claim(claim, fields, user, None)
    db.session.commit()
    return claim
