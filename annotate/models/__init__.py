"""The data model, one module per area; everything is importable from annotate.models."""
from annotate.models.accounts import ApiToken
from annotate.models.accounts import AppSetting
from annotate.models.core import MAX_INTEGER
from annotate.models.core import MIN_INTEGER
from annotate.models.core import Article
from annotate.models.core import Audited
from annotate.models.core import Claim
from annotate.models.core import Evidence
from annotate.models.core import Sentence
from annotate.models.core import User
from annotate.models.core import UTCDateTime
from annotate.models.core import new_uuid
from annotate.models.core import utcnow
from annotate.models.figures import ArticleFigures
from annotate.models.interchange import OrphanClaim
from annotate.models.jobs import Job
from annotate.models.review import Assignment
from annotate.models.review import Comment
from annotate.models.review import CommentRead
from annotate.models.review import Decision
from annotate.models.review import HistoryEvent
from annotate.models.review import Mention
from annotate.models.review import Rating
from annotate.models.review import Verdict
from annotate.models.review import verdict_evidence
from annotate.models.suggestions import Suggestion

__all__ = [
    "MAX_INTEGER", "MIN_INTEGER", "ApiToken", "AppSetting", "Article", "ArticleFigures", "Assignment", "Audited",
    "Claim", "Comment", "CommentRead", "Decision", "Evidence", "HistoryEvent", "Job", "Mention", "OrphanClaim",
    "Rating", "Sentence", "Suggestion", "UTCDateTime", "User", "Verdict", "new_uuid", "utcnow", "verdict_evidence",
]
