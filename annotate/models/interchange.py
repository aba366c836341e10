"""Records of moving data in: imported claims that could not be re-anchored."""
from datetime import datetime

from sqlalchemy import JSON
from sqlalchemy import ForeignKey
from sqlalchemy import String
from sqlalchemy import Text
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import relationship

from annotate.extensions import db
from annotate.models.core import Article
from annotate.models.core import UTCDateTime
from annotate.models.core import new_uuid
from annotate.models.core import utcnow



class OrphanClaim(db.Model):
    """An imported claim whose quote could not be found in the article text here: kept, never dropped."""

    __tablename__ = "orphan_claim"
    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    article_id: Mapped[int] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"), index=True)
    payload: Mapped[dict] = mapped_column(JSON)
    reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    article: Mapped[Article] = relationship()
