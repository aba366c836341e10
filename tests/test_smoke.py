"""The newcomer's path end to end through the test client: setup, sample article, mark, export."""
from annotate.interchange import native
from annotate.interchange import schema
from annotate.articles.operations import load_seed_article
from tests.conftest import HX


def test_first_visit_creates_admin_then_reads_the_sample_article(app, client):
    load_seed_article()
    assert client.get("/").status_code == 302
    assert client.get("/login").headers["Location"].endswith("/setup")
    response = client.post("/setup", data={"username": "ed", "password": "longenough", "confirm": "longenough"})
    assert response.status_code == 303
    page = client.get("/articles/1")
    assert page.status_code == 200
    assert b"Dolkun Isa" in page.data
    marked = client.post("/articles/1/claims", data={"sentence_id": 7, "whole": "y"}, headers=HX)
    assert marked.status_code == 200
    document = native.export_articles()
    schema.validate_export(document)
    claim = document["articles"][0]["claims"][0]
    assert claim["quote"] == document["articles"][0]["text"][claim["start"]:claim["end"]]
    assert claim["created_by"] == "ed"
