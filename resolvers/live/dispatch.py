"""Sending emergency calls: each hub process runs a `Dispatcher` that claims due calls,
exactly one process per call, and sends them.

One transaction per batch, as the database owner (the hub acts for no caller):

1. claim: `UPDATE emergency_call SET broadcast_at = now WHERE broadcast_at IS NULL AND
   due_at <= now` (on PostgreSQL the rows are picked `FOR UPDATE SKIP LOCKED`: a second
   process takes other rows or none, never the same);
2. a call whose opportunity is no longer a live emergency (closed, archived, back to
   draft, rescheduled later, its tenant deactivated) is dropped: its row is deleted;
3. for each live call, a notification row (EMERGENCY_CALL) for every member of the
   opportunity's society who matches it (resolvers/live/matching.py) and who may read it
   (the read scope of a volunteer: only what any volunteer may read is ever announced to
   volunteers); members of other societies get the call live only, never a row under a
   society they do not belong to;
4. the call's ids on the bus: on PostgreSQL a NOTIFY inside this transaction (it leaves
   when the claim commits), otherwise published right after the commit.

A look for due calls is one indexed query; the dispatcher looks again after `poll`
seconds, at the next due call if sooner, or at once when woken (hub/live/wake.py).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from hub.access import Principal, PrincipalKind, read_scope
from hub.db import models as m
from hub.db.models import RecordStatus
from hub.db.types import utcnow
from hub.ids import encode_id
from hub.live.bus import Backoff, Bus
from hub.live.events import CallEvent
from hub.live.wake import register, unregister
from resolvers.live.matching import Call, matching
from resolvers.notifications.outbox import NotificationKind

log = logging.getLogger("tatawwu.live")

POLL_SECONDS = 0.5
BATCH = 50
# After a reconnection, calls broadcast at most this long ago are looked up again.
CATCH_UP = timedelta(minutes=10)


@dataclass
class Dispatched:
    """What one pass did."""

    claimed: int = 0
    sent: list[CallEvent] = field(default_factory=list)
    dropped: int = 0
    notified: int = 0
    next_due: datetime | None = None


async def dispatch_due(sessions: async_sessionmaker[AsyncSession], bus: Bus,
                       inactive_tenants: frozenset[int] = frozenset(), *,
                       now: datetime | None = None, batch: int = BATCH) -> Dispatched:
    """One pass: claim the calls due (at most `batch`), notify, send. See the docstring."""
    now = now or utcnow()
    done = Dispatched()
    call = m.EmergencyCall
    published = False  # sent in the transaction (NOTIFY), not after it
    async with sessions() as session, session.begin():
        done.next_due = await session.scalar(
            select(func.min(call.due_at)).where(call.broadcast_at.is_(None)))
        if done.next_due is None or done.next_due > now:
            return done
        claimed = await _claim(session, now, batch)
        done.claimed = len(claimed)
        live = await _live_opportunities(session, {c.opportunity_id for c in claimed}, now,
                                         inactive_tenants)
        dropped = [c.id for c in claimed if c.opportunity_id not in live]
        if dropped:
            await session.execute(delete(call).where(call.id.in_(dropped)))
            done.dropped = len(dropped)
        readable = await _readable_by_volunteers(session, set(live), inactive_tenants)
        for claim in claimed:
            if claim.opportunity_id not in live:
                continue
            row, skills = live[claim.opportunity_id]
            if row.id in readable:
                done.notified += await _notify_members(session, row, skills, now)
            event = CallEvent(claim.id, row.id)
            statement = bus.in_transaction(event.encode())
            if statement is not None:
                await session.execute(statement)
                published = True
            done.sent.append(event)
    if not published:
        for event in done.sent:
            await bus.publish(event.encode())
    return done


async def _claim(session: AsyncSession, now: datetime, batch: int) -> list[Any]:
    call = m.EmergencyCall
    due = (select(call.id).where(call.broadcast_at.is_(None), call.due_at <= now)
           .order_by(call.due_at, call.id).limit(batch))
    if session.get_bind().dialect.name == "postgresql":
        due = due.with_for_update(skip_locked=True)
    result = await session.execute(
        update(call).where(call.id.in_(due), call.broadcast_at.is_(None))
        .values(broadcast_at=now).returning(call.id, call.opportunity_id)
        .execution_options(synchronize_session=False))
    return sorted(result.all(), key=lambda r: r.id)


async def _live_opportunities(session: AsyncSession, ids: set[int], now: datetime,
                              inactive_tenants: frozenset[int]
                              ) -> dict[int, tuple[Any, tuple[str, ...]]]:
    """The opportunities among `ids` that are live emergencies now, with their skills."""
    if not ids:
        return {}
    o = m.Opportunity
    rows = (await session.execute(select(o.__table__).where(
        o.id.in_(sorted(ids)), o.is_emergency.is_(True),
        o.status == RecordStatus.PUBLISHED.value,
        (o.published_at.is_(None)) | (o.published_at <= now)))).all()
    rows = [r for r in rows if r.tenant_id not in inactive_tenants]
    skills: dict[int, list[str]] = {r.id: [] for r in rows}
    if rows:
        s = m.OpportunitySkill
        for opportunity_id, code in (await session.execute(select(
                s.opportunity_id, s.skill_code).where(s.opportunity_id.in_(sorted(skills))))):
            skills[opportunity_id].append(code)
    return {r.id: (r, tuple(sorted(skills[r.id]))) for r in rows}


def volunteer_scope(inactive_tenants: frozenset[int]) -> Any:
    """What any volunteer may read of opportunities (the one scope function, for a
    volunteer: it does not depend on which volunteer)."""
    return read_scope(Principal(kind=PrincipalKind.VOLUNTEER), inactive_tenants).rows(
        m.Opportunity)


async def _readable_by_volunteers(session: AsyncSession, ids: set[int],
                                  inactive_tenants: frozenset[int]) -> set[int]:
    if not ids:
        return set()
    o = m.Opportunity
    found = await session.scalars(select(o.id).where(
        o.id.in_(sorted(ids)), volunteer_scope(inactive_tenants)))
    return set(found.all())


async def _notify_members(session: AsyncSession, row: Any, skills: tuple[str, ...],
                          now: datetime) -> int:
    """An EMERGENCY_CALL notification for each active member of the opportunity's society
    who matches it: one query for who, one insert for all."""
    v, mb = m.Volunteer, m.Membership
    members = (await session.scalars(select(v.id).join(mb, mb.volunteer_id == v.id).where(
        mb.tenant_id == row.tenant_id, mb.status == "ACTIVE",
        *matching(Call.of(row, skills))).order_by(v.id))).all()
    if members:
        params = {"opportunity": encode_id("Opportunity", row.id)}
        await session.execute(insert(m.Notification), [
            {"volunteer_id": vid, "tenant_id": row.tenant_id,
             "kind": NotificationKind.EMERGENCY_CALL.value, "params": params,
             "attempts": 0, "created_at": now} for vid in members])
    return len(members)


async def broadcast_since(sessions: async_sessionmaker[AsyncSession], since: datetime,
                          limit: int = 200) -> list[CallEvent]:
    """The calls broadcast since `since` (at most CATCH_UP ago), oldest first: what a
    process whose bus was disconnected may have missed."""
    call = m.EmergencyCall
    since = max(since, utcnow() - CATCH_UP)
    async with sessions() as session:
        rows = (await session.execute(select(call.id, call.opportunity_id).where(
            call.broadcast_at >= since).order_by(call.broadcast_at, call.id)
            .limit(limit))).all()
    return [CallEvent(r.id, r.opportunity_id) for r in rows]


class Dispatcher:
    """The loop of one hub process: `run()` until `stop()` (between two passes, so that a
    pass's transaction is never cut in the middle) or until cancelled."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession], bus: Bus,
                 inactive_tenants: Callable[[], frozenset[int]], *,
                 poll: float = POLL_SECONDS, batch: int = BATCH) -> None:
        self.sessions, self.bus = sessions, bus
        self.inactive_tenants = inactive_tenants
        self.poll, self.batch = poll, batch
        self.passes = 0
        self.stopping = False
        self._woken: asyncio.Event | None = None

    def stop(self) -> None:
        """End `run()` after the pass under way, if any."""
        self.stopping = True
        if self._woken is not None:
            self._woken.set()

    async def run(self) -> None:
        woken = self._woken = register()
        backoff = Backoff(first=self.poll, most=10.0)
        try:
            while not self.stopping:
                woken.clear()  # a wake-up during the pass keeps it set: the next wait is short
                try:
                    done = await dispatch_due(self.sessions, self.bus, self.inactive_tenants(),
                                              batch=self.batch)
                    backoff.reset()
                    for event in done.sent:
                        log.info("live: emergency call %s sent (opportunity %s)", event.call,
                                 event.opportunity)
                    wait = self._wait(done)
                except Exception as exc:  # the database away: try again later
                    log.warning("live: dispatching emergency calls failed (%s: %s)",
                                type(exc).__name__, exc)
                    wait = backoff.delay()
                self.passes += 1
                if self.stopping:
                    break
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(woken.wait(), wait)
        finally:
            unregister(woken)
            self._woken = None

    def _wait(self, done: Dispatched) -> float:
        if done.claimed >= self.batch:
            return 0.0
        if done.next_due is None or done.claimed:
            return self.poll
        return max(0.0, min(self.poll, (done.next_due - utcnow()).total_seconds()))
