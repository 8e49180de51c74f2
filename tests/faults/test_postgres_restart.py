"""Faults lose nothing: PostgreSQL restarted under writes.

A PostgreSQL server of the test's own (tests/postgres_server.py, never the shared one) and a
hub served by uvicorn over it. An editor creates news items through the API, each with its
own clientMutationId, while the server is stopped and started again. Afterwards:

- every write the hub acknowledged is in the database, and none is half-done (a news item
  without its texts or its audit event, an audit event or idempotency key without its item);
- every write that failed during the outage answered a coded error (SERVICE_UNAVAILABLE,
  promptly, no traceback), and its retry with the same clientMutationId made it exactly once;
- /readyz said 503 "database unavailable" during the outage and 200 again after it;
- the hub served writes again within 5 s of the server being back, without a restart.

And the pool recovers without a pre-ping per checkout: after every backend of the hub's
database is terminated, the very next request succeeds (its first statement, the
row-security prelude, found the connection dead and was sent again on a fresh one).
"""

from __future__ import annotations

import asyncio
import os
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx2 as httpx
import pytest
from sqlalchemy import event, text

from hub.access import ANONYMOUS, read_scope
from hub.auth import DevKey, mint_dev_token
from hub.config import Settings
from hub.db.engine import make_engine, make_sessionmaker
from hub.entry import setup_steps
from hub.ids import decode_id
from hub.row_security import prelude
from resolvers.core.database import RequestDatabase
from tests.conftest import IN_CI, StatementCounter
from tests.paths import ROOT
from tests.postgres_server import PostgresServer, own_postgres, unavailable
from tests.servers import free_port, serving

DATABASE = "hub"
TENANT = "dz-crescent"
RECOVERY = 5.0  # seconds: the hub serves again this soon after the server is back
ANSWER = 10.0  # seconds: a request during the outage is answered, never hangs
UNAVAILABLE = "SERVICE_UNAVAILABLE"

CREATE = """mutation($input: CreateNewsItemInput!) { createNewsItem(input: $input) { id } }"""
EDITORIAL = """query { editorialNews(first: 1) { totalCount } }"""


def news(key: str) -> dict[str, Any]:
    return {"input": {"clientMutationId": key, "tags": ["fault"],
                      "texts": [{"locale": "ar", "title": f"خبر {key}", "summary": key,
                                 "body": "نص الخبر"}]}}


@dataclass
class Hub:
    server: PostgresServer
    settings: Settings
    base: str
    editor: dict[str, str]
    log: Path

    def tail(self) -> str:
        return self.log.read_text()[-3000:]


@pytest.fixture(scope="module")
def server() -> Iterator[PostgresServer]:
    reason = unavailable()
    if reason is not None:
        if IN_CI:
            pytest.fail(f"{reason} (CI=true: the fault tests must run)")
        pytest.skip(reason)
    with own_postgres([DATABASE]) as started:
        yield started


@pytest.fixture(scope="module")
def hub(server: PostgresServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hub]:
    """The schema migrated and the tenants synced on the own server, then a hub over it."""
    folder = tmp_path_factory.mktemp("faults")
    env = {"HUB_MODE": "dev", "HUB_DATABASE_URL": server.url(DATABASE),
           "HUB_DEV_KEY_FILE": str(folder / "dev-key.json")}
    settings = Settings.from_env(env)
    registry = setup_steps.load_tenants(settings)
    setup_steps.migrate(settings)
    asyncio.run(setup_steps.sync(settings, registry))
    token = mint_dev_token(DevKey.load_or_create(settings.dev_key_file),
                           subject=f"staff-{TENANT}-editor", tenant=TENANT, roles=["editor"],
                           volunteer_id=None, federation=False)
    editor = {"Authorization": f"Bearer {token}", "Accept-Language": "ar"}
    port = free_port()
    command = [sys.executable, "-m", "uvicorn", "--factory", "hub.entry.app:create_app",
               "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"]
    with serving(command, port=port, env={**os.environ, **env, "HUB_LOG_LEVEL": "warning"},
                 cwd=ROOT, log=folder / "uvicorn.log", start_timeout=60,
                 stop_timeout=10) as base:
        yield Hub(server, settings, base, editor, folder / "uvicorn.log")


# --- what the client saw ------------------------------------------------------------------


@dataclass
class Outcome:
    key: str
    sent: float  # monotonic
    answered: float
    status: int
    body: dict[str, Any]

    @property
    def id(self) -> str | None:
        data = self.body.get("data") or {}
        created = data.get("createNewsItem") or {}
        return created.get("id") if self.status == 200 and "errors" not in self.body else None

    @property
    def codes(self) -> list[str]:
        return [e.get("extensions", {}).get("code") for e in self.body.get("errors", [])]


@dataclass
class Writer:
    """An editor writing news items one after another until told to stop."""

    hub: Hub
    outcomes: list[Outcome] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)  # transport errors: must stay empty
    stop: threading.Event = field(default_factory=threading.Event)

    def run(self) -> None:
        with httpx.Client(base_url=self.hub.base, timeout=ANSWER) as http:
            n = 0
            while not self.stop.is_set():
                key = f"w-{n}"
                sent = time.monotonic()
                try:
                    response = http.post("/graphql", json={"query": CREATE,
                                                           "variables": news(key)},
                                         headers=self.hub.editor)
                except httpx.TransportError as exc:
                    self.failures.append(f"{key}: {exc!r}")
                    continue
                self.outcomes.append(Outcome(key, sent, time.monotonic(),
                                             response.status_code, body_of(response)))
                n += 1
                time.sleep(0.01)

    def acknowledged(self, after: float = 0.0) -> list[Outcome]:
        return [o for o in list(self.outcomes) if o.id is not None and o.sent >= after]

    def refused(self) -> list[Outcome]:
        return [o for o in list(self.outcomes) if o.id is None]


@dataclass
class Prober:
    """/readyz every 50 ms: (when, status, body)."""

    base: str
    seen: list[tuple[float, int, dict[str, Any]]] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)

    def run(self) -> None:
        with httpx.Client(base_url=self.base, timeout=ANSWER) as http:
            while not self.stop.is_set():
                response = http.get("/readyz")
                self.seen.append((time.monotonic(), response.status_code, response.json()))
                time.sleep(0.05)


def body_of(response: httpx.Response) -> dict[str, Any]:
    try:
        body: dict[str, Any] = response.json()
    except ValueError:
        return {"not JSON": response.text[:500]}
    return body


def wait_for(predicate: Any, timeout: float, what: str, hub: Hub, writer: Writer) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, (
            f"timed out waiting for {what}; last answers: "
            f"{[o.body for o in writer.outcomes[-3:]]}; transport: {writer.failures[-3:]}; "
            f"hub log: {hub.tail()}; server log: {hub.server.tail()}")
        time.sleep(0.02)


def rows(server: PostgresServer, sql: str) -> list[Any]:
    """As the superuser on the own server: past the hub's row security."""
    return server.sql(sql, database=DATABASE)


# --- the restart --------------------------------------------------------------------------


def test_a_restart_under_writes_loses_nothing(hub: Hub) -> None:
    writer, prober = Writer(hub), Prober(hub.base)
    threads = [threading.Thread(target=writer.run), threading.Thread(target=prober.run)]
    for thread in threads:
        thread.start()
    try:
        wait_for(lambda: len(writer.acknowledged()) >= 5, 10, "writes before the restart",
                 hub, writer)
        down = time.monotonic()
        hub.server.stop()  # fast: sessions cut, transactions in flight rolled back
        stopped = time.monotonic()
        # A read during the outage, in French: coded too.
        read = httpx.post(f"{hub.base}/graphql", json={"query": EDITORIAL}, timeout=ANSWER,
                          headers={**hub.editor, "Accept-Language": "fr"})
        wait_for(lambda: len([o for o in writer.refused() if o.sent >= stopped]) >= 3, 10,
                 "writes refused during the outage", hub, writer)
        wait_for(lambda: any(t >= stopped and s == 503 for t, s, _ in list(prober.seen)), 5,
                 "/readyz to report the outage", hub, writer)
        hub.server.start()
        up = time.monotonic()
        wait_for(lambda: len(writer.acknowledged(after=up)) >= 5, RECOVERY + 5,
                 "writes after the restart", hub, writer)
        wait_for(lambda: any(t >= up and s == 200 for t, s, _ in list(prober.seen)), 5,
                 "/readyz to report the recovery", hub, writer)
    finally:
        writer.stop.set()
        prober.stop.set()
        for thread in threads:
            thread.join(timeout=ANSWER + 5)

    # Every request was answered, with JSON, in time: no hang, no dropped connection.
    assert writer.failures == []
    assert all(o.status == 200 for o in writer.outcomes), [o.body for o in writer.outcomes]
    assert max(o.answered - o.sent for o in writer.outcomes) < ANSWER
    # Refusals are coded, and say nothing of the hub's insides.
    refused = writer.refused()
    assert refused, "no write met the outage"
    assert all(o.codes == [UNAVAILABLE] for o in refused), [o.body for o in refused]
    assert all("Traceback" not in str(o.body) and "asyncpg" not in str(o.body)
               for o in refused)
    assert read.status_code == 200
    assert [e["extensions"]["code"] for e in read.json()["errors"]] == [UNAVAILABLE]

    # /readyz: ready, then 503 "database unavailable" in the outage, then ready by itself.
    statuses = list(prober.seen)
    assert statuses[0][1] == 200
    assert {"status": "database unavailable"} in [b for t, s, b in statuses
                                                  if down <= t and s == 503]
    ready_again = min(t for t, s, _ in statuses if t >= up and s == 200)
    assert ready_again - up < RECOVERY
    first_write = min(o.answered for o in writer.acknowledged(after=up))
    print(f"{len(writer.outcomes)} writes, {len(refused)} refused; back after the start: "
          f"write {first_write - up:.2f} s, /readyz {ready_again - up:.2f} s")
    assert first_write - up < RECOVERY

    # Each refused write, retried with its clientMutationId, is made once: a second retry
    # answers the same item.
    retried: dict[str, str] = {}
    with httpx.Client(base_url=hub.base, timeout=ANSWER) as http:
        for outcome in refused:
            bodies = [http.post("/graphql", json={"query": CREATE,
                                                  "variables": news(outcome.key)},
                                headers=hub.editor).json() for _ in range(2)]
            assert "errors" not in bodies[0], bodies[0]
            first, second = (b["data"]["createNewsItem"]["id"] for b in bodies)
            assert first == second
            retried[outcome.key] = first

    check_nothing_lost_or_half_done(hub.server, {
        **{o.key: o.id for o in writer.acknowledged() if o.id is not None}, **retried})


def check_nothing_lost_or_half_done(server: PostgresServer, written: dict[str, str]) -> None:
    """`written`: clientMutationId -> the id the hub answered, for every write of the test
    (keys `w-<n>`; the summary of each item is its key)."""
    items = {int(r[0]): r[1] for r in rows(server, "SELECT n.id, t.summary FROM news_item n "
                                                   "LEFT JOIN news_item_translation t "
                                                   "ON t.news_item_id = n.id")}
    ours = {item: key for item, key in items.items() if key is None or key.startswith("w-")}
    # Exactly the written items, each once, each with its texts: none lost, none doubled.
    assert sorted(ours.values()) == sorted(written), "items differ from the writes"
    assert {key: decode_id(gid, "NewsItem")[1] for key, gid in written.items()} == \
        {key: item for item, key in ours.items()}
    # Each item with its one audit event; no event without its item (of any test).
    audited = [decode_id(r[0], "NewsItem")[1] for r in rows(
        server, "SELECT object_id FROM audit_event WHERE action = 'create_news_item'")]
    assert sorted(audited) == sorted(items)
    # Each with its idempotency key.
    keys = [r[0] for r in rows(server, "SELECT key FROM idempotency_key WHERE key LIKE 'w-%'")]
    assert sorted(keys) == sorted(written)


# --- the pool -----------------------------------------------------------------------------


def test_the_first_request_after_every_backend_is_killed_succeeds(hub: Hub) -> None:
    with httpx.Client(base_url=hub.base, timeout=ANSWER) as http:
        for n in range(3):  # connections in the pool
            assert "errors" not in http.post("/graphql", json={
                "query": CREATE, "variables": news(f"k-{n}")}, headers=hub.editor).json()
        assert hub.server.terminate_backends(DATABASE) >= 1
        body = http.post("/graphql", json={"query": CREATE, "variables": news("k-after")},
                         headers=hub.editor).json()
        assert "errors" not in body, body
        assert hub.server.terminate_backends(DATABASE) >= 1
        ready = http.get("/readyz")
        assert ready.status_code == 200, ready.json()


def test_a_dead_connection_costs_one_retried_prelude_and_no_pings(hub: Hub) -> None:
    """In process, statements counted: a request is its prelude and its statement; after
    its connection is killed, the prelude is sent twice (dead, then fresh) and nothing else."""
    scope = read_scope(ANONYMOUS, frozenset())

    async def run() -> tuple[list[int], Any]:
        engine = make_engine(hub.settings.database_url, pool_size=2)
        counter = StatementCounter()
        event.listen(engine.sync_engine, "before_cursor_execute", counter)
        sessions = make_sessionmaker(engine)
        counts: list[int] = []
        try:
            for kill in (False, True, False):
                if kill:
                    await asyncio.to_thread(hub.server.terminate_backends, DATABASE)
                counter.statements.clear()
                db = RequestDatabase(sessions, prelude(scope))
                try:
                    assert (await db.rows(text("SELECT 41 + 1")))[0][0] == 42
                finally:
                    await db.close()
                counts.append(counter.count)
            # A transaction as the request's first use of a dead connection.
            await asyncio.to_thread(hub.server.terminate_backends, DATABASE)
            db = RequestDatabase(sessions, prelude(scope))
            try:
                async with db.transaction() as session:
                    value = (await session.execute(text("SELECT 7"))).scalar()
            finally:
                await db.close()
            return counts, (value, engine.pool._pre_ping)
        finally:
            await engine.dispose()

    counts, (value, pre_ping) = asyncio.run(run())
    assert counts == [2, 3, 2]
    assert value == 7
    assert pre_ping is False

