"""Teamwork records: the rating vocabulary, verdicts, discussion, decisions, assignments, history."""
from datetime import datetime

from sqlalchemy import JSON
from sqlalchemy import Boolean
from sqlalchemy import Column
from sqlalchemy import ForeignKey
from sqlalchemy import Index
from sqlalchemy import Integer
from sqlalchemy import String
from sqlalchemy import Table
from sqlalchemy import Text
from sqlalchemy import text
from sqlalchemy import UniqueConstraint
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import relationship

from annotate.extensions import db
from annotate.models.core import Claim
from annotate.models.core import Evidence
from annotate.models.core import User
from annotate.models.core import UTCDateTime
from annotate.models.core import new_uuid
from annotate.models.core import utcnow


class Rating(db.Model):
    """One rating of the vocabulary an admin edits; ratings in one agreement group count as agreeing."""

    __tablename__ = "rating"
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(40), unique=True)
    label: Mapped[str] = mapped_column(String(80))
    description: Mapped[str] = mapped_column(Text, default="")
    colour: Mapped[str] = mapped_column(String(7), default="#6b7280")
    position: Mapped[int] = mapped_column(Integer, default=0)
    agreement_group: Mapped[str] = mapped_column(String(40), default="")
    # The export-v1 status a claim decided with this rating carries: supported, refuted, misleading, unverifiable.
    export_status: Mapped[str] = mapped_column(String(20), default="unverifiable")
    active: Mapped[bool] = mapped_column(Boolean, default=True)


verdict_evidence = Table(
    "verdict_evidence",
    db.metadata,
    Column("verdict_id", ForeignKey("verdict.id", ondelete="CASCADE"), primary_key=True),
    Column("evidence_id", ForeignKey("evidence.id", ondelete="CASCADE"), primary_key=True),
)


class Verdict(db.Model):
    """One reviewer's rating of a claim; a revision supersedes it but the old one stays."""

    __tablename__ = "verdict"
    __table_args__ = (Index("ix_verdict_claim_current", "claim_id", "superseded_at"),
                      # one current verdict per reviewer and claim, however the writes race
                      Index("ux_verdict_one_current", "claim_id", "reviewer_id", unique=True,
                            sqlite_where=text("superseded_at IS NULL"),
                            postgresql_where=text("superseded_at IS NULL")))
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claim.id", ondelete="CASCADE"), index=True)
    reviewer_id: Mapped[int] = mapped_column(ForeignKey("user.id"), index=True)
    rating: Mapped[str] = mapped_column(String(40))
    confidence: Mapped[int] = mapped_column(Integer, default=3)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    superseded_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    claim: Mapped[Claim] = relationship()
    reviewer: Mapped[User] = relationship()
    evidence: Mapped[list[Evidence]] = relationship(secondary=verdict_evidence)


class Comment(db.Model):
    """A message in a claim's discussion; replies point at their parent."""

    __tablename__ = "comment"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claim.id", ondelete="CASCADE"), index=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("comment.id", ondelete="CASCADE"), nullable=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("user.id"))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    resolved: Mapped[bool] = mapped_column(Boolean, default=False)
    resolved_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"), nullable=True)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    evidence_id: Mapped[int | None] = mapped_column(ForeignKey("evidence.id", ondelete="SET NULL"), nullable=True)
    claim: Mapped[Claim] = relationship()
    evidence: Mapped[Evidence | None] = relationship()
    author: Mapped[User] = relationship(foreign_keys=[author_id])
    resolved_by: Mapped[User | None] = relationship(foreign_keys=[resolved_by_id])
    parent: Mapped["Comment | None"] = relationship(remote_side=[id])


class Mention(db.Model):
    """An @mention of a teammate in a comment; it shows in their 'My work'."""

    __tablename__ = "mention"
    __table_args__ = (UniqueConstraint("comment_id", "user_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    comment_id: Mapped[int] = mapped_column(ForeignKey("comment.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id"), index=True)
    comment: Mapped[Comment] = relationship()
    user: Mapped[User] = relationship()


class CommentRead(db.Model):
    """How far a user has read a claim's discussion, so newer comments show as unread."""

    __tablename__ = "comment_read"
    __table_args__ = (UniqueConstraint("user_id", "claim_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"))
    claim_id: Mapped[int] = mapped_column(ForeignKey("claim.id", ondelete="CASCADE"))
    last_read_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Decision(db.Model):
    """An editor's sign-off; reopening keeps the old decision, marked as reopened."""

    __tablename__ = "decision"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claim.id", ondelete="CASCADE"), index=True)
    rating: Mapped[str] = mapped_column(String(40))
    explanation: Mapped[str] = mapped_column(Text, default="")
    method: Mapped[str] = mapped_column(String(20))
    decided_by_id: Mapped[int] = mapped_column(ForeignKey("user.id"))
    decided_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    reopened_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"), nullable=True)
    reopened_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    claim: Mapped[Claim] = relationship()
    decided_by: Mapped[User] = relationship(foreign_keys=[decided_by_id])
    reopened_by: Mapped[User | None] = relationship(foreign_keys=[reopened_by_id])


class Assignment(db.Model):
    """Work given to a reviewer: a whole article, or one claim of it."""

    __tablename__ = "assignment"
    __table_args__ = (UniqueConstraint("article_id", "claim_id", "reviewer_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"), index=True)
    claim_id: Mapped[int | None] = mapped_column(ForeignKey("claim.id", ondelete="CASCADE"), nullable=True)
    reviewer_id: Mapped[int] = mapped_column(ForeignKey("user.id"), index=True)
    assigned_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    reviewer: Mapped[User] = relationship(foreign_keys=[reviewer_id])
    assigned_by: Mapped[User | None] = relationship(foreign_keys=[assigned_by_id])


class HistoryEvent(db.Model):
    """One recorded change: who, when, what, and the values before and after."""

    __tablename__ = "history_event"
    __table_args__ = (Index("ix_history_claim_at", "claim_id", "at"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid, insert_sentinel=True)
    article_id: Mapped[int | None] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"), nullable=True)
    claim_id: Mapped[int | None] = mapped_column(ForeignKey("claim.id", ondelete="CASCADE"), nullable=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"), nullable=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    action: Mapped[str] = mapped_column(String(40))
    entity: Mapped[str] = mapped_column(String(20))
    entity_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    before: Mapped[dict | None] = mapped_column(JSON, nullable=True)
    after: Mapped[dict | None] = mapped_column(JSON, nullable=True)
    actor: Mapped[User | None] = relationship()
