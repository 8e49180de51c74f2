"""Several hub processes for real, on one PostgreSQL database: `tatawwu serve` on one port
and `tatawwu serve --workers 2` on another. A volunteer subscribed over a websocket to the
second hears, within a second, an emergency published over HTTP on the first; a scheduled
one too, when it is due. Through LISTEN/NOTIFY, then through Redis (HUB_REDIS_URL).
`--workers` over the in-process bus (SQLite) is refused before anything starts."""

from __future__ import annotations

import asyncio
import json
import os
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx2 as httpx
import pytest
from click.testing import CliRunner
from sqlalchemy import insert, select
from websockets.asyncio.client import connect

from hub.auth import DevKey, mint_dev_token
from hub.db import models as m
from hub.entry.cli import main
from tests.conftest import make_database, prepare
from tests.dbtools import fetch
from tests.live.test_bus import REDIS_URL, redis_available
from tests.live.world import CALLS, CREATE, PUBLISH, TENANT
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
    """Two hubs on one database: `a` (one process) and `b` (two workers)."""

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

    def start(self, stack: ExitStack, workers: int) -> None:
        """Both hubs, started side by side (each stopped when `stack` closes)."""
        ports = free_port(), free_port()
        command = [sys.executable, "-m", "hub", "serve", "--port"]
        servers = [
            serving([*command, str(ports[0])], port=ports[0], env=self.env, cwd=self.tmp,
                    log=self.tmp / "a.log"),
            serving([*command, str(ports[1]), "--workers", str(workers)], port=ports[1],
                    env=self.env, cwd=self.tmp, log=self.tmp / "b.log"),
        ]
        with ThreadPoolExecutor(2) as pool:
            started = [pool.submit(server.__enter__) for server in servers]
        failed = [future.exception() for future in started if future.exception()]
        for server, future in zip(servers, started, strict=True):
            if future.exception() is None:
                stack.push(server.__exit__)
        if failed:
            raise failed[0]  # type: ignore[misc]
        self.a, self.b = (future.result() for future in started)

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

    def publish(self, base: str, delay: float | None = None) -> str:
        """An emergency created and published over HTTP on the hub at `base`."""
        editor = mint_dev_token(self.key, subject="editor", tenant=TENANT, roles=["editor"],
                                volunteer_id=None, federation=False)
        headers = {"Authorization": f"Bearer {editor}", "Accept-Language": "en"}

        def ok(query: str, variables: dict[str, Any]) -> dict[str, Any]:
            body: dict[str, Any] = httpx.post(f"{base}/graphql", headers=headers, timeout=10,
                                              json={"query": query,
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


async def hear(hubs: Hubs, token: str) -> None:
    """Subscribed on b, published on a: heard within a second; then a scheduled one."""
    url = hubs.b.replace("http://", "ws://") + "/graphql"
    async with connect(url, subprotocols=["graphql-transport-ws"]) as ws:  # type: ignore[list-item]
        async def receive(within: float) -> dict[str, Any]:
            found: dict[str, Any] = json.loads(await asyncio.wait_for(ws.recv(), within))
            return found

        await ws.send(json.dumps({"type": "connection_init",
                                  "payload": {"Authorization": f"Bearer {token}"}}))
        assert (await receive(5))["type"] == "connection_ack"
        await ws.send(json.dumps({"type": "subscribe", "id": "1",
                                  "payload": {"query": CALLS}}))
        await asyncio.sleep(0.3)  # the subscription starts on b
        gid = await asyncio.to_thread(hubs.publish, hubs.a)
        committed = time.monotonic()
        message = await receive(1.0)
        assert time.monotonic() - committed < 1.0
        assert message["type"] == "next" and message["payload"]["data"]["emergencyCalls"][
            "id"] == gid, message
        scheduled = await asyncio.to_thread(hubs.publish, hubs.a, 1.0)
        message = await receive(3.0)
        assert message["payload"]["data"]["emergencyCalls"]["id"] == scheduled


@pytest.mark.parametrize("bus", ["postgres", "redis"])
def test_a_call_published_on_one_process_reaches_a_subscriber_of_another(
        database: Any, tmp_path: Path, bus: str) -> None:
    """PostgreSQL: b has two workers (`serve --workers 2`); Redis: one (the crossing is the
    same, the start is shorter)."""
    extra = {}
    if bus == "redis":
        redis_available()
        extra = {"HUB_REDIS_URL": REDIS_URL}
    hubs = Hubs(database, tmp_path, extra)
    with ExitStack() as stack:
        hubs.start(stack, workers=2 if bus == "postgres" else 1)
        asyncio.run(hear(hubs, hubs.volunteer()))
    for log in ("a.log", "b.log"):
        assert "Traceback" not in (tmp_path / log).read_text()
