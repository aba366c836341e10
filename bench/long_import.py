"""A long import under the production server: the upload answers at once with a job, whose page shows the
progress until the report.

Builds an annotation set like the one that failed with a 500 at gunicorn's 30 s timeout (13 articles, about
400 claims, about 1.9 MB), starts the server `make run` starts on a scratch database, uploads the set through
the import page as an editor, then polls the job's page every half second and prints each step it showed,
the time to the report, and the report.

    python bench/long_import.py
    python bench/long_import.py --articles 13 --sentences 300 --database postgresql
"""
import argparse
import json
import os
import re
import shutil
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import load  # bench/ is not a package: load.py is found through sys.path


def build_document(articles: int, sentences: int, claims_per_article: int) -> bytes:
    """Articles with claims, exported, then given new ids and texts so the import creates them all again."""
    from bench_article import article_text
    from annotate import create_app
    from annotate.accounts import operations as accounts
    from annotate.articles import operations as article_operations
    from annotate.claims import operations as claim_operations
    from annotate.cli import init_db
    from annotate.extensions import db
    from annotate.interchange import native

    app = create_app()
    with app.app_context():
        init_db(load_seed=False)
        accounts.create_user("bench", "editor", load.PASSWORD)
        for number in range(articles):
            text = article_text(sentences) + f" Article {number}."
            article = article_operations.create_article(text, None, title=f"Import {number}")
            body = [s for s in article.sentences if s.kind == "body"]
            for sentence in body[:claims_per_article]:
                claim_operations.mark_sentence(sentence, None)
            db.session.commit()
        document = native.export_articles()
    for number, article in enumerate(document["articles"]):
        article["id"], article["text"] = str(uuid.uuid4()), article["text"] + f" (imported copy {number})"
        article["sha256"] = native.text_sha256(article["text"])
        for claim in article["claims"]:
            claim["id"] = str(uuid.uuid4())
    return json.dumps(document).encode()


def upload(client: load.Client, data: bytes) -> tuple[int, str]:
    """POST the import form (multipart); the status and where it sent us."""
    _, page = client.request("GET", "/import")
    token = re.search(rb'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1).decode()
    boundary = uuid.uuid4().hex
    parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="csrf_token"\r\n\r\n{token}\r\n'.encode(),
             f'--{boundary}\r\nContent-Disposition: form-data; name="mode"\r\n\r\nskip\r\n'.encode(),
             f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="set.json"\r\n'
             f'Content-Type: application/json\r\n\r\n'.encode() + data + b"\r\n", f"--{boundary}--\r\n".encode()]
    request = urllib.request.Request(client.base + "/import", data=b"".join(parts), method="POST",
                                     headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
    opener = urllib.request.build_opener(NoRedirect, *[h for h in client.opener.handlers
                                                       if isinstance(h, urllib.request.HTTPCookieProcessor)])
    try:
        with opener.open(request, timeout=60) as response:
            return response.status, response.headers.get("Location", "")
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Location", "")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--articles", type=int, default=13)
    parser.add_argument("--sentences", type=int, default=450)
    parser.add_argument("--claims", type=int, default=32, help="claims per article")
    arguments = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="claim-desk-import-"))
    env = os.environ | {"DATABASE_URL": load.scratch_database(arguments.database, folder)}
    os.environ["DATABASE_URL"] = env["DATABASE_URL"]
    data = build_document(arguments.articles, arguments.sentences, arguments.claims)
    claims = sum(len(a["claims"]) for a in json.loads(data)["articles"])
    print(f"annotation set: {arguments.articles} articles, {claims} claims, {len(data) / 1048576:.2f} MB; "
          f"{arguments.database}, the make-run server")
    port = load.free_port()
    process = load.start_server("make-run", port, env, folder / "server.log")
    try:
        client = load.Client(f"http://127.0.0.1:{port}")
        client.login("bench")
        began = time.perf_counter()
        status, location = upload(client, data)
        print(f"upload answered {status} in {time.perf_counter() - began:.1f} s -> {location}")
        job_path = urllib.parse.urlsplit(location).path
        seen, page = [], b""
        while time.perf_counter() - began < 600:
            _, page = client.request("GET", job_path)
            step = re.search(rb'job-step">([^<]*)<', page)
            percent = re.search(rb"<span>(\d+) %</span>", page)
            shown = (step.group(1).decode() if step else "finished") + (f" ({percent.group(1).decode()} %)"
                                                                        if percent else "")
            if not seen or seen[-1][1] != shown:
                seen.append((time.perf_counter() - began, shown))
                print(f"  {seen[-1][0]:6.1f} s  {shown}")
            if not step:
                break
            time.sleep(0.5)
        report = re.search(rb"<strong>Imported.</strong> ([^<]*)<", page)
        failed = re.search(rb"Nothing was imported.[^<]*</strong>([^<]*)", page)
        print(f"report after {time.perf_counter() - began:.1f} s: "
              f"{(report or failed).group(1).decode().strip() if (report or failed) else page[:300]}")
    finally:
        load.stop_server(process)
    log = (folder / "server.log").read_text(errors="replace")
    print(f"server log: {len(re.findall(r'Traceback|WORKER TIMEOUT|was sent SIG', log))} errors")
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
