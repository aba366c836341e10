"""Export everything, import into an empty database, export again: nothing may be lost or changed."""
import json

from annotate.interchange import native
from annotate.interchange import schema
from annotate.interchange import importer
from annotate.extensions import db
from tests.apps import empty_database
from tests.factories import build_rich_set


def export_without_time() -> dict:
    document = native.export_articles()
    schema.validate_export(document)
    document.pop("exported_at")
    return document


def import_into_fresh_database(document: dict) -> dict:
    """Empty the database (as `init-db` leaves it, on SQLite or PostgreSQL), import, and return the new export."""
    empty_database()
    report = importer.import_document(json.loads(json.dumps(document)) | {"exported_at": "2026-01-01T00:00:00Z"})
    db.session.commit()
    assert report.claims_created == sum(len(a["claims"]) for a in document["articles"])
    assert report.orphans == 0
    db.session.remove()  # export from a new session: nothing may come from the import's identity map
    return export_without_time()


def test_round_trip_is_lossless(app):
    build_rich_set()
    first = export_without_time()
    assert len(first["articles"]) == 2
    claims = [c for a in first["articles"] for c in a["claims"]]
    assert sum(len(c["verdicts"]) for c in claims) >= 3 and sum(len(c["comments"]) for c in claims) == 2
    assert any(c["decision"] for c in claims) and any(c["history"] for c in claims) and first["vocabulary"]
    assert any("🇺🇸" in c["quote"] or "“" in c["quote"] for a in first["articles"] for c in a["claims"])
    second = import_into_fresh_database(first)
    assert second == first


def test_round_trip_keeps_merged_and_split_sentences(app):
    build_rich_set()
    first = export_without_time()
    wire = first["articles"][1]
    texts = [s["text"] for s in wire["sentences"]]
    assert texts[0].startswith("GENEVA (AP)") and texts[0].endswith("decade.”")  # merged
    assert texts[-2:] == ["Officials said", "the figures were preliminary."]  # split
    second = import_into_fresh_database(first)
    assert [s["text"] for s in second["articles"][1]["sentences"]] == texts


def test_importing_the_same_file_twice_creates_no_duplicates(app):
    build_rich_set()
    document = export_without_time()
    document["exported_at"] = "2026-01-01T00:00:00Z"
    report = importer.import_document(document, "skip")
    db.session.commit()
    assert report.articles_matched == 2 and report.articles_created == 0
    assert report.claims_created == 0 and report.claims_skipped == 3
    again = export_without_time()
    document.pop("exported_at")
    assert again == document


def test_replace_mode_overwrites_existing_claims(app):
    build_rich_set()
    document = native.export_articles()
    claim = next(c for c in document["articles"][0]["claims"] if len(c["evidence"]) == 2)
    claim["status"], claim["rationale"] = "supported", "New evidence came in."  # a status the decision denies
    claim["evidence"] = claim["evidence"][:1]
    report = importer.import_document(document, "replace")
    db.session.commit()
    assert report.claims_replaced == 3
    after = next(c for c in native.export_articles()["articles"][0]["claims"] if c["id"] == claim["id"])
    # the status is derived from the decision (refuted), never taken from the file
    assert (after["status"], after["rating"], after["rationale"]) == ("refuted", "refuted", "New evidence came in.")
    assert [e["url"] for e in after["evidence"]] == [claim["evidence"][0]["url"]]


def test_unknown_users_are_created_disabled_and_reported(app):
    build_rich_set()
    document = native.export_articles()
    document["articles"][0]["claims"][0]["created_by"] = "dave"
    document["articles"][0]["claims"][0]["id"] = "new-claim-id"
    report = importer.import_document(document, "skip")
    db.session.commit()
    assert report.users_created == ["dave"]
    from annotate.models import User
    dave = db.session.scalar(db.select(User).where(User.username == "dave"))
    assert dave is not None and dave.active is False


CORE_CLAIM_KEYS = {"id", "sentence_index", "start", "end", "quote", "prefix", "suffix", "attribution", "status",
                   "rationale", "evidence", "created_by", "created_at", "updated_by", "updated_at", "version"}
CORE_ARTICLE_KEYS = {"id", "title", "source_url", "published", "text", "sha256", "created_by", "created_at",
                     "sentences", "claims"}


def core_only(document: dict) -> dict:
    """The document as the core release wrote it, before the teamwork fields were added."""
    articles = [{k: v for k, v in a.items() if k in CORE_ARTICLE_KEYS} for a in document["articles"]]
    for article in articles:
        article["claims"] = [{k: v for k, v in c.items() if k in CORE_CLAIM_KEYS} for c in article["claims"]]
    return {"format": document["format"], "version": 1, "articles": articles}


def test_an_export_made_before_the_teamwork_features_still_round_trips(app):
    build_rich_set()
    old = core_only(export_without_time())
    schema.validate_export(old | {"exported_at": "2025-01-01T00:00:00Z"})
    second = import_into_fresh_database(old)
    # A status without the review records behind it reads as set by hand: a verdict now (in review), or a flag
    moved = {"refuted": "in_review", "disputed": "disputed", "unverified": "unverified"}
    for article in old["articles"]:
        for claim in article["claims"]:
            claim["status"] = moved[claim["status"]]
    assert core_only(second) == old


def test_a_status_set_by_hand_in_an_older_export_becomes_a_verdict_by_whoever_set_it(app):
    build_rich_set()
    old = core_only(export_without_time())
    claims = old["articles"][1]["claims"] + old["articles"][0]["claims"]
    claims[0]["status"], claims[1]["status"] = "refuted", "disputed"  # as the panel let anyone set them
    second = import_into_fresh_database(old)
    by_id = {c["id"]: c for a in second["articles"] for c in a["claims"]}
    refuted, disputed = by_id[claims[0]["id"]], by_id[claims[1]["id"]]
    assert [(v["reviewer"], v["rating"]) for v in refuted["verdicts"]] == [(claims[0]["updated_by"], "refuted")]
    assert (refuted["status"], refuted["rating"], refuted["workflow_state"]) == ("in_review", None, "in_review")
    assert refuted["updated_at"] == claims[0]["updated_at"]  # the claim itself keeps its imported time
    assert refuted["history"][-1]["action"] == "migrated" and refuted["history"][-1]["before"] == {"status": "refuted"}
    assert (disputed["status"], disputed["workflow_state"]) == ("disputed", "disputed")
    assert disputed["dispute_flag"]["flagged_by"] == claims[1]["updated_by"] and not disputed["verdicts"]
