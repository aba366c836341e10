"""JSON export downloads: format version 1, schema-valid, and every quote equal to text[start:end]."""
import copy
import json
import re
from datetime import date
from pathlib import Path

import jsonschema
import pytest

from annotate.claims import operations as claim_ops
from annotate.interchange import native
from annotate.interchange import schema
from annotate.extensions import db
from annotate.models import Claim
from tests.factories import PASSWORD
from tests.factories import check_document
from tests.factories import make_article
from tests.factories import make_claim
from tests.factories import make_user

DATA = Path(__file__).parent.parent / "data" / "client"
EMOJI_TEXT = (DATA / "emoji_vote.txt").read_text(encoding="utf-8")
CURLY_TEXT = (DATA / "curly_quotes.txt").read_text(encoding="utf-8")


def download(client, url: str, filename: str) -> dict:
    response = client.get(url)
    assert response.status_code == 200, response.data[:300]
    assert response.mimetype == "application/json"
    assert response.headers["Content-Disposition"] == f'attachment; filename="{filename}"'
    return check_document(json.loads(response.data.decode("utf-8")))


@pytest.fixture
def annotated(app, user):
    """An emoji article and a curly-quote article with claims of several statuses and some evidence."""
    emoji = make_article(EMOJI_TEXT, title="Farm bill 🇺🇸", user=user, source_url="https://news.example/farm",
                         published=date(2024, 3, 4))
    curly = make_article(CURLY_TEXT, title="Water plan", user=user)
    vote = make_claim(emoji, "vote passed 52–48 😀", sentence_index=1, user=user, status="supported",
                      attr_source="Senate clerk", attr_type="author", rationale="Roll call 👍")
    make_claim(emoji, "“a win for 👩‍🌾 farmers.”", sentence_index=2, user=user, status="refuted",
               attr_source="Ana Ruiz", attr_role="sponsor", attr_cue="called", attr_type="mixed")
    make_claim(emoji, "the 🇺🇸 budget office had not scored the final text", sentence_index=3, user=user)
    make_claim(curly, "“We will not ration water this summer,”", sentence_index=1, user=user, status="refuted",
               attr_type="direct")
    make_claim(curly, "‘It’s a gamble,’", sentence_index=4, user=user, status="disputed")
    make_claim(curly, "“optimistic at best.”", sentence_index=4, user=user)
    claim_ops.add_evidence(db.session.get(Claim, vote.id), "https://www.senate.gov/vote/1", user,
                           "Roll call “1”", "Yeas 52 — Nays 48", "supports")
    db.session.commit()
    return {"emoji": emoji.id, "curly": curly.id}


def article_of(document: dict, title: str) -> dict:
    return next(a for a in document["articles"] if a["title"] == title)


def test_article_download_has_its_headers_and_validates(logged_in, annotated):
    document = download(logged_in, f"/articles/{annotated['emoji']}/export.json",
                        f"article-{annotated['emoji']}-claims.json")
    (article,) = document["articles"]
    assert article["title"] == "Farm bill 🇺🇸"
    assert article["source_url"] == "https://news.example/farm" and article["published"] == "2024-03-04"
    assert len(article["claims"]) == 3


def test_emoji_offsets_are_code_points(logged_in, annotated):
    document = download(logged_in, f"/articles/{annotated['emoji']}/export.json",
                        f"article-{annotated['emoji']}-claims.json")
    (article,) = document["articles"]
    text = article["text"]
    vote = article["claims"][0]
    assert vote["quote"] == "vote passed 52–48 😀"
    assert vote["start"] == text.index("vote passed")  # code points, not UTF-16 units
    assert vote["end"] - vote["start"] == len("vote passed 52–48 😀") == 19
    farmers = article["claims"][1]
    assert farmers["quote"] == "“a win for 👩‍🌾 farmers.”"
    assert farmers["attribution"] == {"source": "Ana Ruiz", "role": "sponsor", "cue": "called", "type": "mixed"}


def test_curly_quote_claims_keep_their_quote_marks(logged_in, annotated):
    document = download(logged_in, f"/articles/{annotated['curly']}/export.json",
                        f"article-{annotated['curly']}-claims.json")
    quotes = [c["quote"] for c in document["articles"][0]["claims"]]
    assert quotes == ["“We will not ration water this summer,”", "‘It’s a gamble,’", "“optimistic at best.”"]


def test_non_ascii_is_written_as_is(logged_in, annotated):
    raw = logged_in.get(f"/articles/{annotated['emoji']}/export.json").data.decode("utf-8")
    assert "👍🏽" in raw and "“a win for 👩‍🌾 farmers.”" in raw
    assert "\\u" not in raw


def test_claim_fields_and_evidence_are_complete(logged_in, annotated):
    document = download(logged_in, "/export.json", "claims-all.json")
    vote = article_of(document, "Farm bill 🇺🇸")["claims"][0]
    assert vote["status"] == "supported" and vote["rationale"] == "Roll call 👍"
    assert vote["attribution"]["type"] == "author"
    assert vote["created_by"] == vote["updated_by"] == "rev"
    assert vote["version"] >= 2  # created, then described
    (evidence,) = vote["evidence"]
    assert evidence["url"] == "https://www.senate.gov/vote/1" and evidence["stance"] == "supports"
    assert evidence["title"] == "Roll call “1”" and evidence["excerpt"] == "Yeas 52 — Nays 48"
    assert evidence["created_by"] == "rev"
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T.*Z", evidence["created_at"])


def test_export_all_holds_every_article(logged_in, annotated):
    make_article(title="No claims here")
    document = download(logged_in, "/export.json", "claims-all.json")
    assert {a["title"] for a in document["articles"]} == {"Farm bill 🇺🇸", "Water plan", "No claims here"}


@pytest.mark.parametrize("status, expected", [
    ("refuted", {"Farm bill 🇺🇸": ["“a win for 👩‍🌾 farmers.”"],
                 "Water plan": ["“We will not ration water this summer,”"]}),
    ("disputed", {"Water plan": ["‘It’s a gamble,’"]}),
    ("misleading", {}),
])
def test_export_filtered_by_status(logged_in, annotated, status, expected):
    document = download(logged_in, f"/export.json?status={status}", f"claims-{status}.json")
    got = {a["title"]: [c["quote"] for c in a["claims"]] for a in document["articles"]}
    assert got == expected


def test_export_with_an_unknown_status_is_a_400(logged_in, annotated):
    response = logged_in.get("/export.json?status=false")
    assert response.status_code == 400
    assert b"Unknown status filter" in response.data


def test_export_of_an_unknown_article_is_a_404(logged_in, annotated):
    assert logged_in.get("/articles/99999/export.json").status_code == 404


def test_export_links_are_plain_downloads(logged_in, annotated):
    page = logged_in.get(f"/articles/{annotated['emoji']}").data.decode()
    assert re.search(rf'<a [^>]*download[^>]*href="/articles/{annotated["emoji"]}/export.json"', page)
    assert "hx-boost" not in page  # boost is never on, so no link needs to opt out of it
    listing = logged_in.get("/").data.decode()
    assert 'action="/export.json"' in listing


def test_export_records_who_changed_a_claim(logged_in, annotated):
    editor = make_user("wang", "editor", PASSWORD)
    claim = db.session.scalars(db.select(Claim).where(Claim.status == "disputed")).one()
    claim_ops.update_claim(claim, {"attr_source": "the council"}, editor, claim.version)
    db.session.commit()
    document = download(logged_in, "/export.json?status=disputed", "claims-disputed.json")
    (exported,) = article_of(document, "Water plan")["claims"]
    assert (exported["created_by"], exported["updated_by"]) == ("rev", "wang")
    assert exported["updated_at"] >= exported["created_at"]


def test_the_export_of_a_fresh_article_is_valid(logged_in):
    article = make_article("Just one sentence.", title="Fresh")
    document = download(logged_in, f"/articles/{article.id}/export.json", f"article-{article.id}-claims.json")
    assert document["articles"][0]["claims"] == []
    assert document["articles"][0]["source_url"] is None and document["articles"][0]["published"] is None


def test_export_of_an_empty_database_is_valid(logged_in):
    assert download(logged_in, "/export.json", "claims-all.json")["articles"] == []


@pytest.mark.parametrize("breakage", ["no quote", "bad status", "bad url", "no articles", "wrong version",
                                      "negative offset", "missing attribution type"])
def test_the_schema_rejects_a_broken_document(app, annotated, breakage):
    """The validator used above can fail: each required part of the contract is enforced."""
    document = check_document(native.export_articles())
    broken = copy.deepcopy(document)
    claim = broken["articles"][0]["claims"][0]
    if breakage == "no quote":
        del claim["quote"]
    elif breakage == "bad status":
        claim["status"] = "True!"  # statuses are vocabulary keys or workflow states: lower-case keys
    elif breakage == "bad url":
        claim["evidence"][0]["url"] = "javascript:alert(1)"
    elif breakage == "no articles":
        del broken["articles"]
    elif breakage == "wrong version":
        broken["version"] = 2
    elif breakage == "negative offset":
        claim["start"] = -1
    else:
        del claim["attribution"]["type"]
    with pytest.raises(jsonschema.ValidationError):
        schema.validate_export(broken)


def test_no_export_carries_a_status_that_contradicts_its_state_and_the_schema_refuses_one(logged_in, annotated):
    document = download(logged_in, "/export.json", "claims-all.json")
    shown = {(c["workflow_state"], c["status"], c["rating"]) for a in document["articles"] for c in a["claims"]}
    assert shown == {("decided", "supported", "supported"), ("decided", "refuted", "refuted"),
                     ("disputed", "disputed", None), ("unverified", "unverified", None)}
    for state, status, rating in [("unverified", "refuted", None), ("in_review", "supported", None),
                                  ("decided", "in_review", "refuted"), ("decided", "refuted", None),
                                  ("disputed", "disputed", "refuted")]:
        broken = copy.deepcopy(document)
        claim = broken["articles"][0]["claims"][0]
        claim["workflow_state"], claim["status"], claim["rating"] = state, status, rating
        with pytest.raises(jsonschema.ValidationError):
            schema.validate_export(broken)
    older = copy.deepcopy(document)  # a document from before `rating`: any status still validates
    for claim in older["articles"][0]["claims"]:
        claim.pop("rating")
        claim["status"] = "mostly_supported"
    schema.validate_export(older)
