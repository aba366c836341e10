"""Per-article figures kept by the database itself: triggers (migration 0012) maintain them under every write."""
from sqlalchemy import ForeignKey
from sqlalchemy import Integer
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column

from annotate.extensions import db


class ArticleFigures(db.Model):
    """What the article page shows of the whole article, counted as rows change instead of on every view.

    Written only by the triggers of migration 0012 (never by the ORM): a row per article, made when the article is;
    sentences count from their kind, no_claim and claim_count (itself kept by the claim triggers), suggestions from
    their state. The counts are exact under concurrent writers: see the migration's docstring.
    """

    __tablename__ = "article_figures"
    article_id: Mapped[int] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"), primary_key=True)
    body_sentences: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    checked_sentences: Mapped[int] = mapped_column(Integer, default=0, server_default="0")  # body, claim or no_claim
    suggestions_open: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    suggestions_accepted: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    suggestions_edited: Mapped[int] = mapped_column(Integer, default=0, server_default="0")  # accepted and edited
    suggestions_rejected: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    suggestions_superseded: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
