"""graphql-cop's checks (dolevf/graphql-cop, lib/tests/*.py) as our own tests, against the
hub in production mode, anonymous as the scanner is: each sends the scanner's own request
and asserts its finding is absent, then what we answer instead. The issue's scan found 5
(alias overloading, directive overloading, field suggestions, queries over GET,
introspection); here there are none. Then introspection per caller (HUB_INTROSPECTION).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from hub.config import Settings
from hub.entry.app import create_app
from tests.conftest import Database, HubClient
from tests.principals import cast

INTROSPECTION = "query { __schema { types { name fields { name } } } }"
CIRCULAR_INTROSPECTION = ("query { __schema { types { fields { type { fields { type { fields "
                          "{ type { fields { type { name } } } } } } } } } } }")
IDE_WORDS = ("graphiql.min.css", "GraphQL Playground", "GraphiQL", "graphql-playground")


@pytest.fixture(scope="module")
def production(backend: Database, tmp_path_factory: pytest.TempPathFactory
               ) -> Iterator[TestClient]:
    """The hub in production mode with every default of that mode."""
    folder: Path = tmp_path_factory.mktemp("cop")
    jwks = folder / "jwks.json"
    jwks.write_text('{"keys": []}', encoding="utf-8")
    env = {"HUB_DATABASE_URL": backend.settings.database_url, "HUB_MODE": "production",
           "HUB_DEV_KEY_FILE": str(folder / "dev-key.json"),
           "HUB_OIDC_ISSUERS": ('[{"issuer": "https://id.example.org", "audience": "hub", '
                                f'"jwks_file": "{jwks}"}}]')}
    settings = Settings.from_env(env)
    assert (settings.introspection, settings.field_suggestions) == ("staff", False)
    with TestClient(create_app(settings), raise_server_exceptions=False) as http:
        yield http


def graph_query(http: TestClient, payload: str) -> Any:
    """graphql-cop's `graph_query`: a JSON POST of `{"query": payload}`."""
    return http.post("/graphql", json={"query": payload}).json()


def codes(body: Any) -> set[str]:
    return {e["extensions"]["code"] for e in body.get("errors", [])}


def test_alias_overloading(production: TestClient) -> None:
    aliases = "".join(f"alias{i}:__typename \n" for i in range(101))
    body = graph_query(production, "query { " + aliases + " }")
    assert not (body.get("data") or {}).get("alias100")
    assert codes(body) == {"TOO_MANY_ALIASES"}


def test_batch_queries(production: TestClient) -> None:
    response = production.post("/graphql", json=[{"query": "query { __typename }"}] * 11)
    assert not isinstance(response.json(), list)
    assert len(response.json().get("data", [])) < 10
    assert codes(response.json()) == {"BATCHING_DISABLED"}


def test_directive_overloading(production: TestClient) -> None:
    body = graph_query(production, "query { __typename @aa@aa@aa@aa@aa@aa@aa@aa@aa@aa }")
    assert len(body["errors"]) != 10
    assert len(body["errors"]) == 1 and body.get("data") is None  # said once


def test_field_duplication(production: TestClient) -> None:
    body = graph_query(production, "query { " + "__typename \n" * 500 + "} ")
    assert not (body.get("data") or {}).get("__typename")
    assert codes(body) == {"TOO_MANY_DUPLICATE_FIELDS"}


def test_field_suggestions(production: TestClient) -> None:
    body = graph_query(production, "query { __schema { directive } }")
    assert "Did you mean" not in body["errors"][0]["message"]
    # Nor anywhere else: a misspelt field, argument or enum value suggests nothing.
    for document in ("{ tenantz { slug } }", "{ opportunities(frist: 1) { totalCount } }",
                     "{ opportunities(filter: {formats: [ONSIT]}) { totalCount } }"):
        text = str(graph_query(production, document))
        assert "Did you mean" not in text and "tenants" not in text, text


def test_get_based_query(production: TestClient) -> None:
    response = production.get("/graphql", params={"query": "{__typename}"})
    assert not ((response.json().get("data") or {}).get("__typename"))
    assert response.status_code == 405 and codes(response.json()) == {"BAD_USER_INPUT"}


def test_get_based_mutation(production: TestClient) -> None:
    response = production.get("/graphql", params={"query": "mutation {__typename}"})
    assert not ((response.json().get("data") or {}).get("__typename"))
    assert response.status_code == 405


def test_post_based_url_encoded_query(production: TestClient) -> None:
    response = production.post("/graphql", params={"query": "query {__typename}"})
    assert not ((response.json().get("data") or {}).get("__typename"))
    assert response.status_code == 415
    form = production.post("/graphql", data={"query": "query {__typename}"})
    assert form.status_code == 415


def test_graphql_ide(production: TestClient) -> None:
    for endpoint in ("/graphiql", "/playground", "/console", "/graphql"):
        for accept in ("*/*", "text/html"):
            response = production.get(endpoint, headers={"Accept": accept})
            assert not any(word in response.text for word in IDE_WORDS), endpoint
            assert response.status_code == 404


def test_introspection(production: TestClient) -> None:
    body = graph_query(production, INTROSPECTION)
    assert not (body.get("data") or {}).get("__schema")
    assert codes(body) == {"INTROSPECTION_DISABLED"}
    service = graph_query(production, "{ _service { sdl } }")
    assert codes(service) == {"INTROSPECTION_DISABLED"}


def test_introspection_based_circular_query(production: TestClient) -> None:
    body = graph_query(production, CIRCULAR_INTROSPECTION)
    assert not (body.get("data") or {}).get("__schema")
    assert body["errors"]


def test_tracing_and_debug_mode(production: TestClient) -> None:
    body = graph_query(production, "query { __typename }")
    assert body["data"] == {"__typename": "Query"}
    assert "tracing" not in str(body.get("extensions", {}))
    assert "stacktrace" not in str(body).lower()


def test_unhandled_errors(production: TestClient) -> None:
    body = graph_query(production, "qwerty cop { abc }")
    extensions = body["errors"][0]["extensions"]
    assert "exception" not in extensions and "'extensions': {'exception':" not in str(body)
    assert extensions["code"] == "BAD_USER_INPUT"
    assert "Traceback" not in str(body) and 'File "' not in str(body)


def test_circular_fragments(production: TestClient) -> None:
    body = graph_query(production, "query { ...A } fragment A on Query { ...B } "
                                   "fragment B on Query { ...A }")
    assert body.get("data") is None and codes(body) == {"BAD_USER_INPUT"}


# Introspection per caller: "staff" lets staff and federation analysts in, no one else.

@pytest.fixture(scope="module")
def callers(backend: Database) -> dict[str, dict[str, str]]:
    headers = cast(backend).headers
    return {name: headers[name] for name in ("anonymous", "self", "viewer", "admin",
                                             "federation", "client")}


@pytest.fixture(scope="module")
def staff_only(backend: Database) -> Iterator[TestClient]:
    with TestClient(create_app(replace(backend.settings, introspection="staff"))) as http:
        yield http


@pytest.fixture(scope="module")
def closed(backend: Database) -> Iterator[TestClient]:
    with TestClient(create_app(replace(backend.settings, introspection="off"))) as http:
        yield http


SCHEMA_QUESTIONS = {
    "__schema": "{ __schema { queryType { name } } }",
    "__type": '{ __type(name: "Tenant") { name } }',
    "_service": "{ _service { sdl } }",
    "through a fragment": "query Q { ...S } fragment S on Query { ... on Query { __schema "
                         "{ queryType { name } } } }",
}


@pytest.mark.parametrize("question", sorted(SCHEMA_QUESTIONS))
@pytest.mark.parametrize("language", ["ar", "fr"])
def test_staff_mode_answers_staff_and_federation_only(
        staff_only: TestClient, callers: dict[str, dict[str, str]], question: str,
        language: str) -> None:
    document = SCHEMA_QUESTIONS[question]
    # The same text for everyone, allowed first: a cached validation must not let anyone in.
    for name in ("viewer", "admin", "federation", "anonymous", "self", "client"):
        body = staff_only.post("/graphql", json={"query": document}, headers={
            **callers[name], "Accept-Language": language}).json()
        if name in ("viewer", "admin", "federation"):
            assert "errors" not in body and body["data"], (name, body)
        else:
            assert body.get("data") is None, name
            assert codes(body) == {"INTROSPECTION_DISABLED"}, (name, body)
            assert body["errors"][0]["extensions"]["detail"]


def test_typename_is_always_allowed(closed: TestClient,
                                    callers: dict[str, dict[str, str]]) -> None:
    for headers in callers.values():
        body = closed.post("/graphql", json={"query": "{ __typename tenants { __typename } }"},
                           headers=headers).json()
        assert "errors" not in body and body["data"]["__typename"] == "Query"


def test_off_refuses_everyone(closed: TestClient, callers: dict[str, dict[str, str]]) -> None:
    for name, headers in callers.items():
        body = closed.post("/graphql", json={"query": INTROSPECTION},
                           headers=headers).json()
        assert codes(body) == {"INTROSPECTION_DISABLED"}, name


def test_on_answers_everyone(client: HubClient) -> None:
    """Dev mode's default: GraphiQL introspects without signing in."""
    assert client.http.app.state.hub.settings.introspection == "on"  # type: ignore[attr-defined]
    assert client.data(INTROSPECTION)["__schema"]["types"]
