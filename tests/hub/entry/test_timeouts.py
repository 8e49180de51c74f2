"""Time limits: a whole request (its work cancelled, a coded TIMEOUT answered), a client
sending its body too slowly (cut off; it holds no worker, /healthz stays fast), and one SQL
statement on PostgreSQL (statement_timeout, answered TIMEOUT, not INTERNAL_SERVER_ERROR).
"""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

import asyncpg
import httpx2 as httpx
import pytest
import uvicorn
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from starlette.testclient import TestClient
from starlette.types import Receive, Scope, Send

from hub.access import ANONYMOUS, read_scope
from hub.config import Settings
from hub.db.engine import make_engine
from hub.entry.app import create_app
from hub.entry.timeouts import TimeoutMiddleware
from hub.limits import statement_timed_out
from hub.row_security import prelude
from tests.conftest import Database
from tests.servers import free_port

SETTINGS = replace(Settings.from_env({"HUB_DATABASE_URL": "sqlite+aiosqlite:///x.sqlite3"}),
                   request_timeout_seconds=1)


# The middleware alone, around an app that takes too long.

class Slow:
    """An app that answers after `seconds`, or starts answering and then stalls."""

    def __init__(self, seconds: float, *, start_first: bool = False) -> None:
        self.seconds = seconds
        self.start_first = start_first
        self.cancelled = False

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        assert scope["type"] == "http"
        if self.start_first:
            await send({"type": "http.response.start", "status": 200, "headers": []})
        try:
            await asyncio.sleep(self.seconds)
        except asyncio.CancelledError:
            self.cancelled = True
            raise
        await send({"type": "http.response.body", "body": b"late"} if self.start_first else
                   {"type": "http.response.start", "status": 200, "headers": []})


def test_a_request_over_its_time_is_cancelled_and_answered_timeout() -> None:
    slow = Slow(30)
    http = TestClient(TimeoutMiddleware(slow, SETTINGS))  # no lifespan: the app has none
    started = time.monotonic()
    response = http.get("/graphql?query={__typename}", headers={"Accept-Language": "fr"})
    elapsed = time.monotonic() - started
    assert response.status_code == 503
    (error,) = response.json()["errors"]
    assert error["extensions"]["code"] == "TIMEOUT"
    assert error["message"]
    assert slow.cancelled  # the work stopped: nothing keeps running after the answer
    assert 1 <= elapsed < 3


def test_an_answer_already_begun_is_cut_off_not_replaced() -> None:
    slow = Slow(30, start_first=True)
    response = TestClient(TimeoutMiddleware(slow, SETTINGS)).get("/")
    assert response.status_code == 200 and response.content == b""
    assert slow.cancelled


def test_a_timeout_of_the_app_itself_is_not_this_limit() -> None:
    async def failing(scope: Scope, receive: Receive, send: Send) -> None:
        raise TimeoutError("a call to another service")

    with pytest.raises(TimeoutError, match="another service"):
        TestClient(TimeoutMiddleware(failing, SETTINGS)).get("/")


# A slow client against a real server.

@contextmanager
def served_in_thread(app: Any) -> Iterator[str]:
    """uvicorn serving `app` from a thread of this process (no second process to start)."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port,
                                           log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


def test_a_client_sending_its_body_slowly_is_cut_off_and_healthz_stays_fast(
        backend: Database) -> None:
    app = create_app(replace(backend.settings, request_timeout_seconds=1))
    with served_in_thread(app) as base, httpx.Client(base_url=base, timeout=5) as light:
        assert light.get("/healthz").status_code == 200
        port = int(base.rsplit(":", 1)[1])
        body = b'{"query": "{ tenants { slug } }"}' + b" " * 200
        head = (f"POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json"
                f"\r\nAccept-Language: ar\r\nContent-Length: {len(body)}\r\n\r\n").encode()
        answer = b""
        probes: list[float] = []
        with socket.create_connection(("127.0.0.1", port), timeout=5) as slow:
            slow.sendall(head)
            slow.setblocking(False)
            started = time.monotonic()
            for byte in body:  # one byte each 100 ms: 23 s for the whole body
                try:
                    slow.sendall(bytes([byte]))
                except OSError:
                    break  # the server closed the connection
                if len(probes) < 5:
                    before = time.monotonic()
                    assert light.get("/healthz").status_code == 200
                    probes.append(time.monotonic() - before)
                time.sleep(0.1)
                try:
                    chunk = slow.recv(65536)
                except BlockingIOError:
                    continue
                except OSError:
                    break
                if not chunk:
                    break  # closed after the answer
                answer += chunk
                assert time.monotonic() - started < 5, "the slow client was not cut off"
            cut_after = time.monotonic() - started
        assert cut_after < 3, cut_after
        status, _, rest = answer.partition(b"\r\n")
        assert status.startswith(b"HTTP/1.1 408"), answer[:300]
        assert b'"code":"TIMEOUT"' in rest
        assert max(probes) < 0.5, probes


# One statement over its time, on PostgreSQL.

def _dsn(database_url: str) -> str:
    return make_url(database_url).set(drivername="postgresql").render_as_string(
        hide_password=False)


@pytest.mark.postgresql_only
def test_the_statement_limit_lasts_one_transaction(backend: Database) -> None:
    async def run() -> tuple[bool, str]:
        engine = make_engine(backend.settings.database_url)
        try:
            async with engine.connect() as conn:
                await conn.execute(prelude(read_scope(ANONYMOUS, frozenset()),
                                           statement_timeout_ms=100))
                try:
                    await conn.execute(text("SELECT pg_sleep(2)"))
                    stopped = False
                except DBAPIError as exc:
                    stopped = statement_timed_out(exc)
                await conn.rollback()
                after = (await conn.execute(text("SHOW statement_timeout"))).scalar_one()
                await conn.rollback()
                return stopped, str(after)
        finally:
            await engine.dispose()

    stopped, after = asyncio.run(run())
    assert stopped
    assert after == "0"  # the server's own setting again: nothing leaks through the pool


@contextmanager
def table_locked(database_url: str, table: str) -> Iterator[None]:
    """Another session holds `table` locked: a statement reading it waits (a slow statement
    without a test-only function)."""
    ready, release = threading.Event(), threading.Event()

    async def hold() -> None:
        conn = await asyncpg.connect(_dsn(database_url))
        try:
            async with conn.transaction():
                await conn.execute(f"LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE")
                ready.set()
                await asyncio.to_thread(release.wait, 10)
        finally:
            await conn.close()

    thread = threading.Thread(target=asyncio.run, args=(hold(),), daemon=True)
    thread.start()
    assert ready.wait(10), "the lock was not taken"
    try:
        yield
    finally:
        release.set()
        thread.join(10)


PAGE = "{ opportunities(first: 2) { edges { node { id } } } }"


@pytest.mark.postgresql_only
def test_a_statement_over_its_time_is_answered_timeout(backend: Database) -> None:
    settings = replace(backend.settings, statement_timeout_ms=300)
    with TestClient(create_app(settings)) as http:
        with table_locked(settings.database_url, "opportunity"):
            started = time.monotonic()
            response = http.post("/graphql", json={"query": PAGE},
                                 headers={"Accept-Language": "fr"})
            elapsed = time.monotonic() - started
        assert response.status_code == 200
        body = response.json()
        codes = {e["extensions"]["code"] for e in body["errors"]}
        assert codes == {"TIMEOUT"}, body["errors"]
        assert body["errors"][0]["path"] == ["opportunities"]
        assert elapsed < 3
        # The connection went back to the pool in order: the next request is answered.
        again = http.post("/graphql", json={"query": PAGE}).json()
        assert "errors" not in again and again["data"]["opportunities"]["edges"]


@pytest.mark.postgresql_only
def test_a_request_stuck_in_a_statement_is_answered_in_time_and_the_pool_keeps_serving(
        backend: Database) -> None:
    """The statement is sent by a loader, in a task of its own: the answer does not wait for
    it; the connection goes back to the pool once it ends (here: when the lock goes)."""
    settings = replace(backend.settings, request_timeout_seconds=1, statement_timeout_ms=0)
    with served_in_thread(create_app(settings)) as base, \
            httpx.Client(base_url=base, timeout=10) as http:
        with table_locked(settings.database_url, "opportunity"):
            started = time.monotonic()
            response = http.post("/graphql", json={"query": PAGE})
            elapsed = time.monotonic() - started
            assert response.status_code == 503, response.text
            assert response.json()["errors"][0]["extensions"]["code"] == "TIMEOUT"
            assert elapsed < 3, elapsed
            assert http.get("/healthz").status_code == 200
        for _ in range(3):
            again = http.post("/graphql", json={"query": PAGE}).json()
            assert "errors" not in again and again["data"]["opportunities"]["edges"]
