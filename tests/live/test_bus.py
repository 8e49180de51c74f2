"""The buses on their own: what is published is heard, once per listener; PostgreSQL's
listening connection and Redis's subscription, cut by the server, come back by themselves
and hear what is published after; the choice of a bus by settings; the fanout's rules."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
import redis.asyncio as aioredis
from sqlalchemy import text

from hub.config import Settings
from hub.errors import ConfigurationError
from hub.live.bus import Backoff, Bus, backend_of, bus_for, channel_for
from hub.live.events import CallEvent
from hub.live.fanout import Fanout
from hub.live.memory import MemoryBus
from hub.live.postgres import PostgresBus
from hub.live.redis import RedisBus
from tests.conftest import IN_CI, make_database
from tests.dbtools import fetch

REDIS_URL = "redis://127.0.0.1:6379/0"


class Listener:
    """A bus's `listen` running as a task: what it heard, and how often it (re)connected."""

    def __init__(self, bus: Bus) -> None:
        self.bus = bus
        self.heard: asyncio.Queue[str] = asyncio.Queue()
        self.connections = 0
        self.connected = asyncio.Event()
        self.task: asyncio.Task[None] | None = None

    async def _connected(self) -> None:
        self.connections += 1
        self.connected.set()

    async def __aenter__(self) -> Listener:
        self.task = asyncio.create_task(self.bus.listen(self.heard.put_nowait, self._connected))
        await asyncio.wait_for(self.connected.wait(), 5)
        return self

    async def __aexit__(self, *_: object) -> None:
        assert self.task is not None
        self.task.cancel()
        await asyncio.gather(self.task, return_exceptions=True)
        await self.bus.close()

    async def next(self) -> str:
        return await asyncio.wait_for(self.heard.get(), 3)

    async def reconnected(self, cut: Callable[[], Awaitable[None]]) -> None:
        """`cut()` the connection; wait until it is back."""
        self.connected.clear()
        before = self.connections
        await cut()
        await asyncio.wait_for(self.connected.wait(), 5)
        assert self.connections == before + 1


def test_the_memory_bus_carries_within_its_own_instance_only() -> None:
    async def run() -> None:
        bus, other = MemoryBus(), MemoryBus()
        async with Listener(bus) as a, Listener(bus) as b, Listener(other) as c:
            await bus.publish("one")
            assert (await a.next(), await b.next()) == ("one", "one")
            assert c.heard.empty()
            assert bus.in_transaction("one") is None

    asyncio.run(run())


def test_postgres_listen_notify_reconnects_after_its_connection_is_cut(tmp_path: Path) -> None:
    database = make_database("postgresql", tmp_path)
    name = f"tatawwu-live-test-{uuid.uuid4().hex[:8]}"
    url = database.settings.database_url
    kill = text("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE application_name = :name").bindparams(name=name)

    async def cut() -> None:
        assert (await asyncio.to_thread(fetch, database.settings, kill))[0][0] == 1

    async def run() -> None:
        bus = PostgresBus(url, application_name=name, heartbeat=0.5)
        async with Listener(bus) as listener:
            await bus.publish("before")
            assert await listener.next() == "before"
            await listener.reconnected(cut)
            await bus.publish("after")
            assert await listener.next() == "after"
            assert listener.heard.empty()

    try:
        asyncio.run(run())
    finally:
        database.drop()


def redis_available() -> None:
    async def ping() -> None:
        client = aioredis.Redis.from_url(REDIS_URL, socket_connect_timeout=2)
        try:
            await client.ping()
        finally:
            await client.aclose()

    try:
        asyncio.run(ping())
    except Exception as exc:  # pragma: no cover - depends on the machine
        if IN_CI:
            pytest.fail(f"Redis at {REDIS_URL} unreachable: {exc} (CI=true: it must run)")
        pytest.skip(f"Redis at {REDIS_URL} unreachable: {exc}")


def test_redis_pub_sub_resubscribes_after_its_connection_is_cut() -> None:
    redis_available()
    name = f"tatawwu-live-test-{uuid.uuid4().hex[:8]}"
    channel = f"tatawwu:live:test:{uuid.uuid4().hex}"

    async def cut() -> None:
        client = aioredis.Redis.from_url(REDIS_URL)
        try:
            ours = [c["id"] for c in await client.client_list() if c.get("name") == name]
            assert len(ours) == 1, ours
            await client.client_kill_filter(_id=ours[0])  # ours only: the server is shared
        finally:
            await client.aclose()

    async def run() -> None:
        bus = RedisBus(REDIS_URL, channel, client_name=name, heartbeat=0.5)
        async with Listener(bus) as listener:
            await bus.publish("before")
            assert await listener.next() == "before"
            await listener.reconnected(cut)
            await bus.publish("after")
            assert await listener.next() == "after"

    asyncio.run(run())


def test_the_bus_follows_the_settings() -> None:
    sqlite = {"HUB_DATABASE_URL": "sqlite+aiosqlite:///x.sqlite3"}
    postgres = {"HUB_DATABASE_URL": "postgresql+asyncpg://u:secret@db/hub"}
    redis = {"HUB_REDIS_URL": REDIS_URL}
    cases = [
        (sqlite, "memory"), (postgres, "postgres"), ({**sqlite, **redis}, "redis"),
        ({**postgres, **redis}, "redis"), ({**postgres, "HUB_LIVE_BACKEND": "memory"}, "memory"),
        ({**postgres, **redis, "HUB_LIVE_BACKEND": "postgres"}, "postgres"),
    ]
    for env, backend in cases:
        assert backend_of(Settings.from_env(env)) == backend, env
    for env in ({**sqlite, "HUB_LIVE_BACKEND": "postgres"},
                {**postgres, "HUB_LIVE_BACKEND": "redis"}):
        with pytest.raises(ConfigurationError):
            backend_of(Settings.from_env(env))
    assert isinstance(bus_for(Settings.from_env(postgres)), PostgresBus)
    # Hubs of different databases sharing a Redis never hear each other; no password shows.
    assert channel_for("postgresql+asyncpg://u:a@db/one") == channel_for(
        "postgresql+asyncpg://u:b@db/one") != channel_for("postgresql+asyncpg://u:a@db/two")


def test_the_fanout_delivers_each_call_once_and_drops_what_a_slow_inbox_cannot_hold() -> None:
    async def run() -> None:
        fanout = Fanout(inbox_size=2)
        first, second = fanout.open(), fanout.open()
        fanout.deliver(CallEvent(1, 10).encode())
        fanout.deliver(CallEvent(1, 10).encode())  # heard twice (bus, then a catch-up)
        fanout.deliver('{"call": "1"}')  # not ours: ignored
        fanout.deliver("not json")
        assert (await anext(first), await anext(second)) == (CallEvent(1, 10),) * 2
        for call in (2, 3, 4):
            fanout.deliver(CallEvent(call, 10).encode())
        assert [(await anext(first)).call for _ in range(2)] == [3, 4]  # 2 was dropped
        second.close()
        assert fanout.inboxes == {first}

    asyncio.run(run())


def test_reconnection_delays_double_up_to_a_ceiling_with_jitter() -> None:
    backoff = Backoff(first=0.1, most=1.0)
    delays = [backoff.delay() for _ in range(6)]
    assert 0.08 <= delays[0] <= 0.12 and all(d <= 1.2 for d in delays)
    assert delays[4] >= 0.8  # at the ceiling
    backoff.reset()
    assert backoff.delay() <= 0.12


class SilentConnection:
    """A listening connection whose server went away without a word: it never reports its
    termination, and its heartbeat query times out (the first one), or answers."""

    def __init__(self, answers: bool) -> None:
        self.answers = answers
        self.terminated = False

    def add_termination_listener(self, _callback: object) -> None:
        pass

    async def add_listener(self, _channel: str, _callback: object) -> None:
        pass

    async def fetchval(self, _query: str, **_options: object) -> int:
        if not self.answers:
            raise TimeoutError("no answer")
        return 1

    def terminate(self) -> None:
        self.terminated = True


def test_a_silently_dropped_postgres_connection_is_found_by_the_heartbeat() -> None:
    async def run() -> None:
        bus = PostgresBus("postgresql+asyncpg://u@127.0.0.1/none", heartbeat=0.05)
        made = [SilentConnection(answers=False), SilentConnection(answers=True)]
        queue = list(made)

        async def connect() -> SilentConnection:
            return queue.pop(0)

        bus._connect = connect  # type: ignore[method-assign]
        async with Listener(bus) as listener:  # the first connection is made
            listener.connected.clear()
            if listener.connections < 2:
                await asyncio.wait_for(listener.connected.wait(), 3)  # and the second
            assert listener.connections == 2
        assert made[0].terminated  # the dead one was let go

    asyncio.run(run())

