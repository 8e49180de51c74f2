"""The places of an opportunity (`filled_spots`, at most `capacity`) and its waiting list.

Every change of places holds the opportunity's row until its transaction ends (PostgreSQL:
the UPDATE's row lock, or SELECT ... FOR UPDATE when it is full; SQLite: the one writer), so
that "is a place left?" and "who waits?" are answered by one transaction at a time:

- taking a place is a conditional UPDATE (`filled_spots < capacity`) judged by its row
  count: of two volunteers racing for the last place exactly one gets it;
- when it is full, the row is locked before the applicant is put on the waiting list, so a
  place freed meanwhile is seen (and taken) rather than missed;
- freeing a place locks the row first, then moves the first WAITLISTED application (by
  applied_at, id) up to ACCEPTED, handing it the place.

SQLite, decided: no BEGIN IMMEDIATE and no retry. Its driver (pysqlite) opens the write
transaction at the first INSERT/UPDATE, which waits for the one write lock (busy timeout
30 s); the reads before it are outside any transaction, so there is no stale read snapshot
to upgrade (the SQLITE_BUSY "database is locked" of deferred transactions). Every decision
that depends on other writers is taken from a write statement (the conditional UPDATE's row
count, a compare-and-set on the application's status) or from reads after the first write,
under the lock: the race test runs on SQLite too.

A volunteer's role may not UPDATE an opportunity row under row security, and the promoted
volunteer is another person: these statements run in `tx.as_system()`, after the command
has decided the caller may cause them.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import case, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from hub.db import models as m
from hub.db.models.enums import ApplicationStatus as S
from hub.db.types import utcnow
from hub.ids import encode_id
from resolvers.applications.rules import has_ended
from resolvers.core.writes import Tx
from resolvers.notifications.outbox import NotificationKind, notify

Opp, A = m.Opportunity, m.Application
NO_SYNC: dict[str, Any] = {"synchronize_session": False}
PROMOTION_TRIES = 5


async def _increment(session: AsyncSession, opportunity_id: int, *, if_free: bool) -> bool:
    stmt = update(Opp).where(Opp.id == opportunity_id)
    if if_free:
        stmt = stmt.where(or_(Opp.capacity.is_(None), Opp.filled_spots < Opp.capacity))
    result: Any = await session.execute(stmt.values(filled_spots=Opp.filled_spots + 1)
                                        .execution_options(**NO_SYNC))
    return bool(result.rowcount == 1)


async def _full_and_locked(session: AsyncSession, opportunity_id: int) -> bool:
    """Locks the row; whether it is still full once locked."""
    row = (await session.execute(select(Opp.capacity, Opp.filled_spots).where(
        Opp.id == opportunity_id).with_for_update())).one()
    return row.capacity is not None and row.filled_spots >= row.capacity


async def take_place(tx: Tx, opportunity_id: int) -> bool:
    """A place for the caller's application, if one is left."""
    async with tx.as_system() as session:
        if await _increment(session, opportunity_id, if_free=True):
            return True
        if await _full_and_locked(session, opportunity_id):
            return False
        return await _increment(session, opportunity_id, if_free=True)


async def place_left(tx: Tx, opportunity_id: int, capacity: int | None, filled: int) -> bool:
    """Whether a place is left, without taking it (an application waiting for review); a
    full opportunity's row is locked first, so the answer holds until the commit."""
    if capacity is None or filled < capacity:
        return True
    async with tx.as_system() as session:
        return not await _full_and_locked(session, opportunity_id)


async def free_place(tx: Tx, opportunity_id: int) -> int | None:
    """Gives the place of an application that leaves ACCEPTED to the first one waiting (the
    application moved up; its volunteer is notified), else frees it. Nobody moves up once
    the opportunity has ended or is no longer published. Returns the moved application."""
    async with tx.as_system() as session:
        row = (await session.execute(
            update(Opp).where(Opp.id == opportunity_id)
            .values(filled_spots=case((Opp.filled_spots > 0, Opp.filled_spots - 1), else_=0))
            .returning(Opp.ends_at, Opp.status, Opp.tenant_id).execution_options(**NO_SYNC))).one()
        if has_ended(row.ends_at) or row.status != "PUBLISHED":
            return None
        for _ in range(PROMOTION_TRIES):
            first = (await session.execute(
                select(A.id, A.volunteer_id).where(
                    A.opportunity_id == opportunity_id, A.status == S.WAITLISTED.value)
                .order_by(A.applied_at, A.id).limit(1))).first()
            if first is None:
                return None
            if await _promote(session, first.id, utcnow()):
                await _increment(session, opportunity_id, if_free=False)
                notify(session, volunteer_id=first.volunteer_id, tenant_id=row.tenant_id,
                       kind=NotificationKind.WAITLIST_PROMOTED,
                       application=encode_id("Application", first.id),
                       opportunity=encode_id("Opportunity", opportunity_id))
                await session.flush()  # another person's row: inside the system block
                return int(first.id)
            # That one withdrew meanwhile: the next in line.
    return None


async def _promote(session: AsyncSession, application_id: int, now: datetime) -> bool:
    result: Any = await session.execute(
        update(A).where(A.id == application_id, A.status == S.WAITLISTED.value)
        .values(status=S.ACCEPTED.value, decided_at=now, updated_at=now)
        .execution_options(**NO_SYNC))
    return bool(result.rowcount == 1)
