"""A bounded schemathesis run over GraphQL against a live hub (uvicorn in its own process, a
demo database of its own on SQLite, since its mutations may succeed): every query and
mutation field of the introspected schema, valid and invalid documents (schemathesis's
positive and negative modes), anonymous and as a tenant's admin. Zero server errors (5xx),
no INTERNAL_SERVER_ERROR, every error coded, nothing internal in a message
(tests/fuzz/answers.py).

Schemathesis generates the cases, our oracle judges the answers: its own
`not_a_server_error` check counts every field error with a path that is not marked as a
client error as a server error, and the hub's FORBIDDEN on a personal field (with the rest
of the data) is exactly the contract, not a failure. Deterministic (derandomized hypothesis)
and bounded by examples (two per operation, principal and mode): about 15 s.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from typing import Final

import pytest
import requests
import schemathesis
from hypothesis import given
from schemathesis import GenerationMode
from schemathesis.generation.case import Case
from schemathesis.specs.graphql.schemas import GraphQLSchema

from tests.conftest import make_database, prepare
from tests.fuzz.answers import Tally, check_answer
from tests.fuzz.budget import bounded
from tests.paths import ROOT
from tests.principals import cast
from tests.servers import free_port, serving

EXAMPLES: Final = 2  # per operation, principal and mode: every field, a few documents each


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict[str, str]]]:
    """The hub's GraphQL URL, served by uvicorn over a demo database of its own, and an
    admin's headers."""
    folder = tmp_path_factory.mktemp("schemathesis")
    database = make_database("sqlite", folder)
    prepare(database, demo=True)
    admin = cast(database).headers["admin"]
    port = free_port()
    env = {**os.environ, "HUB_DATABASE_URL": database.settings.database_url, "HUB_MODE": "dev",
           "HUB_DEV_KEY_FILE": str(database.settings.dev_key_file), "HUB_LOG_LEVEL": "warning",
           # one address, hundreds of documents in seconds: the point, not a caller to throttle
           "HUB_RATE_LIMIT_IP": "0", "HUB_RATE_LIMIT_PRINCIPAL": "0"}
    command = [sys.executable, "-m", "uvicorn", "--factory", "hub.entry.app:create_app",
               "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"]
    with serving(command, port=port, env=env, cwd=ROOT, log=folder / "uvicorn.log",
                 probe="/healthz", start_timeout=60, stop_timeout=10) as base:
        yield f"{base}/graphql", admin


@pytest.fixture(scope="module")
def introspected(live: tuple[str, dict[str, str]]) -> GraphQLSchema:
    return schemathesis.graphql.from_url(live[0], timeout=30)


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
@pytest.mark.parametrize("who", ["anonymous", "admin"])
def test_schemathesis_finds_no_server_error(live: tuple[str, dict[str, str]],
                                           introspected: GraphQLSchema, who: str,
                                           mode: GenerationMode) -> None:
    url, admin = live
    headers = admin if who == "admin" else {}

    operations = [result.ok() for result in introspected.get_all_operations()]
    assert len(operations) > 50  # every query and mutation field (not the federation ones)
    tally = Tally()
    with requests.Session() as session:
        for operation in operations:
            @bounded(EXAMPLES)
            @given(case=operation.as_strategy(generation_mode=mode))
            def answers(case: Case) -> None:
                response = case.call(base_url=url, session=session, headers=headers,
                                     timeout=30)
                tally.add(check_answer(response.status_code, response.content,
                                       document=f"{case.operation.label}: {case.body}"))

            answers()
    tally.check()
