"""Bodies no database can store never reach one: a lone UTF-16 surrogate or a NUL in any string is a 422 naming the
field, an integer outside the INTEGER column (2^31 on PostgreSQL) or a non-finite number a 422 naming the field,
a body nested 100,000 levels deep a 400; on every API write, on both databases, and nothing is written."""
import pytest
from sqlalchemy import func
from sqlalchemy import select

from annotate.claims import operations as claim_ops
from annotate.extensions import db
from annotate.interchange import native
from annotate.models import Article
from annotate.models import Claim
from annotate.models import Comment
from annotate.models import Evidence
from annotate.models import Verdict
from tests.factories import assert_json_error
from tests.factories import bearer
from tests.factories import make_article
from tests.factories import make_claim
from tests.factories import make_token
from tests.factories import make_user

SURROGATE = "a\ud800b"
HUGE = [2**31, -(2**31) - 1, 10**30]


@pytest.fixture
def writes(app):
    """Every API write with a valid body (as an editor, who may also import): (method, url, body)."""
    editor = make_user("api-ed", "editor")
    claim = make_claim(make_article(user=editor), "40 people were hurt", user=editor)
    article = claim.article
    evidence = claim_ops.add_evidence(claim, "https://example.org/a", editor)
    db.session.commit()
    document = native.export_articles()
    headers = bearer(make_token(editor))
    return headers, [
        ("POST", "/api/v1/articles", {"text": "A new article. It has two sentences.", "title": "New",
                                      "source_url": "https://example.org/new", "published": "2024-01-02"}),
        ("POST", f"/api/v1/articles/{article.uuid}/claims", {"start": 0, "end": 9, "quote": "Officials",
                                                             "status": "unverified", "rationale": "Why",
                                                             "attribution": {"source": "Police", "type": "direct"}}),
        ("PATCH", f"/api/v1/claims/{claim.uuid}", {"version": claim.version, "rationale": "Checked",
                                                   "attribution": {"role": "mayor"}}),
        ("POST", f"/api/v1/claims/{claim.uuid}/evidence", {"url": "https://example.org/b", "title": "B",
                                                           "excerpt": "An excerpt"}),
        ("POST", f"/api/v1/claims/{claim.uuid}/verdicts", {"rating": "supported", "confidence": 3, "note": "Note",
                                                           "evidence": [evidence.uuid]}),
        ("POST", f"/api/v1/claims/{claim.uuid}/comments", {"body": "A comment"}),
        ("POST", "/api/v1/import", document),
    ]


def rows() -> tuple:
    return tuple(db.session.scalar(select(func.count()).select_from(m)) for m in
                 (Article, Claim, Evidence, Verdict, Comment))


def places(body, path=()):
    """Every (path, value) leaf of a body, strings and numbers, to plant garbage at."""
    if isinstance(body, dict):
        for key, value in body.items():
            yield from places(value, (*path, key))
    elif isinstance(body, list):
        for index, value in enumerate(body):
            yield from places(value, (*path, index))
    elif isinstance(body, (str, int)) and not isinstance(body, bool):
        yield path, body


def planted(body, path, value):
    """A copy of the body with value at path."""
    if not path:
        return value
    copy = dict(body) if isinstance(body, dict) else list(body)
    copy[path[0]] = planted(body[path[0]], path[1:], value)
    return copy


def field_name(path) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def sample(leaves: list, most: int = 40) -> list:
    """The import document has hundreds of leaves: every one of the small bodies, an even spread of the big one."""
    return leaves if len(leaves) <= most else leaves[:: len(leaves) // most + 1]


def test_a_lone_surrogate_anywhere_is_a_422_naming_the_field(client, writes):
    headers, requests = writes
    before, tried = rows(), 0
    for method, url, body in requests:
        for path, value in sample([p for p in places(body) if isinstance(p[1], str)]):
            response = client.open(url, method=method, json=planted(body, path, SURROGATE), headers=headers)
            error = assert_json_error(response, 422, field_name(path))
            assert "surrogate" in error["message"] and field_name(path) in error["message"]
            tried += 1
    assert tried > 40 and rows() == before


def test_a_lone_surrogate_in_a_field_name_is_a_422(client, writes):
    headers, requests = writes
    for method, url, body in requests:
        assert_json_error(client.open(url, method=method, json={**body, "x\udfff": 1}, headers=headers), 422)


@pytest.mark.parametrize("huge", HUGE)
def test_an_integer_out_of_range_anywhere_is_a_422_naming_the_field(client, writes, huge):
    """In the integer fields, and in place of any other value too (a type error the schema would also catch)."""
    headers, requests = writes
    before = rows()
    for method, url, body in requests:
        for path, _ in sample(list(places(body))):
            response = client.open(url, method=method, json=planted(body, path, huge), headers=headers)
            error = assert_json_error(response, 422, field_name(path))
            assert "out of range" in error["message"]
    assert rows() == before


def test_non_finite_numbers_are_a_422(client, writes):
    headers, requests = writes
    for method, url, body in requests:
        for number in (b"1e400", b"-1e400", b"NaN", b"Infinity"):
            raw = b'{"confidence": ' + number + b', "version": 1, "text": "x", "body": "x", "url": "https://x.org"}'
            response = client.open(url, method=method, data=raw, content_type="application/json", headers=headers)
            assert response.status_code == 422, (url, number)


@pytest.mark.parametrize("depth", [100_000, 1_000, 70])
def test_deeply_nested_json_is_a_400(client, writes, depth):
    headers, requests = writes
    before = rows()
    for method, url, _ in requests:
        body = b'{"text": ' + b"[" * depth + b"]" * depth + b"}"
        response = client.open(url, method=method, data=body, content_type="application/json", headers=headers)
        error = assert_json_error(response, 400, None)
        assert "nested more than 64 levels deep" in error["message"]
    assert rows() == before


def test_the_bodies_used_here_are_valid(client, writes):
    """The sweeps above plant garbage in bodies that are accepted as they are."""
    headers, requests = writes
    for method, url, body in requests:
        assert client.open(url, method=method, json=body, headers=headers).status_code in (200, 201), url
