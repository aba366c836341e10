"""Broken annotation sets: each gets its own clear error, and the database stays exactly as it was."""
import io
import json

import pytest
from sqlalchemy import select

from annotate.interchange import native
from annotate.interchange import importer
from annotate.extensions import db
from tests.factories import PASSWORD
from tests.factories import build_rich_set
from tests.factories import make_user


def database_dump() -> dict:
    """Every row of every table, in key order (on SQLite and PostgreSQL alike): equal dumps, an unchanged database."""
    db.session.remove()
    with db.engine.connect() as connection:
        return {table.name: connection.execute(select(table).order_by(*table.primary_key.columns)).all()
                for table in db.metadata.sorted_tables}


def valid_document() -> dict:
    document = native.export_articles()
    document["articles"][0]["claims"][0]["id"] = "a-new-claim"
    document["articles"][0]["id"] = "a-new-article"
    document["articles"][1]["id"] = "another-new-article"
    document["articles"][1]["text"] += " Edited."
    document["articles"][1]["sha256"] = native.text_sha256(document["articles"][1]["text"])
    return document


def first_claim(d):
    return d["articles"][0]["claims"][0]


BROKEN = {
    "not an object": (lambda d: [d], "$", "expected a JSON object"),
    "wrong format": (lambda d: d | {"format": "label-studio"}, "$.format", "expected 'annotate.claims'"),
    "unknown version": (lambda d: d | {"version": 7}, "$.version", "unsupported version 7"),
    "version as string": (lambda d: d | {"version": "1"}, "$.version", "unsupported version '1'"),
    "articles missing": (lambda d: {k: v for k, v in d.items() if k != "articles"}, "$", "'articles' is a required"),
    "articles not a list": (lambda d: d | {"articles": {}}, "$.articles", "is not of type 'array'"),
    "title missing": (lambda d: d["articles"][0].pop("title") and d, "$.articles[0]", "'title' is a required"),
    "text empty": (lambda d: d["articles"][0].update(text="") or d, "$.articles[0].text", "should be non-empty"),
    "start is a string": (lambda d: first_claim(d).update(start="12") or d, "$.articles[0].claims[0].start",
                          "is not of type 'integer'"),
    "negative offset": (lambda d: first_claim(d).update(start=-1) or d, "$.articles[0].claims[0].start",
                        "less than the minimum"),
    "offsets past the text": (lambda d: first_claim(d).update(start=10**6, end=10**6 + 5) or d,
                              "$.articles[0].claims[0]", "fall outside sentence"),
    "quote not matching": (lambda d: first_claim(d).update(quote="something else") or d,
                           "$.articles[0].claims[0].quote", "does not equal text[start:end]"),
    "unknown status": (lambda d: first_claim(d).update(status="true-ish") or d, "$.articles[0].claims[0].status",
                       "does not match"),
    "unknown attribution type": (lambda d: first_claim(d)["attribution"].update(type="rumour") or d,
                                 "$.articles[0].claims[0].attribution.type", "is not one of"),
    "evidence javascript url": (lambda d: first_claim(d)["evidence"].append(
        {"url": "javascript:alert(1)", "title": "", "excerpt": "", "stance": "supports", "created_by": None,
         "created_at": "2026-01-01T00:00:00Z"}) or d, "$.articles[0].claims[0].evidence", "does not match"),
    "bad timestamp": (lambda d: first_claim(d).update(created_at="yesterday") or d,
                      "$.articles[0].claims[0].created_at", "does not match"),
    "sentence index gap": (lambda d: d["articles"][0]["sentences"][1].update(index=5) or d,
                           "$.articles[0].sentences[1].index", "expected 1"),
    "sentence text mismatch": (lambda d: d["articles"][0]["sentences"][0].update(text="Other words.") or d,
                               "$.articles[0].sentences[0].text", "does not equal text[start:end]"),
    "claim in missing sentence": (lambda d: first_claim(d).update(sentence_index=99) or d,
                                  "$.articles[0].claims[0].sentence_index", "no sentence 99"),
    "duplicate claim id": (lambda d: d["articles"][1]["claims"].append(dict(first_claim(d))) or d,
                           "$.articles[1].claims[1]", ""),
    "sha256 mismatch": (lambda d: d["articles"][0].update(sha256="0" * 64) or d, "$.articles[0].sha256",
                        "does not match the SHA-256"),
    "claim missing version": (lambda d: first_claim(d).pop("version") and d, "$.articles[0].claims[0]",
                              "'version' is a required"),
    # what no database column can hold: each was a 500 at the insert on PostgreSQL, or when encoding
    "title longer than its column": (lambda d: d["articles"][0].update(title="T" * 301) or d, "$.articles[0].title",
                                     "at most 300 can be kept"),
    "claim id longer than 36": (lambda d: first_claim(d).update(id="x" * 37) or d, "$.articles[0].claims[0].id",
                                "at most 36 can be kept"),
    "attribution cue too long": (lambda d: first_claim(d)["attribution"].update(cue="c" * 101) or d,
                                 "$.articles[0].claims[0].attribution.cue", "at most 100 can be kept"),
    "source url too long": (lambda d: d["articles"][0].update(source_url="https://x.org/" + "a" * 2000) or d,
                            "$.articles[0].source_url", "at most 2,000 can be kept"),
    "lone surrogate": (lambda d: first_claim(d).update(rationale="a\ud800") or d,
                       "$.articles[0].claims[0].rationale", "lone UTF-16 surrogate"),
    "offset past an INTEGER": (lambda d: first_claim(d).update(start=2**31) or d, "$.articles[0].claims[0].start",
                               "out of range"),
    "huge version": (lambda d: first_claim(d).update(version=10**30) or d, "$.articles[0].claims[0].version",
                     "out of range"),
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_document_is_refused_and_nothing_changes(app, name):
    build_rich_set()
    break_it, path, message = BROKEN[name]
    document = break_it(valid_document())
    before = database_dump()
    with pytest.raises(importer.ImportInvalid) as caught:
        importer.import_document(document, "skip")
    db.session.rollback()
    assert database_dump() == before
    assert any(e["path"].startswith(path) and message in e["message"] for e in caught.value.errors), caught.value.errors


@pytest.mark.parametrize("data, message", [
    (b"", "the file is empty"),
    (b'{"format": "annotate.claims", "version": 1, "articles": [', "not valid JSON"),
    (b"\xff\xfe{}", "not UTF-8"),
    (b"x" * (importer.MAX_IMPORT_BYTES + 1), "the limit is 20 MB"),
    (b"[" * 100_000 + b"]" * 100_000, "nested more than 64 levels deep"),
    (b'{"articles": ' + b"[" * 80 + b"]" * 80 + b"}", "nested more than 64 levels deep"),
    (b'{"title": "\\ud800"}', "lone UTF-16 surrogate"),
])
def test_unreadable_files_are_refused(app, data, message):
    with pytest.raises(importer.ImportInvalid) as caught:
        importer.parse(data)
    assert message in caught.value.errors[0]["message"]


def test_truncated_json_names_the_line_and_column(app):
    with pytest.raises(importer.ImportInvalid) as caught:
        importer.parse(b'{\n  "format": "annotate.claims",\n  "version": 1,\n  "articles": [{"id": ')
    assert "line 4" in caught.value.errors[0]["message"]


def test_a_valid_document_with_one_bad_claim_writes_nothing(app):
    """All or nothing: the good articles of a file with one bad claim are not written either."""
    build_rich_set()
    document = valid_document()
    document["articles"][1]["claims"][0]["quote"] = "not the text"
    before = database_dump()
    with pytest.raises(importer.ImportInvalid):
        importer.import_document(document)
    db.session.rollback()
    assert database_dump() == before


def login_editor(client):
    make_user("ed", "editor", PASSWORD)
    client.post("/login", data={"username": "ed", "password": PASSWORD})


def test_import_page_shows_each_error_and_writes_nothing(app, client):
    build_rich_set()
    login_editor(client)
    document = valid_document()
    first_claim(document).update(start="x")
    before = database_dump()
    upload = {"file": (io.BytesIO(json.dumps(document).encode()), "set.json"), "mode": "skip"}
    response = client.post("/import", data=upload, content_type="multipart/form-data")
    assert response.status_code == 422
    assert b"Nothing was imported" in response.data and b"$.articles[0].claims[0].start" in response.data
    assert database_dump() == before


def test_import_page_imports_and_reports(app, client):
    build_rich_set()
    login_editor(client)
    upload = {"file": (io.BytesIO(json.dumps(valid_document()).encode()), "set.json"), "mode": "skip"}
    response = client.post("/import", data=upload, content_type="multipart/form-data")
    assert response.status_code == 200
    assert b"Imported." in response.data, response.data.decode()[-1500:]
    assert b"1 article(s) created; 1 matched (1 by identical text); 1 claim(s) created" in response.data


def test_import_page_refuses_a_50_mb_upload_with_a_message(app, client):
    login_editor(client)
    big = io.BytesIO(b" " * (50 * 1024 * 1024))
    response = client.post("/import", data={"file": (big, "big.json"), "mode": "skip"},
                           content_type="multipart/form-data")
    assert response.status_code == 413
    assert b"larger than the 20 MB limit" in response.data


def test_reviewers_cannot_import(app, logged_in):
    upload = {"file": (io.BytesIO(b"{}"), "set.json"), "mode": "skip"}
    response = logged_in.post("/import", data=upload, content_type="multipart/form-data")
    assert response.status_code == 403


def test_cli_import_reports_errors_and_success(app, runner, tmp_path):
    build_rich_set()
    good, bad = tmp_path / "good.json", tmp_path / "bad.json"
    good.write_text(json.dumps(valid_document()))
    broken = valid_document()
    broken["version"] = 2
    bad.write_text(json.dumps(broken))
    result = runner.invoke(args=["import-annotations", str(bad)])
    assert result.exit_code != 0 and "unsupported version 2" in result.output
    result = runner.invoke(args=["import-annotations", str(good), "--mode", "skip"])
    assert result.exit_code == 0, result.output
    assert "1 article(s) created; 1 matched (1 by identical text); 1 claim(s) created" in result.output
    again = runner.invoke(args=["import-annotations", str(good)])
    assert "0 article(s) created; 2 matched (1 by identical text); 0 claim(s) created" in again.output and "3 skipped" in again.output
