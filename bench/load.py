"""Load and fault benchmark against the server `make run` starts, on a scratch database.

Shared by the serving, review-model and performance issues. It builds the workload in-process
(a 1,000-sentence article carrying 2,000 claims, a user with an API token), starts the server
as `make serve` does (or Flask's development server with --server dev, for comparison), then:

1. writers: N clients add claims, evidence and comments through the API for S seconds; prints
   acknowledged writes, the ones found in the export afterwards (must be equal), conflicts (409,
   a span marked twice), errors (5xx, refused connections, any other status) and latency p50/p95;
2. mixed: 8 clients, 80% article page reads (logged-in browser session) / 20% claim adds; prints
   requests/s and read p95;
3. the server's CPU per request in each phase (all its processes) and how busy the machine was, which tells a
   phase bound by the CPU (the mixed one: about 96% busy) from one bound by waiting (the writers queue for
   SQLite's write lock: about 78%); its peak RSS (all its processes) over the run, and its cold
   start (launch to first answer) and a CLI command's.

    python bench/load.py                       # SQLite, the make-run server, 16 writers x 60 s
    python bench/load.py --server dev          # the same against `flask run` (the old make run)
    python bench/load.py --database postgresql # PostgreSQL at 127.0.0.1:5432, database bench_load
    python bench/load.py --writers 16 --seconds 20 --mixed-seconds 20
"""
import argparse
import http.cookiejar
import json
import os
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

PASSWORD = "benchmark-pass"  # the password bench_article.build gives its user
POSTGRES_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def scratch_database(kind: str, folder: Path) -> str:
    """A fresh, empty database for this run."""
    if kind == "sqlite":
        return f"sqlite:///{folder / 'load.sqlite'}"
    import psycopg

    with psycopg.connect(POSTGRES_ADMIN, autocommit=True) as connection:
        connection.execute("DROP DATABASE IF EXISTS bench_load WITH (FORCE)")
        connection.execute("CREATE DATABASE bench_load")
    return "postgresql://postgres@127.0.0.1:5432/bench_load"


def build_workload(sentences: int, claims_per_sentence: int) -> dict:
    """Schema, a user with a token, and the article, written in-process before the server starts."""
    from bench_article import build
    from annotate import create_app
    from annotate.accounts import tokens
    from annotate.cli import init_db
    from annotate.extensions import db
    from annotate.models import User

    app = create_app()
    with app.app_context():
        init_db(load_seed=False)
        article, user, _ = build(app, sentences, claims_per_sentence)
        user = db.session.get(User, user.id)
        user.role = "editor"
        _, token = tokens.create_token(user, "load benchmark")
        db.session.commit()
        spans = [(s.start, s.end, s.index) for s in article.sentences if s.kind == "body"]
        claims = [c.uuid for c in article.claims][:500]
        return {"article_id": article.id, "article_uuid": article.uuid, "token": token, "spans": spans,
                "claims": claims, "text": article.text, "username": user.username}


def start_server(kind: str, port: int, env: dict, log: Path) -> subprocess.Popen:
    """The make-run server (`make serve`) or Flask's development server, in its own process group."""
    if kind == "dev":
        command = [sys.executable, "-m", "flask", "--app", "app", "run", "--port", str(port), "--no-reload"]
    else:
        command = ["make", "--no-print-directory", "-s", "serve", f"PORT={port}", "HOST=127.0.0.1",
                   f"BIN={Path(sys.executable).parent}"]
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT,
                               start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/login", timeout=2)
            return process
        except (urllib.error.URLError, ConnectionError, OSError):
            if process.poll() is not None:
                raise SystemExit(f"server exited: {log.read_text()[-2000:]}")
            time.sleep(0.02)
    raise SystemExit("server did not answer within 60 s")


def cli_cold_start(env: dict) -> float:
    """Seconds for a new process to run a CLI command: every `flask --app app ...` pays the start-up."""
    began = time.perf_counter()
    subprocess.run([sys.executable, "-m", "flask", "--app", "app", "--help"], cwd=ROOT, env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - began


def stop_server(process: subprocess.Popen) -> None:
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=20)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        os.killpg(process.pid, signal.SIGKILL)


class RssSampler(threading.Thread):
    """Peak resident memory of every process in the server's process group."""

    def __init__(self, group: int):
        super().__init__(daemon=True)
        self.group, self.peak, self.running = group, 0, True

    def run(self):
        while self.running:
            total = 0
            for entry in Path("/proc").iterdir():
                if not entry.name.isdigit():
                    continue
                try:
                    if os.getpgid(int(entry.name)) != self.group:
                        continue
                    status = (entry / "status").read_text()
                    total += int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) * 1024
                except (OSError, AttributeError, ProcessLookupError):
                    continue
            self.peak = max(self.peak, total)
            time.sleep(0.5)


def group_cpu_seconds(group: int) -> float:
    """User and system CPU seconds spent so far by the server's process group: its live processes, and (through the
    master's cutime and cstime) the workers it has already replaced, so a recycled worker's CPU is not lost."""
    tick, total = os.sysconf("SC_CLK_TCK"), 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if os.getpgid(int(entry.name)) != group:
                continue
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            total += sum(int(field) for field in fields[11:15])  # utime, stime, cutime, cstime
        except (OSError, IndexError, ValueError, ProcessLookupError):
            continue
    return total / tick


def machine_ticks() -> tuple[int, int]:
    """(busy, all) CPU ticks of the machine so far, from /proc/stat."""
    values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    return sum(values) - values[3] - values[4], sum(values)  # idle and iowait are not busy


class CpuShare:
    """The server's CPU per request over a phase, and how busy the whole machine was: whether the phase is bound
    by the CPU or by waiting (on a shared machine whose speed swings by a third between runs, CPU per request
    swings with it)."""

    def __init__(self, group: int):
        self.group = group
        self.server, self.machine, self.began = group_cpu_seconds(group), machine_ticks(), time.perf_counter()

    def report(self, requests: int, what: str) -> str:
        server = group_cpu_seconds(self.group) - self.server
        busy, every = (now - then for now, then in zip(machine_ticks(), self.machine))
        seconds = time.perf_counter() - self.began
        return (f"  server CPU {server * 1000 / max(requests, 1):.2f} ms per {what} ({server / seconds:.2f} cores); "
                f"the machine {100 * busy / max(every, 1):.0f}% busy of {os.cpu_count()} cores")


class Client:
    """A tiny HTTP client: JSON with a bearer token, or a browser-like session with cookies."""

    def __init__(self, base: str, token: str | None = None):
        self.base, self.token = base, token
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def request(self, method: str, path: str, body: dict | None = None, form: dict | None = None):
        headers, data = {}, None
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        if body is not None:
            headers["Content-Type"], data = "application/json", json.dumps(body).encode()
        if form is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            data = urllib.parse.urlencode(form).encode()
        request = urllib.request.Request(self.base + path, data=data, method=method, headers=headers)
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def login(self, username: str) -> None:
        _, page = self.request("GET", "/login")
        token = re.search(rb'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1).decode()
        status, _ = self.request("POST", "/login", form={"csrf_token": token, "username": username,
                                                          "password": PASSWORD})
        assert status in (200, 303), status


class Tally:
    """What the clients saw, shared across threads."""

    def __init__(self):
        self.lock = threading.Lock()
        self.acknowledged = {"claim": set(), "evidence": set(), "comment": set()}
        self.conflicts, self.errors, self.latencies, self.read_latencies = 0, [], [], []
        self.requests = 0

    def record(self, kind: str, status: int, body: bytes, elapsed: float, read: bool = False):
        with self.lock:
            self.requests += 1
            (self.read_latencies if read else self.latencies).append(elapsed)
            if read and status == 200:
                return
            if status == 201:
                self.acknowledged[kind].add(json.loads(body)["id"])
            elif status == 409 and kind == "claim":
                self.conflicts += 1
            else:
                self.errors.append((kind, status, body[:200]))


def random_span(workload: dict, rng: random.Random) -> dict:
    """A word span inside a random body sentence (most are new claims; a repeat answers 409)."""
    start, end, _ = rng.choice(workload["spans"])
    words = [m.span() for m in re.finditer(r"\S+", workload["text"][start:end])]
    first = rng.randrange(len(words))
    last = min(len(words) - 1, first + rng.randrange(1, 6))
    return {"start": start + words[first][0], "end": start + words[last][1]}


def writer(client: Client, workload: dict, tally: Tally, until: float, seed: int, mine: list):
    """Round robin: claim, evidence, comment; evidence and comments go to claims this client made."""
    rng, step = random.Random(seed), 0
    article = workload["article_uuid"]
    while time.monotonic() < until:
        kind = ("claim", "evidence", "comment")[step % 3]
        target = rng.choice(mine or workload["claims"])
        began = time.perf_counter()
        try:
            if kind == "claim":
                status, body = client.request("POST", f"/api/v1/articles/{article}/claims", random_span(workload, rng))
                if status == 201:
                    mine.append(json.loads(body)["id"])
            elif kind == "evidence":
                status, body = client.request("POST", f"/api/v1/claims/{target}/evidence",
                                              {"url": f"https://example.org/{seed}/{step}", "title": "Source"})
            else:
                status, body = client.request("POST", f"/api/v1/claims/{target}/comments",
                                              {"body": f"Checked source {seed}-{step}."})
        except OSError as error:
            status, body = 0, str(error).encode()
        tally.record(kind, status, body, time.perf_counter() - began)
        step += 1


def mixed_client(client: Client, workload: dict, tally: Tally, until: float, seed: int):
    """80% article page reads, 20% claim adds."""
    rng = random.Random(seed)
    while time.monotonic() < until:
        began = time.perf_counter()
        try:
            if rng.random() < 0.8:
                status, body = client.request("GET", f"/articles/{workload['article_id']}")
                tally.record("read", status, body, time.perf_counter() - began, read=True)
                continue
            status, body = client.request("POST", f"/api/v1/articles/{workload['article_uuid']}/claims",
                                          random_span(workload, rng))
        except OSError as error:
            status, body = 0, str(error).encode()
        tally.record("claim", status, body, time.perf_counter() - began)


def run_threads(threads: list[threading.Thread]) -> float:
    """Start them together, wait for all; the wall time taken."""
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - began


def run_writers(base: str, workload: dict, tally: Tally, count: int, seconds: float) -> float:
    until = time.monotonic() + seconds
    return run_threads([threading.Thread(target=writer, args=(Client(base, workload["token"]), workload, tally,
                                                                until, 1000 + i, []))
                        for i in range(count)])


def found_in_export(base: str, workload: dict) -> dict:
    """Ids of claims, evidence and comments that the export holds."""
    status, body = Client(base, workload["token"]).request("GET", f"/api/v1/export?article={workload['article_uuid']}")
    assert status == 200, (status, body[:300])
    found = {"claim": set(), "evidence": set(), "comment": set()}
    for article in json.loads(body)["articles"]:
        for claim in article["claims"]:
            found["claim"].add(claim["id"])
            found["evidence"].update(item["id"] for item in claim.get("evidence", []))
            found["comment"].update(item["id"] for item in claim.get("comments", []))
    return found


def percentile(samples: list[float], share: float) -> float:
    if not samples:
        return float("nan")
    return statistics.quantiles(samples, n=100)[int(share * 100) - 1] * 1000 if len(samples) > 1 else samples[0] * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--server", choices=("make-run", "dev"), default="make-run")
    parser.add_argument("--database", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--writers", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--mixed-clients", type=int, default=8)
    parser.add_argument("--mixed-seconds", type=float, default=30)
    parser.add_argument("--sentences", type=int, default=1000)
    arguments = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="claim-desk-load-"))
    env = os.environ | {"DATABASE_URL": scratch_database(arguments.database, folder)}
    os.environ["DATABASE_URL"] = env["DATABASE_URL"]
    began = time.perf_counter()
    workload = build_workload(arguments.sentences, 2)
    print(f"workload: {arguments.sentences} sentences, {len(workload['spans']) * 2} claims "
          f"({time.perf_counter() - began:.0f} s to build), {arguments.database}, server: {arguments.server}")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    cli_start = cli_cold_start(env)
    began = time.perf_counter()
    process = start_server(arguments.server, port, env, folder / "server.log")
    print(f"cold start: {time.perf_counter() - began:.2f} s from launching the server to its first answer "
          f"(target 1.5 s); a CLI command (flask --app app --help) {cli_start:.2f} s")
    sampler = RssSampler(process.pid)
    sampler.start()
    try:
        tally = Tally()
        share = CpuShare(process.pid)
        elapsed = run_writers(base, workload, tally, arguments.writers, arguments.seconds)
        cpu = share.report(tally.requests, "write request")
        report_writers(arguments, base, workload, tally, elapsed)
        print(cpu)
        if arguments.mixed_seconds > 0:
            mixed = Tally()
            sessions = []
            for _ in range(arguments.mixed_clients):
                session = Client(base)
                session.login(workload["username"])
                session.token = workload["token"]
                sessions.append(session)
            share = CpuShare(process.pid)
            elapsed = run_mixed(sessions, workload, mixed, arguments.mixed_seconds)
            cpu = share.report(mixed.requests, "request")
            errors = len(mixed.errors)
            print(f"mixed 80/20, {len(sessions)} clients x {arguments.mixed_seconds:.0f} s: "
                  f"{mixed.requests / elapsed:.1f} req/s, read p50 {percentile(mixed.read_latencies, 0.5):.0f} ms, "
                  f"read p95 {percentile(mixed.read_latencies, 0.95):.0f} ms, errors {errors}")
            print(cpu)
    finally:
        sampler.running = False
        stop_server(process)
    print(f"server peak RSS: {sampler.peak / 1048576:.0f} MB")
    log = (folder / "server.log").read_text(errors="replace")
    failures = [line for line in log.splitlines() if re.search(r"Error|Traceback|WORKER TIMEOUT|SIG", line)]
    print(f"server log: {len(failures)} error lines" + "".join(f"\n  {line[:200]}" for line in failures[:5]))
    shutil.rmtree(folder, ignore_errors=True)


def run_mixed(sessions: list, workload: dict, tally: Tally, seconds: float) -> float:
    until = time.monotonic() + seconds
    return run_threads([threading.Thread(target=mixed_client, args=(s, workload, tally, until, 2000 + i))
                        for i, s in enumerate(sessions)])


def report_writers(arguments, base: str, workload: dict, tally: Tally, elapsed: float) -> None:
    found = found_in_export(base, workload)
    acknowledged = sum(len(ids) for ids in tally.acknowledged.values())
    kept = sum(len(ids & found[kind]) for kind, ids in tally.acknowledged.items())
    statuses = {}
    for kind, status, _ in tally.errors:
        statuses[f"{kind} {status}"] = statuses.get(f"{kind} {status}", 0) + 1
    print(f"writers: {arguments.writers} x {arguments.seconds:.0f} s: {acknowledged} acknowledged "
          f"({', '.join(f'{k} {len(v)}' for k, v in tally.acknowledged.items())}), {kept} found in the export, "
          f"lost {acknowledged - kept}; {acknowledged / elapsed:.1f} writes/s; conflicts (409) {tally.conflicts}; "
          f"errors {len(tally.errors)} {statuses or ''}; p50 {percentile(tally.latencies, 0.5):.0f} ms, "
          f"p95 {percentile(tally.latencies, 0.95):.0f} ms")
    for sample in tally.errors[:3]:
        print(f"  e.g. {sample}")


if __name__ == "__main__":
    main()
