"""Property tests over the schema (hypothesis-graphql): whatever valid-looking document any
kind of caller sends, the hub answers JSON with data or coded errors, never a crash, never
an INTERNAL_SERVER_ERROR, never a traceback or a Python, SQL or driver detail.

Queries run on the shared demo database (read-only); mutations on a demo database of this
module's own, since generated inputs may well succeed (an admin's new organization, a
volunteer erasing their own account). Both on SQLite and PostgreSQL. A document over a limit
(depth, aliases, cost, answer size) answers that limit's code, which the oracle accepts like
any other stable code. Derandomized and bounded (about 10 s per backend), so a run in CI is
the same run every time; a failure prints the document to replay.
"""

from __future__ import annotations

from typing import Final

import graphql
import pytest
from hypothesis import given
from hypothesis import strategies as st
from starlette.testclient import TestClient

from tests.conftest import Database, HubClient
from tests.fuzz.answers import Tally, check_answer
from tests.fuzz.budget import bounded
from tests.fuzz.conftest import Writable
from tests.fuzz.generated import hub_schema, mutation_documents, query_documents
from tests.principals import cast

# One column per kind of caller: anonymous, a volunteer, staff of the owning tenant (admin,
# and an editor, the narrowest writer), staff of another tenant, a federation analyst, an
# API client.
PRINCIPALS: Final = ("anonymous", "self", "admin", "editor", "other_staff", "federation",
                     "client")
LOCALES: Final = ("ar", "fr", "en")
EXAMPLES: Final = 20  # per test (principal and backend): about 10 s per backend in all


@pytest.fixture(scope="module")
def schema(backend: Database) -> graphql.GraphQLSchema:
    return hub_schema(backend.settings)


@pytest.fixture(scope="module")
def headers(backend: Database) -> dict[str, dict[str, str]]:
    return cast(backend).headers


def _send(http: TestClient, document: str, headers: dict[str, str], locale: str,
          tally: Tally) -> None:
    response = http.post("/graphql", json={"query": document},
                         headers={**headers, "Accept-Language": locale})
    tally.add(check_answer(response.status_code, response.content, document=document))


@pytest.mark.parametrize("who", PRINCIPALS)
def test_generated_queries(client: HubClient, schema: graphql.GraphQLSchema,
                           headers: dict[str, dict[str, str]], who: str) -> None:
    tally = Tally()

    @bounded(EXAMPLES)
    @given(document=query_documents(schema), locale=st.sampled_from(LOCALES))
    def answers(document: str, locale: str) -> None:
        _send(client.http, document, headers[who], locale, tally)

    answers()
    tally.check()


@pytest.mark.parametrize("who", PRINCIPALS)
def test_generated_mutations(writable: Writable, who: str) -> None:
    http, principals = writable
    mutation_schema = hub_schema(http.app.state.hub.settings)  # type: ignore[attr-defined]

    tally = Tally()

    @bounded(EXAMPLES)
    @given(document=mutation_documents(mutation_schema), locale=st.sampled_from(LOCALES))
    def answers(document: str, locale: str) -> None:
        _send(http, document, principals[who], locale, tally)

    answers()
    tally.check()
