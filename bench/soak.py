"""Soak test: 8 clients read article pages and write claims for 10 minutes against the server `make run` starts,
on a scratch database; it must end with 0 crashed workers.

Built on bench/load.py (the workload, the server, the clients, the RSS sampler). Each client keeps a logged-in
browser session and an API token and loops: 70% article page reads (the logged-in page, every claim on it), 30%
claim writes through the API (a new span, or describing one of its own claims: read it, PATCH with its version). The workers run with
faulthandler on (annotate/server.py's post_fork, and PYTHONFAULTHANDLER=1), so a crash in C code leaves a
Python stack in the server log. Printed: requests, errors, p50/p95, RSS at start and peak, and the crashed
workers found in the gunicorn log ("was sent SIG...", "exited with code", "WORKER TIMEOUT", faulthandler's
"Fatal Python error"); the exit status is 1 when any worker crashed or any request failed.

    python bench/soak.py                              # 8 clients x 600 s, SQLite
    python bench/soak.py --clients 8 --seconds 60     # a shorter run
    python bench/soak.py --database postgresql        # PostgreSQL at 127.0.0.1:5432
"""
import argparse
import json
import os
import random
import re
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import load  # bench/ is not a package: load.py is found through sys.path

CRASH_LINES = re.compile(r"was sent SIG\w+|exited with code \d+|WORKER TIMEOUT|Fatal Python error")


class Counts:
    """What the clients saw, shared across threads."""

    def __init__(self):
        self.lock = threading.Lock()
        self.reads, self.writes, self.errors, self.read_latencies, self.write_latencies = 0, 0, [], [], []

    def record(self, write: bool, status: int, body: bytes, elapsed: float, expected: tuple):
        with self.lock:
            if write:
                self.writes += 1
                self.write_latencies.append(elapsed)
            else:
                self.reads += 1
                self.read_latencies.append(elapsed)
            if status not in expected:
                self.errors.append((status, body[:200]))


def soak_client(client: load.Client, workload: dict, counts: Counts, until: float, seed: int) -> None:
    """70% article page reads, 30% claim writes (new spans, or describing one of this client's claims)."""
    rng, mine = random.Random(seed), []
    article_id, article_uuid = workload["article_id"], workload["article_uuid"]
    while time.monotonic() < until:
        began = time.perf_counter()
        write = rng.random() < 0.3
        try:
            if not write:
                status, body = client.request("GET", f"/articles/{article_id}")
                expected = (200,)
            elif mine and rng.random() < 0.3:
                claim = rng.choice(mine)
                status, body = client.request("GET", f"/api/v1/claims/{claim}")
                if status == 200:
                    version = json.loads(body)["version"]
                    status, body = client.request("PATCH", f"/api/v1/claims/{claim}",
                                                  {"version": version, "rationale": f"Checked {seed}-{rng.random()}"})
                expected = (200, 409)
            else:
                status, body = client.request("POST", f"/api/v1/articles/{article_uuid}/claims",
                                              load.random_span(workload, rng))
                if status == 201:
                    mine.append(json.loads(body)["id"])
                expected = (201, 409)
        except OSError as error:
            status, body, expected = 0, str(error).encode(), (200,)
        counts.record(write, status, body, time.perf_counter() - began, expected)


def crashed_workers(log: str) -> list[str]:
    return [line for line in log.splitlines() if CRASH_LINES.search(line)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=600)
    parser.add_argument("--sentences", type=int, default=1000)
    parser.add_argument("--keep-log", type=Path, help="Copy the server log here.")
    arguments = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="claim-desk-soak-"))
    env = os.environ | {"DATABASE_URL": load.scratch_database(arguments.database, folder), "PYTHONFAULTHANDLER": "1",
                        "ACCESS_LOG": os.devnull}
    os.environ["DATABASE_URL"] = env["DATABASE_URL"]
    workload = load.build_workload(arguments.sentences, 2)
    print(f"soak: {arguments.clients} clients x {arguments.seconds:.0f} s, {arguments.sentences}-sentence article "
          f"with {len(workload['spans']) * 2} claims, {arguments.database}, the make-run server")
    port = load.free_port()
    base = f"http://127.0.0.1:{port}"
    process = load.start_server("make-run", port, env, folder / "server.log")
    sampler = load.RssSampler(process.pid)
    sampler.start()
    time.sleep(1)
    rss_at_start = sampler.peak
    counts = Counts()
    try:
        clients = []
        for _ in range(arguments.clients):
            client = load.Client(base)
            client.login(workload["username"])
            client.token = workload["token"]
            clients.append(client)
        until = time.monotonic() + arguments.seconds
        elapsed = load.run_threads([threading.Thread(target=soak_client, args=(c, workload, counts, until, 3000 + i))
                                    for i, c in enumerate(clients)])
    finally:
        sampler.running = False
        load.stop_server(process)
    log = (folder / "server.log").read_text(errors="replace")
    crashes = crashed_workers(log)
    print(f"requests: {counts.reads} reads, {counts.writes} writes ({(counts.reads + counts.writes) / elapsed:.1f}/s); "
          f"read p50 {load.percentile(counts.read_latencies, 0.5):.0f} ms, "
          f"p95 {load.percentile(counts.read_latencies, 0.95):.0f} ms; "
          f"write p95 {load.percentile(counts.write_latencies, 0.95):.0f} ms; errors {len(counts.errors)}")
    for sample in counts.errors[:3]:
        print(f"  e.g. {sample}")
    print(f"server RSS: {rss_at_start / 1048576:.0f} MB at start, peak {sampler.peak / 1048576:.0f} MB")
    print(f"crashed workers: {len(crashes)}" + "".join(f"\n  {line[:200]}" for line in crashes[:10]))
    if arguments.keep_log:
        shutil.copy(folder / "server.log", arguments.keep_log)
    shutil.rmtree(folder, ignore_errors=True)
    return 1 if crashes or counts.errors else 0


if __name__ == "__main__":
    sys.exit(main())
