"""One fixture set for both databases: every test that takes `backend`, `client` or `gql`
runs on SQLite and on PostgreSQL.

PostgreSQL: `HUB_TEST_POSTGRES_URL` (default: the local server, user postgres). Tests create
and drop their own databases. With `CI=true` an unreachable server fails the tests; elsewhere
they are skipped with the reason.
"""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.engine import make_url
from starlette.testclient import TestClient

from hub.config import Settings
from hub.entry import setup_steps
from hub.entry.app import create_app

# Fixtures kept beside their helpers, for the test modules that ask for them by name.
pytest_plugins = ("tests.issuer_keys",)

POSTGRES_URL = os.environ.get(
    "HUB_TEST_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres"
)
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
DEMO_DAY = date(2026, 11, 1)  # demo dates count from a fixed day, so answers are stable
BACKENDS = ("sqlite", "postgresql")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """`@pytest.mark.postgresql_only` tests (row-level security) are not collected for
    SQLite: deselected, not skipped, so a skip always means something is missing."""
    kept, dropped = [], []
    for item in items:
        params = getattr(getattr(item, "callspec", None), "params", {})
        if item.get_closest_marker("postgresql_only") and params.get("backend") == "sqlite":
            dropped.append(item)
        else:
            kept.append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept


async def _admin(sql: str) -> None:
    import asyncpg

    url = make_url(POSTGRES_URL)
    conn = await asyncpg.connect(
        host=url.host, port=url.port or 5432, user=url.username, password=url.password,
        database=url.database or "postgres", timeout=5,
    )
    try:
        await conn.execute(sql)
    finally:
        await conn.close()


def postgres_available() -> str | None:
    """None if the server answers, else the reason."""
    try:
        asyncio.run(_admin("SELECT 1"))
    except Exception as exc:
        return f"PostgreSQL at {make_url(POSTGRES_URL).render_as_string()} unreachable: {exc}"
    return None


@dataclass
class Database:
    """A fresh, migrated database with tenants synced, and what it takes to drop it."""

    backend: str
    settings: Settings
    drop: Callable[[], None] = field(repr=False)


def make_database(backend: str, folder: Path, *, tenants_dir: Path | None = None) -> Database:
    # No rate limits: the whole session asks from one test address (tests of the limits set
    # their own budgets, tests/hub/entry/test_rate_limits.py).
    env = {"HUB_MODE": "dev", "HUB_DEV_KEY_FILE": str(folder / "dev-key.json"),
           "HUB_RATE_LIMIT_IP": "0", "HUB_RATE_LIMIT_PRINCIPAL": "0",
           "HUB_RATE_LIMIT_CLIENT": "0"}
    if tenants_dir is not None:
        env["HUB_TENANTS_DIR"] = str(tenants_dir)
    if backend == "sqlite":
        path = folder / f"hub-{uuid.uuid4().hex[:8]}.sqlite3"
        env["HUB_DATABASE_URL"] = f"sqlite+aiosqlite:///{path}"
        return Database(backend, Settings.from_env(env), lambda: None)
    reason = postgres_available()
    if reason is not None:
        if IN_CI:
            pytest.fail(f"{reason} (CI=true: PostgreSQL tests must run)")
        pytest.skip(reason)
    name = f"tatawwu_test_{uuid.uuid4().hex[:12]}"
    asyncio.run(_admin(f'CREATE DATABASE "{name}"'))
    url = make_url(POSTGRES_URL).set(database=name)
    env["HUB_DATABASE_URL"] = url.render_as_string(hide_password=False)

    def drop() -> None:
        asyncio.run(_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))

    return Database(backend, Settings.from_env(env), drop)


def prepare(database: Database, *, demo: bool) -> None:
    settings = database.settings
    registry = setup_steps.load_tenants(settings)
    setup_steps.migrate(settings)
    asyncio.run(setup_steps.sync(settings, registry))
    if demo:
        asyncio.run(setup_steps.seed(settings, DEMO_DAY))


@pytest.fixture(scope="session", params=BACKENDS)
def backend(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
            ) -> Iterator[Database]:
    """The demo database on each backend, shared by the read-only tests of the session."""
    database = make_database(request.param, tmp_path_factory.mktemp(request.param))
    try:
        prepare(database, demo=True)
        yield database
    finally:
        database.drop()


@pytest.fixture
def fresh_backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """An empty, migrated database for tests that write (parametrize with `backend_name`)."""
    database = make_database(getattr(request, "param", "sqlite"), tmp_path)
    try:
        yield database
    finally:
        database.drop()


class StatementCounter:
    def __init__(self) -> None:
        self.statements: list[str] = []

    def __call__(self, conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        self.statements.append(statement)

    @property
    def count(self) -> int:
        return len(self.statements)


@dataclass
class HubClient:
    """A running hub over one backend, with helpers to query it and count SQL statements."""

    http: TestClient
    backend: str
    counter: StatementCounter

    def post(self, query: str, variables: dict[str, Any] | None = None,
             headers: dict[str, str] | None = None) -> dict[str, Any]:
        response = self.http.post("/graphql", json={"query": query, "variables": variables or {}},
                                  headers=headers or {})
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    def data(self, query: str, variables: dict[str, Any] | None = None,
             headers: dict[str, str] | None = None) -> dict[str, Any]:
        """The data of a query that must succeed."""
        body = self.post(query, variables, headers)
        assert "errors" not in body, body["errors"]
        result: dict[str, Any] = body["data"]
        return result

    @property
    def prelude(self) -> int:
        """Statements every request starts with: the row-security settings on PostgreSQL."""
        return 1 if self.backend == "postgresql" else 0

    def statements(self, query: str, variables: dict[str, Any] | None = None) -> int:
        """How many SQL statements one request of `query` ran (it must succeed)."""
        self.counter.statements.clear()
        self.data(query, variables)
        return self.counter.count


@pytest.fixture(scope="session")
def client(backend: Database) -> Iterator[HubClient]:
    app = create_app(backend.settings)
    counter = StatementCounter()
    with TestClient(app) as http:
        engine = app.state.hub.engine
        event.listen(engine.sync_engine, "before_cursor_execute", counter)
        try:
            yield HubClient(http, backend.backend, counter)
        finally:
            event.remove(engine.sync_engine, "before_cursor_execute", counter)
