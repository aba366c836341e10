"""API routes for teamwork on a claim: a reviewer's verdict and the claim's discussion."""
from annotate.review import discussion
from annotate.review import workflow
from annotate.config import commit_then_respond
from annotate.extensions import db
from annotate.models import Claim
from annotate.models import Comment
from annotate.models import Evidence
from annotate.api import bp
from annotate.api import schemas
from annotate.api.auth import api_user
from annotate.api.bodies import json_body
from annotate.api.errors import ApiError
from annotate.api.serializers import by_uuid
from annotate.api.serializers import comment_json
from annotate.api.serializers import verdict_json
from annotate.api.articles import created


def evidence_ids(claim: Claim, uuids: list[str]) -> list[int]:
    """The claim's evidence named by stable id; any other id is a 422 naming it."""
    by_id = {item.uuid: item.id for item in claim.evidence}
    for index, uuid in enumerate(uuids):
        if uuid not in by_id:
            raise ApiError(422, f"{uuid!r} is not evidence of this claim.", f"evidence[{index}]")
    return [by_id[uuid] for uuid in uuids]


@bp.post("/claims/<claim_id>/verdicts")
def give_verdict(claim_id: str):
    """Record the caller's verdict on a claim (a second one revises it; the first is kept, superseded)."""
    data = json_body(schemas.VERDICT_CREATE)
    claim = by_uuid(Claim, claim_id, "claim")
    verdict = workflow.give_verdict(claim, api_user(), data["rating"], data.get("confidence", 3), data.get("note", ""),
                                  evidence_ids(claim, data.get("evidence", [])))
    commit_then_respond(db.session())
    return created(verdict_json(verdict))


def comment_target(claim: Claim, data: dict, key: str, model, name: str):
    """The internal id of a comment or evidence item of this claim, named by its stable id."""
    if not data.get(key):
        return None
    record = db.session.scalar(db.select(model).where(model.uuid == data[key]))
    if record is None or record.claim_id != claim.id:
        raise ApiError(422, f"{data[key]!r} is not {name} of this claim.", key)
    return record.id


@bp.post("/claims/<claim_id>/comments")
def add_comment(claim_id: str):
    """Post a comment, or a reply to one, in the claim's discussion; @username mentions are recorded."""
    data = json_body(schemas.COMMENT_CREATE)
    claim = by_uuid(Claim, claim_id, "claim")
    parent = comment_target(claim, data, "parent_id", Comment, "a comment")
    evidence = comment_target(claim, data, "evidence_id", Evidence, "evidence")
    comment = discussion.add_comment(claim, api_user(), data["body"], parent, evidence)
    commit_then_respond(db.session())
    return created(comment_json(comment))
