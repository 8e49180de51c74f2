"""One matrix per backend for the whole folder: a copy of the session's demo database (the
matrix pushes documents, and Q4 writes audit events: the shared database stays as the seed
made it), its trusted documents pushed, its principals, and two hubs started once over it,
`HUB_COMPILED_EXECUTION=off` (the reference) and `trusted`."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Final

import pytest
from starlette.testclient import TestClient

from hub.entry.app import create_app
from tests.compiled_matrix.documents import MatrixFacts, matrix_facts, push_documents
from tests.compiled_matrix.pair import Pair, Side
from tests.conftest import Database, make_database, prepare
from tests.principals import cast

# One column per principal kind: the name here -> the column of tests/principals.py. The
# owning tenant is tests.principals.TENANT (dz-crescent); staff are its coordinators.
PRINCIPALS: Final = {
    "anonymous": "anonymous",
    "volunteer": "self",
    "staff": "coordinator",
    "other staff": "other_staff",
    "analyst": "federation",
    "api client": "client",
}


@dataclass(frozen=True)
class Matrix:
    database: Database
    pair: Pair
    facts: MatrixFacts
    headers: dict[str, dict[str, str]]  # PRINCIPALS' names -> request headers


@pytest.fixture(scope="package")
def matrix(backend: Database, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Matrix]:
    folder = tmp_path_factory.mktemp(f"matrix-{backend.backend}")
    database = make_database(backend.backend, folder, settings=backend.settings)
    try:
        prepare(database, demo=True)
        push_documents(database, folder)
        facts = matrix_facts(database)
        columns = cast(database).headers
        headers = {name: columns[column] for name, column in PRINCIPALS.items()}
        settings = database.settings
        with TestClient(create_app(replace(settings, compiled_execution="off"))) as off, \
                TestClient(create_app(replace(settings, compiled_execution="trusted"))) as on:
            pair = Pair(backend.backend, Side("off", off), Side("trusted", on))
            try:
                yield Matrix(database, pair, facts, headers)
            finally:
                pair.reference.close()
                pair.compiled.close()
    finally:
        database.drop()
