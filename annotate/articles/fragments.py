"""The article column's htmx fragments: one sentence, the whole column, the progress bar."""
from annotate.articles import reading
from annotate.articles.operations import article_progress
from annotate.extensions import db
from annotate.models import Article
from annotate.models import Sentence
from annotate.web.responses import hx_fragments


def sentence_fragment(sentence: Sentence, oob: bool = True) -> tuple:
    """One sentence row, re-rendered after a change to it or its claims."""
    return ("articles/_sentence.html", {"view": reading.sentence_view(sentence), "oob": oob})


def progress_fragment(article: Article) -> tuple:
    """The progress bar, always out of band."""
    return ("articles/_progress.html", {"progress": article_progress(article), "oob": True})


def sentence_response(sentence: Sentence, *extra):
    """The changed sentence, swapped in place, with the progress bar out of band."""
    return hx_fragments(sentence_fragment(sentence, oob=False), progress_fragment(sentence.article), *extra,
                        retarget=f"#s-{sentence.id}", reswap="outerHTML")


def sentences_response(article: Article, focus: Sentence):
    """After a merge or split the numbering changes: re-render the whole column."""
    db.session.expire_all()
    views = reading.sentence_views(article)
    context = {"article": article, "paragraphs": reading.paragraphs(views), "focus_id": focus.id}
    return hx_fragments(("articles/_sentences.html", context), progress_fragment(article),
                        retarget="#sentences", reswap="outerHTML")
