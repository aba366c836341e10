"""Annotation sets from before the rating model: a status someone set by hand moves into the review, as the upgrade
migration (0008) moves it in an existing database."""
from uuid import uuid4

from sqlalchemy.orm.attributes import flag_modified

from annotate.extensions import db
from annotate.models import Claim
from annotate.models import User
from annotate.models import Verdict
from annotate.models import utcnow
from annotate.review import ratings as vocabulary_ops

LEGACY_FLAG = 'Marked "disputed" by hand before disputes came from flags and disagreeing verdicts.'


def settle_hand_set_status(claim: Claim, data: dict, actor: User | None, history: list[dict]) -> None:
    """A file from before ratings came from verdicts may give an unreviewed claim a status set by hand: as the
    upgrade migration does, it becomes a verdict by whoever last changed the claim (else the importer), or a
    dispute flag; the claim's history says so ("migrated"). The claim keeps its imported updated_at."""
    status = data.get("status") or "unverified"
    who = claim.updated_by or claim.created_by or actor
    if claim.workflow_state != "unverified" or status in ("unverified", "in_review") or who is None:
        return
    row = {"uuid": str(uuid4()), "claim_id": claim.id, "article_id": claim.article_id, "actor_id": who.id,
           "at": utcnow(), "action": "migrated", "entity_id": claim.uuid, "before": {"status": status}}
    if status == "disputed":
        claim.flag_reason, claim.flagged_by, claim.flagged_at = LEGACY_FLAG, who, claim.updated_at
        claim.workflow_state = claim.status = "disputed"
        history.append(row | {"entity": "claim", "after": {"flag_reason": LEGACY_FLAG}})
    else:
        key = next((r.key for r in vocabulary_ops.all_ratings() if r.key == status), None) or next(
            (r.key for r in vocabulary_ops.all_ratings() if r.export_status == status), None)
        if key is None:
            return
        verdict = Verdict(uuid=str(uuid4()), claim=claim, reviewer=who, rating=key, confidence=3, note="",
                          created_at=claim.updated_at)
        db.session.add(verdict)
        claim.workflow_state = "awaiting_signoff" if (claim.article.quorum or 1) <= 1 else "in_review"
        claim.status = "in_review"
        history.append(row | {"entity": "verdict", "entity_id": verdict.uuid, "after": {
            "reviewer": who.username, "rating": key, "confidence": 3, "note": "", "evidence": []}})
    claim.state_since = utcnow()
    flag_modified(claim, "updated_at")  # the imported time stands
