"""Query counts: the article page, the list, the export, every API read and the import stay bounded whatever the size
(no N+1; an import reads only the records its file names)."""
import json
import re
from contextlib import contextmanager
from uuid import uuid4

import pytest
from flask import current_app
from sqlalchemy import event
from sqlalchemy import insert
from sqlalchemy import select

from annotate.accounts import tokens
from annotate.claims import operations as claim_ops
from annotate.extensions import db
from annotate.interchange import importer
from annotate.interchange import native
from annotate.models import Article
from annotate.models import Claim
from annotate.models import Sentence
from annotate.models import Suggestion
from annotate.models import User
from annotate.review import discussion
from annotate.review import ratings
from annotate.review import workflow
from tests.conftest import HX
from tests.factories import make_article

# Issue 3 adds a fixed number of queries, whatever the size: the panel loads the claim's verdicts, discussion,
# read mark and assignees (the vocabulary and disputed count ride in one query of the layout); the export loads
# verdicts, comments, decisions and history for all claims at once, plus the vocabulary.
REVIEW_PANEL_QUERIES = 5
REVIEW_EXPORT_QUERIES = 5


@contextmanager
def counted_queries():
    """Count the SQL statements sent to the database inside the block (not the BEGIN that opens a transaction)."""
    statements: list[str] = []

    def record(conn, cursor, statement, parameters, context, executemany):
        if not statement.startswith("BEGIN"):
            statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(db.engine, "before_cursor_execute", record)


def team(size: int) -> list[User]:
    """Editors (so one may change another's claim) without a real password (hashing is beside the point here)."""
    members = [User(username=f"member{n}", password_hash="!", role="editor") for n in range(size)]
    db.session.add_all(members)
    db.session.commit()
    return members


def build_article(sentence_count: int, claim_count: int, people: list[User]):
    """An article of sentence_count sentences (10 a paragraph) carrying claim_count claims with evidence,
    created and changed by different people."""
    lines = []
    for p in range(0, sentence_count, 10):
        lines.append(" ".join(f"Sentence {n} says that {n * 7} people voted." for n in range(p, min(p + 10,
                                                                                                  sentence_count))))
    article = make_article("\n".join(lines), title=f"{sentence_count} sentences", user=people[0])
    assert len(article.sentences) == sentence_count
    for n in range(claim_count):
        sentence = article.sentences[n % sentence_count]
        author, editor = people[n % len(people)], people[(n + 1) % len(people)]
        if n < sentence_count:
            claim, _ = claim_ops.mark_sentence(sentence, author)
        else:
            start = article.text.index("says", sentence.start)
            claim, _ = claim_ops.mark_claim(sentence, start, sentence.end, author)
        claim_ops.update_claim(claim, {"status": ("supported", "refuted", "disputed")[n % 3],
                                       "attr_source": f"Source {n}"}, editor, None)
        if n % 2:
            claim_ops.add_evidence(claim, f"https://example.org/{n}", editor, f"Evidence {n}")
    db.session.commit()
    assert len(article.claims) == claim_count
    db.session.expire_all()
    return article


@pytest.fixture
def small_and_large(app, user):
    people = team(30)
    small = build_article(20, 30, people[:3])
    large = build_article(200, 300, people)  # ten times the claims, by ten times the people
    return small.id, large.id


@contextmanager
def fresh_request_context():
    """A new app context, so the request gets its own session and g (the user loaded anew), as in production."""
    with current_app._get_current_object().app_context():
        with counted_queries() as statements:
            yield statements


def queries_for(client, url: str, headers: dict | None = None) -> int:
    db.session.commit()
    with fresh_request_context() as statements:
        response = client.get(url, headers=headers)
        assert response.status_code == 200, url
    return len(statements)


def test_the_counter_counts(app, user):
    with counted_queries() as statements:
        db.session.execute(db.text("SELECT 1"))
        db.session.execute(db.text("SELECT 2"))
    assert len(statements) == 2


def test_article_page_queries_do_not_grow_with_sentences_and_claims(logged_in, small_and_large):
    small, large = small_and_large
    small_count = queries_for(logged_in, f"/articles/{small}")
    large_count = queries_for(logged_in, f"/articles/{large}")
    assert small_count == large_count
    assert large_count <= 8  # the progress and suggestion figures come with the article (one row the database keeps)


@contextmanager
def statement_costs():
    """Each SQL statement sent inside the block with what it cost SQLite: the virtual machine's instructions it ran
    (executing and fetching, in hundreds), which grow with the rows a statement reads however fast the machine."""
    costs: list[list] = []
    connections = set()

    def tick() -> int:
        costs[-1][1] += 1
        return 0  # go on

    def record(conn, cursor, statement, parameters, context, executemany):
        if not statement.startswith("BEGIN"):
            connection = conn.connection.dbapi_connection
            connection.set_progress_handler(tick, 100)
            connections.add(connection)
            costs.append([" ".join(statement.split()), 0])

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        yield costs
    finally:
        event.remove(db.engine, "before_cursor_execute", record)
        for connection in connections:
            connection.set_progress_handler(None, 100)


def bulk_article(sentences: int, people: list[User]) -> int:
    """An article of `sentences` body sentences, each with two claims and a suggestion (one in three decided),
    written by plain bulk statements: the figures the page shows are the triggers' work."""
    text = " ".join(f"Sentence {n} says that {n * 7} people voted." for n in range(sentences))
    article = Article(title=f"{sentences} sentences", text=text, created_by=people[0])
    db.session.add(article)
    db.session.flush()
    starts = [m.start() for m in re.finditer(r"Sentence \d+", text)]
    spans = list(zip(starts, starts[1:] + [len(text)]))
    db.session.execute(insert(Sentence), [{"article_id": article.id, "index": n, "start": start, "end": end - 1,
                                           "paragraph": n // 10} for n, (start, end) in enumerate(spans)])
    rows = db.session.execute(select(Sentence.id, Sentence.start, Sentence.end)
                              .where(Sentence.article_id == article.id).order_by(Sentence.index)).all()
    db.session.execute(insert(Claim), [{"uuid": str(uuid4()), "article_id": article.id, "sentence_id": row.id,
                                        "start": row.start, "end": row.start + cut,
                                        "quote": text[row.start:row.start + cut]} for row in rows for cut in (8, 12)])
    db.session.execute(insert(Suggestion), [
        {"article_id": article.id, "sentence_id": row.id, "start": row.start, "end": row.end, "checkworthiness": 0.7,
         "quote": text[row.start:row.end], "type": "direct", "state": ("open", "accepted", "rejected")[n % 3]}
        for n, row in enumerate(rows)])
    db.session.commit()
    return article.id


def test_article_page_statements_cost_the_same_at_100_and_5000_sentences(logged_in, user):
    """The progress (checked of all body sentences) and the suggestion figures are read from the row the database
    keeps, not counted over the article: every statement of the page runs as many instructions at 5,000 sentences
    (10,000 claims) as at 100."""
    people = team(1)
    measured = {}
    for size in (100, 5000):
        article_id = bulk_article(size, people)
        queries_for(logged_in, f"/articles/{article_id}")  # warm: the user's first request writes its last visit
        with fresh_request_context(), statement_costs() as costs:
            page = logged_in.get(f"/articles/{article_id}")
        assert f"<strong>0</strong> of {size} sentences checked" not in page.get_data(as_text=True)
        assert f"<strong>{size}</strong> of {size} sentences checked" in page.get_data(as_text=True)
        measured[size] = costs
    small, large = measured[100], measured[5000]
    assert [statement for statement, _ in small] == [statement for statement, _ in large]
    for (statement, few), (_, many) in zip(small, large):
        assert many <= 2 * few + 20, (statement[:200], few, many)


def test_article_page_with_an_open_panel_is_bounded_too(logged_in, small_and_large):
    small, large = small_and_large
    counts = []
    for article_id in (small, large):
        claim_id = db.session.execute(db.text("SELECT id FROM claim WHERE article_id = :a AND id IN "
                                              "(SELECT claim_id FROM evidence) LIMIT 1"), {"a": article_id}).scalar()
        counts.append(queries_for(logged_in, f"/articles/{article_id}?claim={claim_id}"))
    assert counts[0] == counts[1]
    assert counts[1] <= 16 + REVIEW_PANEL_QUERIES


def test_article_list_queries_do_not_grow_with_articles(app, logged_in, user):
    people = team(30)
    make_article(title="First", user=people[0])
    few = queries_for(logged_in, "/")
    for person in people[1:]:
        make_article(title=f"By {person.username}", user=person)
    many = queries_for(logged_in, "/")
    assert few == many
    assert many <= 7  # + the statuses in use, for the filter chips


def test_article_list_with_a_status_filter_is_bounded(app, logged_in, small_and_large):
    assert queries_for(logged_in, "/?status=refuted") <= 8  # the filter also loads the vocabulary labels it is checked against


def test_export_queries_do_not_grow_with_sentences_and_claims(logged_in, small_and_large):
    small, large = small_and_large
    small_count = queries_for(logged_in, f"/articles/{small}/export.json")
    large_count = queries_for(logged_in, f"/articles/{large}/export.json")
    assert small_count == large_count
    assert large_count <= 12 + REVIEW_EXPORT_QUERIES


def test_export_of_everything_is_bounded(logged_in, small_and_large):
    count = queries_for(logged_in, "/export.json")
    assert count <= 12 + REVIEW_EXPORT_QUERIES
    with fresh_request_context() as statements:
        document = native.export_articles()
    assert len(document["articles"]) == 2 and len(statements) <= 10 + REVIEW_EXPORT_QUERIES


def test_marking_a_claim_on_a_long_article_is_bounded(logged_in, small_and_large):
    small, large = small_and_large
    counts = []
    for article_id in (small, large):
        sentence_id = db.session.execute(db.text('SELECT id FROM sentence WHERE article_id = :a ORDER BY "index" DESC '
                                                 "LIMIT 1"), {"a": article_id}).scalar()
        with fresh_request_context() as statements:
            response = logged_in.post(f"/articles/{article_id}/claims", data={"sentence_id": sentence_id,
                                                                               "start16": 0, "end16": 8}, headers=HX)
        assert response.status_code == 200
        counts.append(len(statements))
    assert counts[0] == counts[1]
    assert counts[1] <= 25


# --- the API: every read, and the review endpoints' answers, cost the same at 30 claims as at 300 ---------------

@pytest.fixture
def api_auth(app, client):
    """An editor's bearer token, used once already (a first use also records when the token was last used)."""
    editor = User(username="api-editor", password_hash="!", role="editor", active=True)
    db.session.add(editor)
    _, plaintext = tokens.create_token(editor, "counting")
    db.session.commit()
    headers = {"Authorization": f"Bearer {plaintext}"}
    assert client.get("/api/v1/me", headers=headers).status_code == 200
    return headers


def uuids_of(article_id: int) -> dict:
    """The article's stable id, and that of a claim of it with evidence."""
    article = db.session.get(Article, article_id)
    claim = next(c for c in article.claims if c.evidence)
    return {"article": article.uuid, "claim": claim.uuid}


API_READS = ["/api/v1/me", "/api/v1/articles", "/api/v1/articles/{article}",
             "/api/v1/articles/{article}/claims?per_page=100", "/api/v1/claims/{claim}",
             "/api/v1/export?article={article}"]


def test_api_reads_do_not_grow_with_claims(client, small_and_large, api_auth):
    """One test for every read, so the two articles are built once."""
    for route in API_READS:
        counts = [queries_for(client, route.format(**uuids_of(article)), api_auth) for article in small_and_large]
        assert counts[0] == counts[1], route
        assert counts[1] <= 20, route  # the token (3), the record asked for, and the export's snapshot
    assert queries_for(client, "/api/v1/export", api_auth) <= 20


def test_api_article_list_does_not_grow_with_articles_or_their_authors(app, client, api_auth):
    people = team(30)
    make_article(title="First", user=people[0])
    few = queries_for(client, "/api/v1/articles", api_auth)
    for person in people[1:]:
        make_article(title=f"By {person.username}", user=person)
    assert queries_for(client, "/api/v1/articles?per_page=100", api_auth) == few


def api_post_count(client, url: str, body: dict, headers: dict) -> int:
    db.session.commit()
    with fresh_request_context() as statements:
        response = client.post(url, json=body, headers=headers)
        assert response.status_code == 201, response.get_data(as_text=True)[:300]
    return len(statements)


def test_api_review_answers_do_not_grow_with_claims(client, small_and_large, api_auth):
    ratings.ensure_default_vocabulary()
    for action, body in (("verdicts", {"rating": "refuted", "note": "Figures differ."}),
                         ("comments", {"body": "Which source, @member1?"})):
        counts = [api_post_count(client, f"/api/v1/claims/{uuids_of(article)['claim']}/{action}", body, api_auth)
                  for article in small_and_large]
        assert counts[0] == counts[1], action


# --- import: the ids a document names are looked up once, whatever the database already holds ------------------

RECORD_TABLE = re.compile(r"^SELECT .*\sFROM (user|article|claim|evidence|orphan_claim|verdict|comment|decision|"
                          r"history_event)\b", re.DOTALL)
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def fresh_copy(document: dict, word: str) -> dict:
    """The document with new ids throughout and "people" replaced by another six-letter word (so no article
    here has its text): importing it creates everything anew."""
    text = json.dumps(document)
    for old in set(UUID.findall(text)):
        text = text.replace(old, str(uuid4()))
    copy = json.loads(text.replace("people", word))
    for article in copy["articles"]:
        article["sha256"] = native.text_sha256(article["text"])
    return copy


def import_statements(document: dict, actor: User) -> list[str]:
    db.session.commit()
    with fresh_request_context() as statements:
        report = importer.import_document(document, "skip", db.session.merge(actor))
        db.session.commit()
    assert report.claims_created == sum(len(a["claims"]) for a in document["articles"])
    return statements


def reviewed_document(claims: int, people: list[User]) -> dict:
    """An exported article of that many claims, each with a verdict and a comment, half with evidence."""
    article = build_article(max(20, claims // 2), claims, people)
    ratings.ensure_default_vocabulary()
    for claim in article.claims:
        workflow.give_verdict(claim, people[2], "refuted", 3, "Checked.")
        discussion.add_comment(claim, people[3], f"@{people[1].username} see the log.")
    db.session.commit()
    return native.export_articles([article.id])


def test_import_queries_do_not_grow_with_the_database_and_stay_bounded_in_the_file(app, user):
    people = team(30)
    document = reviewed_document(30, people[:5])
    counts = []
    for background, word in ((30, "voters"), (300, "owners")):  # M records here, then ten times as many
        build_article(max(20, background // 2), background, people)
        statements = import_statements(fresh_copy(document, word), people[0])
        whole_tables = [s for s in statements if RECORD_TABLE.search(s) and "WHERE" not in s]
        assert not whole_tables, whole_tables  # records are looked up by the ids in the file, never all read
        counts.append(len(statements))
    assert counts[0] == counts[1]
    copies = [fresh_copy(document, word)["articles"][0] for word in ("makers", "payers", "buyers", "diners")]
    four_times = len(import_statements({**document, "articles": copies}, people[0]))
    assert four_times <= 4 * counts[0]  # linear in the file: SQLite inserts ORM rows one at a time
