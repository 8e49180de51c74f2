"""Requests strawberry refuses before any GraphQL runs answer JSON with a code, a message in
the caller's language and the request id, like every other error; request ids are checked."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx2 as httpx
import pytest
from starlette.testclient import TestClient
from starlette.types import Receive, Scope, Send

from hub.config import Settings
from hub.entry.app import create_app
from hub.entry.request_ids import request_id_for
from hub.i18n import message
from hub.i18n import messages as msg
from tests.conftest import Database, HubClient

ARABIC = re.compile("[\u0621-\u064a]")
LANGUAGES = ("ar", "fr")
QUERY = "{ tenants { slug } }"
JSON = {"Content-Type": "application/json"}


def refused(response: httpx.Response, status: int, language: str, msgid: str,
            code: str = "BAD_USER_INPUT", **params: object) -> dict[str, Any]:
    """A refusal as JSON: one error, its code, our message in `language`, the request id
    (also in the response header) and strawberry's English reason in `detail`."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json"), response.text
    assert "Traceback" not in response.text
    body: dict[str, Any] = response.json()
    assert list(body) == ["errors"] and len(body["errors"]) == 1
    error: dict[str, Any] = body["errors"][0]
    assert error["extensions"]["code"] == code
    assert error["message"] == message(language, msgid, **params)
    assert error["message"] != message("en", msgid, **params)
    if language == "ar":
        assert ARABIC.search(error["message"])
    assert error["extensions"]["requestId"] == response.headers["x-request-id"]
    assert error["extensions"]["detail"]  # strawberry's reason, in English
    return error


@pytest.mark.parametrize("language", LANGUAGES)
def test_malformed_json_body(client: HubClient, language: str) -> None:
    response = client.http.post("/graphql", content=b'{"query": "{ tenants { slug } }"',
                                headers={**JSON, "Accept-Language": language})
    error = refused(response, 400, language, msg.INVALID_JSON)
    assert error["extensions"]["detail"] == "Unable to parse request body as JSON"


@pytest.mark.parametrize("language", LANGUAGES)
def test_missing_query(client: HubClient, language: str) -> None:
    for body in ({"variables": {}}, {"query": None}, {}):
        response = client.http.post("/graphql", json=body,
                                    headers={"Accept-Language": language})
        refused(response, 400, language, msg.MISSING_QUERY)


@pytest.mark.parametrize("language", LANGUAGES)
def test_query_variables_and_extensions_of_the_wrong_type(client: HubClient,
                                                          language: str) -> None:
    headers = {"Accept-Language": language}
    cases = [
        ({"query": 42}, msg.QUERY_NOT_STRING),
        ({"query": QUERY, "variables": '{"first": 1}'}, msg.VARIABLES_NOT_OBJECT),
        ({"query": QUERY, "variables": [1, 2]}, msg.VARIABLES_NOT_OBJECT),
        ({"query": QUERY, "extensions": "x"}, msg.EXTENSIONS_NOT_OBJECT),
    ]
    for body, msgid in cases:
        refused(client.http.post("/graphql", json=body, headers=headers), 400, language, msgid)
    over_get = client.http.get("/graphql", params={"query": QUERY, "variables": "[1"},
                               headers=headers)
    refused(over_get, 400, language, msg.INVALID_JSON)


@pytest.mark.parametrize("language", LANGUAGES)
def test_unsupported_content_type(client: HubClient, language: str) -> None:
    for content_type in ("text/plain", "application/x-www-form-urlencoded", "application/xml"):
        response = client.http.post("/graphql", content=QUERY.encode(), headers={
            "Content-Type": content_type, "Accept-Language": language})
        refused(response, 415, language, msg.UNSUPPORTED_CONTENT_TYPE)


@pytest.mark.parametrize("language", LANGUAGES)
def test_other_methods(client: HubClient, language: str) -> None:
    for method in ("PUT", "DELETE", "PATCH"):
        response = client.http.request(method, "/graphql", json={"query": QUERY},
                                       headers={"Accept-Language": language})
        refused(response, 405, language, msg.METHOD_NOT_ALLOWED)
        assert response.headers["allow"] == "GET, POST"


@pytest.mark.parametrize("language", LANGUAGES)
def test_mutations_over_get_stay_refused(client: HubClient, language: str) -> None:
    mutation = "mutation { setNetworkSharing(share: true) { id } }"
    response = client.http.get("/graphql", params={"query": mutation},
                               headers={"Accept-Language": language})
    refused(response, 405, language, msg.QUERIES_ONLY_OVER_GET)
    assert response.headers["allow"] == "POST"
    # A query over GET still answers.
    assert client.http.get("/graphql", params={"query": QUERY}).json()["data"]["tenants"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_operation_name_errors(client: HubClient, language: str) -> None:
    headers = {"Accept-Language": language}
    two = "query A { tenants { slug } } query B { tenants { name } }"
    unknown = client.http.post("/graphql", json={"query": two, "operationName": "C"},
                               headers=headers)
    refused(unknown, 400, language, msg.UNKNOWN_OPERATION, operation="C")
    no_operation = client.http.post("/graphql", json={
        "query": "fragment F on Query { __typename }"}, headers=headers)
    refused(no_operation, 400, language, msg.OPERATION_NAME_NEEDED)


@pytest.mark.parametrize("language", LANGUAGES)
def test_batches_are_refused(client: HubClient, language: str) -> None:
    response = client.http.post("/graphql", json=[{"query": QUERY}, {"query": QUERY}],
                                headers={"Accept-Language": language})
    refused(response, 400, language, msg.BATCH_NOT_ACCEPTED, code="BATCHING_DISABLED")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("levels", [65, 1_000, 100_000])
def test_deeply_nested_json_body(client: HubClient, language: str, levels: int) -> None:
    headers = {**JSON, "Accept-Language": language}
    unused = ('{"query": "{ tenants { slug } }", "variables": {"v": ' + "[" * levels
              + "]" * levels + "}}").encode()
    refused(client.http.post("/graphql", content=unused, headers=headers), 400, language,
            msg.JSON_TOO_DEEP)
    whole = ("[" * levels + "]" * levels).encode()
    refused(client.http.post("/graphql", content=whole, headers=headers), 400, language,
            msg.JSON_TOO_DEEP)
    # At the limit: the body (1), `variables` (2) and 62 nested lists make 64 levels.
    nested = "[" * 62 + "]" * 62
    at_the_limit = client.http.post("/graphql", headers=JSON, content=(
        '{"query": "{ tenants { slug } }", "variables": {"v": ' + nested + "}}").encode())
    assert at_the_limit.status_code == 200 and at_the_limit.json()["data"]["tenants"]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("levels", [1_000, 100_000])
def test_deeply_nested_variables(client: HubClient, language: str, levels: int) -> None:
    query = "query($t: [String!]) { news(tenants: $t) { totalCount } }"
    nested = "[" * levels + '"dz-crescent"' + "]" * levels
    body = '{"query": "' + query.replace('"', '\\"') + '", "variables": {"t": ' + nested + "}}"
    headers = {**JSON, "Accept-Language": language}
    response = client.http.post("/graphql", content=body.encode(), headers=headers)
    refused(response, 400, language, msg.JSON_TOO_DEEP)
    if levels < 10_000:  # a URL of 200 KB is beyond what the client library sends
        over_get = client.http.get("/graphql", params={
            "query": query, "variables": '{"t": ' + nested + "}"}, headers=headers)
        refused(over_get, 400, language, msg.JSON_TOO_DEEP)


@pytest.fixture(scope="module")
def production(backend: Database, tmp_path_factory: pytest.TempPathFactory
               ) -> Iterator[TestClient]:
    """The hub in production mode (an issuer configured, no IDE) over the demo database."""
    folder = tmp_path_factory.mktemp("production")
    jwks = folder / "jwks.json"
    jwks.write_text('{"keys": []}', encoding="utf-8")
    env = {"HUB_DATABASE_URL": backend.settings.database_url, "HUB_MODE": "production",
           "HUB_DEV_KEY_FILE": str(folder / "dev-key.json"),
           "HUB_OIDC_ISSUERS": ('[{"issuer": "https://id.example.org", "audience": "hub", '
                                f'"jwks_file": "{jwks}"}}]')}
    with TestClient(create_app(Settings.from_env(env))) as http:
        yield http


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_ide_in_production_is_a_coded_404(production: TestClient, language: str) -> None:
    response = production.get("/graphql", headers={"Accept": "text/html",
                                                   "Accept-Language": language})
    refused(response, 404, language, msg.NO_IDE_HERE, code="NOT_FOUND")
    # In production no ad-hoc document goes over GET, a mutation no more than a query.
    mutation = production.get("/graphql", params={
        "query": "mutation { setNetworkSharing(share: true) { id } }"},
        headers={"Accept-Language": language})
    assert mutation.status_code == 405 and mutation.headers["allow"] == "POST"
    assert mutation.json()["errors"][0]["message"] == message(language, msg.ADHOC_GET_REFUSED)


def test_in_production_a_get_carries_a_trusted_document_only(
        backend: Database, tmp_path: Path) -> None:
    """The trusted-documents middleware marks a request whose document it put in place
    (`request.state.trusted_document`); such a GET is answered, an ad-hoc one is not."""
    jwks = tmp_path / "jwks.json"
    jwks.write_text('{"keys": []}', encoding="utf-8")
    settings = Settings.from_env({
        "HUB_DATABASE_URL": backend.settings.database_url, "HUB_MODE": "production",
        "HUB_DEV_KEY_FILE": str(tmp_path / "dev-key.json"),
        "HUB_OIDC_ISSUERS": ('[{"issuer": "https://id.example.org", "audience": "hub", '
                             f'"jwks_file": "{jwks}"}}]')})
    app = create_app(settings)

    async def marked(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            scope.setdefault("state", {})["trusted_document"] = "sha256:test"
        await app(scope, receive, send)

    with TestClient(app) as plain:
        ad_hoc = plain.get("/graphql", params={"query": QUERY},
                           headers={"Accept-Language": "fr"})
        assert ad_hoc.status_code == 405 and ad_hoc.headers["allow"] == "POST"
        error = ad_hoc.json()["errors"][0]
        assert error["message"] == message("fr", msg.ADHOC_GET_REFUSED)
        assert error["extensions"]["code"] == "BAD_USER_INPUT"
    with TestClient(marked) as trusted:
        answer = trusted.get("/graphql", params={"query": QUERY})
        assert answer.status_code == 200 and answer.json()["data"]["tenants"]
        mutation = trusted.get("/graphql", params={
            "query": "mutation { setNetworkSharing(share: true) { id } }"})
        assert mutation.status_code == 405  # GET never carries a mutation


# Request ids

def test_a_plain_request_id_is_kept_and_echoed(client: HubClient) -> None:
    response = client.http.post("/graphql", json={"query": "{ opportunities(first: -1) "
                                                  "{ totalCount } }"},
                                headers={"X-Request-Id": "abc-123_DEF.9"})
    assert response.headers["x-request-id"] == "abc-123_DEF.9"
    assert response.json()["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    health = client.http.get("/healthz", headers={"X-Request-Id": "probe.1"})
    assert health.headers["x-request-id"] == "probe.1"
    fresh = client.http.get("/healthz")
    assert re.fullmatch("[0-9a-f]{32}", fresh.headers["x-request-id"])


FORGED = ["evil\r\nInjected: yes", "<script>alert(1)</script>", "x" * 65, "id with spaces",
          "ünïcode", "", "../../etc/passwd"]


@pytest.mark.parametrize("forged", FORGED)
def test_a_forged_request_id_is_replaced(forged: str) -> None:
    fresh = request_id_for(forged)
    assert fresh != forged and re.fullmatch("[0-9a-f]{32}", fresh)
    assert request_id_for(None) != request_id_for(None)


@pytest.mark.parametrize("forged", ["<script>alert(1)</script>", "x" * 65, "id with spaces",
                                    "ünïcode", "a/b"])
def test_a_forged_request_id_reaches_neither_the_log_nor_the_answer(
        client: HubClient, forged: str, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="tatawwu"):
        response = client.http.post(
            "/graphql", json={"query": "{ opportunities(first: -1) { totalCount } }"},
            headers={"X-Request-Id": forged.encode()})
    replaced = response.headers["x-request-id"]
    assert re.fullmatch("[0-9a-f]{32}", replaced)
    assert forged not in response.text and forged not in caplog.text
    assert replaced in caplog.text  # the log line names the id the client got back
    refusal = client.http.post("/graphql", content=b"{", headers={
        **JSON, "X-Request-Id": forged.encode()})
    assert forged not in refusal.text
    assert refusal.json()["errors"][0]["extensions"]["requestId"] == \
        refusal.headers["x-request-id"] != forged
