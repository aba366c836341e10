"""Blind review holds in every channel: a canary planted in ann's verdict never reaches bob before he judges.

The sweep enumerates what it reads instead of listing it by hand: every GET route of the URL map (as a page and
as an htmx fragment), every GET operation of the OpenAPI document, every export format (web downloads and the
API). A new route, operation or format is swept without touching this file, and a route skipped needs a reason.
"""
import csv
import io
import json
import re

from sqlalchemy import select

from annotate.api.openapi import document as openapi_document
from annotate.claims import operations as claim_ops
from annotate.extensions import db
from annotate.interchange.export import FORMATS
from annotate.interchange.export import render_export
from annotate.jobs import operations as jobs
from annotate.models import Job
from annotate.review import workflow
from annotate.review.ratings import create_rating
from tests.conftest import HX
from tests.factories import bearer
from tests.factories import claim_on_article
from tests.factories import login
from tests.factories import make_token

CANARY_NOTE = "canary-note-5c1e0b7d"
CANARY_RATING = "canary_rating_q9"
CANARY_RATIONALE = "canary-rationale-81f2"
COLOUR_USES = tuple(f"{kind} status-{CANARY_RATING}" for kind in ("claim", "chip", "badge")) + (
    f'"rating-{CANARY_RATING}', f" rating-{CANARY_RATING}")

# GET routes the sweep does not request, and why.
EXCLUDED = {
    "static": "files shipped with the app, the same for every user",
    "jobs.show": "a background job's progress page; it names no claim and no job is planted",
    "suggestions.edit": "a rule suggestion's edit form; suggestions carry no verdict and none is planted",
    "accounts.setup": "first-run setup, answered only before any account exists",
}


def planted(team):
    """A blind claim marked by ann, with her verdict (canary note and rating) and a dispute flag (for the queue)."""
    create_rating({"key": CANARY_RATING, "label": "Canary rating", "colour": "#123456"})
    claim = claim_on_article(blind_verdicts=True, title="Blind article")
    claim.created_by = team["ann"]
    claim_ops.update_claim(claim, {"rationale": CANARY_RATIONALE}, team["ann"], None)
    workflow.give_verdict(claim, team["ann"], CANARY_RATING, 4, note=CANARY_NOTE)
    workflow.flag_dispute(claim, team["ann"], "Ann wants a second look")
    jobs.enqueue("article", team["bob"], {"title": "Bob's long article"}, "A long text.")  # for GET /api/v1/jobs/{id}
    db.session.commit()
    return claim


def route_values(claim) -> dict:
    return {"article_id": claim.article_id, "claim_id": claim.id, "sentence_id": claim.sentence_id}


def web_get_rules(app):
    rules = [r for r in app.url_map.iter_rules() if "GET" in r.methods and not r.rule.startswith("/api/")]
    return sorted(rules, key=lambda r: r.rule)


def web_urls(app, claim) -> tuple[list[str], set[str]]:
    """Every web GET URL to read (one per export format where the rule takes one) and the endpoints covered."""
    urls, covered = [], set()
    values = route_values(claim)
    for rule in web_get_rules(app):
        if rule.endpoint in EXCLUDED:
            continue
        formats = FORMATS if "fmt" in rule.arguments else [None]
        for fmt in formats:
            args = {name: values[name] for name in rule.arguments if name != "fmt"}
            if fmt:
                args["fmt"] = fmt
            path, _ = rule.build(args)
            urls.append(path)
        covered.add(rule.endpoint)
    urls += [f"/articles/{claim.article_id}?claim={claim.id}", "/export.json?status=disputed",
             "/disputed?mine=0"]
    return urls, covered


def api_get_paths(claim) -> list[str]:
    """Every GET operation of the OpenAPI document, its path filled with the planted records' ids."""
    ids = {"article_id": claim.article.uuid, "claim_id": claim.uuid,
           "job_id": str(db.session.scalar(select(Job.id)))}  # bob's job (planted), read through his token
    paths = []
    for path, operations in openapi_document()["paths"].items():
        if "get" in operations:
            paths.append("/api/v1" + re.sub(r"\{(\w+)\}", lambda m: ids[m.group(1)], path))
    return paths


def api_export_paths(claim) -> list[str]:
    return ["/api/v1/export", f"/api/v1/export?article={claim.article.uuid}", "/api/v1/export?status=disputed"]


def without_vocabulary(body: str) -> str:
    """The body minus the rating vocabulary (which lists every rating, the canary's too, to everyone)."""
    try:
        data = json.loads(body)
    except ValueError:
        return body
    if isinstance(data, dict):
        data.pop("vocabulary", None)
    return json.dumps(data, ensure_ascii=False)


def read(client, url: str, headers: dict | None = None, statuses: dict | None = None) -> str:
    response = client.get(url, headers=headers or {})
    assert response.status_code < 500, (url, response.status_code)
    if statuses is not None:
        statuses[url] = response.status_code
    return response.get_data(as_text=True)


def leaks(body: str, url: str) -> list[str]:
    found = [CANARY_NOTE] if CANARY_NOTE in body else []
    if CANARY_RATIONALE in body:
        found.append(CANARY_RATIONALE)
    is_json = url.startswith("/api/") or ".json" in url or url.rsplit("/", 1)[-1] in ("json", "w3c")
    if is_json and CANARY_RATING in without_vocabulary(body):
        found.append(CANARY_RATING)
    # the rating's colour: a highlight, a chip or a badge in its class (the legend, the verdict form's choices and
    # the vocabulary stylesheet list every rating to everyone, so only these uses count)
    found += [f"colour {use}" for use in COLOUR_USES if use in body]
    return found


def sweep(app, client, claim, token_headers) -> tuple[dict, dict[str, list[str]]]:
    """Read every channel; the counts of what was read and the leaks found, by URL."""
    urls, covered = web_urls(app, claim)
    found, statuses = {}, {}
    for url in urls:
        for headers in ({}, HX):
            body = read(client, url, headers, statuses)
            if leaks(body, url):
                found[f"{url} {'(htmx)' if headers else ''}"] = leaks(body, url)
    api_paths = api_get_paths(claim) + api_export_paths(claim)
    for url in api_paths:
        body = read(client, url, token_headers, statuses)
        if leaks(body, url):
            found[url] = leaks(body, url)
    counts = {"web GET routes": len(covered), "web URLs": len(urls), "API GET operations": len(api_get_paths(claim)),
              "API URLs": len(api_paths), "export formats": len(FORMATS)}
    read_ok = [url for url in urls + api_paths if "export" in url or "claim" in url or url.startswith("/api/")]
    assert all(statuses[url] == 200 for url in read_ok), {url: statuses[url] for url in read_ok}
    return counts, found


def test_the_sweep_covers_every_get_route_operation_and_format(app, team):
    claim = planted(team)
    urls, covered = web_urls(app, claim)
    rules = web_get_rules(app)
    expected = {r.endpoint for r in rules} - set(EXCLUDED)
    assert covered == expected and len(covered) == len(rules) - len({r.endpoint for r in rules} & set(EXCLUDED))
    api_rules = [r for r in app.url_map.iter_rules() if "GET" in r.methods and r.rule.startswith("/api/")]
    assert len(api_get_paths(claim)) == len(api_rules)  # the OpenAPI document names every API read
    assert {"json", "w3c", "csv", "claimreview"} <= set(FORMATS)
    print(f"\nswept {len(covered)} web GET routes ({len(urls)} URLs), {len(api_rules)} API GET operations, "
          f"{len(FORMATS)} export formats; excluded: {sorted(EXCLUDED)}")


def test_a_blind_reviewer_receives_no_canary_anywhere_until_they_judge(app, client, team):
    claim = planted(team)
    bob_api = bearer(make_token(team["bob"]))
    login(client, "bob")
    counts, found = sweep(app, client, claim, bob_api)
    print(f"\nblind sweep: {counts}")
    assert found == {}, f"blind review leaks: {found}"
    assert counts["web GET routes"] >= 20 and counts["API GET operations"] >= 6 and counts["export formats"] == 4

    workflow.give_verdict(claim, team["bob"], "supported", 3, note="bob's own view")
    db.session.commit()
    assert CANARY_NOTE in read(client, f"/claims/{claim.id}/history", HX)
    assert CANARY_NOTE in read(client, f"/api/v1/claims/{claim.uuid}", bob_api)
    assert CANARY_NOTE in read(client, "/export.json")
    assert CANARY_RATIONALE in read(client, f"/api/v1/claims/{claim.uuid}", bob_api)


def test_an_editor_sees_the_canary_in_every_channel(app, client, team):
    claim = planted(team)
    ed_api = bearer(make_token(team["ed"]))
    login(client, "ed")
    for url in (f"/claims/{claim.id}", f"/claims/{claim.id}/history", "/export.json",
                f"/articles/{claim.article_id}/export/w3c", "/disputed"):
        assert CANARY_NOTE in read(client, url, HX), url
    assert f"colour badge status-{CANARY_RATING}" in leaks(read(client, f"/claims/{claim.id}", HX), "/claims")
    for url in (f"/api/v1/claims/{claim.uuid}", f"/api/v1/articles/{claim.article.uuid}", "/api/v1/export"):
        assert CANARY_NOTE in read(client, url, ed_api), url
    rows = list(csv.DictReader(io.StringIO(read(client, "/export/csv").lstrip("\ufeff"))))
    assert [row["rationale"] for row in rows] == [CANARY_RATIONALE]


def test_an_export_without_a_user_is_full(app, team):
    """The CLI (no request, no user) exports everything."""
    claim = planted(team)
    assert CANARY_NOTE in render_export("json", [claim.article_id])
    assert CANARY_NOTE in render_export("w3c")
