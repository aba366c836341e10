"""The data model, one module per area; everything is importable from annotate.models."""
from .assist import Suggestion
from .core import Article
from .core import Audited
from .core import Claim
from .core import Evidence
from .core import Sentence
from .core import User
from .core import UTCDateTime
from .core import new_uuid
from .core import utcnow
from .interchange import ApiToken
from .interchange import AppSetting
from .interchange import OrphanClaim
from .review import Assignment
from .review import Comment
from .review import CommentRead
from .review import Decision
from .review import HistoryEvent
from .review import Mention
from .review import Rating
from .review import Verdict
from .review import verdict_evidence

__all__ = [
    "ApiToken", "AppSetting", "Article", "Assignment", "Audited", "Claim", "Comment", "CommentRead", "Decision",
    "Evidence", "HistoryEvent", "Mention", "OrphanClaim", "Rating", "Sentence", "Suggestion", "UTCDateTime", "User",
    "Verdict", "new_uuid", "utcnow", "verdict_evidence",
]
