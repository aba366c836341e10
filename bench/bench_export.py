"""Benchmark: the native export of one article at 1,000 and 5,000 sentences (two claims per body sentence).

Builds each workload on a scratch SQLite database (bench_article.build), then times the download a logged-in
reviewer gets (GET /articles/<id>/export.json through the test client, as the web route serves it) and the
export the CLI writes (`flask export --output`: export_body outside a request, written to a file). Prints medians of wall and CPU time (CPU time is the
steadier figure on a shared machine: say the load average with it), the body size and the SQL statements.

    python bench/bench_export.py                  # 1000 and 5000 sentences
    python bench/bench_export.py --sizes 1000 --runs 15
"""
import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from sqlalchemy import event  # noqa: E402

import bench_article  # noqa: E402
from annotate import create_app  # noqa: E402
from annotate.cli import init_db  # noqa: E402
from annotate.extensions import db  # noqa: E402
from annotate.interchange.export import export_body  # noqa: E402


def timed(function, runs: int) -> dict:
    """Median wall and CPU milliseconds over `runs` calls, after one warm-up call."""
    function()
    wall, cpu = [], []
    for _ in range(runs):
        began, began_cpu = time.perf_counter(), time.process_time()
        function()
        wall.append((time.perf_counter() - began) * 1000)
        cpu.append((time.process_time() - began_cpu) * 1000)
    return {"wall": statistics.median(wall), "cpu": statistics.median(cpu)}


def statements(app, function) -> int:
    sent = []

    def record(*args):
        sent.append(1)

    with app.app_context():
        event.listen(db.engine, "before_cursor_execute", record)
        try:
            function()
        finally:
            event.remove(db.engine, "before_cursor_execute", record)
    return len(sent)


def run_size(sentences: int, runs: int) -> None:
    folder = Path(tempfile.mkdtemp(prefix="claim-desk-export-"))
    app = create_app({"SECRET_KEY": "bench", "INSTANCE_PATH": str(folder), "WTF_CSRF_ENABLED": False,
                      "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'export.sqlite'}"})
    with app.app_context():
        init_db(load_seed=False)
        article, _, _ = bench_article.build(app, sentences, 2)
        article_id, claims = article.id, len(article.claims)
    client = app.test_client()
    client.post("/login", data={"username": "bench", "password": "benchmark-pass"})

    def web():
        return client.get(f"/articles/{article_id}/export.json").data

    def cli():
        with app.app_context():
            body = export_body("json", [article_id])
        (folder / "export.json").write_bytes(body)
        return body

    print(f"\n{sentences:,} sentences, {claims:,} claims ({os.getloadavg()[0]:.2f} load average)")
    for name, function in (("web download", web), ("CLI export", cli)):
        figures = timed(function, runs)
        print(f"  {name + ':':<14} {figures['wall']:7.1f} ms wall, {figures['cpu']:7.1f} ms CPU (medians of {runs}); "
              f"{len(function()) / 1024:,.0f} KiB, {statements(app, function)} statements")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--runs", type=int, default=9)
    arguments = parser.parse_args()
    for size in arguments.sizes:
        run_size(size, arguments.runs)


if __name__ == "__main__":
    main()
