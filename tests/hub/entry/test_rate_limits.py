"""Rate limits through the hub: budgets in cost units per principal, API client and IP,
refused with 429, RATE_LIMITED and Retry-After before anything runs, charged after the
answer; never on the probes. Then the acceptance: two hub processes on one database with
Redis share one budget.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from dataclasses import replace
from typing import Any

import httpx2 as httpx
import pytest
from starlette.testclient import TestClient

from hub.entry.app import create_app
from hub.limits.redis import deployment_prefix
from tests.conftest import Database
from tests.hub.limits.redis_keys import delete_keys, redis_or_skip
from tests.paths import ROOT
from tests.principals import Cast, cast
from tests.servers import free_port, serving

# Costs as the cost limit estimates them (schema/core/limits.py): each field 1, what is
# below a connection times its page size.
PAGE = "{ opportunities(first: 10) { edges { node { id } } } }"  # 1 + 10 * 3
PAGE_COST = 31
PAGE_BY_VARIABLE = ("query Page($n: Int) { opportunities(first: $n) { edges { node { id } } } }")
WINDOW = 86_400  # one window for the whole test: its end is never crossed but at midnight


@pytest.fixture(scope="module")
def principals(backend: Database) -> Cast:
    return cast(backend)


@pytest.fixture(scope="module")
def limited(backend: Database) -> Any:
    """The hub with small budgets: 100 per anonymous IP, 70 per principal, 40 per client."""
    settings = replace(backend.settings, rate_limit_window_seconds=WINDOW,
                       rate_limit_ip=100, rate_limit_principal=70, rate_limit_client=40)
    return create_app(settings)


def caller(app: Any, peer: str) -> TestClient:
    """A client from its own address: each test spends budgets of its own."""
    return TestClient(app, client=(peer, 40_000))


def ask(http: TestClient, query: str = PAGE, headers: dict[str, str] | None = None,
        variables: dict[str, Any] | None = None) -> httpx.Response:
    return http.post("/graphql", json={"query": query, "variables": variables or {}},
                     headers=headers or {})


def assert_refused(response: httpx.Response) -> int:
    assert response.status_code == 429, response.text
    retry_after = int(response.headers["retry-after"])
    assert 0 < retry_after <= WINDOW
    (error,) = response.json()["errors"]
    assert error["extensions"]["code"] == "RATE_LIMITED"
    assert error["extensions"]["retryAfter"] == retry_after
    assert error["message"]
    return retry_after


def test_an_anonymous_ip_spends_cost_not_requests_then_is_refused(limited: Any) -> None:
    with caller(limited, "192.0.2.10") as http:
        for _ in range(4):  # 0, 31, 62, 93 spent before each: under 100, answered
            response = ask(http)
            assert response.status_code == 200 and "errors" not in response.json()
        refused = ask(http, headers={"Accept-Language": "fr"})  # 124 spent
        assert_refused(refused)
        # Nothing ran: the refusal is the same whatever the document.
        assert_refused(ask(http, "{ nope }", headers={"Accept-Language": "ar"}))
    with caller(limited, "192.0.2.11") as other:  # another address: its own budget
        assert ask(other).status_code == 200


def test_a_page_size_given_by_a_variable_costs_its_value(limited: Any) -> None:
    with caller(limited, "192.0.2.20") as http:
        for _ in range(9):  # 1 + 3 * 3 = 10 each: 90 after nine
            assert ask(http, PAGE_BY_VARIABLE, variables={"n": 3}).status_code == 200
        assert ask(http, PAGE_BY_VARIABLE, variables={"n": 3}).status_code == 200  # 90 < 100
        assert_refused(ask(http, PAGE_BY_VARIABLE, variables={"n": 3}))


def test_a_document_that_never_runs_costs_a_refusal(limited: Any) -> None:
    """Refused documents are charged REFUSED_COST (50): a flood of them reaches its 429."""
    with caller(limited, "192.0.2.30") as http:
        assert ask(http).status_code == 200  # 31
        assert ask(http, "{ nope ").status_code == 200  # a syntax error: 81
        assert ask(http).status_code == 200  # 81 < 100: answered, 112
        assert_refused(ask(http))
    with caller(limited, "192.0.2.31") as http:
        invalid = "{ opportunities(first: 10) { edges { node { nope } } } }"
        assert ask(http, invalid).status_code == 200  # refused by validation: 50
        assert ask(http, invalid).status_code == 200  # 100
        assert_refused(ask(http))


@pytest.mark.parametrize(("peer", "document", "code"), [
    ("192.0.2.32", "{ " + " ".join(f"a{i}: __typename" for i in range(20)) + " }",
     "TOO_MANY_ALIASES"),
    ("192.0.2.33", "{ " + "__typename " * 1200 + "}", "TOO_MANY_TOKENS"),
    ("192.0.2.34", "{ tenants " + "{ parent " * 40 + "{ slug }" + " }" * 41,
     "QUERY_TOO_COMPLEX"),
])
def test_a_document_over_a_limit_costs_the_dearest_document(
        limited: Any, peer: str, document: str, code: str) -> None:
    """Over a limit, a document is charged HUB_MAX_QUERY_COST (5,000: more than this whole
    budget of 100), where a typo costs REFUSED_COST: a flood of documents built to exhaust
    the hub spends its budget at once (bench/flood.py)."""
    with caller(limited, peer) as http:
        response = ask(http, document)
        assert response.status_code == 200
        assert [e["extensions"]["code"] for e in response.json()["errors"]] == [code]
        assert_refused(ask(http))


def test_the_probes_are_never_limited(limited: Any) -> None:
    with caller(limited, "192.0.2.40") as http:
        while ask(http).status_code != 429:
            pass
        for path in ("/healthz", "/readyz"):
            assert http.get(path).status_code == 200


def test_signed_in_principals_and_api_clients_spend_their_own_budgets(
        limited: Any, principals: Cast) -> None:
    admin, editor = principals.headers["admin"], principals.headers["editor"]
    key = principals.headers["client"]
    with caller(limited, "192.0.2.50") as http:
        for _ in range(3):  # 0, 31, 62 before each: under the principal's 70
            assert ask(http, headers=admin).status_code == 200
        assert_refused(ask(http, headers={**admin, "Accept-Language": "fr"}))
        # Same address, other callers: the editor, the anonymous caller, the API client.
        assert ask(http, headers=editor).status_code == 200
        assert ask(http).status_code == 200
        for _ in range(2):  # 0, 31 before each: under the client's 40
            assert ask(http, headers=key).status_code == 200
        assert_refused(ask(http, headers=key))
    with caller(limited, "198.51.100.7") as elsewhere:  # the admin from another address
        assert_refused(ask(elsewhere, headers=admin))


def test_refused_credentials_are_counted_per_address(backend: Database,
                                                    principals: Cast) -> None:
    """HUB_RATE_LIMIT_REFUSED_CREDENTIALS (3 here): after three refused credentials, an
    address's requests that carry a credential get 429 before it is checked, a valid one
    too; its requests without a credential, and other addresses, are not refused."""
    settings = replace(backend.settings, rate_limit_window_seconds=WINDOW,
                       rate_limit_refused_credentials=3)
    app = create_app(settings)
    bad_token = {"Authorization": "Bearer not-a-token"}
    bad_key = {"X-Api-Key": "tw_not-a-key"}
    with caller(app, "192.0.2.70") as http:
        for headers in (bad_token, bad_key, bad_token):
            assert ask(http, headers=headers).status_code == 401
        assert_refused(ask(http, headers=bad_token))
        assert_refused(ask(http, headers=principals.headers["admin"]))  # valid, same address
        assert_refused(ask(http, headers=principals.headers["client"]))
        assert ask(http).status_code == 200  # anonymous: the address's own budget
        assert http.get("/healthz").status_code == 200
    with caller(app, "192.0.2.71") as neighbour:
        assert ask(neighbour, headers=bad_token).status_code == 401
        assert ask(neighbour, headers=principals.headers["admin"]).status_code == 200


def test_a_budget_of_zero_never_refuses(backend: Database) -> None:
    settings = replace(backend.settings, rate_limit_ip=0, rate_limit_window_seconds=WINDOW)
    with TestClient(create_app(settings), client=("192.0.2.60", 40_000)) as http:
        for _ in range(5):
            assert ask(http, "{ opportunities(first: 100) { edges { node { id } } } }"
                       ).status_code == 200


# The acceptance: two processes, one database, one Redis.

@pytest.fixture(scope="module")
def two_hubs(backend: Database, tmp_path_factory: pytest.TempPathFactory
             ) -> Iterator[tuple[str, str]]:
    """Two uvicorn processes on the demo database and the shared Redis, started together
    (each start takes seconds), with a budget of 124 per IP."""
    redis_url = redis_or_skip()
    folder = tmp_path_factory.mktemp("two-hubs")
    database_url = backend.settings.database_url
    pattern = deployment_prefix(database_url) + "*"
    delete_keys(pattern)
    env = {**os.environ, "HUB_DATABASE_URL": database_url, "HUB_MODE": "dev",
           "HUB_DEV_KEY_FILE": str(backend.settings.dev_key_file), "HUB_LOG_LEVEL": "warning",
           "HUB_REDIS_URL": redis_url, "HUB_RATE_LIMIT_IP": "124",
           "HUB_RATE_LIMIT_WINDOW_SECONDS": str(WINDOW)}
    ports = free_port(), free_port()
    with ThreadPoolExecutor(2) as pool, ExitStack() as stack:
        started = [pool.submit(stack.enter_context, serving(
            [sys.executable, "-m", "uvicorn", "--factory", "hub.entry.app:create_app",
             "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"],
            port=port, env=env, cwd=ROOT, log=folder / f"hub-{port}.log", probe="/healthz",
            start_timeout=60, stop_timeout=10)) for port in ports]
        one, two = (future.result() for future in started)
        stack.callback(delete_keys, pattern)
        yield one, two


@pytest.mark.postgresql_only
def test_two_hub_processes_with_redis_share_one_budget(two_hubs: tuple[str, str]) -> None:
    one, two = two_hubs
    with httpx.Client(base_url=one, timeout=10) as first, \
            httpx.Client(base_url=two, timeout=10) as second:
        for http in (first, second, first, second):  # 31 each: half the budget on each
            response = http.post("/graphql", json={"query": PAGE})
            assert response.status_code == 200 and "errors" not in response.json()
        for http in (first, second):  # 124 spent: refused on either
            assert_refused(http.post("/graphql", json={"query": PAGE},
                                     headers={"Accept-Language": "ar"}))
            assert http.get("/healthz").status_code == 200
