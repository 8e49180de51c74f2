"""Per backend for the folder: a copy of the session's demo database with the trusted
documents pushed (and Q4 writing audit events: the shared database stays as the seed made
it), its principals, and two hubs over it, `off` (the reference) and `trusted`."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from starlette.testclient import TestClient

from hub.entry.app import create_app
from tests.compiled.hubs import PRINCIPALS, Pair, Side, push_documents
from tests.conftest import Database, make_database, prepare
from tests.principals import cast


@pytest.fixture(scope="package")
def pair(backend: Database, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Pair]:
    folder = tmp_path_factory.mktemp(f"compiled-{backend.backend}")
    database = make_database(backend.backend, folder, settings=backend.settings)
    try:
        prepare(database, demo=True)
        found = push_documents(database, folder)
        columns = cast(database).headers
        headers = {name: columns[column] for name, column in PRINCIPALS.items()}
        settings = database.settings
        with TestClient(create_app(replace(settings, compiled_execution="off"))) as off, \
                TestClient(create_app(replace(settings, compiled_execution="trusted"))) as on:
            made = Pair(Side(off), Side(on), {d.name: d for d in found}, headers, database)
            try:
                yield made
            finally:
                made.reference.close()
                made.compiled.close()
    finally:
        database.drop()
