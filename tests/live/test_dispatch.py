"""The dispatcher, on both databases: two processes claiming the same due calls each get
different ones and together all (exactly once); a dispatch costs the same statements
whatever the number of volunteers it notifies; on PostgreSQL, a listening connection cut
by the server is opened again, and what was broadcast meanwhile is delivered.

The calls these tests claim themselves are due in an hour (the world's own dispatcher,
which looks at the real time, leaves them alone); the tests claim them "an hour later"."""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import delete, event, insert, select, text

from hub.db import models as m
from hub.db.engine import make_engine, make_sessionmaker
from hub.ids import encode_id
from hub.live.memory import MemoryBus
from hub.live.postgres import APPLICATION_NAME
from resolvers.live.dispatch import dispatch_due
from tests.conftest import StatementCounter
from tests.dbtools import fetch
from tests.live.world import LiveWorld

QUIET = "setif-youth"  # a society without members in these tests unless they add some


def opportunity(world: LiveWorld, tenant: str = QUIET, **values: Any) -> int:
    """A published PUBLIC emergency of `tenant`, written straight to the database (no call
    is queued for it)."""
    now = datetime.now(UTC)
    columns = {"tenant_id": world.tenants[tenant], "format": "REMOTE",
               "category_code": "test-category", "is_ongoing": True, "filled_spots": 0,
               "is_emergency": True, "visibility": "PUBLIC", "status": "PUBLISHED",
               "published_at": now, "acceptance": "REVIEW", "created_at": now,
               "updated_at": now, **values}
    return int(fetch(world.database.settings, insert(m.Opportunity).values(**columns)
                     .returning(m.Opportunity.id))[0][0])


def queue(world: LiveWorld, opportunity_id: int, count: int, due: datetime) -> list[int]:
    tenant = fetch(world.database.settings, select(m.Opportunity.tenant_id).where(
        m.Opportunity.id == opportunity_id))[0][0]
    rows = fetch(world.database.settings, insert(m.EmergencyCall).values(
        [{"opportunity_id": opportunity_id, "tenant_id": tenant, "due_at": due,
          "created_at": due} for _ in range(count)]).returning(m.EmergencyCall.id))
    return [r[0] for r in rows]


def test_two_dispatchers_claim_each_call_exactly_once(world: LiveWorld) -> None:
    later = datetime.now(UTC) + timedelta(hours=1)
    target = opportunity(world)
    queued = set(queue(world, target, 24, later))

    async def claimers() -> list[set[int]]:
        engines = [make_engine(world.database.settings.database_url) for _ in range(2)]
        try:
            async def claim(engine: Any) -> set[int]:
                sessions, claimed = make_sessionmaker(engine), set()
                while True:
                    done = await dispatch_due(sessions, MemoryBus(), now=later, batch=5)
                    claimed |= {e.call for e in done.sent}
                    if not done.claimed:
                        return claimed
            return list(await asyncio.gather(*(claim(e) for e in engines)))
        finally:
            for engine in engines:
                await engine.dispose()

    first, second = asyncio.run(claimers())
    assert first | second == queued and not first & second
    assert (first and second) or world.backend == "sqlite"  # SQLite: writers take turns
    left = fetch(world.database.settings, select(m.EmergencyCall.id).where(
        m.EmergencyCall.id.in_(queued), m.EmergencyCall.broadcast_at.is_(None)))
    assert left == []
    forget(world, queued)


def forget(world: LiveWorld, calls: set[int]) -> None:
    """Delete these tests' calls, claimed an hour ahead: a reconnection's look-up of recent
    calls would find them."""
    fetch(world.database.settings, delete(m.EmergencyCall).where(m.EmergencyCall.id.in_(calls)))


def test_a_dispatch_costs_the_same_statements_whatever_the_volunteers_notified(
        world: LiveWorld) -> None:
    later = datetime.now(UTC) + timedelta(hours=2)
    tenant = "tn-crescent"
    queued: set[int] = set()

    def dispatched(members: int) -> tuple[int, int]:
        for _ in range(members):
            world.new_volunteer(tenant, country=None)
        target = opportunity(world, tenant)
        queued.update(queue(world, target, 1, later))

        async def run() -> tuple[int, int]:
            engine = make_engine(world.database.settings.database_url)
            counter = StatementCounter()
            event.listen(engine.sync_engine, "before_cursor_execute", counter)
            try:
                done = await dispatch_due(make_sessionmaker(engine), MemoryBus(), now=later)
            finally:
                await engine.dispose()
            return counter.count, done.notified

        return asyncio.run(run())

    few, notified_few = dispatched(2)
    many, notified_many = dispatched(12)
    assert notified_many == notified_few + 12 and notified_few >= 2
    assert few == many
    forget(world, queued)


@pytest.mark.postgresql_only
def test_a_listening_connection_cut_by_the_server_reconnects_and_catches_up(
        world: LiveWorld) -> None:
    runtime = world.runtime
    vid = world.new_volunteer()
    settings = world.database.settings
    database = settings.database_url.rsplit("/", 1)[1]
    kill = text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = :db AND application_name = :app AND pid <> pg_backend_pid()"
                ).bindparams(db=database, app=APPLICATION_NAME)
    with world.subscriber(vid) as ws:
        before = runtime.reconnections
        # A call broadcast while this process could not hear it: claimed (its row marked)
        # but sent on no bus, as if by a process whose NOTIFY this one missed.
        missed = opportunity(world, "dz-crescent")
        fetch(settings, kill)
        now = datetime.now(UTC)
        fetch(settings, insert(m.EmergencyCall).values(
            opportunity_id=missed, tenant_id=world.tenants["dz-crescent"], due_at=now,
            created_at=now, broadcast_at=now))
        deadline = time.monotonic() + 5
        while runtime.reconnections == before:
            assert time.monotonic() < deadline, "the listening connection did not come back"
            time.sleep(0.05)
        wanted, heard = encode_id("Opportunity", missed), []
        while wanted not in heard:  # (this module's own claims, an hour ahead, come too)
            heard.append(ws.next_call()["id"])
        assert len(heard) == len(set(heard))
        # And what is published from now on arrives as before.
        gid, heard = world.emergency(), []
        while gid not in heard:
            heard.append(ws.next_call()["id"])
