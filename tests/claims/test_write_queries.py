"""Claim writes cost the same whatever the article's length: marking (page and API), saving, a verdict and
'no claim' send as many SQL statements at 2,000 sentences as at 100, and at most 12 (a save 11: its fields ride
on the version's compare-and-set).

Each request runs in a fresh app context (a new session, the user loaded anew), as in production.
"""
from sqlalchemy import event
from sqlalchemy import select

from annotate.extensions import db
from annotate.models import Claim
from annotate.models import Comment
from annotate.models import HistoryEvent
from annotate.models import Mention
from annotate.models import Sentence
from annotate.review import ratings
from tests.conftest import HX
from tests.conftest import PASSWORD
from tests.factories import bearer
from tests.factories import make_article
from tests.factories import make_claim
from tests.factories import make_token
from tests.factories import make_user
from tests.test_queries import fresh_request_context

SIZES = (100, 2000)
# What the other writes load besides the change itself: the save and the verdict answer with the whole claim panel
# (its review sections: verdicts, discussion, assignees; a verdict shows the verdicts it just read and wrote). The API
# answers with the claim as the export writes it, built after the commit from what the request loaded (a new claim
# has only its history).
BOUNDS = {"mark (page)": 12, "no claim": 12, "mark (API)": 12, "save": 11, "verdict": 12}


def long_article(sentences: int, user):
    """Body sentences ten to a paragraph; the last one holds a claim (the writes go to the far end)."""
    lines = [" ".join(f"Line {n} says that {n * 3} voters agreed." for n in range(p, min(p + 10, sentences)))
             for p in range(0, sentences, 10)]
    article = make_article("\n".join(lines), title=f"{sentences} lines", user=user)
    assert len(article.sentences) == sentences
    return article, make_claim(article, sentence_index=sentences - 1, user=user)


def statements(request) -> int:
    """The statements one request sends, from a clean session."""
    db.session.commit()
    with fresh_request_context() as sent:
        response = request()
        assert response.status_code in (200, 201), response.get_data(as_text=True)[:300]
    return len(sent)


def writes(client, article, claim, headers) -> dict[str, int]:
    """Ids and offsets are read first, so no statement the test itself sends is counted against a request."""
    sentences = article.sentences
    free, other, quiet = sentences[-2].id, sentences[-3], sentences[-4].id
    start = article.text.index("says", other.start)
    article_id, article_uuid, claim_id, version = article.id, article.uuid, claim.id, claim.version
    return {
        "mark (page)": statements(lambda: client.post(f"/articles/{article_id}/claims", headers=HX,
                                                      data={"sentence_id": free, "start16": 0, "end16": 8})),
        "mark (API)": statements(lambda: client.post(f"/api/v1/articles/{article_uuid}/claims", headers=headers,
                                                     json={"start": start, "end": start + 9})),
        "save": statements(lambda: client.post(f"/claims/{claim_id}", headers=HX, data={
            "attr_source": "Line", "attr_role": "", "attr_cue": "says", "attr_type": "indirect",
            "status": "in_review", "rationale": "Counted the voters.", "version": version})),
        "verdict": statements(lambda: client.post(f"/claims/{claim_id}/verdict", headers=HX, data={
            "rating": "refuted", "confidence": "3", "note": "The count differs."})),
        "no claim": statements(lambda: client.post(f"/sentences/{quiet}/no-claim", headers=HX)),
    }


def test_claim_writes_cost_the_same_at_100_and_2000_sentences(logged_in, user):
    ratings.ensure_default_vocabulary()
    headers = bearer(make_token(user))
    assert logged_in.get("/api/v1/me", headers=headers).status_code == 200  # a token's first use also stamps it
    counts = [writes(logged_in, *long_article(size, user), headers) for size in SIZES]
    for action, bound in BOUNDS.items():
        assert counts[0][action] == counts[1][action], (action, counts)
        assert counts[1][action] <= bound, (action, counts)


def reads(client, article, claim) -> list[int]:
    """The page, the page with a claim open, the last window, the last sentence's toolbar, a jump to it."""
    last = article.sentences[-1]
    return [
        statements(lambda: client.get(f"/articles/{article.id}")),
        statements(lambda: client.get(f"/articles/{article.id}?claim={claim.id}")),
        statements(lambda: client.get(f"/articles/{article.id}/sentences?from={last.index - 39}", headers=HX)),
        statements(lambda: client.get(f"/sentences/{last.id}/tools", headers=HX)),
        statements(lambda: client.get(f"/articles/{article.id}/jump?sentence={last.id}", headers=HX)),
    ]


def test_reading_the_article_costs_the_same_at_100_and_2000_sentences(logged_in, user):
    counts = [reads(logged_in, *long_article(size, user)) for size in SIZES]
    assert counts[0] == counts[1]


def sentences_loaded(request) -> int:
    """How many sentence rows one request turns into objects, from a clean session."""
    loaded = []

    def record(sentence, context):
        loaded.append(sentence)

    db.session.commit()
    event.listen(Sentence, "load", record)
    try:
        with fresh_request_context():
            response = request()
            assert response.status_code == 201, response.get_data(as_text=True)[:300]
    finally:
        event.remove(Sentence, "load", record)
    return len(loaded)


def test_marking_through_the_api_reads_only_the_sentence_it_marks(logged_in, user):
    """By offset and by index alike: one indexed lookup, not a scan of the article's sentences."""
    headers = bearer(make_token(user))
    article, _ = long_article(2000, user)
    url, start = f"/api/v1/articles/{article.uuid}/claims", article.text.index("says", article.sentences[1500].start)
    by_offset = sentences_loaded(lambda: logged_in.post(url, headers=headers, json={"start": start, "end": start + 4}))
    by_index = sentences_loaded(lambda: logged_in.post(url, headers=headers, json={"sentence_index": 1998}))
    assert (by_offset, by_index) == (1, 1)


def test_an_editors_panel_reads_its_assignees_and_the_team_in_one_query(client):
    """The editor's assign menu lists the team: read with the assignees, so an editor's writes keep the bounds."""
    editor = make_user("ed", "editor")
    make_user("rev2", "reviewer")
    assert client.post("/login", data={"username": "ed", "password": PASSWORD}).status_code == 303
    ratings.ensure_default_vocabulary()
    headers = bearer(make_token(editor))
    assert client.get("/api/v1/me", headers=headers).status_code == 200
    counts = writes(client, *long_article(100, editor), headers)
    for action, bound in BOUNDS.items():
        assert counts[action] <= bound, (action, counts)


def flushed(request) -> list[list[str]]:
    """What each flush of one request writes: the new records, and those whose columns or collections changed."""
    db.session.commit()
    seen = []

    def record(session, context, instances):
        changed = [o for o in session.dirty if session.is_modified(o)]
        seen.append(sorted(f"new {type(o).__name__}" for o in session.new)
                    + sorted(f"changed {type(o).__name__}" for o in changed))

    with fresh_request_context():
        event.listen(db.session(), "before_flush", record)
        response = request()
        assert response.status_code in (200, 201), response.get_data(as_text=True)[:300]
    return [s for s in seen if s]


def test_the_writes_made_inside_the_write_lock_send_nothing_through_the_flush(logged_in, user):
    """A claim, evidence or comment (and its mentions) is written by one INSERT of its own (row_inserts.insert_now),
    and its history event by another (history.write): the flush, which holds SQLite's write lock, has nothing left
    to do. Through it, the unit of work for the one new row cost several times its INSERT; set through the
    relationships, it went through the claim and its collections, the sentence, the article and the users too."""
    make_user("dana")
    headers = bearer(make_token(user))
    assert logged_in.get("/api/v1/me", headers=headers).status_code == 200  # a token's first use also stamps it
    article, claim = long_article(20, user)
    sentences, claim_id, article_id, uuid = article.sentences, claim.id, article.id, claim.uuid
    start = article.text.index("says", sentences[4].start)
    requests = [
        lambda: logged_in.post(f"/articles/{article_id}/claims", headers=HX,
                               data={"sentence_id": sentences[3].id, "start16": 0, "end16": 8}),
        lambda: logged_in.post(f"/api/v1/articles/{article.uuid}/claims", headers=headers,
                               json={"start": start, "end": start + 9}),
        lambda: logged_in.post(f"/claims/{claim_id}/evidence", headers=HX, data={
            "evidence-url": "https://example.org/a", "evidence-title": "A", "evidence-stance": "supports"}),
        lambda: logged_in.post(f"/api/v1/claims/{uuid}/evidence", headers=headers,
                               json={"url": "https://example.org/b"}),
        lambda: logged_in.post(f"/claims/{claim_id}/comments", headers=HX, data={"body": "Where from, @dana?"}),
        lambda: logged_in.post(f"/api/v1/claims/{uuid}/comments", headers=headers, json={"body": "The census."}),
    ]
    assert [flushed(request) for request in requests] == [[]] * len(requests)
    db.session.expire_all()
    stored = db.session.get(Claim, claim_id)
    assert len(article.claims) == 3
    assert [e.url for e in stored.evidence] == ["https://example.org/a", "https://example.org/b"]
    comments = db.session.scalars(select(Comment).where(Comment.claim_id == claim_id).order_by(Comment.id)).all()
    assert [c.body for c in comments] == ["Where from, @dana?", "The census."]
    mentions = db.session.scalars(select(Mention).where(Mention.comment_id.in_([c.id for c in comments]))).all()
    assert [(m.comment_id, m.user.username) for m in mentions] == [(comments[0].id, "dana")]
    logged = db.session.scalars(select(HistoryEvent.action).where(HistoryEvent.article_id == article_id,
                                                                  HistoryEvent.id > 0)).all()
    assert sorted(logged) == sorted(["created"] * 3 + ["added"] * 2 + ["commented"] * 2)
