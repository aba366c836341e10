"""Small factories so tests read as what they check, not as setup; and the checks several test packages share.

The pytest fixtures built from these (`user`, `logged_in`, `team`, `claim`, ...) live in conftest.py.
"""
import re
import threading

from sqlalchemy import select

from annotate.accounts import operations as accounts_operations
from annotate.accounts import tokens
from annotate.accounts.permissions import has_role
from annotate.articles import operations as articles_operations
from annotate.articles import sentences as sentence_ops
from annotate.claims import operations as claims_operations
from annotate.extensions import db
from annotate.interchange import schema
from annotate.models import Article
from annotate.models import Claim
from annotate.models import User
from annotate.review import discussion
from annotate.review import ratings
from annotate.review import workflow

PASSWORD = "test-passphrase-1"
DEFAULT_TEXT = (
    "Officials said on Monday that 40 people were hurt. The mayor, Ana Ruiz, called it “a tragedy.”\n"
    "Police have not named a suspect."
)
EMOJI_TEXT = (
    "Fans cheered 🎉🇺🇸 as the council voted 7–2 on Tuesday. The mayor, Ana Ruiz, said the plan "
    "“will cut costs by 12 percent.” Critics 👍🏽 disagreed.\n"
    "“It’s a fantasy,” said Tom Lee, a councillor. He added that the budget office had not reviewed it."
)
WIRE_TEXT = (
    "GENEVA (AP) — The U.N. said on Monday that 3.5 million people had fled. Dr. Amy Chen, a W.H.O. adviser, "
    "called it “the worst crisis in a decade.”\n"
    "Officials said the figures were preliminary."
)


# ---------------------------------------------------------------- users, sessions and tokens

def make_user(username: str = "rev", role: str = "reviewer", password: str = PASSWORD) -> User:
    user, _ = accounts_operations.create_user(username, role, password)
    db.session.commit()
    return user


def make_team() -> dict:
    """Two reviewers, an editor and an admin, by name."""
    return {name: make_user(name, role) for name, role in
            (("ann", "reviewer"), ("bob", "reviewer"), ("ed", "editor"), ("root", "admin"))}


def login(client, name: str):
    """Log the client out, then in as `name` (made with the default password)."""
    client.post("/logout")
    response = client.post("/login", data={"username": name, "password": PASSWORD})
    assert response.status_code == 303, response.data[:300]
    return client


def make_token(user, name: str = "test") -> str:
    """A live token for the user (committed), in plaintext as the account page shows it once."""
    _, plaintext = tokens.create_token(user, name)
    db.session.commit()
    return plaintext


def bearer(plaintext: str) -> dict:
    return {"Authorization": f"Bearer {plaintext}"}


def user_with_token(username: str, role: str = "reviewer") -> tuple:
    """A new user and the API headers of a personal token of theirs."""
    user = make_user(username, role)
    return user, bearer(make_token(user))


# ---------------------------------------------------------------- articles and claims

def make_article(text: str = DEFAULT_TEXT, title: str = "Test article", user: User | None = None, **kwargs) -> Article:
    article = articles_operations.create_article(text, user, title=title, **kwargs)
    db.session.commit()
    return article


def make_claim(article: Article, quote: str | None = None, sentence_index: int = 0, user: User | None = None,
               status: str | None = None, **fields) -> Claim:
    """A claim on the first occurrence of `quote` (or the whole sentence) in the given sentence; `fields` describe
    it, and `status` puts it where the review would (see review_to)."""
    sentence = article.sentences[sentence_index]
    if quote is None:
        claim, _ = claims_operations.mark_sentence(sentence, user)
    else:
        start = article.text.index(quote, sentence.start)
        claim, _ = claims_operations.mark_claim(sentence, start, start + len(quote), user, quote=quote)
    if fields:
        claims_operations.update_claim(claim, fields, user, None)
    if status not in (None, "unverified"):
        review_to(claim, status, user)
    db.session.commit()
    return claim


def review_to(claim: Claim, status: str, user: User | None = None) -> None:
    """Bring a claim to a status the way the workflow does, since nobody sets one by hand: in_review (one verdict
    of a quorum of two), disputed (a flag), or a rating key (the article lets a single verdict decide, and the
    verdict gives that rating). The verdict or flag is the user's when they may give one, else `rater`'s."""
    if user is None or not has_role(user, "reviewer"):
        user = db.session.scalar(select(User).where(User.username == "rater")) or make_user("rater", "reviewer")
    if status == "disputed":
        workflow.flag_dispute(claim, user, "set up as disputed")
    elif status == "in_review":
        claim.article.quorum = max(2, claim.article.quorum)
        workflow.give_verdict(claim, user, "supported")
    else:
        claim.article.single_verdict = True
        workflow.give_verdict(claim, user, status)
    db.session.flush()


def claim_on_article(**article_settings) -> Claim:
    """A claim on a fresh default article; `title`, `blind_verdicts` and `quorum` set the article's review rules."""
    article = make_article(**{k: v for k, v in article_settings.items() if k == "title"})
    for name in ("blind_verdicts", "quorum"):
        if name in article_settings:
            setattr(article, name, article_settings[name])
    db.session.commit()
    return make_claim(article, "40 people were hurt")


# ---------------------------------------------------------------- a rich annotation set for interchange

def build_rich_set() -> dict:
    """Two editors' work on two articles (emoji, curly quotes), with every record kind and a merge and a split."""
    alice = make_user("alice", "editor")
    bob = make_user("bob", "reviewer")
    one = make_article(EMOJI_TEXT, title="Council vote 🎉", user=alice, source_url="https://news.example/council")
    two = make_article(WIRE_TEXT, title="Refugees", user=bob)
    first = make_claim(one, "will cut costs by 12 percent", 1, alice, attr_source="Ana Ruiz", attr_role="mayor",
                       attr_cue="said", attr_type="mixed", rationale="Budget shows 4 %.")
    make_claim(one, "the plan “will cut costs by 12 percent.”", 1, bob)
    claims_operations.add_evidence(first, "https://budget.example/2024", alice, "Budget 2024", "Savings: 4 %",
                                   "refutes")
    claims_operations.add_evidence(first, "https://news.example/earlier", bob, "", "", "context")
    sentence_ops.set_no_claim(one.sentences[0], True, bob)
    make_claim(two, "3.5 million people had fled", 0, bob, attr_source="U.N.", attr_type="indirect")
    sentence_ops.merge_with_next(two.sentences[0], alice)
    third = two.sentences[-1]
    sentence_ops.split_at(third, third.start + third.text.index(" the figures"), alice)
    db.session.commit()
    add_teamwork(alice, bob, first, two.claims[0])
    return {"alice": alice, "bob": bob, "articles": [one, two], "claim": first}


def add_teamwork(alice, bob, decided, disputed) -> None:
    """Verdicts (one revised), a flag, a thread with a reply and a mention, a decision later reopened."""
    ratings.ensure_default_vocabulary()
    carol = make_user("carol", "reviewer")
    workflow.give_verdict(decided, bob, "refuted", 4, "Budget says 4 %", [decided.evidence[0].id])
    workflow.give_verdict(decided, carol, "misleading", 2, "")
    workflow.give_verdict(decided, carol, "refuted", 3, "Changed my mind after the annex.")
    comment = discussion.add_comment(decided, bob, "@alice the annex has the real figure.")
    discussion.add_comment(decided, alice, "Agreed.", parent_id=comment.id)
    discussion.set_resolved(comment, alice, True)
    workflow.sign_off(decided, alice, "refuted", "The budget shows savings of 4 %, not 12 %.", "consensus")
    workflow.give_verdict(disputed, bob, "supported", 5)
    workflow.flag_dispute(disputed, carol, "The U.N. figure was revised the next day.")
    db.session.commit()


# ---------------------------------------------------------------- checks

def check_document(document: dict) -> dict:
    """Validate against docs/export-schema-v1.json and check every offset by slicing."""
    schema.validate_export(document)
    assert document["format"] == "annotate.claims" and document["version"] == 1
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z", document["exported_at"])
    for article in document["articles"]:
        text = article["text"]
        assert [s["index"] for s in article["sentences"]] == list(range(len(article["sentences"])))
        for sentence in article["sentences"]:
            assert sentence["text"] == text[sentence["start"] : sentence["end"]]
        for claim in article["claims"]:
            assert claim["quote"] == text[claim["start"] : claim["end"]]
            holder = article["sentences"][claim["sentence_index"]]
            assert holder["start"] <= claim["start"] < claim["end"] <= holder["end"]
    return document


def assert_json_error(response, status: int, field: str | None = "__any__") -> dict:
    """The response is the API's JSON error shape with this status (and this field, when given)."""
    assert response.status_code == status, response.get_data(as_text=True)[:500]
    assert response.mimetype == "application/json"
    error = response.get_json()["error"]
    assert set(error) == {"code", "message", "field"} and error["message"]
    if field != "__any__":
        assert error["field"] == field, error
    return error


def run_at_once(app, count: int, request, username: str = "ed") -> list:
    """`request(client, n)` from `count` threads, each with its own client (and so its own session and connection)
    logged in as `username`, released together; their results in order."""
    clients = [app.test_client() for _ in range(count)]
    for client in clients:  # logged in side by side (a logout would end the others' sessions)
        assert client.post("/login", data={"username": username, "password": PASSWORD}).status_code == 303
    db.session.commit()  # end this thread's read, so the writers meet a quiet database
    start, results = threading.Barrier(count), [None] * count

    def work(n: int) -> None:
        start.wait()
        results[n] = request(clients[n], n)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return results
