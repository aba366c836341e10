"""Exports in the field's standard formats, built from the same loaded snapshot as the native JSON."""
from annotate.models import Article


def label_for(key: str, labels: dict[str, str]) -> str:
    """A rating's label; a key without a vocabulary entry still reads as words."""
    return labels.get(key) or key.replace("_", " ").capitalize()


def article_iri(article: Article) -> str:
    """The article's web address when known, else a stable URN from its id."""
    return article.source_url or f"urn:uuid:{article.uuid}"
