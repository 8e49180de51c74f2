"""The fuzz tests' own demo database, for documents that may write: generated mutations
succeed now and then (an admin's new organization, a volunteer erasing their account), and
the shared demo database of the session must stay as the seed made it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from starlette.testclient import TestClient

from hub.entry.app import create_app
from tests.conftest import BACKENDS, make_database, prepare
from tests.principals import cast

Writable = tuple[TestClient, dict[str, dict[str, str]]]


@pytest.fixture(scope="package", params=BACKENDS)
def writable(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
             ) -> Iterator[Writable]:
    """A demo database of the fuzz tests' own on each backend, its app, and its principals'
    headers (tests/principals.py)."""
    database = make_database(request.param, tmp_path_factory.mktemp(f"fuzz-{request.param}"))
    try:
        prepare(database, demo=True)
        principals = cast(database).headers
        # Unlimited budgets: hundreds of documents from one address in seconds are the
        # point here, not a caller to throttle (the session's client keeps its defaults).
        unlimited = replace(database.settings, rate_limit_ip=0, rate_limit_principal=0,
                            rate_limit_client=0)
        with TestClient(create_app(unlimited)) as http:
            yield http, principals
    finally:
        database.drop()
