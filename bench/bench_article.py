"""Benchmark: a 1,000-sentence article carrying 2,000 claims; prints server times of the hot paths.

Run with `make bench` (or `.venv/bin/python bench/bench_article.py`). Uses a temporary SQLite
database (or DATABASE_URL when set) built by the real migrations, and the Flask test client, so
the figures are server time: routing, queries, rendering; no network or browser.
"""
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import event  # noqa: E402

from annotate import create_app  # noqa: E402
from annotate.accounts import operations as accounts_operations  # noqa: E402
from annotate.articles import operations as articles_operations  # noqa: E402
from annotate.claims import operations as claims_operations  # noqa: E402
from annotate.cli import init_db  # noqa: E402
from annotate.extensions import db  # noqa: E402

SENTENCES = [
    "The ministry said on Tuesday that {n} people had been detained since March.",
    "“We will not accept these accusations,” the spokesperson, Li Wei, told reporters. ",
    "Prices rose 3.{n} percent in the year to October, according to the U.S. Labor Department.",
    "Sen. Maria Lopez called the bill “a historic step 🎉 for {n} families.”",
    "Critics say the figures are misleading because they exclude part-time workers.",
]
HEAD = {"HX-Request": "true"}


def article_text(sentence_count: int) -> str:
    """Paragraphs of five sentences each, with a heading every ten paragraphs."""
    lines, made = [], 0
    while made < sentence_count:
        if len(lines) % 11 == 10:
            lines.append(f"Section {len(lines) // 11 + 1}")
            made += 1
            continue
        lines.append(" ".join(s.format(n=made + i).strip() for i, s in enumerate(SENTENCES)))
        made += len(SENTENCES)
    return "\n\n".join(lines)


def timed(function, repeat: int) -> tuple[float, float]:
    """Median and max wall time in milliseconds."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples), max(samples)


def build(app, sentence_count: int, claims_per_sentence: int):
    user, _ = accounts_operations.create_user("bench", "reviewer", "benchmark-pass")
    start = time.perf_counter()
    article = articles_operations.create_article(article_text(sentence_count), user, title="Benchmark article")
    db.session.commit()
    created = (time.perf_counter() - start) * 1000
    body = [s for s in article.sentences if s.kind == "body"]
    for sentence in body:
        words = sentence.text.split(" ")
        first = len(words[0])
        claims_operations.mark_sentence(sentence, user)
        if claims_per_sentence > 1:
            claims_operations.mark_claim(sentence, sentence.start, sentence.start + first, user)
    db.session.commit()
    return article, user, created


def measure(app, article_id: int, claim_id: int, target_id: int) -> dict:
    """Time the hot paths through the test client, each request in its own app context as in production."""
    client = app.test_client()
    client.post("/login", data={"username": "bench", "password": "benchmark-pass"})
    figures = {"page": timed(lambda: client.get(f"/articles/{article_id}"), 7)}
    queries = []
    with app.app_context():
        event.listen(db.engine, "before_cursor_execute", lambda *a: queries.append(1))
    figures["size"] = len(client.get(f"/articles/{article_id}").data)
    figures["queries"] = len(queries)
    form = {"attr_source": "Li Wei", "attr_role": "spokesperson", "attr_cue": "told", "attr_type": "direct",
            "status": "in_review", "rationale": ""}
    saves = iter(range(1, 100))

    def save():
        form["rationale"] = f"Checking the ministry figures, pass {next(saves)}."
        form["version"] = version_of(app, claim_id)
        response = client.post(f"/claims/{claim_id}", data=form, headers=HEAD)
        assert response.status_code == 200, response.status_code

    figures["save"] = timed(save, 15)
    marks = iter(range(1, 40))

    def mark():
        response = client.post(f"/articles/{article_id}/claims", headers=HEAD,
                               data={"sentence_id": target_id, "start16": 0, "end16": next(marks)})
        assert response.status_code == 200, response.status_code

    figures["mark"] = timed(mark, 15)
    figures["export"] = timed(lambda: client.get(f"/articles/{article_id}/export.json"), 5)
    figures["export_size"] = len(client.get(f"/articles/{article_id}/export.json").data)
    return figures


def measure_api(app, article_uuid: str) -> dict:
    """The API's article read (built from the export's snapshot): server time and SQL statements."""
    from annotate.accounts import tokens
    from annotate.models import User

    with app.app_context():
        _, plaintext = tokens.create_token(db.session.scalar(db.select(User).filter_by(username="bench")), "bench")
        db.session.commit()
    client, headers = app.test_client(), {"Authorization": f"Bearer {plaintext}"}
    url = f"/api/v1/articles/{article_uuid}"
    figures = {"read": timed(lambda: client.get(url, headers=headers), 5)}
    statements = []

    def record(*args):
        statements.append(1)

    with app.app_context():
        event.listen(db.engine, "before_cursor_execute", record)
        figures["size"] = len(client.get(url, headers=headers).data)
        event.remove(db.engine, "before_cursor_execute", record)
    figures["queries"] = len(statements)
    return figures


def version_of(app, claim_id: int) -> int:
    from annotate.models import Claim

    with app.app_context():
        return db.session.get(Claim, claim_id).version


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="annotate-bench-"))
    uri = os.environ.get("DATABASE_URL") or f"sqlite:///{folder / 'bench.sqlite'}"
    app = create_app({"SECRET_KEY": "bench", "INSTANCE_PATH": str(folder), "SQLALCHEMY_DATABASE_URI": uri,
                      "WTF_CSRF_ENABLED": False})
    with app.app_context():
        init_db(load_seed=False)
        article, user, created_ms = build(app, 1000, 2)
        sentence_total, claim_total = len(article.sentences), len(article.claims)
        claim_id = article.claims[len(article.claims) // 2].id
        target_id = next(s for s in reversed(article.sentences) if s.kind == "body").id
        article_id, article_uuid = article.id, article.uuid
    f = measure(app, article_id, claim_id, target_id)
    api = measure_api(app, article_uuid)
    print(f"workload: {sentence_total} sentences, {claim_total} claims ({uri.split(':')[0]})")
    print(f"create + segment + suggest:    {created_ms:8.1f} ms")
    print(f"article page GET:              {f['page'][0]:8.1f} ms median, {f['page'][1]:.1f} max; "
          f"{f['size'] / 1024:.0f} KiB, {f['queries']} queries")
    print(f"claim save POST (panel):       {f['save'][0]:8.1f} ms median, {f['save'][1]:.1f} max")
    print(f"mark claim POST (selection):   {f['mark'][0]:8.1f} ms median, {f['mark'][1]:.1f} max")
    print(f"article export GET:            {f['export'][0]:8.1f} ms median, {f['export'][1]:.1f} max; "
          f"{f['export_size'] / 1024:.0f} KiB")
    print(f"API article read GET:          {api['read'][0]:8.1f} ms median, {api['read'][1]:.1f} max; "
          f"{api['size'] / 1024:.0f} KiB, {api['queries']} queries")


if __name__ == "__main__":
    main()
