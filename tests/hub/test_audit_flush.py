"""The audit trail's flush: one INSERT per flush, built once per number of events (so it is
compiled once), whose stored events keep their values (times, JSON details, nulls)."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from sqlalchemy import event, select
from sqlalchemy.ext.asyncio import async_sessionmaker

from hub.access import Principal, PrincipalKind
from hub.audit import AuditLog, insert_of
from hub.db.engine import make_engine
from hub.db.models import AuditEvent
from tests.conftest import Database, prepare


@pytest.mark.parametrize("fresh_backend", ["sqlite", "postgresql"], indirect=True)
def test_flushed_events_keep_their_values_in_one_statement(fresh_backend: Database) -> None:
    prepare(fresh_backend, demo=False)

    async def scenario() -> tuple[list[Any], list[str]]:
        engine = make_engine(fresh_backend.settings.database_url)
        sent: list[str] = []
        event.listen(engine.sync_engine, "before_cursor_execute",
                     lambda conn, cursor, statement, *a: sent.append(statement))
        sessions = async_sessionmaker(engine)
        log = AuditLog(Principal(PrincipalKind.STAFF, "staff-1", tenant_id=None), "req-1")
        try:
            for batch in ((1, 2, 3), (4, 5, 6)):
                for i in batch:
                    log.record("read_personal_data", "Volunteer", f"V{i}", n=i,
                               note="شخصي" if i % 2 else None)
                async with sessions() as session, session.begin():
                    assert await log.flush(session) == 3
            async with engine.connect() as conn:
                rows = (await conn.execute(select(AuditEvent.__table__)
                                           .order_by(AuditEvent.object_id))).all()
        finally:
            await engine.dispose()
        return list(rows), [s for s in sent if s.lstrip().upper().startswith("INSERT")]

    rows, inserts = asyncio.run(scenario())
    assert len(inserts) == 2  # one statement per flush of 3 events
    assert [r.object_id for r in rows] == [f"V{i}" for i in range(1, 7)]
    assert [r.details for r in rows] == [{"n": i, "note": "شخصي" if i % 2 else None}
                                         for i in range(1, 7)]
    assert all(r.at.tzinfo is not None and r.subject == "staff-1" and r.tenant_id is None
               and r.request_id == "req-1" for r in rows)
    assert insert_of(3) is insert_of(3)  # built once per number of events
    # ... and cacheable, so compiled once (a multi-row `insert().values()` has no key)
    assert insert_of(3)._generate_cache_key() is not None
