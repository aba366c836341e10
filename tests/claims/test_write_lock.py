"""A write request holds SQLite's write lock only for its writes: it takes the lock once, and makes its response
(fragments, JSON) after the commit, outside the lock, so the writers queued behind it do not wait for a template.
A write after that commit would not queue for the lock, and is refused.

Each request runs in a fresh app context (a new session, the user loaded anew), as in production.
"""
import pytest
from flask import template_rendered
from sqlalchemy import event
from sqlalchemy import insert

from annotate.config import commit_then_respond
from annotate.extensions import db
from annotate.models import Comment
from annotate.models import Evidence
from annotate.review import ratings
from tests.conftest import HX
from tests.factories import bearer
from tests.factories import make_article
from tests.factories import make_claim
from tests.factories import make_token
from tests.test_queries import fresh_request_context

TEXT = ("The ministry said on Tuesday that 40 people had been detained since March. "
        "Prices rose 3.1 percent in the year to October, according to the Labor Department. "
        "Critics say the figures are misleading. The council met on Monday.")


def trace(request) -> list[str]:
    """What one request did, in order: its SQL statements, COMMIT, and RENDER for each template it rendered."""
    db.session.commit()
    events: list[str] = []

    def statement(conn, cursor, sql, parameters, context, executemany):
        events.append(sql.split()[0] + (" IMMEDIATE" if sql.startswith("BEGIN IMMEDIATE") else ""))

    def rendered(sender, template, context, **extra):
        events.append("RENDER")

    with fresh_request_context():
        event.listen(db.engine, "before_cursor_execute", statement)
        event.listen(db.engine, "commit", lambda conn: events.append("COMMIT"))
        template_rendered.connect(rendered)
        try:
            response = request()
        finally:
            template_rendered.disconnect(rendered)
            event.remove(db.engine, "before_cursor_execute", statement)
    assert response.status_code in (200, 201, 204), response.get_data(as_text=True)[:300]
    return events


def write_requests(client, user):
    ratings.ensure_default_vocabulary()
    headers = bearer(make_token(user))
    assert client.get("/api/v1/me", headers=headers).status_code == 200  # a token's first use stamps it
    article = make_article(TEXT, user=user)
    first, second = make_claim(article, sentence_index=0, user=user), make_claim(article, sentence_index=1, user=user)
    sentences = [s.id for s in article.sentences]
    article_id, article_uuid, text = article.id, article.uuid, article.text
    claim_id, claim_uuid, version = first.id, first.uuid, first.version
    other_uuid = second.uuid
    start = text.index("Critics")
    return {
        "mark (page)": lambda: client.post(f"/articles/{article_id}/claims", headers=HX,
                                           data={"sentence_id": sentences[2], "start16": 0, "end16": 7}),
        "save": lambda: client.post(f"/claims/{claim_id}", headers=HX, data={
            "attr_source": "The ministry", "attr_role": "", "attr_cue": "said", "attr_type": "indirect",
            "status": "in_review", "rationale": "Counted.", "version": version}),
        "evidence (page)": lambda: client.post(f"/claims/{claim_id}/evidence", headers=HX, data={
            "evidence-url": "https://example.org/a", "evidence-title": "A", "evidence-stance": "context"}),
        "remove evidence": lambda: client.post(
            f"/evidence/{db.session.scalar(db.select(Evidence.id))}/delete", headers=HX),
        "verdict (page)": lambda: client.post(f"/claims/{claim_id}/verdict", headers=HX, data={
            "rating": "refuted", "confidence": "3", "note": "The count differs."}),
        "comment (page)": lambda: client.post(f"/claims/{claim_id}/comments", headers=HX, data={"body": "Which count?"}),
        "resolve comment": lambda: client.post(
            f"/comments/{db.session.scalar(db.select(Comment.id))}/resolve", headers=HX),
        "no claim": lambda: client.post(f"/sentences/{sentences[3]}/no-claim", headers=HX),
        "mark (API)": lambda: client.post(f"/api/v1/articles/{article_uuid}/claims", headers=headers,
                                          json={"start": start + 8, "end": start + 11}),
        "update (API)": lambda: client.patch(f"/api/v1/claims/{other_uuid}", headers=headers,
                                             json={"version": 1, "rationale": "Checked."}),
        "evidence (API)": lambda: client.post(f"/api/v1/claims/{other_uuid}/evidence", headers=headers,
                                              json={"url": "https://example.org/b", "title": "B"}),
        "comment (API)": lambda: client.post(f"/api/v1/claims/{other_uuid}/comments", headers=headers,
                                             json={"body": "Source?"}),
        "verdict (API)": lambda: client.post(f"/api/v1/claims/{other_uuid}/verdicts", headers=headers,
                                             json={"rating": "supported"}),
        "delete": lambda: client.post(f"/claims/{claim_id}/delete", headers=HX),
    }


def test_a_write_takes_the_lock_once_and_renders_after_its_commit(logged_in, user, database):
    writes = {"INSERT", "UPDATE", "DELETE"}
    for name, request in write_requests(logged_in, user).items():
        events = trace(request)
        first_write = next(i for i, e in enumerate(events) if e in writes)
        commit = events.index("COMMIT", first_write)
        assert "RENDER" not in events[:commit], (name, events)
        assert not writes & set(events[commit:]), (name, events)
        if "(API)" not in name:
            assert "RENDER" in events[commit:], (name, events)
        if database == "sqlite":  # PostgreSQL has no such lock: only the order is checked there
            assert events.count("BEGIN IMMEDIATE") == 1, (name, events)
            assert events.index("BEGIN IMMEDIATE") < first_write, (name, events)


def test_a_write_after_the_commit_is_refused_and_the_next_request_may_write(app, user):
    article = make_article(TEXT, user=user)
    with app.test_request_context(method="POST"):
        db.session.add(Comment(claim=make_claim(article, user=user), author=user, body="First."))
        commit_then_respond(db.session())
        with pytest.raises(RuntimeError, match="cannot write again"):
            db.session.execute(insert(Comment).values(claim_id=1, author_id=user.id, body="Second.", uuid="x"))
        db.session.rollback()
    with app.test_request_context(method="POST"):
        db.session.execute(insert(Comment).values(claim_id=1, author_id=user.id, body="Third.", uuid="y"))
        db.session.commit()
    assert db.session.scalars(db.select(Comment.body).order_by(Comment.id)).all() == ["First.", "Third."]
