"""Core records: users, articles, their sentences, claims and evidence."""
import uuid
from datetime import date
from datetime import datetime
from datetime import timezone

from flask_login import UserMixin
from sqlalchemy import Boolean
from sqlalchemy import Date
from sqlalchemy import DateTime
from sqlalchemy import ForeignKey
from sqlalchemy import Index
from sqlalchemy import Integer
from sqlalchemy import String
from sqlalchemy import Text
from sqlalchemy import TypeDecorator
from sqlalchemy import UniqueConstraint
from sqlalchemy import false
from sqlalchemy import func
from sqlalchemy import literal_column
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import declared_attr
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import relationship

from annotate.extensions import db


def utcnow() -> datetime:
    """Current time, timezone-aware, in UTC."""
    return datetime.now(timezone.utc)


MAX_INTEGER = 2**31 - 1  # an INTEGER column's largest value (ids, positions): a larger one overflows on PostgreSQL
MIN_INTEGER = -(2**31)


def new_uuid() -> str:
    """A stable identifier that survives export and re-import."""
    return str(uuid.uuid4())


class UTCDateTime(TypeDecorator):
    """Stores naive UTC and hands back aware UTC, the same on SQLite and PostgreSQL."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is not None and value.tzinfo is not None:
            value = value.astimezone(timezone.utc).replace(tzinfo=None)
        return value

    def process_result_value(self, value, dialect):
        return value.replace(tzinfo=timezone.utc) if value is not None else None


class User(UserMixin, db.Model):
    """A person who logs in; the role decides what they may do."""

    __tablename__ = "user"
    # Usernames are told apart without case (login, the taken check): unique so in the database too (0013).
    __table_args__ = (Index("uq_user_username_lower", func.lower(literal_column("username")), unique=True),)
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(20), default="reviewer")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Raised by logout and password changes: a session made under an older generation is no longer accepted.
    session_generation: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    @property
    def is_active(self) -> bool:  # Flask-Login refuses disabled accounts
        return self.active

    def get_id(self) -> str:
        """What the session keeps: the id and the session generation (accounts.operations.load_user checks both)."""
        return f"{self.id}:{self.session_generation}"


class Audited:
    """Who created and last changed a record, and when."""

    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    @declared_attr
    def created_by_id(cls) -> Mapped[int | None]:
        return mapped_column(ForeignKey("user.id"), nullable=True)

    @declared_attr
    def updated_by_id(cls) -> Mapped[int | None]:
        return mapped_column(ForeignKey("user.id"), nullable=True)

    @declared_attr
    def created_by(cls) -> Mapped[User | None]:
        return relationship(User, foreign_keys=[cls.created_by_id])

    @declared_attr
    def updated_by(cls) -> Mapped[User | None]:
        return relationship(User, foreign_keys=[cls.updated_by_id])


class Article(Audited, db.Model):
    """A stored article; its text never changes, every offset indexes it."""

    __tablename__ = "article"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    title: Mapped[str] = mapped_column(String(300))
    source_url: Mapped[str | None] = mapped_column(String(2000), nullable=True)
    published: Mapped[date | None] = mapped_column(Date, nullable=True)
    text: Mapped[str] = mapped_column(Text)
    blind_verdicts: Mapped[bool] = mapped_column(Boolean, default=True)
    quorum: Mapped[int] = mapped_column(Integer, default=2)
    # A lone fact-checker's article: one verdict decides the rating, with no quorum and no sign-off.
    single_verdict: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    sentences: Mapped[list["Sentence"]] = relationship(
        back_populates="article", order_by="Sentence.index", cascade="all, delete-orphan"
    )
    claims: Mapped[list["Claim"]] = relationship(
        back_populates="article", order_by="Claim.start", cascade="all, delete-orphan"
    )
    # Its progress and suggestion figures, kept by the database (models/figures.py); read only.
    figures: Mapped["ArticleFigures | None"] = relationship(viewonly=True)


class Sentence(Audited, db.Model):
    """One unit of reading: text[start:end] of its article, numbered in order."""

    __tablename__ = "sentence"
    __table_args__ = (UniqueConstraint("article_id", "index", name="uq_sentence_article_index"),
                      Index("ix_sentence_article_start", "article_id", "start"))  # the sentence holding an offset
    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"))
    index: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20), default="body")
    paragraph: Mapped[int] = mapped_column(Integer, default=0)
    no_claim: Mapped[bool] = mapped_column(Boolean, default=False)
    # How many claims the sentence holds: kept by the claim triggers of migration 0012 (the ORM only inserts the 0);
    # its row lock is what orders concurrent claims on one sentence, so the checked count moves exactly once.
    claim_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    article: Mapped[Article] = relationship(back_populates="sentences")
    claims: Mapped[list["Claim"]] = relationship(back_populates="sentence", order_by="Claim.start")

    @property
    def text(self) -> str:
        return self.article.text[self.start : self.end]


class Claim(Audited, db.Model):
    """A checkable statement: a span of one sentence, its attribution and status."""

    __tablename__ = "claim"
    __table_args__ = (Index("ix_claim_article_start", "article_id", "start"),
                      Index("ix_claim_workflow_state", "workflow_state"))  # the disputed count on every page
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    article_id: Mapped[int] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"))
    sentence_id: Mapped[int] = mapped_column(ForeignKey("sentence.id", ondelete="CASCADE"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    quote: Mapped[str] = mapped_column(Text)
    attr_source: Mapped[str] = mapped_column(String(300), default="")
    attr_role: Mapped[str] = mapped_column(String(300), default="")
    attr_cue: Mapped[str] = mapped_column(String(100), default="")
    attr_type: Mapped[str] = mapped_column(String(20), default="unattributed")
    status: Mapped[str] = mapped_column(String(20), default="unverified")
    rationale: Mapped[str] = mapped_column(Text, default="")
    workflow_state: Mapped[str] = mapped_column(String(20), default="unverified")
    # The decided rating (a vocabulary key), set only by the workflow: the decision, or the verdict that decides.
    rating: Mapped[str | None] = mapped_column(String(40), nullable=True)
    locked: Mapped[bool] = mapped_column(Boolean, default=False)
    version: Mapped[int] = mapped_column(Integer, default=1)
    state_since: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    flag_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    flagged_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"), nullable=True)
    flagged_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    flagged_by: Mapped[User | None] = relationship(foreign_keys=[flagged_by_id])
    article: Mapped[Article] = relationship(back_populates="claims")
    sentence: Mapped[Sentence] = relationship(back_populates="claims")
    evidence: Mapped[list["Evidence"]] = relationship(
        back_populates="claim", order_by="Evidence.id", cascade="all, delete-orphan"
    )


class Evidence(Audited, db.Model):
    """A source that bears on a claim, with its stance towards it."""

    __tablename__ = "evidence"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claim.id", ondelete="CASCADE"), index=True)
    url: Mapped[str] = mapped_column(String(2000))
    title: Mapped[str] = mapped_column(String(500), default="")
    excerpt: Mapped[str] = mapped_column(Text, default="")
    stance: Mapped[str] = mapped_column(String(20), default="context")
    claim: Mapped[Claim] = relationship(back_populates="evidence")
