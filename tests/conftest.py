"""One fixture set for both databases: every test that takes `backend`, `client` or `gql`
runs on SQLite and on PostgreSQL.

PostgreSQL: `HUB_TEST_POSTGRES_URL` (default: the local server, user postgres). Tests create
and drop their own databases. With `CI=true` an unreachable server fails the tests; elsewhere
they are skipped with the reason.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import sqlite3
import tempfile
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
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


def make_database(backend: str, folder: Path, *, tenants_dir: Path | None = None,
                  settings: Settings | None = None) -> Database:
    """A new, empty database; with `settings`, one that differs from them only by its own
    address and development key file."""
    # No rate limits: the whole session asks from one test address (tests of the limits set
    # their own budgets, tests/hub/entry/test_rate_limits.py).
    env = {"HUB_MODE": "dev", "HUB_DEV_KEY_FILE": str(folder / "dev-key.json"),
           "HUB_RATE_LIMIT_IP": "0", "HUB_RATE_LIMIT_PRINCIPAL": "0",
           "HUB_RATE_LIMIT_CLIENT": "0", "HUB_RATE_LIMIT_REFUSED_CREDENTIALS": "0"}
    if tenants_dir is not None:
        env["HUB_TENANTS_DIR"] = str(tenants_dir)
    def configured(url: str) -> Settings:
        if settings is None:
            return Settings.from_env({**env, "HUB_DATABASE_URL": url})
        return replace(settings, database_url=url, dev_key_file=folder / "dev-key.json")

    if backend == "sqlite":
        path = folder / f"hub-{uuid.uuid4().hex[:8]}.sqlite3"
        return Database(backend, configured(f"sqlite+aiosqlite:///{path}"), lambda: None)
    reason = postgres_available()
    if reason is not None:
        if IN_CI:
            pytest.fail(f"{reason} (CI=true: PostgreSQL tests must run)")
        pytest.skip(reason)
    name = f"tatawwu_test_{uuid.uuid4().hex[:12]}"
    asyncio.run(_admin(f'CREATE DATABASE "{name}"'))
    url = make_url(POSTGRES_URL).set(database=name)

    def drop() -> None:
        asyncio.run(_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))

    return Database(backend, configured(url.render_as_string(hide_password=False)), drop)


def _build(database: Database, *, demo: bool) -> None:
    settings = database.settings
    registry = setup_steps.load_tenants(settings)
    setup_steps.migrate(settings)
    asyncio.run(setup_steps.sync(settings, registry))
    if demo:
        asyncio.run(setup_steps.seed(settings, DEMO_DAY))


# Prepared databases to copy from, built once per session and per kind (backend, demo or
# not, every setting but the database's own address and key file): migrating and seeding
# the demo takes about two seconds, copying a prepared one a few milliseconds (SQLite) or
# a tenth of a second (PostgreSQL's `CREATE DATABASE ... TEMPLATE`). A copy is the same
# database the steps would have built: `tests/hub/demo/test_seed.py` builds its own.
_templates: dict[str, Database] = {}


def _kind(database: Database, demo: bool) -> str:
    blank = replace(database.settings, database_url="", dev_key_file=Path())
    return f"{database.backend} demo={demo} {blank!r}"


def _sqlite_path(settings: Settings) -> Path:
    return Path(make_url(settings.database_url).database or "")


def _template(database: Database, demo: bool) -> Database:
    kind = _kind(database, demo)
    template = _templates.get(kind)
    if template is None:
        folder = Path(tempfile.mkdtemp(prefix="tatawwu-template-"))
        template = make_database(database.backend, folder, settings=database.settings)
        _build(template, demo=demo)
        if template.backend == "sqlite":
            _sqlite_checkpoint(_sqlite_path(template.settings))
        _templates[kind] = template
    return template


def _sqlite_checkpoint(path: Path) -> None:
    """Fold the write-ahead log into the file, so that the file alone is the database."""
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()


def prepare(database: Database, *, demo: bool) -> None:
    """Migrate, sync the tenants and (with `demo`) seed the demo: a copy of a database
    prepared so once in the session for the same settings."""
    template = _template(database, demo)
    if database.backend == "sqlite":
        shutil.copyfile(_sqlite_path(template.settings), _sqlite_path(database.settings))
        return
    name = make_url(database.settings.database_url).database
    source = make_url(template.settings.database_url).database
    asyncio.run(_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    asyncio.run(_admin(f'CREATE DATABASE "{name}" TEMPLATE "{source}"'))


@pytest.fixture(scope="session", autouse=True)
def _drop_templates() -> Iterator[None]:
    yield
    for template in _templates.values():
        template.drop()
    _templates.clear()


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
