"""Denial of service by a small document: fragments that each spread the next one twice.

The depth limiter used to walk a fragment again at every spread, 2^k walks for k fragments:
k = 40 (1.6 KB) spun forever with the event loop dead, over POST and GET alike. A real
server runs here (uvicorn, in its own process, so a hang is a failed test, not a hung run)
and `/healthz` must answer while the heavy request is in flight.

Then the issue's acceptance (12): the 500-alias request, a 5 MB body, 20,000 aliases, 500
repeated directives and a 100-query batch are each refused in well under 100 ms by a real
server, without a single SQL statement (uvicorn in a thread of this process, so that the
engine's statements can be counted).
"""

from __future__ import annotations

import gc
import os
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx2 as httpx
import orjson
import pytest
import uvicorn
from graphql import GraphQLError, TypeInfo, ValidationContext, parse, validate, visit
from sqlalchemy import event

from hub.entry.app import create_app
from schema import build_schema
from schema.core.limits import depth_limit_rule
from tests.conftest import Database, StatementCounter
from tests.paths import ROOT
from tests.servers import free_port, serving

BUDGET = 0.1  # seconds: "well under 100 ms" for a document of a few KB
TIMEOUT = 10.0  # seconds: a hung hub fails the test instead of hanging it


def doubling(k: int, leaf: str = "__typename", name: str = "Doubling") -> str:
    """`F0` spreads `F1` twice, `F1` spreads `F2` twice, ... `Fk` selects `leaf`."""
    fragments = [f"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }}" for i in range(k)]
    fragments.append(f"fragment F{k} on Query {{ {leaf} }}")
    return f"query {name} {{ ...F0 }}\n" + "\n".join(fragments)


def nested(levels: int) -> str:
    """`{ tenants { parent { parent ... { slug } } } }`: `levels` fields with selections."""
    return "{ tenants " + "{ parent " * (levels - 1) + "{ slug }" + " }" * (levels - 1) + " }"


@pytest.fixture(scope="module")
def served(backend: Database, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The hub over the demo database, served by uvicorn in a separate process."""
    port = free_port()
    folder = tmp_path_factory.mktemp("served")
    env = {**os.environ, "HUB_DATABASE_URL": backend.settings.database_url, "HUB_MODE": "dev",
           "HUB_DEV_KEY_FILE": str(folder / "dev-key.json"), "HUB_LOG_LEVEL": "warning"}
    command = [sys.executable, "-m", "uvicorn", "--factory", "hub.entry.app:create_app",
               "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"]
    with serving(command, port=port, env=env, cwd=ROOT, log=folder / "uvicorn.log",
                 probe="/healthz", start_timeout=60, stop_timeout=10) as base:
        # Warm up (first SQL statement, first validation), so the budget measures the document.
        assert httpx.post(f"{base}/graphql", json={"query": "{ tenants { slug } }"},
                          timeout=TIMEOUT).status_code == 200
        yield base


def timed(send: Callable[[], httpx.Response]) -> tuple[httpx.Response, float]:
    started = time.perf_counter()
    response = send()
    return response, time.perf_counter() - started


@pytest.fixture
def clients(served: str) -> Iterator[tuple[httpx.Client, httpx.Client]]:
    """Two connected clients (one per thread): what is timed is the hub, not a handshake."""
    with httpx.Client(base_url=served, timeout=TIMEOUT) as heavy, \
            httpx.Client(base_url=served, timeout=TIMEOUT) as light:
        heavy.get("/healthz")
        light.get("/healthz")
        yield heavy, light


@pytest.mark.parametrize("method", ["POST", "GET"])
@pytest.mark.parametrize("k", [20, 30, 40])
def test_fragment_doubling_is_answered_at_once_and_healthz_meanwhile(
        clients: tuple[httpx.Client, httpx.Client], k: int, method: str) -> None:
    heavy, light = clients
    document = doubling(k, name=f"Doubling{method}")  # one per method: no cached validation
    assert len(document) < 2000  # 1.6 KB at k = 40

    def send() -> httpx.Response:
        if method == "GET":
            return heavy.get("/graphql", params={"query": document})
        return heavy.post("/graphql", json={"query": document})

    with ThreadPoolExecutor(max_workers=1) as pool:
        in_flight = pool.submit(timed, send)
        time.sleep(0.002)  # let the heavy request reach the hub first
        health, health_time = timed(lambda: light.get("/healthz"))
        response, elapsed = in_flight.result()
    print(f"k={k} {method}: {elapsed * 1000:.1f} ms ({len(document)} bytes); "
          f"/healthz meanwhile {health_time * 1000:.1f} ms")
    assert health.status_code == 200 and health.json() == {"status": "ok"}
    assert health_time < BUDGET
    assert response.status_code == 200
    assert response.json()["data"] == {"__typename": "Query"}
    assert elapsed < BUDGET, f"k={k} over {method} took {elapsed * 1000:.0f} ms"


def test_doubling_document_with_a_field_is_answered_in_time(
        clients: tuple[httpx.Client, httpx.Client]) -> None:
    document = doubling(40, "tenants { slug parent { slug } }")
    response, elapsed = timed(lambda: clients[0].post("/graphql", json={"query": document}))
    assert response.status_code == 200
    assert len(response.json()["data"]["tenants"]) >= 7
    assert elapsed < BUDGET, f"{elapsed * 1000:.0f} ms"


def test_doubling_document_that_is_too_deep_is_refused_in_time(
        clients: tuple[httpx.Client, httpx.Client]) -> None:
    document = doubling(40, nested(13)[2:-2])  # the leaf itself nests 13 levels
    response, elapsed = timed(lambda: clients[0].post(
        "/graphql", json={"query": document}, headers={"Accept-Language": "fr"}))
    error = response.json()["errors"][0]
    assert error["extensions"]["code"] == "QUERY_TOO_COMPLEX"
    assert elapsed < BUDGET, f"{elapsed * 1000:.0f} ms"


# The rule itself, on the schema, without HTTP.

RULE_LIMIT = 12


def depth_errors(document: str) -> list[str]:
    schema = build_schema()._schema
    errors = validate(schema, parse(document), [depth_limit_rule(RULE_LIMIT)])
    return [e.message for e in errors]


def test_depth_is_enforced() -> None:
    assert depth_errors(nested(RULE_LIMIT)) == []
    refused = depth_errors(nested(RULE_LIMIT + 1))
    assert len(refused) == 1 and "13 levels deep" in refused[0]
    assert depth_errors("{ tenants { slug name } opportunities { totalCount } }") == []


def test_depth_counts_through_fragments_and_inline_fragments() -> None:
    chain = [f"fragment P{i} on Tenant {{ parent {{ ...P{i + 1} }} }}" for i in range(12)]
    chain.append("fragment P12 on Tenant { slug }")
    deep = "{ tenants { ...P0 } }\n" + "\n".join(chain)  # tenants + 12 parents: 13
    assert len(depth_errors(deep)) == 1
    shallow = "{ tenants { ...P1 } }\n" + "\n".join(chain[1:])  # tenants + 11 parents
    assert depth_errors(shallow) == []
    inline = "{ tenants " + "{ ... on Tenant { parent " * 12 + "{ slug }" + " } }" * 12 + " }"
    assert len(depth_errors(inline)) == 1


def test_introspection_fields_are_not_counted() -> None:
    # As before: graphql-core's MaxIntrospectionDepthRule bounds introspection instead.
    introspection = "{ __schema { types { " + "ofType { " * 12 + "name" + " }" * 12 + " } } }"
    assert depth_errors(introspection) == []
    at_the_limit = "{ tenants " + "{ parent " * 11 + "{ __typename }" + " }" * 12
    assert depth_errors(at_the_limit) == []


def test_cycles_and_unknown_fragments_neither_loop_nor_crash() -> None:
    # graphql-core's own rules refuse these; the depth rule must only terminate.
    assert depth_errors("{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }") \
        == []
    assert depth_errors("{ ...Missing }") == []
    assert depth_errors("{ tenants { ...T } } fragment T on Tenant { parent { ...T } slug }") \
        == []


def rule_alone(document: str) -> list[str]:
    """The rule's errors without graphql-core's other checks (validate() itself refuses
    fragments nested hundreds deep, before any rule could recurse through them)."""
    schema = build_schema()._schema
    errors: list[GraphQLError] = []
    ast = parse(document)
    context = ValidationContext(schema, ast, TypeInfo(schema), errors.append)
    visit(ast, depth_limit_rule(RULE_LIMIT)(context))
    return [e.message for e in errors]


def test_the_rule_is_linear_in_fragments() -> None:
    started = time.perf_counter()
    assert rule_alone(doubling(2000)) == []
    assert time.perf_counter() - started < 2.0  # 2^2000 walks would never end
    # A chain longer than Python's recursion limit: measured without recursion.
    long_chain = [f"fragment C{i} on Tenant {{ ...C{i + 1} }}" for i in range(3000)]
    long_chain.append("fragment C3000 on Tenant { " + "parent { " * RULE_LIMIT + "slug"
                      + " }" * RULE_LIMIT + " }")  # tenants and 12 parents: 13 levels
    assert len(rule_alone("{ tenants { ...C0 } }\n" + "\n".join(long_chain))) == 1


# The issue's acceptance: refused in well under 100 ms, nothing executed.

PAGE = ("opportunities(first: 100) { edges { node { id title summary startsAtDisplay "
        "spotsLeft tenant { name } } } }")
ACCEPTANCE: dict[str, tuple[bytes, int, str]] = {
    # (the body, the status and the code of its refusal)
    "500 aliases of a page of 100 (53 KB)": (
        orjson.dumps({"query": "{ " + " ".join(f"a{i}: {PAGE}" for i in range(500)) + " }"}),
        200, "TOO_MANY_TOKENS"),
    "a 5 MB body": (orjson.dumps({"query": "{ tenants { slug } }" + " " * 5_000_000}), 413,
                    "REQUEST_TOO_LARGE"),
    "20,000 aliases": (orjson.dumps({"query": "{ " + " ".join(
        f"a{i}: __typename" for i in range(20_000)) + " }"}), 413, "REQUEST_TOO_LARGE"),
    "500 repeated directives": (orjson.dumps({"query": "{ " + " ".join(
        "__typename @include(if: true)" for _ in range(500)) + " }"}), 200, "TOO_MANY_TOKENS"),
    "a 100-query batch": (orjson.dumps([{"query": "{ tenants { slug } }"}] * 100), 400,
                          "BATCHING_DISABLED"),
}


@pytest.fixture(scope="module")
def threaded(backend: Database) -> Iterator[tuple[str, StatementCounter]]:
    """The hub served by uvicorn from a thread of this process, its statements counted."""
    app = create_app(backend.settings)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port,
                                           log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.02)
    counter = StatementCounter()
    engine = app.state.hub.engine
    event.listen(engine.sync_engine, "before_cursor_execute", counter)
    try:
        yield f"http://127.0.0.1:{port}", counter
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", counter)
        server.should_exit = True
        thread.join(10)


@pytest.mark.parametrize("shape", sorted(ACCEPTANCE))
def test_the_issue_acceptance_shapes_are_refused_in_time_without_executing(
        threaded: tuple[str, StatementCounter], shape: str) -> None:
    base, counter = threaded
    body, status, code = ACCEPTANCE[shape]
    headers = {"Content-Type": "application/json", "Accept-Language": "fr"}
    with httpx.Client(base_url=base, timeout=TIMEOUT) as http:
        # Warm: the connection, the first statement and the first validation are not timed.
        assert http.post("/graphql", json={"query": "{ tenants { slug } }"}).status_code == 200
        counter.statements.clear()
        gc.collect()
        response, elapsed = timed(lambda: http.post("/graphql", content=body,
                                                    headers=headers))
    answer: Any = response.json()
    print(f"{shape} ({len(body):,} bytes): {response.status_code} "
          f"{answer['errors'][0]['extensions']['code']}, {elapsed * 1000:.1f} ms")
    assert response.status_code == status
    assert answer.get("data") is None
    assert [e["extensions"]["code"] for e in answer["errors"]] == [code]
    assert counter.count == 0, counter.statements
    assert elapsed < BUDGET, f"{shape}: {elapsed * 1000:.0f} ms"
