"""Discussion: comments, replies, @mentions into My work, resolve, polling that answers 204, unread marks."""
import re
import time
from datetime import timedelta

import pytest
from sqlalchemy import event
from sqlalchemy import select

from annotate.review import discussion
from annotate.errors import InputError
from annotate.extensions import db
from annotate.models import CommentRead
from annotate.models import Mention
from tests.conftest import HX
from tests.factories import claim_on_article
from tests.factories import login
from tests.factories import run_at_once


def stamp_in(html: str) -> str:
    return re.search(r"stamp=([0-9.]+)", html).group(1)


def test_post_a_comment_and_a_reply(client, team, claim):
    login(client, "ann")
    response = client.post(f"/claims/{claim.id}/comments", data={"body": "Where does 40 come from?"}, headers=HX)
    assert response.status_code == 200
    root = discussion.threads(claim)[0].root
    client.post(f"/claims/{claim.id}/comments", data={"body": "The police.", "parent_id": root.id}, headers=HX)
    thread = discussion.threads(claim)[0]
    assert [c.body for c in thread.replies] == ["The police."]


def test_a_reply_to_a_reply_joins_the_same_thread(team, claim):
    root = discussion.add_comment(claim, team["ann"], "one")
    reply = discussion.add_comment(claim, team["bob"], "two", parent_id=root.id)
    again = discussion.add_comment(claim, team["ann"], "three", parent_id=reply.id)
    assert again.parent_id == root.id


@pytest.mark.parametrize("body, parent", [("", None), ("   ", None), ("x" * 5001, None), ("ok", "999"), ("ok", "x")])
def test_bad_comments_are_refused(team, claim, body, parent):
    with pytest.raises(InputError):
        discussion.add_comment(claim, team["ann"], body, parent_id=parent)


def test_an_empty_comment_gets_a_message_and_nothing_is_written(client, team, claim):
    response = login(client, "ann").post(f"/claims/{claim.id}/comments", data={"body": " "}, headers=HX)
    assert response.status_code == 422 and "Write something" in response.get_data(as_text=True)
    assert discussion.threads(claim) == []


def test_mentions_are_recorded_and_show_in_my_work(client, team, claim):
    discussion.add_comment(claim, team["ann"], "@bob, @Ed. and @nobody: check the police log?")
    db.session.commit()
    names = sorted(m.user.username for m in db.session.query(Mention))
    assert names == ["bob", "ed"]
    html = login(client, "bob").get("/work").get_data(as_text=True)
    assert "check the police log" in html and "New" in html and '<span class="mention">@bob</span>,' in html


def test_comment_text_is_escaped_and_only_web_links_are_linked(client, team, claim):
    discussion.add_comment(claim, team["ann"], '<img src=x onerror=alert(1)> see https://example.org/a?b=1&c=2. '
                                               "javascript:alert(1)")
    db.session.commit()
    html = login(client, "bob").get(f"/claims/{claim.id}", headers=HX).get_data(as_text=True)
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert '<a href="https://example.org/a?b=1&amp;c=2"' in html
    assert 'href="javascript' not in html


def test_polling_answers_204_until_a_teammate_comments(client, team, claim):
    login(client, "bob")
    html = client.get(f"/claims/{claim.id}", headers=HX).get_data(as_text=True)
    stamp = stamp_in(html)
    assert client.get(f"/claims/{claim.id}/thread?stamp={stamp}", headers=HX).status_code == 204
    discussion.add_comment(claim, team["ann"], "New figure: 14")
    db.session.commit()
    response = client.get(f"/claims/{claim.id}/thread?stamp={stamp}", headers=HX)
    assert response.status_code == 200
    fresh = response.get_data(as_text=True)
    assert "New figure: 14" in fresh and "is-unread" in fresh and stamp_in(fresh) != stamp
    assert client.get(f"/claims/{claim.id}/thread?stamp={stamp_in(fresh)}", headers=HX).status_code == 204


def test_read_marks_clear_the_new_label(client, team, claim):
    discussion.add_comment(claim, team["ann"], "Look at this")
    db.session.commit()
    login(client, "bob")
    assert "is-unread" in client.get(f"/claims/{claim.id}/thread", headers=HX).get_data(as_text=True)
    assert client.post(f"/claims/{claim.id}/read", headers=HX).status_code == 204
    assert "is-unread" not in client.get(f"/claims/{claim.id}/thread", headers=HX).get_data(as_text=True)
    # the author never sees their own comment as new
    assert "is-unread" not in login(client, "ann").get(f"/claims/{claim.id}/thread", headers=HX).get_data(as_text=True)


def test_resolve_and_unresolve_change_the_stamp_and_are_recorded(client, team, claim):
    comment = discussion.add_comment(claim, team["ann"], "Settled?")
    db.session.commit()
    before = discussion.stamp(claim)
    login(client, "ann")
    html = client.post(f"/comments/{comment.id}/resolve", headers=HX).get_data(as_text=True)
    assert "Resolved by ann" in html and "Unresolve" in html and discussion.stamp(claim) != before
    html = client.post(f"/comments/{comment.id}/unresolve", headers=HX).get_data(as_text=True)
    assert "Resolve</button>" in html
    from annotate.claims.history import claim_history

    assert [e.action for e in claim_history(claim) if e.entity == "comment"] == ["commented", "resolved", "unresolved"]


def test_a_comment_can_link_an_evidence_item_of_the_claim(client, team, claim):
    from annotate.claims import operations as claim_ops

    item = claim_ops.add_evidence(claim, "https://example.org/report", team["ann"], "Police report")
    db.session.commit()
    login(client, "bob")
    client.post(f"/claims/{claim.id}/comments", data={"body": "See this", "evidence_id": item.id}, headers=HX)
    assert discussion.threads(claim)[0].root.evidence_id == item.id
    other = claim_on_article(title="Other")
    response = client.post(f"/claims/{other.id}/comments", data={"body": "x", "evidence_id": item.id}, headers=HX)
    assert response.status_code == 422



def test_two_tabs_marking_a_discussion_read_at_once_both_succeed_and_the_mark_never_moves_back(app, team, claim):
    """The read mark is one upsert: requests that all find no mark yet cannot each insert one (on PostgreSQL the
    later inserts broke the unique constraint, a 500), and an older moment never replaces a newer one."""
    count, claim_id, bob = 6, claim.id, team["bob"]

    def read_slowly(connection, cursor, statement, *args):  # every request reads before any of them writes
        if statement.lstrip().upper().startswith(("SELECT", "INSERT")) and "comment_read" in statement:
            time.sleep(0.05)

    event.listen(db.engine, "before_cursor_execute", read_slowly)
    try:
        statuses = run_at_once(app, count, lambda client, n: client.post(f"/claims/{claim_id}/read",
                                                                         headers=HX).status_code, "bob")
    finally:
        event.remove(db.engine, "before_cursor_execute", read_slowly)
    assert statuses == [204] * count

    def mark():
        db.session.expire_all()
        return db.session.scalars(select(CommentRead.last_read_at).where(CommentRead.claim_id == claim_id)).all()

    [newest] = mark()
    discussion.mark_read(bob, claim, newest - timedelta(hours=1))
    db.session.commit()
    assert mark() == [newest]
    later = newest + timedelta(minutes=1)
    discussion.mark_read(bob, claim, later)
    db.session.commit()
    assert mark() == [later]
