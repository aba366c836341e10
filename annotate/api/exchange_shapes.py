"""Verdicts and comments as the API shows them (stable ids, usernames, ISO times in UTC)."""
from ..exchange import iso
from ..exchange import username


def verdict_json(verdict) -> dict:
    return {"id": verdict.uuid, "claim_id": verdict.claim.uuid, "reviewer": username(verdict.reviewer),
            "rating": verdict.rating, "confidence": verdict.confidence, "note": verdict.note,
            "evidence": [item.uuid for item in verdict.evidence], "created_at": iso(verdict.created_at),
            "workflow_state": verdict.claim.workflow_state}


def comment_json(comment) -> dict:
    return {"id": comment.uuid, "claim_id": comment.claim.uuid, "author": username(comment.author),
            "body": comment.body, "parent_id": comment.parent.uuid if comment.parent else None,
            "evidence_id": comment.evidence.uuid if comment.evidence else None,
            "created_at": iso(comment.created_at), "resolved": comment.resolved}
