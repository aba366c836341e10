"""Work that runs outside the request (a large import, a very large article): the jobs table is the queue."""
from datetime import datetime

from sqlalchemy import JSON
from sqlalchemy import ForeignKey
from sqlalchemy import Index
from sqlalchemy import Integer
from sqlalchemy import String
from sqlalchemy import Text
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import relationship

from annotate.extensions import db
from annotate.models.core import User
from annotate.models.core import UTCDateTime
from annotate.models.core import utcnow

JOB_STATES = ("queued", "running", "done", "failed")


class Job(db.Model):
    """One piece of long work: what to do (kind, params, payload), how far it got, and what came of it."""

    __tablename__ = "job"
    __table_args__ = (Index("ix_job_state_id", "state", "id"),)  # the next queued job, in one index look-up
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    state: Mapped[str] = mapped_column(String(20), default="queued")
    params: Mapped[dict] = mapped_column(JSON, default=dict)
    payload: Mapped[str | None] = mapped_column(Text, nullable=True)  # the uploaded file or text; cleared when done
    done: Mapped[int] = mapped_column(Integer, default=0)
    total: Mapped[int] = mapped_column(Integer, default=0)
    step: Mapped[str] = mapped_column(String(200), default="Waiting for a worker")
    result: Mapped[dict | None] = mapped_column(JSON, nullable=True)
    error: Mapped[dict | None] = mapped_column(JSON, nullable=True)  # {"message", "errors": [{"path", "message"}]}
    token: Mapped[str | None] = mapped_column(String(40), nullable=True)  # the claim of the worker running it
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    created_by: Mapped[User | None] = relationship()

    @property
    def finished(self) -> bool:
        return self.state in ("done", "failed")

    @property
    def percent(self) -> int:
        return min(100, round(100 * self.done / self.total)) if self.total else 0
