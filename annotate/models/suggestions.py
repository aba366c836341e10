"""Stored claim suggestions: what the suggestion rules proposed on import, and what a reviewer made of it."""
from datetime import datetime

from sqlalchemy import Boolean
from sqlalchemy import Float
from sqlalchemy import ForeignKey
from sqlalchemy import Index
from sqlalchemy import Integer
from sqlalchemy import String
from sqlalchemy import Text
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import relationship

from annotate.extensions import db
from annotate.models.core import Article
from annotate.models.core import Claim
from annotate.models.core import User
from annotate.models.core import UTCDateTime
from annotate.models.core import utcnow

# superseded: settled by a claim a person marked there by hand (or that was there already when it was accepted); it
# was right about the place, but counts neither as accepted nor as rejected
SUGGESTION_STATES = ("open", "accepted", "rejected", "superseded")


class Suggestion(db.Model):
    """A proposed claim on article offsets [start, end) with its proposed attribution.

    Offsets index the article text, not a sentence, so a suggestion survives a
    reviewer merging or splitting sentences; sentence_id is the sentence it was
    made on, kept as a hint (NULL once that sentence is merged away).
    """

    __tablename__ = "suggestion"
    __table_args__ = (Index("ix_suggestion_article_start", "article_id", "start"),
                      Index("ix_suggestion_article_state", "article_id", "state", "edited"))  # the figures, index-only
    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"))
    sentence_id: Mapped[int | None] = mapped_column(ForeignKey("sentence.id", ondelete="SET NULL"), nullable=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    quote: Mapped[str] = mapped_column(Text)
    checkworthiness: Mapped[float] = mapped_column(Float)
    source: Mapped[str | None] = mapped_column(String(300), nullable=True)
    role: Mapped[str | None] = mapped_column(String(300), nullable=True)
    cue: Mapped[str | None] = mapped_column(String(100), nullable=True)
    type: Mapped[str] = mapped_column(String(20))
    state: Mapped[str] = mapped_column(String(20), default="open")
    edited: Mapped[bool] = mapped_column(Boolean, default=False)  # accepted with a changed span or attribution
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"), nullable=True)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    claim_id: Mapped[int | None] = mapped_column(ForeignKey("claim.id", ondelete="SET NULL"), nullable=True,
                                                 index=True)
    article: Mapped[Article] = relationship(foreign_keys=[article_id])
    decided_by: Mapped[User | None] = relationship(foreign_keys=[decided_by_id])
    claim: Mapped[Claim | None] = relationship(foreign_keys=[claim_id])

    @property
    def is_open(self) -> bool:
        return self.state == "open"
