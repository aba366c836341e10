"""W3C Web Annotation export: a JSON-LD AnnotationCollection, one 'assessing' annotation per claim."""
from annotate.interchange.formats import article_iri
from annotate.interchange.formats import label_for
from annotate.interchange.native import quote_context
from annotate.interchange.snapshot import Snapshot
from annotate.text.times import iso

CONTEXT = "http://www.w3.org/ns/anno.jsonld"


def person(user) -> dict | None:
    return {"id": f"urn:annotate:user:{user.username}", "type": "Person", "nickname": user.username} if user else None


def text_body(value: str, purpose: str, label: str | None = None) -> dict:
    body = {"type": "TextualBody", "purpose": purpose, "value": value, "format": "text/plain"}
    if label:
        body["label"] = label
    return body


def claim_bodies(claim, decision, labels: dict, viewer) -> list[dict]:
    """Rating, explanation, attribution and evidence links as the annotation's bodies (as the reader may see)."""
    rating = label_for(claim.rating, labels) if claim.rating else claim.status
    bodies = [text_body(rating, "assessing", "rating")]
    explanation = decision.explanation if decision else viewer.rationale(claim)
    if explanation:
        bodies.append(text_body(explanation, "describing", "explanation"))
    for label, value in (("attribution source", claim.attr_source), ("attribution role", claim.attr_role),
                         ("attribution cue", claim.attr_cue), ("attribution type", claim.attr_type)):
        if value:
            bodies.append(text_body(value, "identifying", label))
    for item in claim.evidence:
        bodies.append({"type": "SpecificResource", "source": item.url, "purpose": "linking",
                       "label": f"evidence ({item.stance}): {item.title or item.url}"})
    return bodies


def claim_annotation(article, claim, decision, labels: dict, viewer) -> dict:
    prefix, suffix = quote_context(article.text, claim.start, claim.end)
    annotation = {
        "id": f"urn:uuid:{claim.uuid}", "type": "Annotation", "motivation": "assessing",
        "created": iso(claim.created_at), "modified": iso(claim.updated_at),
        "body": claim_bodies(claim, decision, labels, viewer),
        "target": {"type": "SpecificResource", "source": article_iri(article), "selector": [
            {"type": "TextQuoteSelector", "exact": claim.quote, "prefix": prefix, "suffix": suffix},
            {"type": "TextPositionSelector", "start": claim.start, "end": claim.end},
        ]},
    }
    if claim.created_by:
        annotation["creator"] = person(claim.created_by)
    return annotation


def verdict_annotation(verdict, labels: dict) -> dict:
    bodies = [text_body(label_for(verdict.rating, labels), "assessing", "rating"),
              text_body(str(verdict.confidence), "describing", "confidence")]
    if verdict.note:
        bodies.append(text_body(verdict.note, "describing", "note"))
    return {"id": f"urn:uuid:{verdict.uuid}", "type": "Annotation", "motivation": "assessing",
            "created": iso(verdict.created_at), "creator": person(verdict.reviewer), "body": bodies,
            "target": f"urn:uuid:{verdict.claim.uuid}"}


def comment_annotation(comment) -> dict:
    target = f"urn:uuid:{comment.parent.uuid}" if comment.parent else f"urn:uuid:{comment.claim.uuid}"
    return {"id": f"urn:uuid:{comment.uuid}", "type": "Annotation",
            "motivation": "replying" if comment.parent else "commenting", "created": iso(comment.created_at),
            "creator": person(comment.author), "body": text_body(comment.body, "commenting"), "target": target}


def export_w3c(loaded: Snapshot) -> dict:
    """The AnnotationCollection of a snapshot: claims, then every verdict, then the discussion."""
    labels = loaded.labels
    viewer = loaded.extras.viewer
    items = [claim_annotation(a, c, loaded.decision(c), labels, viewer) for a in loaded.articles for c in a.claims]
    items += [verdict_annotation(v, labels) for v in loaded.verdicts()]
    items += [comment_annotation(c) for c in loaded.comments()]
    return {"@context": CONTEXT, "id": "urn:annotate:export", "type": "AnnotationCollection",
            "label": "Claims exported from Claim desk", "total": len(items),
            "first": {"type": "AnnotationPage", "startIndex": 0, "items": items}}
