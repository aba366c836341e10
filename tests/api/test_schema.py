"""The API fuzzed through its own OpenAPI document (schemathesis, in-process over WSGI).

Every operation gets generated requests, half of them aimed at records that exist; every response must be
documented (status, content type, headers, body schema) and none may be a 500. Deterministic and small.
"""
import socket

import pytest
import schemathesis
from hypothesis import HealthCheck
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import content_type_conformance
from schemathesis.specs.openapi.checks import response_headers_conformance
from schemathesis.specs.openapi.checks import response_schema_conformance
from schemathesis.specs.openapi.checks import status_code_conformance

from annotate.claims import operations
from annotate.articles import fetch
from annotate.api import openapi
from annotate.extensions import db
from tests.factories import make_article
from tests.factories import make_claim
from tests.factories import user_with_token

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_headers_conformance,
          response_schema_conformance]
EXAMPLES = 25  # per operation (plus up to as many half-aimed at existing records)


def no_network(*args, **kwargs):
    """Generated fetch_url values must never reach DNS or the network."""
    raise socket.gaierror("no network in tests")


@pytest.fixture
def token_headers(app):
    """An editor's token: every operation, import included, is open to it."""
    return user_with_token("fuzzer", "editor")[1]


def documented_operations() -> list[tuple[str, str]]:
    """(METHOD, path) of every operation in the document, known without an app."""
    paths = openapi.document()["paths"]
    return [(method.upper(), path) for path, item in paths.items() for method in item]


@pytest.fixture
def known_ids(app, monkeypatch):
    """Records that exist, so generated requests reach more than 404; and no network for fetch_url."""
    monkeypatch.setattr(fetch, "resolve_host", no_network)
    monkeypatch.setattr(fetch, "open_socket", no_network)
    article = make_article()
    claim = make_claim(article, "40 people were hurt")
    evidence = operations.add_evidence(claim, "https://example.org/report", None)
    db.session.commit()
    return {"article_id": article.uuid, "claim_id": claim.uuid, "evidence_id": evidence.uuid}


@pytest.mark.parametrize("method, path", documented_operations())
def test_api_conforms_to_its_openapi_document(app, known_ids, token_headers, method, path):
    operation = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)[path][method]
    names = [p["name"] for p in openapi.document()["paths"][path][method.lower()].get("parameters", [])]
    aimed = {name: value for name, value in known_ids.items() if name in names}
    strategy = operation.as_strategy()
    if aimed:  # half the cases address a record that exists
        strategy = st.one_of(strategy, operation.as_strategy(path_parameters=aimed))
    calls = []

    @given(case=strategy)
    @settings(max_examples=EXAMPLES, derandomize=True, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    def run(case):
        calls.append(case)
        case.call_and_validate(headers=token_headers, checks=CHECKS)

    run()
    assert calls
