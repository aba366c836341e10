"""The JSON API v1: token authentication, JSON errors with the right status, articles, claims, evidence, paging."""
import pytest
from sqlalchemy import func
from sqlalchemy import select

from annotate.interchange import schema
from annotate.extensions import db
from annotate.models import Article
from annotate.models import Claim
from annotate.models import Evidence
from annotate.models import HistoryEvent
from tests.factories import DEFAULT_TEXT
from tests.factories import assert_json_error
from tests.factories import bearer
from tests.factories import make_article
from tests.factories import make_claim
from tests.factories import make_token
from tests.factories import user_with_token


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


# --- authentication --------------------------------------------------------------------------------------------

def test_no_token_is_401_json_with_a_bearer_challenge(client):
    response = client.get("/api/v1/articles")
    assert_json_error(response, 401)
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.parametrize("header", ["Bearer ann_nope", "Basic cmV2OnBhc3N3b3JkMTIz", "Bearer", "ann_x"])
def test_bad_credentials_are_401(client, auth, header):
    assert_json_error(client.get("/api/v1/me", headers={"Authorization": header}), 401)


def test_a_session_cookie_alone_is_401_even_for_reads(app, logged_in):
    assert logged_in.get("/").status_code == 200
    assert_json_error(logged_in.get("/api/v1/articles"), 401)
    assert_json_error(logged_in.post("/api/v1/articles", json={"text": "Hello there."}), 401)
    assert count(Article) == 0


def test_the_token_decides_who_acts_not_the_session(app, logged_in, auth):
    assert logged_in.get("/api/v1/me", headers=auth).get_json() == {"username": "api-rev", "role": "reviewer"}


def test_a_disabled_account_token_is_401(app, client):
    user, headers = user_with_token("gone")
    user.active = False
    db.session.commit()
    assert_json_error(client.get("/api/v1/me", headers=headers), 401)


def test_the_openapi_document_needs_no_token(client):
    document = client.get("/api/v1/openapi.json").get_json()
    assert document["openapi"].startswith("3.1") and "/articles" in document["paths"]


# --- errors are JSON, never HTML ----------------------------------------------------------------------------------

def test_unknown_path_is_404_json(client, auth):
    assert_json_error(client.get("/api/v1/nothing-here", headers=auth), 404)
    assert_json_error(client.get("/api/v1/nothing-here"), 404)


def test_unknown_method_is_405_json_with_allow(client, auth):
    response = client.delete("/api/v1/articles", headers=auth)
    assert_json_error(response, 405)
    assert "GET" in response.headers["Allow"] and "POST" in response.headers["Allow"]


def test_unknown_records_are_404(client, auth):
    for path in ("/api/v1/articles/nope", "/api/v1/claims/nope", "/api/v1/articles/nope/claims"):
        assert_json_error(client.get(path, headers=auth), 404)
    assert_json_error(client.delete("/api/v1/evidence/nope", headers=auth), 404)


def test_a_body_that_is_not_json_is_400(client, auth):
    assert_json_error(client.post("/api/v1/articles", data="text=hi", headers=auth,
                                  content_type="application/x-www-form-urlencoded"), 400)
    assert_json_error(client.post("/api/v1/articles", data="{not json", headers=auth,
                                  content_type="application/json"), 400)
    assert_json_error(client.post("/api/v1/articles", json=["a", "list"], headers=auth), 422)


def test_an_oversized_body_is_413_json(app, client, auth):
    text = "word " * (app.config["MAX_CONTENT_LENGTH"] // 5 + 10)
    assert_json_error(client.post("/api/v1/articles", json={"text": text}, headers=auth), 413)
    assert count(Article) == 0


@pytest.mark.parametrize("body, field", [
    ({}, "text"),
    ({"text": "A text.", "fetch_url": "https://example.com/"}, "text"),
    ({"text": "A text.", "colour": "red"}, "colour"),
    ({"text": 42}, "text"),
    ({"text": "A text.", "published": "05/03/2024"}, "published"),
    ({"text": "A text.", "source_url": "javascript:alert(1)"}, "source_url"),
    ({"text": "A text.", "title": "x" * 301}, "title"),
    ({"text": "   "}, "text"),
    ({"text": "A text with a \x00 in it."}, "text"),
])
def test_invalid_articles_are_422_naming_the_field_and_write_nothing(client, auth, body, field):
    assert_json_error(client.post("/api/v1/articles", json=body, headers=auth), 422, field)
    assert count(Article) == 0


@pytest.mark.parametrize("query, field", [("page=0", "page"), ("page=abc", "page"), ("per_page=101", "per_page"),
                                          ("per_page=-1", "per_page"), ("page=²", "page")])
def test_bad_paging_is_400(client, auth, query, field):
    assert_json_error(client.get(f"/api/v1/articles?{query}", headers=auth), 400, field)


# --- articles -----------------------------------------------------------------------------------------------------

def test_create_and_read_an_article_as_in_the_export(client, auth):
    body = {"text": DEFAULT_TEXT, "title": "Officials", "source_url": "https://example.com/a",
            "published": "2024-03-05"}
    response = client.post("/api/v1/articles", json=body, headers=auth)
    assert response.status_code == 201
    created = response.get_json()
    assert created["title"] == "Officials" and created["published"] == "2024-03-05"
    assert created["created_by"] == "api-rev" and len(created["sentences"]) == 3
    read = client.get(response.headers["Location"], headers=auth).get_json()
    exported = client.get(f"/api/v1/export?article={created['id']}", headers=auth).get_json()
    assert read == created == exported["articles"][0]
    schema.validate_export(exported)


def test_an_upper_case_scheme_is_stored_in_lower_case_so_the_export_stays_valid(client, auth):
    body = {"text": "A text.", "source_url": "HTTPS://Example.com/A"}
    created = client.post("/api/v1/articles", json=body, headers=auth).get_json()
    assert created["source_url"] == "https://Example.com/A"
    schema.validate_export(client.get("/api/v1/export", headers=auth).get_json())


def test_articles_are_listed_in_pages_with_a_next_link(client, auth):
    for n in range(5):
        make_article(f"Article number {n} says something.", title=f"Article {n}")
    seen, url, pages = [], "/api/v1/articles?per_page=2", 0
    while url:
        page = client.get(url, headers=auth).get_json()
        assert page["total"] == 5 and page["per_page"] == 2
        seen += [item["title"] for item in page["items"]]
        url, pages = page["next"], pages + 1
    assert pages == 3 and seen == [f"Article {n}" for n in (4, 3, 2, 1, 0)]
    empty = client.get("/api/v1/articles?page=9&per_page=2", headers=auth).get_json()
    assert empty["items"] == [] and empty["next"] is None


def test_an_article_summary_counts_sentences_and_claims(client, auth):
    article = make_article()
    make_claim(article, "40 people were hurt")
    item = client.get("/api/v1/articles", headers=auth).get_json()["items"][0]
    assert (item["id"], item["sentence_count"], item["claim_count"]) == (article.uuid, 3, 1)


# --- claims -------------------------------------------------------------------------------------------------------

@pytest.fixture
def article(app):
    return make_article()


def new_claim(client, auth, article, **body):
    start = article.text.index("40 people were hurt")
    body = {"start": start, "end": start + len("40 people were hurt"), "quote": "40 people were hurt", **body}
    return client.post(f"/api/v1/articles/{article.uuid}/claims", json=body, headers=auth)


def test_mark_a_claim_with_its_description(client, auth, article):
    response = new_claim(client, auth, article, status="unverified", attribution={"source": "Officials",
                                                                                   "type": "indirect"})
    assert response.status_code == 201
    claim = response.get_json()
    assert claim["quote"] == "40 people were hurt" and claim["article_id"] == article.uuid
    assert (claim["status"], claim["attribution"]["source"], claim["version"]) == ("unverified", "Officials", 2)
    assert client.get(response.headers["Location"], headers=auth).get_json() == claim


def test_marking_the_same_span_twice_is_409_with_the_claim(client, auth, article):
    first = new_claim(client, auth, article).get_json()
    response = new_claim(client, auth, article, rationale="again")
    assert_json_error(response, 409)
    assert response.get_json()["claim"]["id"] == first["id"]
    assert db.session.scalar(select(Claim.status)) == "unverified" and count(Claim) == 1


def test_mark_a_whole_sentence_by_index(client, auth, article):
    response = client.post(f"/api/v1/articles/{article.uuid}/claims", json={"sentence_index": 2}, headers=auth)
    assert response.status_code == 201 and response.get_json()["quote"] == "Police have not named a suspect."


def test_marking_through_the_api_clears_checked_no_claim(client, auth, article):
    """The rule lives in the claims operation, so the API keeps it as the page does."""
    sentence = article.sentences[2]
    sentence.no_claim = True
    db.session.commit()
    response = client.post(f"/api/v1/articles/{article.uuid}/claims", json={"sentence_index": 2}, headers=auth)
    assert response.status_code == 201
    db.session.expire_all()
    assert db.session.get(type(sentence), sentence.id).no_claim is False


@pytest.mark.parametrize("body, field", [
    ({}, "start"),
    ({"start": 0}, "end"),
    ({"start": 5, "end": 3}, "start"),
    ({"start": 0, "end": 10_000}, "start"),
    ({"start": 9999, "end": 10_000}, "start"),
    ({"start": 0, "end": 9, "quote": "Somebody"}, "quote"),
    ({"sentence_index": 7}, "sentence_index"),
    ({"sentence_index": 0, "status": "true-ish"}, "status"),
    ({"sentence_index": 0, "status": "refuted"}, "status"),  # derived from verdicts: never set by hand
    ({"sentence_index": 0, "attribution": {"type": "rumour"}}, "attribution.type"),
])
def test_invalid_claims_are_422_and_write_nothing(client, auth, article, body, field):
    before = count(HistoryEvent)
    assert_json_error(client.post(f"/api/v1/articles/{article.uuid}/claims", json=body, headers=auth), 422, field)
    assert count(Claim) == 0 and count(HistoryEvent) == before


def test_list_an_articles_claims_in_text_order(client, auth, article):
    make_claim(article, "Police have not named a suspect.", sentence_index=2)
    make_claim(article, "40 people were hurt")
    page = client.get(f"/api/v1/articles/{article.uuid}/claims?per_page=1", headers=auth).get_json()
    assert page["total"] == 2 and page["items"][0]["quote"] == "40 people were hurt"
    second = client.get(page["next"], headers=auth).get_json()
    assert second["items"][0]["quote"] == "Police have not named a suspect." and second["next"] is None


def test_update_a_claim_with_its_version(client, auth, article):
    claim = new_claim(client, auth, article).get_json()
    response = client.patch(f"/api/v1/claims/{claim['id']}", headers=auth,
                            json={"version": 1, "status": "unverified", "rationale": "Hospital figures.",
                                  "attribution": {"source": "Officials", "cue": "said", "type": "indirect"}})
    assert response.status_code == 200  # the status sent back unchanged (a round-tripped record) is fine
    updated = response.get_json()
    assert (updated["version"], updated["rationale"], updated["attribution"]["cue"]) == (2, "Hospital figures.", "said")


def test_the_status_follows_verdicts_and_a_patch_may_not_set_it(client, auth, article):
    claim = new_claim(client, auth, article).get_json()
    response = client.patch(f"/api/v1/claims/{claim['id']}", json={"version": 1, "status": "supported"}, headers=auth)
    assert "give a verdict" in assert_json_error(response, 422, "status")["message"]
    assert db.session.scalar(select(Claim.version)) == 1
    client.post(f"/api/v1/claims/{claim['id']}/verdicts", json={"rating": "supported"}, headers=auth)
    read = client.get(f"/api/v1/claims/{claim['id']}", headers=auth).get_json()
    assert (read["status"], read["rating"], read["workflow_state"]) == ("in_review", None, "in_review")


def test_a_stale_version_is_409_with_the_current_claim_and_changes_nothing(client, auth, article):
    claim = new_claim(client, auth, article).get_json()
    client.patch(f"/api/v1/claims/{claim['id']}", json={"version": 1, "rationale": "first"}, headers=auth)
    response = client.patch(f"/api/v1/claims/{claim['id']}", json={"version": 1, "rationale": "second"}, headers=auth)
    error = assert_json_error(response, 409, "version")
    assert error["code"] == "stale_version"
    current = response.get_json()["claim"]
    assert (current["version"], current["rationale"]) == (2, "first")
    assert db.session.scalar(select(Claim.rationale)) == "first"


def test_an_update_needs_the_version(client, auth, article):
    claim = new_claim(client, auth, article).get_json()
    assert_json_error(client.patch(f"/api/v1/claims/{claim['id']}", json={"status": "refuted"}, headers=auth),
                      422, "version")


def test_delete_a_claim(client, auth, article):
    claim = new_claim(client, auth, article).get_json()
    response = client.delete(f"/api/v1/claims/{claim['id']}", headers=auth)
    assert response.status_code == 204 and response.data == b""
    assert_json_error(client.get(f"/api/v1/claims/{claim['id']}", headers=auth), 404)
    assert count(Claim) == 0


def test_add_and_remove_evidence(client, auth, article):
    claim = new_claim(client, auth, article).get_json()
    response = client.post(f"/api/v1/claims/{claim['id']}/evidence", headers=auth,
                           json={"url": "https://example.org/report", "title": "Report", "stance": "supports"})
    assert response.status_code == 201
    evidence = response.get_json()
    assert (evidence["claim_id"], evidence["stance"], evidence["created_by"]) == (claim["id"], "supports", "api-rev")
    assert client.get(f"/api/v1/claims/{claim['id']}", headers=auth).get_json()["evidence"][0]["id"] == evidence["id"]
    assert client.delete(f"/api/v1/evidence/{evidence['id']}", headers=auth).status_code == 204
    assert count(Evidence) == 0


@pytest.mark.parametrize("body, field", [({}, "url"), ({"url": "javascript:alert(1)"}, "url"), ({"url": "http://]x"}, "url"),
                                         ({"url": "https://x.org", "stance": "maybe"}, "stance")])
def test_invalid_evidence_is_422(client, auth, article, body, field):
    claim = new_claim(client, auth, article).get_json()
    assert_json_error(client.post(f"/api/v1/claims/{claim['id']}/evidence", json=body, headers=auth), 422, field)
    assert count(Evidence) == 0


def test_history_names_the_token_owner(client, auth, article):
    claim = new_claim(client, auth, article).get_json()
    client.patch(f"/api/v1/claims/{claim['id']}", json={"version": 1, "rationale": "checked"}, headers=auth)
    actors = {event.actor.username for event in db.session.scalars(select(HistoryEvent))}
    assert actors == {"api-rev"}


# --- export and import --------------------------------------------------------------------------------------------

def test_export_filters_and_checks_its_parameters(client, auth, article):
    make_claim(article, "40 people were hurt", status="supported")  # decided: seen by all, blind or not
    document = client.get("/api/v1/export?status=supported", headers=auth).get_json()
    assert document["format"] == "annotate.claims" and len(document["articles"]) == 1
    assert client.get("/api/v1/export?status=refuted", headers=auth).get_json()["articles"] == []
    assert_json_error(client.get("/api/v1/export?status=nonsense", headers=auth), 400, "status")
    assert_json_error(client.get("/api/v1/export?article=nope", headers=auth), 404)


def test_a_reviewer_may_not_import(client, auth):
    document = client.get("/api/v1/export", headers=auth).get_json()
    assert_json_error(client.post("/api/v1/import", json=document, headers=auth), 403)


def test_an_editor_imports_an_export_without_duplicates(app, client, article):
    make_claim(article, "40 people were hurt", status="supported")
    _, editor = user_with_token("ed", "editor")
    document = client.get("/api/v1/export", headers=editor).get_json()
    response = client.post("/api/v1/import?mode=skip", json=document, headers=editor)
    assert response.status_code == 200, response.get_json()
    assert response.get_json()["report"]["mode"] == "skip"
    assert (count(Article), count(Claim)) == (1, 1)


def test_an_invalid_import_is_422_with_json_paths_and_writes_nothing(client, article):
    _, editor = user_with_token("ed", "editor")
    document = client.get("/api/v1/export", headers=editor).get_json()
    document["articles"][0]["claims"] = [{"id": "x"}]
    document["articles"][0]["id"] = "another-article"
    before = (count(Article), count(Claim), count(HistoryEvent))
    response = client.post("/api/v1/import", json=document, headers=editor)
    error = assert_json_error(response, 422)
    assert error["code"] == "invalid_import" and error["field"].startswith("$")
    assert all(set(e) >= {"path", "message"} for e in response.get_json()["errors"])
    assert (count(Article), count(Claim), count(HistoryEvent)) == before


def test_import_checks_the_mode_and_a_huge_body_is_413(client):
    _, editor = user_with_token("ed", "editor")
    assert_json_error(client.post("/api/v1/import?mode=merge", json={}, headers=editor), 400, "mode")
    huge = b'{"format": "annotate.claims", "pad": "' + b"x" * (21 * 1024 * 1024) + b'"}'
    assert_json_error(client.post("/api/v1/import", data=huge, content_type="application/json", headers=editor), 413)


# --- the document describes the routes exactly -------------------------------------------------------------------

def test_every_api_route_is_documented_and_every_documented_operation_exists(app, client):
    document = client.get("/api/v1/openapi.json").get_json()
    documented = {(path, method.upper()) for path, item in document["paths"].items() for method in item}
    routed = set()
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith("/api/v1/"):
            path = rule.rule.removeprefix("/api/v1").replace("<", "{").replace(">", "}")
            routed |= {(path, method) for method in rule.methods - {"HEAD", "OPTIONS"}}
    assert routed == documented


def test_every_token_but_the_documents_own_is_required(app, client):
    document = client.get("/api/v1/openapi.json").get_json()
    for path, item in document["paths"].items():
        for method, spec in item.items():
            public = spec.get("security") == []
            assert public == (path == "/openapi.json")
            if not public:
                assert "401" in spec["responses"], (path, method)


def test_tokens_of_two_users_act_as_each(app, client):
    _, first = user_with_token("one")
    second_user, _ = user_with_token("two", "admin")
    second = bearer(make_token(second_user, "another"))
    assert client.get("/api/v1/me", headers=first).get_json()["username"] == "one"
    assert client.get("/api/v1/me", headers=second).get_json() == {"username": "two", "role": "admin"}


def test_a_bug_still_answers_json_not_an_html_page(app, client, auth, monkeypatch):
    """The safety net only: no request the document allows should get here (schemathesis checks that)."""
    from annotate.interchange import native

    article = make_article()

    def broken(*args, **kwargs):
        raise RuntimeError("bug")

    monkeypatch.setattr(native, "article_dict", broken)
    assert_json_error(client.get(f"/api/v1/articles/{article.uuid}", headers=auth), 500)
