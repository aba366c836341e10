"""Imports keep identity: an article is matched by its id first; only an article whose id is unknown here is matched
by identical text, one to one; the report says how each article was placed. Two articles of identical text and
different ids stay two."""
import io
import json

from sqlalchemy import func
from sqlalchemy import select

from annotate.extensions import db
from annotate.interchange import importer
from annotate.interchange import native
from annotate.models import Article
from tests.apps import empty_database
from tests.factories import DEFAULT_TEXT
from tests.factories import make_article
from tests.factories import login
from tests.factories import make_claim
from tests.factories import make_user


def twins() -> dict:
    """An export holding two articles of identical text, with different ids and a claim each."""
    first = make_article(DEFAULT_TEXT, title="First copy")
    second = make_article(DEFAULT_TEXT, title="Second copy")
    make_claim(first, "40 people were hurt")
    make_claim(second, "Police have not named a suspect", sentence_index=2)
    document = native.export_articles()
    assert [a["text"] for a in document["articles"]] == [DEFAULT_TEXT, DEFAULT_TEXT]
    return json.loads(json.dumps(document))


def placed(report) -> dict:
    return {a["id"]: a["matched_by"] for a in report.articles}


def ids_and_claims() -> dict:
    db.session.remove()
    return {a["id"]: sorted(c["quote"] for c in a["claims"]) for a in native.export_articles()["articles"]}


def test_two_articles_of_identical_text_survive_a_round_trip(app):
    document = twins()
    before = ids_and_claims()
    empty_database()
    report = importer.import_document(document)
    db.session.commit()
    assert set(placed(report).values()) == {"created"} and report.articles_created == 2
    assert ids_and_claims() == before


def test_into_a_database_holding_that_text_under_one_of_the_ids_the_other_is_created(app):
    document = twins()
    keep = document["articles"][0]["id"]
    empty_database()
    importer.import_document(document | {"articles": document["articles"][:1]})
    db.session.commit()
    report = importer.import_document(document)  # the case: "2 matched", then one article
    db.session.commit()
    assert placed(report) == {keep: "id", document["articles"][1]["id"]: "created"}
    assert report.summary().startswith("1 article(s) created; 1 matched;")
    assert set(ids_and_claims()) == {a["id"] for a in document["articles"]}


def test_an_unknown_id_matches_identical_text_once_and_the_report_says_so(app):
    """Here: one article of that text, under an id the file does not know. The file's first twin becomes it (by
    text), the second is created: one to one."""
    document = twins()
    db.session.execute(Article.__table__.delete())
    here = make_article(DEFAULT_TEXT, title="Here")
    report = importer.import_document(document)
    db.session.commit()
    first, second = (a["id"] for a in document["articles"])
    assert placed(report) == {first: "text", second: "created"}
    assert report.articles[0]["article_id"] == here.uuid
    assert "1 matched (1 by identical text)" in report.summary()
    assert db.session.scalar(select(func.count(Article.id))) == 2


def test_an_id_named_in_the_file_is_never_taken_by_text(app):
    """The file's second twin has an id unknown here, and the only article of that text here is the first twin's:
    it stays the first's (by id), whichever comes first in the file, and the second is created."""
    document = twins()
    first, second = document["articles"]
    db.session.execute(Article.__table__.delete().where(Article.uuid == second["id"]))
    db.session.commit()
    document["articles"] = [second, first]
    report = importer.import_document(document)
    db.session.commit()
    assert placed(report) == {second["id"]: "created", first["id"]: "id"}


def test_the_import_page_lists_how_each_article_was_placed(app, client):
    document = twins()
    empty_database()
    make_user("ed", "editor")
    login(client, "ed")
    body = {"file": (io.BytesIO(json.dumps(document).encode()), "set.json"), "mode": "skip"}
    html = client.post("/import", data=body, content_type="multipart/form-data").get_data(as_text=True)
    assert "How each article was placed" in html and html.count("</code>): new</li>") == 2
