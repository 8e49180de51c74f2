"""Several hub processes for real, on one PostgreSQL database. Through LISTEN/NOTIFY:
`tatawwu serve` on one port and `tatawwu serve --workers 2` on another; a volunteer
subscribed over a websocket to the second hears, within a second, an emergency published
over HTTP on the first, and a scheduled one when it is due. Through Redis (HUB_REDIS_URL):
`tatawwu serve` and this test process's own hub. `--workers` over the in-process bus
(SQLite) is refused before anything starts."""

from __future__ import annotations

import asyncio
import json
import os
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx2 as httpx
import pytest
from click.testing import CliRunner
from sqlalchemy import insert, select
from starlette.testclient import TestClient
from websockets.asyncio.client import connect

from hub.auth import DevKey, mint_dev_token
from hub.db import models as m
from hub.entry.app import create_app
from hub.entry.cli import main
from hub.entry.live import with_live
from tests.conftest import make_database, prepare
from tests.dbtools import fetch
from tests.live.test_bus import REDIS_URL, redis_available
from tests.live.world import CALLS, CREATE, PUBLISH, TENANT, Socket
from tests.servers import free_port, serving


def test_several_workers_need_a_bus_that_crosses_processes(tmp_path: Path) -> None:
    env = {"HUB_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'hub.sqlite3'}",
           "HUB_DEV_KEY_FILE": str(tmp_path / "dev-key.json")}
    result = CliRunner().invoke(main, ["serve", "--workers", "2"], env=env)
    assert result.exit_code == 2, result.output
    assert "--workers 2" in result.output and "HUB_REDIS_URL" in result.output
    assert not (tmp_path / "hub.sqlite3").exists()  # refused before migrating anything


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    database = make_database("postgresql", tmp_path_factory.mktemp("processes"))
    try:
        prepare(database, demo=False)
        fetch(database.settings, insert(m.Category).values(
            code="test-category", labels={"en": "Test"}, position=0))
        yield database
    finally:
        database.drop()


class Hubs:
    """Hubs on one database: `a` (`tatawwu serve`), and `b` (`tatawwu serve --workers 2`)
    or none (the test process's own hub stands for it)."""

    def __init__(self, database: Any, tmp: Path, extra: dict[str, str]) -> None:
        settings = database.settings
        self.settings = settings
        self.env = {**os.environ, "HUB_DATABASE_URL": settings.database_url,
                    "HUB_DEV_KEY_FILE": str(settings.dev_key_file), "HUB_MODE": "dev",
                    "HUB_LOG_LEVEL": "warning", "HUB_RATE_LIMIT_IP": "0",
                    "HUB_RATE_LIMIT_PRINCIPAL": "0", "HUB_RATE_LIMIT_CLIENT": "0", **extra}
        self.tmp = tmp
        self.key = DevKey.load_or_create(settings.dev_key_file)
        self.a = self.b = ""

    def start(self, stack: ExitStack, *, with_b: bool) -> None:
        """The hubs, started side by side (each stopped when `stack` closes)."""
        command = [sys.executable, "-m", "hub", "serve", "--port"]
        ports = free_port(), free_port()
        servers = [serving([*command, str(ports[0])], port=ports[0], env=self.env,
                           cwd=self.tmp, log=self.tmp / "a.log")]
        if with_b:
            servers.append(serving([*command, str(ports[1]), "--workers", "2"], port=ports[1],
                                   env=self.env, cwd=self.tmp, log=self.tmp / "b.log"))
        with ThreadPoolExecutor(len(servers)) as pool:
            started = [pool.submit(server.__enter__) for server in servers]
        failed = [future.exception() for future in started if future.exception()]
        for server, future in zip(servers, started, strict=True):
            if future.exception() is None:
                stack.push(server.__exit__)
        if failed:
            raise failed[0]  # type: ignore[misc]
        bases = [future.result() for future in started]
        self.a, self.b = bases[0], bases[1] if with_b else ""

    def volunteer(self) -> str:
        now = datetime.now(UTC)
        settings = self.settings
        vid = int(fetch(settings, insert(m.Volunteer).values(
            subject=f"test|processes-{now.timestamp()}", first_name="Nadia", last_name="B",
            languages=["ar"], shares_with_network=False, verified_hours=0.0, country="DZ",
            created_at=now, updated_at=now).returning(m.Volunteer.id))[0][0])
        tenant = fetch(settings, select(m.Tenant.id).where(m.Tenant.slug == TENANT))[0][0]
        fetch(settings, insert(m.Membership).values(tenant_id=tenant, volunteer_id=vid,
                                                    joined_at=now, status="ACTIVE"))
        return mint_dev_token(self.key, subject=f"volunteer-{vid}", tenant=None, roles=[],
                              volunteer_id=vid, federation=False)

    def publish(self, delay: float | None = None) -> str:
        """An emergency created and published over HTTP on hub `a`."""
        editor = mint_dev_token(self.key, subject="editor", tenant=TENANT, roles=["editor"],
                                volunteer_id=None, federation=False)
        headers = {"Authorization": f"Bearer {editor}", "Accept-Language": "en"}

        def ok(query: str, variables: dict[str, Any]) -> dict[str, Any]:
            body: dict[str, Any] = httpx.post(f"{self.a}/graphql", headers=headers,
                                              timeout=10, json={"query": query,
                                                                "variables": variables}).json()
            assert "errors" not in body, body
            return body["data"]  # type: ignore[no-any-return]

        created = ok(CREATE, {"input": {
            "texts": [{"locale": "en", "title": "Flood relief"}], "format": "REMOTE",
            "category": "test-category", "isEmergency": True}})["createOpportunity"]["id"]
        publish: dict[str, Any] = {"id": created}
        if delay is not None:
            publish["publishAt"] = (datetime.now(UTC) + timedelta(seconds=delay)).isoformat()
        ok(PUBLISH, {"input": publish})
        return str(created)


def test_a_call_published_on_one_process_reaches_a_subscriber_of_another_through_postgres(
        database: Any, tmp_path: Path) -> None:
    """Subscribed on b (one of its two workers), published on a: heard within a second of
    the commit; a scheduled one when it is due."""
    hubs = Hubs(database, tmp_path, {})

    async def hear(token: str) -> None:
        url = hubs.b.replace("http://", "ws://") + "/graphql"
        async with connect(url, subprotocols=["graphql-transport-ws"]) as ws:  # type: ignore[list-item]
            async def receive(within: float) -> dict[str, Any]:
                found: dict[str, Any] = json.loads(await asyncio.wait_for(ws.recv(), within))
                assert found["type"] == "next", found
                call: dict[str, Any] = found["payload"]["data"]["emergencyCalls"]
                return call

            await ws.send(json.dumps({"type": "connection_init",
                                      "payload": {"Authorization": f"Bearer {token}"}}))
            assert json.loads(await ws.recv())["type"] == "connection_ack"
            await ws.send(json.dumps({"type": "subscribe", "id": "1",
                                      "payload": {"query": CALLS}}))
            await asyncio.sleep(0.3)  # the subscription starts on b
            gid = await asyncio.to_thread(hubs.publish)
            committed = time.monotonic()
            assert (await receive(1.0))["id"] == gid
            assert time.monotonic() - committed < 1.0
            scheduled = await asyncio.to_thread(hubs.publish, 1.0)
            assert (await receive(3.0))["id"] == scheduled

    with ExitStack() as stack:
        hubs.start(stack, with_b=True)
        asyncio.run(hear(hubs.volunteer()))
    for log in ("a.log", "b.log"):
        assert "Traceback" not in (tmp_path / log).read_text()


def test_a_call_published_on_one_process_reaches_a_subscriber_of_another_through_redis(
        database: Any, tmp_path: Path) -> None:
    """`a` and this test process's own hub, both on HUB_REDIS_URL (so neither listens on
    PostgreSQL): published on a, heard on the websocket of this process's hub."""
    redis_available()
    hubs = Hubs(database, tmp_path, {"HUB_REDIS_URL": REDIS_URL})
    settings = replace(database.settings, redis_url=REDIS_URL)
    with ExitStack() as stack:
        hubs.start(stack, with_b=False)
        app = with_live(create_app(settings))
        http = stack.enter_context(TestClient(app))
        assert app.state.live.bus.name == "redis"
        token = hubs.volunteer()
        session = stack.enter_context(http.websocket_connect(
            "/graphql", subprotocols=["graphql-transport-ws"]))
        ws = Socket(session)
        assert ws.init({"token": token})["type"] == "connection_ack"
        ws.subscribe()
        time.sleep(0.2)  # the subscription starts
        gid = hubs.publish()
        committed = time.monotonic()
        assert ws.next_call(timeout=1.0)["id"] == gid
        assert time.monotonic() - committed < 1.0
    assert "Traceback" not in (tmp_path / "a.log").read_text()
