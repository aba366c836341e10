"""API routes for claims and their evidence: mark, read, update with a version, delete."""
from flask import jsonify
from sqlalchemy import func
from sqlalchemy import select

from annotate.articles.sentences import sentence_at_index
from annotate.articles.sentences import sentence_at_offset
from annotate.claims import operations as claim_ops
from annotate.config import commit_then_respond
from annotate.config import read_before_the_write_lock
from annotate.extensions import db
from annotate.models import Article
from annotate.models import Claim
from annotate.models import Evidence
from annotate.models import Sentence
from annotate.api import bp
from annotate.api import schemas
from annotate.api.auth import api_user
from annotate.api.bodies import json_body
from annotate.api.errors import ApiError
from annotate.api.serializers import by_uuid
from annotate.api.serializers import claim_json
from annotate.api.serializers import evidence_json
from annotate.api.serializers import new_claim_json
from annotate.api.articles import created
from annotate.api.articles import deleted
from annotate.api.serializers import CLAIM_READ


def claim_fields(data: dict) -> dict:
    """The API's nested attribution, flattened to the names claims.update_claim takes."""
    fields = {f"attr_{key}": value for key, value in (data.get("attribution") or {}).items()}
    if "rationale" in data:
        fields["rationale"] = data["rationale"]
    return fields


def refuse_status_change(data: dict, current: str) -> None:
    """The status follows the verdicts and the decision; a client may send it back unchanged, never set it."""
    if data.get("status", current) != current:
        raise ApiError(422, f"The status is derived from the verdicts and the decision (now {current!r}); "
                            "give a verdict instead: POST /api/v1/claims/{id}/verdicts.", "status")


def sentence_for(article: Article, data: dict) -> Sentence:
    """The sentence a new claim goes in: by index, or the one holding the start offset (one indexed query)."""
    if "sentence_index" not in data and not ("start" in data and "end" in data):
        raise ApiError(422, "Give start and end offsets, or a sentence_index for a whole sentence.",
                       "end" if "start" in data else "start")
    if "sentence_index" in data:
        sentence = sentence_at_index(article.id, data["sentence_index"])
        if sentence is None:
            count = db.session.scalar(select(func.count()).where(Sentence.article_id == article.id))
            raise ApiError(422, f"The article has {count} sentences; sentence_index "
                                f"{data['sentence_index']} is past the last.", "sentence_index")
        return sentence
    sentence = sentence_at_offset(article.id, data["start"])
    if sentence is None:
        raise ApiError(422, f"Offset {data['start']} is not inside any sentence of the article "
                            f"({len(article.text)} characters).", "start")
    return sentence


@bp.post("/articles/<article_id>/claims")
def create_claim(article_id: str):
    """Mark a claim, optionally describing it at once; a span already marked answers 409 with that claim.
    The article and the sentence are found before the write lock; mark_claim checks the sentence again in it."""
    data = json_body(schemas.CLAIM_CREATE)  # checked before the first read
    refuse_status_change(data, "unverified")
    with read_before_the_write_lock(db.session()):
        article = by_uuid(Article, article_id, "article")
        sentence = sentence_for(article, data)
    if "start" in data and "end" in data:
        claim, is_new = claim_ops.mark_claim(sentence, data["start"], data["end"], api_user(), data.get("quote"))
    else:
        claim, is_new = claim_ops.mark_sentence(sentence, api_user())
    if not is_new:
        raise ApiError(409, "This span is already marked as a claim; update that one instead.", "start",
                       "claim_exists", claim=claim_json(claim))
    if claim_fields(data):
        claim_ops.update_claim(claim, claim_fields(data), api_user(), None)
    commit_then_respond(db.session())
    body = new_claim_json(claim)
    return created(body, "api.read_claim", claim_id=body["id"])


@bp.get("/claims/<claim_id>")
def read_claim(claim_id: str):
    """One claim, as the export writes it."""
    return jsonify(claim_json(by_uuid(Claim, claim_id, "claim", *CLAIM_READ)))


@bp.patch("/claims/<claim_id>")
def update_claim(claim_id: str):
    """Change attribution or rationale; the version sent must be the claim's current one."""
    data = json_body(schemas.CLAIM_UPDATE)
    claim = by_uuid(Claim, claim_id, "claim")
    if claim.locked:
        raise ApiError(409, "This claim is signed off and locked; an editor must reopen it before it can change.",
                       "version", "claim_locked", claim=claim_json(claim))
    refuse_status_change(data, claim.status)
    try:
        claim_ops.update_claim(claim, claim_fields(data), api_user(), data["version"])
    except claim_ops.StaleEdit:
        db.session.rollback()
        who = claim.updated_by.username if claim.updated_by else "someone"
        message = (f"Version {data['version']} is out of date: {who} saved version {claim.version} since. "
                   "The claim as it is now is in `claim`; reapply your change to it.")
        raise ApiError(409, message, "version", "stale_version", claim=claim_json(claim)) from None
    commit_then_respond(db.session())
    return jsonify(claim_json(claim))


@bp.delete("/claims/<claim_id>")
def delete_claim(claim_id: str):
    """Delete a claim and its evidence (the history keeps its last state)."""
    return deleted(claim_ops.delete_claim, by_uuid(Claim, claim_id, "claim"))


@bp.post("/claims/<claim_id>/evidence")
def add_evidence(claim_id: str):
    """Attach a source (http or https) to a claim."""
    data = json_body(schemas.EVIDENCE_CREATE)
    with read_before_the_write_lock(db.session()):  # add_evidence's write checks the claim again
        claim = by_uuid(Claim, claim_id, "claim")
    item = claim_ops.add_evidence(claim, data["url"], api_user(), data.get("title", ""), data.get("excerpt", ""),
                                  data.get("stance", "context"))
    commit_then_respond(db.session())
    return created(evidence_json(item))


@bp.delete("/evidence/<evidence_id>")
def remove_evidence(evidence_id: str):
    """Detach a source from its claim."""
    return deleted(claim_ops.remove_evidence, by_uuid(Evidence, evidence_id, "evidence"))
