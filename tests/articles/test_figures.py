"""The figures the database keeps per article (article_figures and sentence.claim_count, migration 0012) equal a full
recount after every write, whatever path makes it: random runs of the page's routes, the JSON API, imports, bulk
statements and deletions; and under concurrent writers (threads adding and deleting the first claims of one sentence).
"""
import hashlib
import random
import re
import time
import uuid

from sqlalchemy import delete
from sqlalchemy import event
from sqlalchemy import func
from sqlalchemy import insert
from sqlalchemy import select

from annotate.articles.operations import checked_condition
from annotate.extensions import db
from annotate.models import Article
from annotate.models import ArticleFigures
from annotate.models import Claim
from annotate.models import Sentence
from annotate.models import Suggestion
from tests.conftest import HX
from tests.factories import bearer
from tests.factories import login
from tests.factories import make_article
from tests.factories import make_token
from tests.factories import make_user
from tests.factories import run_at_once

# A heading, attributed statements (the rules suggest claims on them), and paragraphs of several sentences to merge.
STORY = (
    "Storm hits the coast\n"
    "The storm destroyed 300 homes, officials said on Monday. Mayor Ana Ruiz said the city would rebuild. "
    "Schools stay closed until Friday. The port reopened at noon.\n"
    "Dr. Lee Chen, a hydrologist, warned that more rain was due. Police said 12 people were rescued. "
    "The river rose by 2 metres overnight, the agency reported.\n"
    "Photo: a flooded street in the old town\n"
    "Insurers expect claims of $40 million, according to the trade group. Residents said the warnings came late."
)
FIGURES = ("body_sentences", "checked_sentences", "suggestions_open", "suggestions_accepted", "suggestions_edited",
           "suggestions_rejected", "suggestions_superseded")


# ---------------------------------------------------------------- the recount the kept figures are held to

def kept() -> dict[int, tuple]:
    """Every article's figures as the database keeps them."""
    rows = db.session.execute(select(ArticleFigures.article_id, *(getattr(ArticleFigures, f) for f in FIGURES)))
    return {row[0]: tuple(row[1:]) for row in rows}


def recounted() -> dict[int, tuple]:
    """Every article's figures counted from its sentences, claims and suggestions."""
    figures = {}
    for article_id in db.session.scalars(select(Article.id)):
        body = (Sentence.article_id == article_id) & (Sentence.kind == "body")
        suggestions = select(Suggestion.state, func.count()).where(Suggestion.article_id == article_id)
        states = dict(db.session.execute(suggestions.group_by(Suggestion.state)).all())
        edited = db.session.scalar(select(func.count()).where(Suggestion.article_id == article_id,
                                                              Suggestion.state == "accepted", Suggestion.edited))
        figures[article_id] = (db.session.scalar(select(func.count()).where(body)),
                               db.session.scalar(select(func.count()).where(body, checked_condition())),
                               states.get("open", 0), states.get("accepted", 0), edited,
                               states.get("rejected", 0), states.get("superseded", 0))
    return figures


def assert_figures_exact(step: str = "") -> None:
    db.session.commit()  # a new transaction: what every writer committed
    assert kept() == recounted(), step
    claims = select(func.count()).where(Claim.sentence_id == Sentence.id).scalar_subquery()
    wrong = db.session.execute(select(Sentence.id, Sentence.claim_count, claims).where(Sentence.claim_count != claims))
    assert wrong.all() == [], step


# ---------------------------------------------------------------- the writes, through the routes and the API

def _words(text: str):
    return [(m.start(), m.group()) for m in re.finditer(r"\w+", text)]


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


class Desk:
    """One editor's session (page routes) and token (API), choosing what to change at random."""

    def __init__(self, client, rng: random.Random):
        self.client, self.rng = client, rng
        self.done: dict[str, int] = {}  # writes that went through, by kind
        self.editor = make_user("ed", "editor")
        self.api = bearer(make_token(self.editor))
        login(client, "ed")

    def article_ids(self) -> list[int]:
        return db.session.scalars(select(Article.id).order_by(Article.id)).all()

    def pick(self, query):
        """One of the query's rows at random, the same on both databases (rows in id order)."""
        rows = sorted(db.session.scalars(query).all(), key=lambda row: getattr(row, "id", row))
        return self.rng.choice(rows) if rows else None

    def sentence(self, body_only: bool = False) -> Sentence | None:
        query = select(Sentence)
        return self.pick(query.where(Sentence.kind == "body") if body_only else query)

    def post(self, url: str, **data):
        response = self.client.post(url, data=data, headers=HX)
        assert response.status_code < 500, (url, response.status_code, response.data[:300])
        if response.status_code < 300:
            kind = url.rsplit("/", 1)[-1]
            self.done[kind] = self.done.get(kind, 0) + 1
        return response

    def mark(self):
        sentence = self.sentence()
        if sentence is None:
            return
        words = [(m, m + len(w)) for m, w in _words(sentence.text)]
        if self.rng.random() < 0.3 or not words:
            return self.post(f"/articles/{sentence.article_id}/claims", sentence_id=sentence.id, whole="y")
        start, _ = self.rng.choice(words)
        end = self.rng.choice([e for s, e in words if e > start])
        text = sentence.text
        return self.post(f"/articles/{sentence.article_id}/claims", sentence_id=sentence.id,
                         start16=_utf16(text[:start]), end16=_utf16(text[:end]), quote=text[start:end])

    def delete_claim(self):
        claim = self.pick(select(Claim).where(Claim.locked.is_(False)))
        if claim is not None:
            self.post(f"/claims/{claim.id}/delete")

    def no_claim(self):
        sentence = self.sentence()
        if sentence is not None:
            self.post(f"/sentences/{sentence.id}/no-claim")

    def merge(self):
        sentence = self.sentence()
        if sentence is not None:
            self.post(f"/sentences/{sentence.id}/merge")

    def split(self):
        sentence = self.sentence()
        if sentence is not None and len(sentence.text) > 2:
            self.post(f"/sentences/{sentence.id}/split", offset16=self.rng.randrange(1, _utf16(sentence.text)))

    def accept(self):
        suggestion = self.pick(select(Suggestion).where(Suggestion.state == "open"))
        if suggestion is not None:
            edits = {"suggestion-attr_source": "Someone else"} if self.rng.random() < 0.5 else {}
            self.post(f"/suggestions/{suggestion.id}/accept", **edits)

    def reject(self):
        suggestion = self.pick(select(Suggestion).where(Suggestion.state == "open"))
        if suggestion is not None:
            self.post(f"/suggestions/{suggestion.id}/reject")

    def undo(self):
        suggestion = self.pick(select(Suggestion).where(Suggestion.state != "open",
                                                        Suggestion.decided_by_id == self.editor.id))
        if suggestion is not None:
            self.post(f"/suggestions/{suggestion.id}/undo")

    def api_mark(self):
        sentence = self.sentence(body_only=True)
        if sentence is not None:
            article = db.session.get(Article, sentence.article_id)
            response = self.client.post(f"/api/v1/articles/{article.uuid}/claims", headers=self.api,
                                        json={"sentence_index": sentence.index})
            assert response.status_code in (200, 201, 409, 422), response.get_json()

    def api_delete(self):
        claim = self.pick(select(Claim).where(Claim.locked.is_(False)))
        if claim is not None:
            assert self.client.delete(f"/api/v1/claims/{claim.uuid}", headers=self.api).status_code == 204

    def api_article(self):
        text = STORY.replace("300", str(self.rng.randrange(999)))
        response = self.client.post("/api/v1/articles", headers=self.api, json={"title": "Another", "text": text})
        assert response.status_code == 201, response.get_json()

    def import_copy(self):
        """An article's export, imported as another installation's copy (new ids): its claims land on the same text
        here, or on a new article when the text differs."""
        article = db.session.get(Article, self.rng.choice(self.article_ids()))
        document = self.client.get(f"/api/v1/export?article={article.uuid}", headers=self.api).get_json()
        record = document["articles"][0]
        record["id"] = str(uuid.uuid4())
        if self.rng.random() < 0.5:
            record["text"] = record["text"] + "\nA sentence the copy added at its end."
            record["sha256"] = hashlib.sha256(record["text"].encode()).hexdigest()
        for claim in record["claims"]:
            claim["id"] = str(uuid.uuid4())
        response = self.client.post(f"/api/v1/import?mode={self.rng.choice(['skip', 'replace'])}", json=document,
                                    headers=self.api)
        assert response.status_code == 200, response.get_json()

    def cli_recompute(self):
        """`flask suggest ID --recompute`: the open suggestions are deleted and proposed afresh."""
        article_id = self.pick(select(Suggestion.article_id).where(Suggestion.state == "open").distinct())
        result = self.client.application.test_cli_runner().invoke(
            args=["suggest", str(article_id or self.rng.choice(self.article_ids())), "--recompute"])
        assert result.exit_code == 0, result.output

    def bulk_statements(self):
        """Writes no route makes: claims inserted and deleted by plain statements, as a script or a fix might."""
        article_id = self.rng.choice(self.article_ids())
        sentences = db.session.scalars(select(Sentence).where(Sentence.article_id == article_id)
                                       .order_by(Sentence.id)).all()
        chosen = self.rng.sample(sentences, min(3, len(sentences)))
        db.session.execute(insert(Claim), [{"uuid": str(uuid.uuid4()), "article_id": s.article_id, "sentence_id": s.id,
                                            "start": s.start, "end": s.end, "quote": s.text} for s in chosen])
        db.session.commit()
        doomed = self.pick(select(Sentence.id).where(Sentence.claim_count > 0))
        if doomed is not None and self.rng.random() < 0.5:
            db.session.execute(delete(Claim).where(Claim.sentence_id == doomed))
        db.session.commit()

    def delete_article(self):
        """An article deleted by the ORM (its sentences, claims and suggestions go too): its figures row goes."""
        if len(self.article_ids()) > 1:
            db.session.delete(db.session.get(Article, self.rng.choice(self.article_ids())))
            db.session.commit()


WRITES = {"mark": 6, "delete_claim": 3, "no_claim": 4, "merge": 2, "split": 2, "accept": 3, "reject": 2, "undo": 2,
          "api_mark": 2, "api_delete": 1, "api_article": 1, "import_copy": 1, "cli_recompute": 1,
          "bulk_statements": 1,
          "delete_article": 1}


def test_random_writes_keep_the_figures_equal_to_a_recount(app, client):
    make_article(STORY, title="Storm")
    assert_figures_exact("created")
    desk = Desk(client, random.Random())
    names, weights = zip(*WRITES.items())
    for seed in range(3):
        desk.rng = random.Random(seed)
        for step in range(60):
            name = desk.rng.choices(names, weights)[0]
            getattr(desk, name)()
            db.session.expire_all()
            assert_figures_exact(f"seed {seed}, step {step}: {name}")
    assert set(desk.done) == {"claims", "delete", "no-claim", "merge", "split", "accept", "reject", "undo"}, desk.done


def test_a_deleted_sentence_takes_its_claims_off_once(app):
    """A sentence deleted by a plain statement: the cascade deletes its claims after it, which find no sentence to
    count down, so the article loses the sentence's contribution exactly once."""
    article = make_article(STORY, title="Storm")
    article_id = article.id
    sentence = article.sentences[1]
    db.session.execute(insert(Claim), [{"uuid": str(uuid.uuid4()), "article_id": article_id, "sentence_id": sentence.id,
                                        "start": sentence.start, "end": sentence.end, "quote": sentence.text}])
    db.session.commit()
    assert kept()[article_id][:2] == (9, 1)
    db.session.execute(delete(Sentence).where(Sentence.id == sentence.id))
    assert_figures_exact("sentence deleted")
    assert kept()[article_id][:2] == (8, 0)
    db.session.execute(delete(Article).where(Article.id == article_id))
    db.session.commit()
    assert kept() == {}


# ---------------------------------------------------------------- concurrent writers

def slow_claim_writes(connection, cursor, statement, *args) -> None:
    """Hold each transaction a little after it wrote a claim, so the others write theirs before it commits."""
    if statement.startswith(("INSERT INTO claim", "DELETE FROM claim")):
        time.sleep(0.03)


def test_first_claims_marked_and_deleted_at_once_count_the_sentence_once(app):
    make_user("ed", "editor")
    article = make_article(STORY, title="Storm")
    article_id, sentence_id, text = article.id, article.sentences[1].id, article.sentences[1].text  # no ORM in threads
    words = [(s, s + len(w)) for s, w in _words(text)][:8]
    event.listen(db.engine, "after_cursor_execute", slow_claim_writes)
    try:
        def mark(client, n):
            start, end = words[n]
            return client.post(f"/articles/{article_id}/claims", headers=HX, data={
                "sentence_id": sentence_id, "start16": _utf16(text[:start]), "end16": _utf16(text[:end]),
                "quote": text[start:end]})

        marked = run_at_once(app, len(words), mark)
        assert [r.status_code for r in marked] == [200] * len(words)
        assert_figures_exact("marked at once")
        assert kept()[article_id][:2] == (9, 1)
        assert db.session.get(Sentence, sentence_id).claim_count == len(words)

        claim_ids = db.session.scalars(select(Claim.id).where(Claim.sentence_id == sentence_id)).all()
        deleted = run_at_once(app, len(claim_ids), lambda client, n: client.post(f"/claims/{claim_ids[n]}/delete",
                                                                                 headers=HX))
        assert [r.status_code for r in deleted] == [200] * len(claim_ids)
    finally:
        event.remove(db.engine, "after_cursor_execute", slow_claim_writes)
    assert_figures_exact("deleted at once")
    assert kept()[article_id][:2] == (9, 0)


def slow_decisions(connection, cursor, statement, *args) -> None:
    """Hold a suggestion's decision, a claim's insertion and a merge's deletion a little before what follows them, so
    that a write made at once lands between."""
    if statement.startswith(("UPDATE suggestion SET state", "INSERT INTO claim", "DELETE FROM sentence")):
        time.sleep(0.03)


def test_deciding_a_suggestion_while_a_claim_is_marked_in_its_sentence_waits_and_never_deadlocks(app):
    """Accepting a suggestion writes it, then a claim in its sentence; marking a claim over a suggestion writes the
    claim, then settles the suggestion; a rejection writes the suggestion. All move the article's figures: each takes
    the sentence first, so one waits for the other instead of each holding what the other needs (PostgreSQL would
    abort one as a deadlock). Of a rejection and a claim marked over the suggestion, whichever comes second finds
    it decided: the rejection is refused (409) or the claim settles nothing."""
    make_user("ed", "editor")
    make_article(" ".join(f"Officials said {n} homes were flooded in district {n}." for n in range(10)),
                 title="Many")
    rounds = db.session.execute(select(Suggestion.id, Suggestion.start, Suggestion.end, Sentence.id, Sentence.start,
                                       Article.id, Article.text)
                                .join(Sentence, Sentence.id == Suggestion.sentence_id)
                                .join(Article, Article.id == Sentence.article_id).order_by(Suggestion.id)).all()
    assert len(rounds) == 10
    event.listen(db.engine, "after_cursor_execute", slow_decisions)
    try:
        for n, (suggestion_id, start, end, sentence_id, offset, article_id, text) in enumerate(rounds):
            if n % 2:  # over the suggestion, while it is rejected
                decision, quote, at = "reject", text[start:end], start - offset
            else:  # "Officials", the source, outside the suggestion, while it is accepted
                decision, quote, at = "accept", "Officials", 0
            data = {"sentence_id": sentence_id, "start16": at, "end16": at + len(quote), "quote": quote}

            def act(client, who):
                if who == 0:
                    return client.post(f"/suggestions/{suggestion_id}/{decision}", headers=HX)
                return client.post(f"/articles/{article_id}/claims", headers=HX, data=data)

            decided, marked = [r.status_code for r in run_at_once(app, 2, act)]
            assert (decided, marked) in ([(200, 200)] if decision == "accept" else [(200, 200), (409, 200)]), n
    finally:
        event.remove(db.engine, "after_cursor_execute", slow_decisions)
    assert_figures_exact("decided and marked at once")


def test_merging_while_a_claim_is_marked_further_on_waits_and_never_deadlocks(app):
    """A merge counts (the sentence it deletes) and then renumbers the sentences after it; a first claim further on
    locks its sentence and then counts. The merge takes the sentences from its own on first."""
    make_user("ed", "editor")
    article = make_article(" ".join(f"Sentence {n} is here." for n in range(30)), title="Long paragraph")
    article_id, sentence_ids = article.id, [s.id for s in article.sentences]
    event.listen(db.engine, "after_cursor_execute", slow_decisions)
    try:
        for n in range(0, 20, 2):  # merge sentence n with the next one, and mark a first claim near the end
            merged, marked = sentence_ids[n], sentence_ids[-1 - n // 2]

            def act(client, who):
                if who == 0:
                    return client.post(f"/sentences/{merged}/merge", headers=HX)
                return client.post(f"/articles/{article_id}/claims", headers=HX, data={
                    "sentence_id": marked, "start16": 0, "end16": 8, "quote": "Sentence", "whole": ""})

            results = run_at_once(app, 2, act)
            assert [r.status_code for r in results] == [200, 200], n
    finally:
        event.remove(db.engine, "after_cursor_execute", slow_decisions)
    assert_figures_exact("merged and marked at once")
