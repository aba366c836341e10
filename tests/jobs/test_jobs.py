"""Long work off the request: a large import or a very long article becomes a job; its page shows the progress,
then the result; a failure is reported and leaves nothing half-written."""
import io
import json
import threading
import time
from datetime import timedelta

import pytest
from sqlalchemy import func
from sqlalchemy import select

from annotate.extensions import db
from annotate.interchange import importer
from annotate.interchange import native
from annotate.interchange import writer
from annotate.jobs import operations
from annotate.jobs import runner
from annotate.models import Article
from annotate.models import Claim
from annotate.models import Job
from annotate.models import utcnow
from tests.conftest import BOTH_DATABASES
from tests.conftest import HX
from tests.factories import DEFAULT_TEXT
from tests.factories import build_rich_set
from tests.factories import login
from tests.factories import make_user


@pytest.fixture(params=BOTH_DATABASES)
def database(request) -> str:
    """The queue is claimed with SQL that differs by database (SKIP LOCKED on PostgreSQL): both run."""
    return request.param


@pytest.fixture
def app_config():
    """Small thresholds, so small files and texts take the job path."""
    return {"JOB_IMPORT_CLAIMS": 1, "JOB_ARTICLE_CHARS": 100}


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def new_document() -> dict:
    """The rich set's export, with new ids for its articles and claims: importing it creates everything again."""
    document = native.export_articles()
    for number, article in enumerate(document["articles"]):
        article["id"] = f"copy-article-{number}"
        article["text"] += " (copy)"
        article["sha256"] = native.text_sha256(article["text"])
        for index, claim in enumerate(article["claims"]):
            claim["id"] = f"copy-claim-{number}-{index}"
    return document


def upload(client, document: dict):
    data = {"file": (io.BytesIO(json.dumps(document).encode()), "set.json"), "mode": "skip"}
    return client.post("/import", data=data, content_type="multipart/form-data")


def job_page(client, job_id: int, **headers) -> str:
    response = client.get(f"/jobs/{job_id}", headers=headers)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_a_large_import_runs_as_a_job_and_finishes(app, client):
    build_rich_set()
    make_user("ed", "editor")
    login(client, "ed")
    articles, claims = count(Article), count(Claim)
    response = upload(client, new_document())
    assert response.status_code == 303
    job_id = int(response.headers["Location"].rsplit("/", 1)[1])
    assert count(Article) == articles  # nothing written inside the request
    waiting = job_page(client, job_id)
    assert "Waiting for a worker" in waiting and 'hx-trigger="every 1s"' in waiting
    assert runner.run_pending() == 1
    done = job_page(client, job_id, **HX)
    assert "Imported." in done and "2 article(s) created" in done and "hx-trigger" not in done
    assert count(Article) == articles + 2 and count(Claim) == claims * 2
    assert db.session.get(Job, job_id).payload is None  # the upload is not kept once done


def test_the_progress_shows_while_the_job_runs(app, client):
    make_user("ed", "editor")
    login(client, "ed")
    job_id = upload(client, new_document_of_one()).headers["Location"].rsplit("/", 1)[1]
    assert operations.claim(int(job_id)) is not None
    db.session.commit()
    operations.write_progress(int(job_id), 3, 10, "Writing article 3 of 9")
    fragment = job_page(client, int(job_id), **HX)
    assert '<progress max="10" value="3"' in fragment and "30 %" in fragment
    assert "Writing article 3 of 9" in fragment and 'hx-trigger="every 1s"' in fragment
    assert fragment.lstrip().startswith("<section")  # the fragment alone, replacing itself


def new_document_of_one() -> dict:
    build_rich_set()
    document = new_document()
    document["articles"] = document["articles"][:1]
    return document


def test_an_invalid_large_file_fails_with_its_problems_and_writes_nothing(app, client):
    document = new_document_of_one()
    document["articles"][0]["claims"][0]["quote"] = "something else"
    make_user("ed", "editor")
    login(client, "ed")
    articles = count(Article)
    job_id = upload(client, document).headers["Location"].rsplit("/", 1)[1]
    runner.run_pending()
    page = job_page(client, int(job_id))
    assert "Nothing was imported." in page and "$.articles[0].claims[0].quote" in page
    assert count(Article) == articles
    assert db.session.get(Job, int(job_id)).state == "failed"


def test_a_failure_while_writing_rolls_back_every_article(app, client, monkeypatch):
    build_rich_set()
    document = new_document()
    make_user("ed", "editor")
    login(client, "ed")
    before = (count(Article), count(Claim))
    job_id = int(upload(client, document).headers["Location"].rsplit("/", 1)[1])
    real, written = writer.Writer.article, []

    def fail_on_the_second(self, data):
        if written:
            raise RuntimeError("disk full")
        written.append(real(self, data))

    monkeypatch.setattr(writer.Writer, "article", fail_on_the_second)
    runner.run_pending()
    assert written  # the first article was written (flushed) before the failure ...
    assert (count(Article), count(Claim)) == before  # ... and rolled back with everything else
    page = job_page(client, job_id)
    assert "Something went wrong on our side; nothing was saved." in page


def test_a_very_long_article_is_added_by_a_job(app, client, user):
    login(client, "rev")
    response = client.post("/articles/new", data={"text": DEFAULT_TEXT * 3, "title": "Long one"})
    assert response.status_code == 303 and response.headers["Location"].startswith("/jobs/")
    job_id = int(response.headers["Location"].rsplit("/", 1)[1])
    assert count(Article) == 0
    assert "Adding an article" in job_page(client, job_id)
    runner.run_pending()
    article = db.session.scalar(select(Article))
    assert article.title == "Long one" and article.created_by_id == user.id and len(article.sentences) == 9
    assert f'href="/articles/{article.id}"' in job_page(client, job_id)


def test_a_short_article_and_a_small_import_stay_in_the_request(app, client, user):
    app.config.update(JOB_ARTICLE_CHARS=10_000)
    login(client, "rev")
    response = client.post("/articles/new", data={"text": DEFAULT_TEXT, "title": "Short"})
    assert response.headers["Location"].startswith("/articles/") and count(Job) == 0


def test_only_the_creator_and_admins_see_a_job(app, client):
    make_user("ed", "editor")
    make_user("ann", "reviewer")
    make_user("root", "admin")
    login(client, "ed")
    job_id = upload(client, new_document_of_one()).headers["Location"].rsplit("/", 1)[1]
    login(client, "ann")
    assert client.get(f"/jobs/{job_id}").status_code == 404
    login(client, "root")
    assert client.get(f"/jobs/{job_id}").status_code == 200


def test_a_job_is_claimed_once(app, user):
    job = operations.enqueue("article", user, {}, DEFAULT_TEXT)
    db.session.commit()
    assert operations.claim(job.id) is not None
    assert operations.claim(job.id) is None


def test_a_job_whose_worker_went_away_runs_again_then_gives_up(app, user):
    job = operations.enqueue("article", user, {"title": "Again"}, DEFAULT_TEXT)
    db.session.commit()
    operations.claim(job.id)
    job.started_at = utcnow() - timedelta(hours=1)  # its worker died mid-way
    db.session.commit()
    assert operations.next_job_id() == job.id and runner.run_pending() == 1
    assert db.session.get(Job, job.id).state == "done" and count(Article) == 1
    stuck = operations.enqueue("article", user, {}, DEFAULT_TEXT)
    stuck.state, stuck.attempts, stuck.started_at = "running", operations.MAX_ATTEMPTS, utcnow() - timedelta(hours=1)
    db.session.commit()
    assert runner.run_pending() == 0
    db.session.expire_all()
    assert db.session.get(Job, stuck.id).state == "failed" and "interrupted 3 times" in stuck.error["message"]


def test_the_worker_command_runs_the_queue(app, runner, user):
    operations.enqueue("article", user, {"title": "From the CLI"}, DEFAULT_TEXT)
    db.session.commit()
    result = runner.invoke(args=["jobs-worker", "--once"])
    assert result.exit_code == 0 and "Ran 1 job(s)." in result.output
    assert db.session.scalar(select(Article.title)) == "From the CLI"


def test_the_worker_thread_picks_up_a_queued_job(app, user):
    stop = threading.Event()
    worker = threading.Thread(target=runner.work_forever, args=(app, stop), daemon=True)
    worker.start()
    try:
        job = operations.enqueue("article", user, {"title": "By the thread"}, DEFAULT_TEXT)
        db.session.commit()
        runner.wake()
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            db.session.expire_all()
            if db.session.get(Job, job.id).state == "done":
                break
            time.sleep(0.1)
        assert db.session.get(Job, job.id).state == "done"
    finally:
        stop.set()
        runner.wake()
        worker.join(timeout=10)


def test_an_import_reports_each_step(app):
    build_rich_set()
    steps = []
    importer.import_document(new_document(), progress=lambda done, total, step, force=False: steps.append(
        (done, total, step)))
    assert steps == [(0, 3, "Checking the whole file"), (1, 3, "Writing article 1 of 2"),
                     (2, 3, "Writing article 2 of 2")]
