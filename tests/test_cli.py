"""Command-line tools: init-db, create-user, import-article and export, through Flask's CLI runner."""
import json
from pathlib import Path

import pytest
from sqlalchemy import func
from sqlalchemy import inspect
from sqlalchemy import select
from werkzeug.security import check_password_hash

from annotate.interchange import schema
from annotate.extensions import db
from annotate.models import Article
from annotate.models import Claim
from annotate.models import User
from tests.apps import config_for
from tests.apps import make_app
from tests.factories import make_article
from tests.factories import make_claim

DATA = Path(__file__).parent / "data" / "client"


def count(model) -> int:
    db.session.expire_all()
    return db.session.scalar(select(func.count(model.id)))


def check_document(document: dict) -> dict:
    schema.validate_export(document)
    for article in document["articles"]:
        for claim in article["claims"]:
            assert claim["quote"] == article["text"][claim["start"] : claim["end"]]
    return document


@pytest.fixture
def two_articles(app, user):
    emoji = make_article((DATA / "emoji_vote.txt").read_text(encoding="utf-8"), title="Farm bill", user=user)
    curly = make_article((DATA / "curly_quotes.txt").read_text(encoding="utf-8"), title="Water plan", user=user)
    make_claim(emoji, "👍🏽 vote passed 52–48", sentence_index=1, user=user, status="refuted")
    make_claim(curly, "‘It’s a gamble,’", sentence_index=4, user=user)
    return emoji.id, curly.id


# --- init-db -------------------------------------------------------------------------------------------------------


@pytest.fixture
def fresh_app(tmp_path):
    """An app on a database file that does not exist yet (no migrations run)."""
    path = tmp_path / "fresh" / "annotate.sqlite"
    path.parent.mkdir()
    application = make_app(config_for(path.parent, path))
    with application.app_context():
        yield application
        db.session.remove()
        db.engine.dispose()


def test_init_db_creates_the_schema_and_loads_the_sample_once(fresh_app):
    runner = fresh_app.test_cli_runner()
    first = runner.invoke(args=["init-db"])
    assert first.exit_code == 0, first.output
    assert "up to date" in first.output
    tables = set(inspect(db.engine).get_table_names())
    assert {"user", "article", "sentence", "claim", "evidence", "alembic_version"} <= tables
    assert count(Article) == 1
    second = runner.invoke(args=["init-db"])
    assert second.exit_code == 0, second.output
    assert count(Article) == 1  # idempotent: the sample is not loaded twice


def test_init_db_without_the_sample(fresh_app):
    result = fresh_app.test_cli_runner().invoke(args=["init-db", "--no-seed"])
    assert result.exit_code == 0, result.output
    assert count(Article) == 0


def test_init_db_keeps_existing_data(app, runner, two_articles):
    result = runner.invoke(args=["init-db"])
    assert result.exit_code == 0, result.output
    assert count(Article) == 2 and count(Claim) == 2  # no sample added to a database that has articles


# --- create-user ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["admin", "editor", "reviewer"])
def test_create_user_with_each_role(app, runner, role):
    result = runner.invoke(args=["create-user", "ana", "--role", role, "--password", "s3cret-pass"])
    assert result.exit_code == 0, result.output
    assert f"Created {role} 'ana'" in result.output
    assert "s3cret-pass" not in result.output
    user = db.session.scalar(select(User).where(User.username == "ana"))
    assert user.role == role and check_password_hash(user.password_hash, "s3cret-pass")


def test_create_user_defaults_to_reviewer_and_prints_a_generated_password(app, runner, client):
    result = runner.invoke(args=["create-user", "wang"])
    assert result.exit_code == 0, result.output
    password = result.output.strip().splitlines()[-1].removeprefix("Password: ")
    assert len(password) >= 12
    assert db.session.scalar(select(User).where(User.username == "wang")).role == "reviewer"
    login = client.post("/login", data={"username": "wang", "password": password})
    assert login.status_code == 303


@pytest.mark.parametrize("name", ["ana", "ANA"])
def test_create_user_refuses_a_duplicate(app, runner, name):
    runner.invoke(args=["create-user", "ana", "--password", "first-pass"])
    result = runner.invoke(args=["create-user", name, "--password", "second-pass"])
    assert result.exit_code == 1
    assert "taken" in result.output
    assert count(User) == 1
    assert check_password_hash(db.session.scalar(select(User)).password_hash, "first-pass")


def test_create_user_refuses_an_unknown_role(app, runner):
    result = runner.invoke(args=["create-user", "ana", "--role", "owner"])
    assert result.exit_code == 2
    assert "owner" in result.output
    assert count(User) == 0


def test_the_first_user_from_the_cli_closes_setup(app, runner, client):
    runner.invoke(args=["create-user", "ana", "--role", "admin", "--password", "s3cret-pass"])
    assert client.get("/setup").headers["Location"].endswith("/login")


# --- import-article ------------------------------------------------------------------------------------------------


def imported_id(result) -> int:
    assert result.exit_code == 0, result.output
    last = result.output.rstrip("\n").splitlines()[-1]
    assert last.isdigit(), last  # the id alone on the last line, for scripts
    return int(last)


def test_import_article_prints_the_id_alone_on_the_last_line(app, runner):
    article_id = imported_id(runner.invoke(args=["import-article", str(DATA / "emoji_vote.txt")]))
    article = db.session.get(Article, article_id)
    assert article.title == "emoji vote"
    assert "👍🏽" in article.text and len(article.sentences) == 4
    assert article.created_by is None


def test_import_article_with_title_url_and_date(app, runner):
    result = runner.invoke(args=["import-article", str(DATA / "curly_quotes.txt"), "--title", "Water “plan”",
                                 "--url", "https://news.example/water", "--published", "2024-06-01"])
    article = db.session.get(Article, imported_id(result))
    assert article.title == "Water “plan”"
    assert article.source_url == "https://news.example/water"
    assert article.published.isoformat() == "2024-06-01"


def test_import_article_from_html_drops_the_chrome(app, runner):
    article = db.session.get(Article, imported_id(runner.invoke(args=["import-article",
                                                                     str(DATA / "news_page.html")])))
    assert article.title == "City council approves new transit budget"
    assert "Priya Nair" in article.text and "cookies" not in article.text


def test_import_article_from_markdown(app, runner):
    article = db.session.get(Article, imported_id(runner.invoke(args=["import-article", str(DATA / "briefing.md")])))
    assert "4.5 percent" in article.text


def test_imported_ids_are_distinct(app, runner):
    first = imported_id(runner.invoke(args=["import-article", str(DATA / "briefing.md")]))
    second = imported_id(runner.invoke(args=["import-article", str(DATA / "briefing.md")]))
    assert first != second and count(Article) == 2


@pytest.mark.parametrize(
    "name, content, extra, message",
    [
        ("report.pdf", b"%PDF-1.7", [], "Upload a .txt, .md or .html file"),
        ("binary.txt", b"abc\x00def", [], "binary"),
        ("latin1.txt", "déjà vu".encode("latin-1"), [], "UTF-8"),
        ("empty.txt", b"  \n", [], "empty"),
        ("ok.txt", b"A sentence.", ["--url", "javascript:alert(1)"], "http"),
        ("ok.txt", b"A sentence.", ["--title", "T" * 301], "title"),
    ],
)
def test_import_article_refuses_bad_input_and_writes_nothing(app, runner, tmp_path, name, content, extra, message):
    path = tmp_path / name
    path.write_bytes(content)
    result = runner.invoke(args=["import-article", str(path), *extra])
    assert result.exit_code == 1
    assert message in result.output
    assert count(Article) == 0


def test_import_article_of_a_missing_file(app, runner, tmp_path):
    result = runner.invoke(args=["import-article", str(tmp_path / "nowhere.txt")])
    assert result.exit_code == 2
    assert count(Article) == 0


# --- export --------------------------------------------------------------------------------------------------------


def test_export_to_stdout(app, runner, two_articles):
    result = runner.invoke(args=["export"])
    assert result.exit_code == 0, result.output
    document = check_document(json.loads(result.stdout))
    assert [a["title"] for a in document["articles"]] == ["Farm bill", "Water plan"]
    assert "👍🏽" in result.stdout  # readable, not \u-escaped


def test_export_to_a_file(app, runner, two_articles, tmp_path):
    target = tmp_path / "out.json"
    result = runner.invoke(args=["export", "--output", str(target)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""  # the note goes to stderr; stdout stays clean
    assert str(target) in result.stderr
    document = check_document(json.loads(target.read_text(encoding="utf-8")))
    assert len(document["articles"]) == 2


def test_export_one_article(app, runner, two_articles):
    emoji_id, curly_id = two_articles
    result = runner.invoke(args=["export", "--article", str(curly_id)])
    document = check_document(json.loads(result.stdout))
    assert [a["title"] for a in document["articles"]] == ["Water plan"]
    assert [c["quote"] for c in document["articles"][0]["claims"]] == ["‘It’s a gamble,’"]


def test_export_by_status(app, runner, two_articles):
    document = check_document(json.loads(runner.invoke(args=["export", "--status", "refuted"]).stdout))
    assert [(a["title"], [c["quote"] for c in a["claims"]]) for a in document["articles"]] == [
        ("Farm bill", ["👍🏽 vote passed 52–48"])]


def test_export_of_an_unknown_article_fails(app, runner, two_articles):
    result = runner.invoke(args=["export", "--article", "999"])
    assert result.exit_code == 1
    assert "No article with id 999" in result.output


def test_export_matches_the_web_download(app, runner, logged_in, two_articles):
    emoji_id, _ = two_articles
    cli = json.loads(runner.invoke(args=["export", "--article", str(emoji_id)]).stdout)
    web = json.loads(logged_in.get(f"/articles/{emoji_id}/export.json").data)
    cli.pop("exported_at"), web.pop("exported_at")
    assert cli == web


def test_imported_then_exported_round_trip(app, runner):
    article_id = imported_id(runner.invoke(args=["import-article", str(DATA / "emoji_vote.txt")]))
    document = check_document(json.loads(runner.invoke(args=["export", "--article", str(article_id)]).stdout))
    assert document["articles"][0]["text"] == (DATA / "emoji_vote.txt").read_text(encoding="utf-8").strip()
