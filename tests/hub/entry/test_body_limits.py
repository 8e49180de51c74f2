"""Sizes and shapes of requests (issue 12, point 1): the body (413 before it is read), the
variables, the answer (replaced by an error, never sent), batches (refused, or bounded and
each operation limited) and the content types a POST may have. Each refusal is coded JSON
in the caller's language, and nothing runs for it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

import orjson
import pytest
from sqlalchemy import event
from starlette.testclient import TestClient

from hub.entry.app import create_app
from hub.i18n import message
from hub.i18n import messages as msg
from tests.conftest import Database, StatementCounter

BODY = 4096
VARIABLES = 1024
ANSWER = 4096
QUERY = "{ tenants { slug } }"
# Well over 4 KB of the demo's opportunities (and within every document limit).
BIG_ANSWER = "{ opportunities(first: 50) { edges { node { id title summary } } } }"
LANGUAGES = ("ar", "fr")


@dataclass
class Hub:
    http: TestClient
    counter: StatementCounter


@pytest.fixture(scope="module")
def hub(backend: Database) -> Iterator[Hub]:
    """The hub with small sizes: a body of 4 KB, variables of 1 KB, an answer of 4 KB."""
    app = create_app(replace(backend.settings, max_body_bytes=BODY,
                             max_variables_bytes=VARIABLES, max_response_bytes=ANSWER))
    counter = StatementCounter()
    with TestClient(app) as http:
        engine = app.state.hub.engine
        event.listen(engine.sync_engine, "before_cursor_execute", counter)
        try:
            yield Hub(http, counter)
        finally:
            event.remove(engine.sync_engine, "before_cursor_execute", counter)


@pytest.fixture(scope="module")
def batching(backend: Database) -> Iterator[TestClient]:
    with TestClient(create_app(replace(backend.settings, allow_batching=True))) as http:
        yield http


def refusal(response: Any, status: int, code: str, language: str) -> dict[str, Any]:
    """The one coded error of a refusal, with its request id and English detail."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert len(body["errors"]) == 1, body
    error: dict[str, Any] = body["errors"][0]
    assert error["extensions"]["code"] == code, error
    assert error["extensions"]["requestId"] == response.headers["x-request-id"]
    assert error["extensions"]["detail"]
    assert "Traceback" not in response.text
    return error


def padded(size: int) -> bytes:
    """A JSON body of exactly `size` bytes asking QUERY (spaces pad the document)."""
    empty = orjson.dumps({"query": QUERY})
    return orjson.dumps({"query": QUERY + " " * (size - len(empty))})


# The body.

@pytest.mark.parametrize("language", LANGUAGES)
def test_a_body_announced_over_the_limit_is_refused_before_it_is_read(
        hub: Hub, language: str) -> None:
    hub.counter.statements.clear()
    response = hub.http.post("/graphql", content=padded(BODY + 1), headers={
        "Content-Type": "application/json", "Accept-Language": language})
    error = refusal(response, 413, "REQUEST_TOO_LARGE", language)
    assert error["message"] == message(language, msg.REQUEST_TOO_LARGE, count=BODY)
    assert response.headers["connection"] == "close"
    assert hub.counter.count == 0


def test_a_body_at_the_limit_runs(hub: Hub) -> None:
    body = padded(BODY)
    assert len(body) == BODY
    response = hub.http.post("/graphql", content=body,
                             headers={"Content-Type": "application/json"})
    assert response.status_code == 200 and response.json()["data"]["tenants"]


def test_a_chunked_body_is_refused_once_it_passes_the_limit(hub: Hub) -> None:
    sent: list[int] = []

    def chunks() -> Iterator[bytes]:
        body = padded(BODY * 4)
        for start in range(0, len(body), 1024):
            sent.append(start)
            yield body[start:start + 1024]

    response = hub.http.post("/graphql", content=chunks(), headers={
        "Content-Type": "application/json", "Accept-Language": "ar"})
    assert "content-length" not in response.request.headers
    refusal(response, 413, "REQUEST_TOO_LARGE", "ar")


def test_every_route_has_the_limit(hub: Hub) -> None:
    response = hub.http.post("/healthz", content=b"x" * (BODY + 1))
    refusal(response, 413, "REQUEST_TOO_LARGE", "en")


# The variables.

@pytest.mark.parametrize("language", LANGUAGES)
def test_variables_over_the_limit_are_refused(hub: Hub, language: str) -> None:
    query = "query($t: [String!]) { news(tenants: $t) { totalCount } }"
    variables = {"t": ["dz-crescent"] * 80}  # 1,126 bytes of JSON
    assert len(orjson.dumps(variables)) > VARIABLES
    hub.counter.statements.clear()
    headers = {"Accept-Language": language}
    response = hub.http.post("/graphql", json={"query": query, "variables": variables},
                             headers=headers)
    error = refusal(response, 413, "VARIABLES_TOO_LARGE", language)
    assert error["message"] == message(language, msg.VARIABLES_TOO_LARGE, count=VARIABLES)
    over_get = hub.http.get("/graphql", params={
        "query": query, "variables": orjson.dumps(variables).decode()}, headers=headers)
    refusal(over_get, 413, "VARIABLES_TOO_LARGE", language)
    assert hub.counter.count == 0
    fits = {"t": ["dz-crescent"] * 70}  # 986 bytes
    answer = hub.http.post("/graphql", json={"query": query, "variables": fits}).json()
    assert "data" in answer and answer["data"] is not None


# The answer.

@pytest.mark.parametrize("language", LANGUAGES)
def test_an_answer_over_the_limit_is_replaced_by_an_error(hub: Hub, language: str) -> None:
    response = hub.http.post("/graphql", json={"query": BIG_ANSWER},
                             headers={"Accept-Language": language})
    assert response.status_code == 200
    assert len(response.content) < 1024  # the answer itself was never sent
    body = response.json()
    assert body["data"] is None and len(body["errors"]) == 1
    error = body["errors"][0]
    assert error["extensions"]["code"] == "RESPONSE_TOO_LARGE"
    assert error["message"] == message(language, msg.RESPONSE_TOO_LARGE, count=ANSWER)
    assert error["extensions"]["requestId"] == response.headers["x-request-id"]
    assert hub.http.post("/graphql", json={"query": QUERY}).json()["data"]["tenants"]


# Batches.

def test_a_batch_runs_each_operation_as_a_request_of_its_own(batching: TestClient) -> None:
    aliases = "{ " + " ".join(f"a{i}: __typename" for i in range(16)) + " }"
    response = batching.post("/graphql", json=[
        {"query": QUERY}, {"query": aliases}, {"query": "{ __typename }"}],
        headers={"Accept-Language": "fr"})
    assert response.status_code == 200
    first, second, third = response.json()
    assert first["data"]["tenants"] and "errors" not in first
    assert second["data"] is None
    assert second["errors"][0]["extensions"]["code"] == "TOO_MANY_ALIASES"
    assert third["data"] == {"__typename": "Query"} and "errors" not in third


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_batch_of_more_than_ten_is_refused(batching: TestClient, language: str) -> None:
    at_the_limit = batching.post("/graphql", json=[{"query": "{ __typename }"}] * 10)
    assert len(at_the_limit.json()) == 10
    response = batching.post("/graphql", json=[{"query": "{ __typename }"}] * 11,
                             headers={"Accept-Language": language})
    error = refusal(response, 400, "BATCH_TOO_LARGE", language)
    assert error["message"] == message(language, msg.BATCH_TOO_LARGE, count=10)


def test_batches_are_refused_by_default(hub: Hub) -> None:
    response = hub.http.post("/graphql", json=[{"query": QUERY}] * 11)
    refusal(response, 400, "BATCHING_DISABLED", "en")


# Content types of a POST: JSON only (no request a page can send cross-site unasked).

def test_json_and_graphql_response_json_are_read(hub: Hub) -> None:
    body = orjson.dumps({"query": QUERY})
    for content_type in ("application/json", "application/json; charset=utf-8",
                         "application/graphql-response+json", "Application/JSON"):
        response = hub.http.post("/graphql", content=body,
                                 headers={"Content-Type": content_type})
        assert response.status_code == 200, (content_type, response.text)
        assert response.json()["data"]["tenants"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_other_content_types_are_refused(hub: Hub, language: str) -> None:
    hub.counter.statements.clear()
    for content_type in ("application/graphql", "multipart/form-data; boundary=x",
                         "application/x-www-form-urlencoded", "text/plain",
                         "application/json-patch+json", "text/plain; application/json", ""):
        response = hub.http.post("/graphql", content=orjson.dumps({"query": QUERY}),
                                 headers={"Content-Type": content_type,
                                          "Accept-Language": language})
        error = refusal(response, 415, "BAD_USER_INPUT", language)
        assert error["message"] == message(language, msg.UNSUPPORTED_CONTENT_TYPE)
    # graphql-cop's "POST based url-encoded query": the query in the URL, no body
    bare = hub.http.post("/graphql", params={"query": QUERY})
    refusal(bare, 415, "BAD_USER_INPUT", "en")
    assert hub.counter.count == 0
