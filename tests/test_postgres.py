"""The core flow on PostgreSQL: real migrations on a fresh database, then mark, mend and export.

Runs when a server answers at 127.0.0.1:5432 with trust authentication; skipped otherwise,
except in CI (CI=true), where a missing server is a failure. (The packages that write run all
their tests on PostgreSQL as well: see ON_BOTH_DATABASES in tests/conftest.py.)
"""
import json
from pathlib import Path

import pytest
from sqlalchemy import inspect
from sqlalchemy import select

from annotate.cli import init_db
from annotate.extensions import db
from annotate.interchange import native
from annotate.models import Article
from annotate.models import Claim
from annotate.models import Sentence
from tests import apps
from tests.conftest import HX
from tests.apps import config_for
from tests.apps import make_app
from tests.factories import check_document
from tests.factories import make_article

pytestmark = pytest.mark.postgres

DATA = Path(__file__).parent / "data" / "client"
EMOJI_TEXT = (DATA / "emoji_vote.txt").read_text(encoding="utf-8")


@pytest.fixture
def database():
    """Every test here runs on PostgreSQL only."""
    return "postgresql"


@pytest.fixture
def new_database_app(tmp_path):
    """An app on a new, empty database of its own (not the session's migrated one), dropped afterwards."""
    url, name = apps.create_database()
    try:
        application = make_app(config_for(tmp_path, None, SQLALCHEMY_DATABASE_URI=url))
        with application.app_context():
            yield application
            db.session.remove()
            db.engine.dispose()
    finally:
        apps.drop_database(name)


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def test_migrations_build_the_schema_and_are_idempotent(new_database_app):
    init_db(load_seed=True)  # the real migrations, as `flask init-db` runs them
    assert db.engine.dialect.name == "postgresql"
    tables = set(inspect(db.engine).get_table_names())
    assert {"user", "article", "sentence", "claim", "evidence", "alembic_version"} <= tables
    assert db.session.scalar(select(db.func.count(Article.id))) == 1  # the sample article
    init_db(load_seed=True)
    assert db.session.scalar(select(db.func.count(Article.id))) == 1
    runner = new_database_app.test_cli_runner()
    assert runner.invoke(args=["init-db"]).exit_code == 0


def test_core_flow_on_postgres(app, logged_in):
    client = logged_in
    response = client.post("/articles/new", data={"text": EMOJI_TEXT, "title": "Farm bill 🇺🇸",
                                                  "source_url": "https://news.example/farm",
                                                  "published": "2024-03-04"})
    assert response.status_code == 303
    article = db.session.scalar(select(Article).where(Article.title == "Farm bill 🇺🇸"))
    vote = article.sentences[1]
    assert vote.text == "The 👍🏽 vote passed 52–48 😀 on Monday."

    # mark by UTF-16 offsets: one snapped selection, an overlapping one, a whole sentence
    start = vote.text.index("ote pass")
    marked = client.post(f"/articles/{article.id}/claims", headers=HX, data={
        "sentence_id": vote.id, "start16": utf16(vote.text[:start]), "end16": utf16(vote.text[: start + 8])})
    assert marked.status_code == 200
    start = vote.text.index("passed 52–48 😀")
    client.post(f"/articles/{article.id}/claims", headers=HX, data={
        "sentence_id": vote.id, "start16": utf16(vote.text[:start]),
        "end16": utf16(vote.text[: start + len("passed 52–48 😀")]), "quote": "passed 52–48 😀"})
    client.post(f"/articles/{article.id}/claims", headers=HX, data={"sentence_id": article.sentences[2].id,
                                                                    "whole": "y"})
    refused = client.post(f"/articles/{article.id}/claims", headers=HX, data={
        "sentence_id": vote.id, "start16": utf16("The ") + 1, "end16": 12})
    assert refused.status_code == 422
    db.session.expire_all()
    claims = db.session.scalars(select(Claim).order_by(Claim.start)).all()
    assert [c.quote for c in claims][:2] == ["vote passed", "passed 52–48 😀"]

    # describe, add evidence, a stale save
    first = claims[0]
    saved = client.post(f"/claims/{first.id}", headers=HX, data={
        "attr_source": "Senate clerk", "attr_role": "", "attr_cue": "said", "attr_type": "indirect",
        "status": "supported", "rationale": "Roll call 👍", "version": first.version})
    assert saved.status_code == 200
    assert client.post(f"/claims/{first.id}", headers=HX, data={
        "attr_type": "direct", "status": "refuted", "version": 1}).status_code == 409
    assert client.post(f"/claims/{first.id}/evidence", headers=HX, data={
        "evidence-url": "https://www.senate.gov/vote/1", "evidence-stance": "supports"}).status_code == 200
    assert client.post(f"/claims/{first.id}/evidence", headers=HX, data={
        "evidence-url": "javascript:alert(1)", "evidence-stance": "supports"}).status_code == 422

    # mend the segmentation: split the vote sentence before "on Monday.", then merge it back
    point = vote.text.index("on Monday.")
    assert client.post(f"/sentences/{vote.id}/split", headers=HX,
                       data={"offset16": utf16(vote.text[:point])}).status_code == 200
    document = check_document(native.export_articles([article.id]))
    assert len(document["articles"][0]["sentences"]) == 5
    assert client.post(f"/sentences/{vote.id}/merge", headers=HX).status_code == 200
    assert client.post(f"/sentences/{article.sentences[0].id}/no-claim", headers=HX).status_code == 200

    # the export: over HTTP and from the CLI, valid, exact, and in code points
    download = client.get(f"/articles/{article.id}/export.json")
    assert download.status_code == 200
    document = check_document(json.loads(download.data))
    (exported,) = document["articles"]
    assert len(exported["sentences"]) == 4
    assert [c["sentence_index"] for c in exported["claims"]] == [1, 1, 2]
    assert exported["claims"][0]["attribution"]["source"] == "Senate clerk"
    assert exported["claims"][0]["evidence"][0]["created_by"] == "rev"
    assert exported["claims"][0]["created_at"].endswith("Z")
    cli = app.test_cli_runner().invoke(args=["export", "--article", str(article.id)])
    assert cli.exit_code == 0
    check_document(json.loads(cli.stdout))
    assert client.get("/").status_code == 200
    assert client.get(f"/articles/{article.id}").status_code == 200


def test_merges_and_splits_keep_indices_unique_on_postgres(app, logged_in):
    """PostgreSQL checks the (article, index) unique constraint row by row during an UPDATE."""
    text = "\n".join(" ".join(f"Part {p} line {n} ends." for n in range(5)) for p in range(3))
    response = logged_in.post("/articles/new", data={"text": text, "title": "Mending"})
    article_id = int(response.headers["Location"].rsplit("/", 1)[1])
    count = 15
    for step in range(6):  # every step is allowed: merges stay inside a paragraph, splits fall between words
        db.session.expire_all()
        sentences = db.session.scalars(select(Sentence).where(Sentence.article_id == article_id)
                                       .order_by(Sentence.index)).all()
        assert len(sentences) == count
        target = sentences[(step * 4) % len(sentences)]
        if step % 2:
            result = logged_in.post(f"/sentences/{target.id}/split", headers=HX,
                                    data={"offset16": len("Part 0 ")})
            count += 1
        else:
            result = logged_in.post(f"/sentences/{target.id}/merge", headers=HX)
            count -= 1
        assert result.status_code == 200, (step, target.text)
        assert len(check_document(native.export_articles([article_id]))["articles"][0]["sentences"]) == count


def test_bad_input_on_postgres_is_refused_not_a_500(app, logged_in):
    """PostgreSQL is stricter than SQLite (integer range, NUL characters): still no 500."""
    article = make_article()
    claim_response = logged_in.post(f"/articles/{article.id}/claims", headers=HX,
                                    data={"sentence_id": article.sentences[1].id, "whole": "y"})
    assert claim_response.status_code == 200
    claim = db.session.scalar(select(Claim))
    for url, status in ((f"/articles/{2**31}", 404), (f"/articles/{2**63}", 404), (f"/claims/{2**40}", 404),
                        (f"/articles/{article.id}?claim={2**40}", 200)):  # an unknown claim: the page, no panel
        assert logged_in.get(url, headers=HX).status_code == status, url
    assert logged_in.post(f"/articles/{article.id}/claims", headers=HX,
                          data={"sentence_id": str(2**40), "whole": "y"}).status_code == 404
    # NUL characters are dropped, and the rest is saved
    assert logged_in.post("/articles/new", data={"text": "Nul \x00 inside.", "title": "Nul\x00"}).status_code == 303
    assert logged_in.post(f"/claims/{claim.id}", headers=HX, data={
        "attr_source": "a\x00b", "attr_type": "direct", "status": "supported", "rationale": "\x00",
        "version": claim.version}).status_code == 200
    assert logged_in.post(f"/claims/{claim.id}/evidence", headers=HX, data={
        "evidence-url": "https://example.org/", "evidence-title": "t\x00", "evidence-stance": "context"}
    ).status_code == 200
    login = logged_in.post("/login", data={"username": "rev\x00", "password": "x\x00"})
    assert login.status_code == 422 and b"Unknown username or wrong password." in login.data
    db.session.expire_all()
    assert db.session.scalar(select(Article.text).where(Article.title == "Nul")) == "Nul  inside."
    assert db.session.get(Claim, claim.id).attr_source == "ab"
    assert db.session.get(Claim, claim.id).evidence[0].title == "t"


def test_a_claim_deleted_after_a_comment_read_it_answers_claim_gone(app):
    """On PostgreSQL a comment's claim is read without a lock, so another request can delete it before the comment
    is written: add_comment holds the claim first (FOR KEY SHARE) and answers ClaimGone (404), where the comment's
    foreign key failed with a 500. (SQLite reads the claim inside its write lock.)"""
    from sqlalchemy import delete
    from sqlalchemy import func

    from annotate.models import Comment
    from annotate.review import discussion
    from annotate.review.workflow import ClaimGone
    from tests.factories import make_claim
    from tests.factories import make_user

    user = make_user("reader", "reviewer")
    claim = make_claim(make_article())
    db.session.commit()
    with db.engine.begin() as other_request:
        other_request.execute(delete(Claim).where(Claim.id == claim.id))
    with pytest.raises(ClaimGone):
        discussion.add_comment(claim, user, "Checked the report.")
    db.session.rollback()
    assert db.session.scalar(select(func.count(Comment.id))) == 0
