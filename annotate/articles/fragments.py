"""The reading column's htmx fragments: a sentence and its toolbar, a window of sentences, the progress bar.

A change to one sentence answers with that sentence and its toolbar only; the progress bar moves in the browser
(HX-Trigger "sentence-checked": +1 or -1) instead of counting the whole article again.
"""
import json

from annotate.articles import reading
from annotate.articles.operations import article_progress
from annotate.extensions import db
from annotate.models import Article
from annotate.models import Sentence
from annotate.web.responses import hx_fragments


def is_checked(sentence: Sentence) -> bool:
    """Checked once it holds a claim or was marked 'no claim' (reads the sentence's claims, which a change to the
    sentence loads anyway)."""
    return sentence.no_claim or bool(sentence.claims)


def sentence_fragment(sentence: Sentence, oob: bool = True) -> tuple:
    """One sentence row, re-rendered after a change to it or its claims."""
    return ("articles/_sentence.html", {"view": reading.sentence_view(sentence), "oob": oob})


def sentence_fragments(sentence: Sentence, oob: bool = True) -> tuple[tuple, tuple]:
    """The sentence row and its toolbar (the page takes the toolbar when that sentence is the current one)."""
    view = reading.sentence_view(sentence)
    return ("articles/_sentence.html", {"view": view, "oob": oob}), ("articles/_tools.html", {"view": view, "oob": True})


def progress_fragment(article: Article) -> tuple:
    """The progress bar counted anew, out of band (after a merge or split, which renumber the article)."""
    return ("articles/_progress.html", {"progress": article_progress(article), "oob": True})


def moved_progress(response, sentence: Sentence, was_checked: bool | None):
    """Tell the page's progress bar that a body sentence became checked (+1) or unchecked (-1)."""
    if was_checked is None or sentence.kind != "body":
        return response
    step = int(is_checked(sentence)) - int(was_checked)
    if step:
        response.headers["HX-Trigger"] = json.dumps({"sentence-checked": step})
    return response


def sentence_response(sentence: Sentence, *extra, was_checked: bool | None = None):
    """The changed sentence, swapped in place, with its toolbar out of band; the progress moves when the sentence's
    checked state changed (was_checked: what it was before the change)."""
    row, tools = sentence_fragments(sentence, oob=False)
    response = hx_fragments(row, tools, *extra, retarget=f"#s-{sentence.id}", reswap="outerHTML")
    return moved_progress(response, sentence, was_checked)


def column_fragment(article: Article, focus: Sentence) -> tuple:
    """A whole column: the window around `focus`, which becomes the current sentence."""
    win = reading.window_around(article, focus.index)
    return ("articles/_sentences.html", {"win": win, "focus_id": focus.id, "tools_view": None})


def sentences_response(article: Article, focus: Sentence):
    """After a merge or split the numbering changes: a fresh column around the sentence, and the progress anew."""
    db.session.expire_all()  # indices, spans and claims moved under the loaded sentences
    return hx_fragments(column_fragment(article, focus), progress_fragment(article),
                        retarget="#sentences", reswap="outerHTML")
