"""Long work through the API: a very long article or a large import answers 202 with a job; polling it shows the
progress, then the result. A job is its owner's (and the admins')."""
import pytest

from annotate.interchange import native
from annotate.jobs import runner
from tests.factories import DEFAULT_TEXT
from tests.factories import assert_json_error
from tests.factories import build_rich_set
from tests.factories import user_with_token


@pytest.fixture
def app_config():
    return {"JOB_ARTICLE_CHARS": 100, "JOB_IMPORT_CLAIMS": 1}


def test_a_long_article_is_a_202_with_a_job_that_ends_with_the_article(client, auth):
    response = client.post("/api/v1/articles", json={"text": DEFAULT_TEXT * 3, "title": "Long"}, headers=auth)
    assert response.status_code == 202
    job = response.get_json()
    assert job["state"] == "queued" and job["kind"] == "article" and job["result"] is None
    assert response.headers["Location"] == f"/api/v1/jobs/{job['id']}" and job["page"] == f"/jobs/{job['id']}"
    runner.run_pending()
    done = client.get(response.headers["Location"], headers=auth).get_json()
    assert done["state"] == "done" and done["result"]["title"] == "Long" and done["result"]["sentences"] == 9
    article = client.get(f"/api/v1/articles/{done['result']['article_id']}", headers=auth).get_json()
    assert article["text"].startswith(DEFAULT_TEXT)


def test_a_large_import_is_a_202_and_its_report_comes_with_the_job(client):
    build_rich_set()
    _, headers = user_with_token("importer", "editor")
    document = native.export_articles()
    response = client.post("/api/v1/import", json=document, headers=headers)
    assert response.status_code == 202
    runner.run_pending()
    done = client.get(response.headers["Location"], headers=headers).get_json()
    assert done["state"] == "done" and done["result"]["report"]["articles_matched"] == 2


def test_a_failed_job_says_why(client):
    _, headers = user_with_token("importer", "editor")
    build_rich_set()
    document = native.export_articles()
    document["articles"][0]["claims"][0]["quote"] = "not the text"
    location = client.post("/api/v1/import", json=document, headers=headers).headers["Location"]
    runner.run_pending()
    failed = client.get(location, headers=headers).get_json()
    assert failed["state"] == "failed" and failed["result"] is None
    assert failed["error"]["errors"][0]["path"] == "$.articles[0].claims[0].quote"


def test_another_users_job_is_404(client, auth):
    location = client.post("/api/v1/articles", json={"text": DEFAULT_TEXT * 3}, headers=auth).headers["Location"]
    _, other = user_with_token("other")
    assert_json_error(client.get(location, headers=other), 404)
    _, admin = user_with_token("boss", "admin")
    assert client.get(location, headers=admin).status_code == 200
    for garbage in ("0", str(2**31), str(10**30), "abc", "%C2%B2", "-1"):
        assert_json_error(client.get(f"/api/v1/jobs/{garbage}", headers=auth), 404)


def test_short_work_stays_in_the_request(app, client, auth):
    app.config["JOB_ARTICLE_CHARS"] = 10_000
    assert client.post("/api/v1/articles", json={"text": DEFAULT_TEXT}, headers=auth).status_code == 201
