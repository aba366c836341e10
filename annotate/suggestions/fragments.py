"""Pieces of the article page that show the suggestions, re-rendered by the views of several features."""
from annotate.models import Article
from annotate.suggestions import figures


def figures_oob(article: Article) -> tuple:
    """The article's suggestion figures, out of band (after anything that decided or settled a suggestion)."""
    return ("suggestions/_figures.html", {"article": article, "figures": figures.figures(article.id), "oob": True})
