"""Small factories so tests read as what they check, not as setup."""
import re

from annotate.accounts import operations as accounts_operations
from annotate.articles import operations as articles_operations
from annotate.claims import operations as claims_operations
from annotate.interchange import schema
from annotate.extensions import db
from annotate.models import Article
from annotate.models import Claim
from annotate.models import User

DEFAULT_TEXT = (
    "Officials said on Monday that 40 people were hurt. The mayor, Ana Ruiz, called it “a tragedy.”\n"
    "Police have not named a suspect."
)


def make_user(username: str = "rev", role: str = "reviewer", password: str = "password123") -> User:
    user, _ = accounts_operations.create_user(username, role, password)
    db.session.commit()
    return user


def make_article(text: str = DEFAULT_TEXT, title: str = "Test article", user: User | None = None, **kwargs) -> Article:
    article = articles_operations.create_article(text, user, title=title, **kwargs)
    db.session.commit()
    return article


def make_claim(article: Article, quote: str | None = None, sentence_index: int = 0, user: User | None = None,
               **fields) -> Claim:
    """A claim on the first occurrence of `quote` (or the whole sentence) in the given sentence."""
    sentence = article.sentences[sentence_index]
    if quote is None:
        claim = claims_operations.mark_sentence(sentence, user)
    else:
        start = article.text.index(quote, sentence.start)
        claim = claims_operations.mark_claim(sentence, start, start + len(quote), user, quote=quote)
    if fields:
        claims_operations.update_claim(claim, fields, user, None)
    db.session.commit()
    return claim


def check_document(document: dict) -> dict:
    """Validate against docs/export-schema-v1.json and check every offset by slicing."""
    schema.validate_export(document)
    assert document["format"] == "annotate.claims" and document["version"] == 1
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z", document["exported_at"])
    for article in document["articles"]:
        text = article["text"]
        assert [s["index"] for s in article["sentences"]] == list(range(len(article["sentences"])))
        for sentence in article["sentences"]:
            assert sentence["text"] == text[sentence["start"] : sentence["end"]]
        for claim in article["claims"]:
            assert claim["quote"] == text[claim["start"] : claim["end"]]
            holder = article["sentences"][claim["sentence_index"]]
            assert holder["start"] <= claim["start"] < claim["end"] <= holder["end"]
    return document
