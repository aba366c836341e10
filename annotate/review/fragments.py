"""The review pages and fragments that views render again after a change or a refusal."""
from flask import render_template
from flask_login import current_user

from annotate.errors import InputError
from annotate.models import Article
from annotate.models import Claim
from annotate.review import assignments
from annotate.review import ratings
from annotate.review.panel import discussion_view
from annotate.review.panel import review_panel
from annotate.web.responses import hx_fragments


def thread_fragment(claim: Claim, status: int = 200):
    """The discussion's threads alone (what polling and resolving replace)."""
    context = {"claim": claim, "talk": discussion_view(claim, current_user)}
    return hx_fragments(("review/_thread.html", context), ("review/_discussion_count.html", context | {"oob": True}),
                        status=status)


def section_fragment(claim: Claim, status: int = 200, error: str | None = None, values: dict | None = None):
    """The discussion section, its form emptied after a post (or kept, with the message, after a refusal)."""
    context = {"claim": claim, "rp": review_panel(claim, current_user), "comment_error": error,
               "comment_values": values or {}}
    return hx_fragments(("review/_discussion.html", context), status=status)


def team_page(article: Article, error: InputError | None = None):
    """The Team page; after a refusal, with its message and status 422."""
    html = render_template("review/team.html", article=article, error=error,
                           assignments=assignments.article_assignments(article), people=assignments.reviewers())
    return html, 422 if error else 200


def vocabulary_page(error: InputError | None = None, failed: str | None = None, values: dict | None = None):
    """The vocabulary page; after a refusal, the form that failed (a rating's id or "new") keeps what was typed."""
    return render_template("review/vocabulary.html", ratings=ratings.all_ratings(), error=error, failed=failed,
                           values=values or {}), 422 if error else 200
