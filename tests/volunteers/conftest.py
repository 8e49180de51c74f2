"""A demo hub per backend for the volunteer journey's tests (module-scoped: each test signs
in as people of its own, so tests do not meet), and the people to sign in as."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event
from starlette.testclient import TestClient

from hub.auth import DevKey, mint_dev_token
from hub.entry.app import create_app
from tests.conftest import Database, HubClient, StatementCounter, make_database, prepare
from tests.dbtools import fetch


@dataclass
class Hub:
    database: Database
    client: HubClient
    key: DevKey

    def fetch(self, statement: Any) -> list[Any]:
        return fetch(self.database.settings, statement)

    def _bearer(self, subject: str, **claims: Any) -> dict[str, str]:
        token = mint_dev_token(self.key, subject=subject, **{
            "tenant": None, "roles": [], "volunteer_id": None, "federation": False, **claims})
        return {"Authorization": f"Bearer {token}"}

    def person(self, sub: str | None = None) -> tuple[str, dict[str, str]]:
        """A signed-in person without a volunteer record: their raw `sub` and headers."""
        sub = sub or f"person-{uuid.uuid4().hex[:10]}"
        return sub, self._bearer(sub)

    def staff(self, tenant: str, role: str = "admin") -> dict[str, str]:
        return self._bearer(f"staff-{tenant}-{role}", tenant=tenant, roles=[role])

    def federation(self) -> dict[str, str]:
        return self._bearer("analyst", federation=True)

    def volunteer(self, vid: int) -> dict[str, str]:
        return self._bearer(f"volunteer-{vid}", volunteer_id=vid)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def hub(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
        ) -> Iterator[Hub]:
    folder: Path = tmp_path_factory.mktemp(f"volunteers-{request.param}")
    database = make_database(request.param, folder)
    try:
        prepare(database, demo=True)
        app = create_app(database.settings)
        counter = StatementCounter()
        with TestClient(app) as http:
            engine = app.state.hub.engine
            event.listen(engine.sync_engine, "before_cursor_execute", counter)
            try:
                yield Hub(database, HubClient(http, request.param, counter),
                          DevKey.load_or_create(database.settings.dev_key_file))
            finally:
                event.remove(engine.sync_engine, "before_cursor_execute", counter)
    finally:
        database.drop()
