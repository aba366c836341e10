"""Standard exports: W3C Web Annotation (expanded by a JSON-LD processor), ClaimReview and CSV."""
import csv
import io
import json
import re
from pathlib import Path

import pytest
from pyld import jsonld

from annotate.interchange import formats
from annotate.interchange import snapshot
from annotate.interchange.export import render_export
from annotate.extensions import db
from annotate.interchange.formats.claimreview import export_claimreview
from annotate.interchange.formats.csv_export import export_csv
from annotate.interchange.formats.w3c import export_w3c
from annotate.models import Comment
from annotate.models import Decision
from annotate.models import Verdict
from tests.factories import build_rich_set

OA = "http://www.w3.org/ns/oa#"
CONTEXT_FILE = Path(formats.__file__).parent / "anno.jsonld"


def offline_loader(url, options=None):
    """Only the W3C annotation context, from our copy; anything else is refused (no network in tests)."""
    if url.rstrip("/") not in ("http://www.w3.org/ns/anno.jsonld", "https://www.w3.org/ns/anno.jsonld"):
        raise jsonld.JsonLdError(f"offline test refuses to load {url}", "loading document failed")
    return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url,
            "document": json.loads(CONTEXT_FILE.read_text())}


@pytest.fixture
def rich(app):
    """The rich set already holds verdicts (one revised), a reply thread and a decision."""
    return build_rich_set()


def expand(document: dict) -> list[dict]:
    return jsonld.expand(document, {"documentLoader": offline_loader})


def test_w3c_export_expands_with_a_json_ld_processor(rich):
    document = export_w3c(snapshot.load())
    expanded = expand(document)
    collection = expanded[0]
    assert collection["@type"] == ["http://www.w3.org/ns/activitystreams#OrderedCollection"]
    items = collection["http://www.w3.org/ns/activitystreams#first"][0]["http://www.w3.org/ns/activitystreams#items"][0]["@list"]
    verdicts = db.session.scalar(db.select(db.func.count(Verdict.id)))
    comments = db.session.scalar(db.select(db.func.count(Comment.id)))
    assert (verdicts, comments) == (4, 2)
    assert len(items) == document["total"] == 3 + verdicts + comments
    claim_targets = [i[OA + "hasTarget"][0] for i in items if OA + "hasSelector" in i[OA + "hasTarget"][0]]
    assert len(claim_targets) == 3
    selector_types = {t for target in claim_targets for s in target[OA + "hasSelector"] for t in s["@type"]}
    assert selector_types == {OA + "TextQuoteSelector", OA + "TextPositionSelector"}
    motivations = {m["@id"] for item in items for m in item[OA + "motivatedBy"]}
    assert motivations == {OA + "assessing", OA + "commenting", OA + "replying"}


def test_w3c_claim_annotation_has_both_selectors_with_code_point_offsets(rich):
    document = export_w3c(snapshot.load([rich["articles"][0].id]))
    article = rich["articles"][0]
    annotations = [i for i in document["first"]["items"] if isinstance(i["target"], dict)]
    for annotation in annotations:
        quote, position = annotation["target"]["selector"]
        assert quote["type"] == "TextQuoteSelector" and position["type"] == "TextPositionSelector"
        assert article.text[position["start"]:position["end"]] == quote["exact"]
        assert article.text[:position["start"]].endswith(quote["prefix"])
        assert article.text[position["end"]:].startswith(quote["suffix"])
    refuted = next(a for a in annotations if a["id"] == f"urn:uuid:{rich['claim'].uuid}")
    labels = {b.get("label"): b.get("value", b.get("source")) for b in refuted["body"]}
    assert labels["rating"] == "Refuted" and labels["attribution source"] == "Ana Ruiz"
    assert labels["explanation"].startswith("The budget shows")
    assert any(b.get("purpose") == "linking" and b["source"] == "https://budget.example/2024" for b in refuted["body"])


def test_claimreview_has_the_fields_a_publisher_needs(rich):
    reviews = export_claimreview(snapshot.load(), "https://factcheck.example/", "Example Fact Check")
    assert len(reviews) == 1
    review = reviews[0]
    assert review["@type"] == "ClaimReview" and review["@context"] == "https://schema.org"
    assert review["claimReviewed"] == "will cut costs by 12 percent"
    assert review["reviewRating"]["alternateName"] == "Refuted"
    assert review["reviewRating"]["ratingExplanation"].startswith("The budget shows")
    assert review["itemReviewed"]["@type"] == "Claim"
    assert review["itemReviewed"]["author"] == {"@type": "Person", "name": "Ana Ruiz", "jobTitle": "mayor"}
    assert review["itemReviewed"]["appearance"]["url"] == "https://news.example/council"
    assert review["url"].startswith("https://factcheck.example/articles/")
    assert len(review["datePublished"]) == 10


def test_reopened_decisions_are_not_published(rich):
    from annotate.review import workflow

    workflow.reopen(rich["claim"], rich["alice"])
    db.session.commit()
    assert db.session.scalar(db.select(Decision)).reopened_at is not None
    assert export_claimreview(snapshot.load(), "https://x.example/", "X") == []


def test_csv_opens_as_utf8_with_one_row_per_claim(rich):
    text = export_csv(snapshot.load())
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert len(rows) == 3
    refuted = next(r for r in rows if r["claim_id"] == rich["claim"].uuid)
    assert refuted["quote"] == "will cut costs by 12 percent" and refuted["rating"] == "Refuted"
    assert refuted["evidence_urls"].split() == ["https://budget.example/2024", "https://news.example/earlier"]
    assert any("“will cut costs" in r["sentence"] for r in rows)


@pytest.mark.parametrize("dangerous", ["=HYPERLINK(\"http://evil\")", "+1+2", "-2+3", "@SUM(A1)", "\t=1"])
def test_csv_neutralises_formula_injection(rich, dangerous):
    rich["claim"].attr_source = dangerous
    db.session.commit()
    rows = list(csv.DictReader(io.StringIO(export_csv(snapshot.load()).lstrip("\ufeff"))))
    source = next(r["source"] for r in rows if r["claim_id"] == rich["claim"].uuid)
    assert source == "'" + dangerous


@pytest.mark.parametrize("fmt, kind", [("w3c", "application/ld+json"), ("claimreview", "application/ld+json"),
                                       ("csv", "text/csv"), ("json", "application/json")])
def test_download_routes_and_cli(rich, logged_in, runner, fmt, kind):
    response = logged_in.get(f"/export/{fmt}")
    assert response.status_code == 200 and response.headers["Content-Type"].startswith(kind)
    assert "attachment" in response.headers["Content-Disposition"]
    one = logged_in.get(f"/articles/{rich['articles'][0].id}/export/{fmt}")
    assert one.status_code == 200
    result = runner.invoke(args=["export", "--format", fmt])
    assert result.exit_code == 0
    def lines(text):  # the export time aside (compact JSON puts it on the one line)
        return re.sub(r'"exported_at": ?"[^"]*"', "", text).splitlines()

    assert lines(result.output) == lines(render_export(fmt))


def test_unknown_format_is_404(rich, logged_in):
    assert logged_in.get("/export/xml").status_code == 404
