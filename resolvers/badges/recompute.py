"""Recompute a tenant's badge awards: make them what its rules say now.

After a rule change (a threshold raised or lowered, a rule added or removed, a category or
period changed) and, for period rules, from time to time: every volunteer with verified
hours or a live award in the tenant is evaluated (resolvers/badges/rules.py), in chunks;
rules met without a live award are awarded, live awards whose rule is no longer met (or no
longer exists) are revoked, through the same writes as a review (resolvers/badges/awards.py:
credentials, notifications, audit events).

`plan` only reads: the dry run is its list. `apply` writes exactly a plan's changes, in the
caller's transaction; `recompute` plans and applies in one transaction, so what it changes
is what a dry run just before it listed (unless hours were verified in between).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from sqlalchemy import select, union
from sqlalchemy.ext.asyncio import AsyncSession

from hub.access import Principal, PrincipalKind
from hub.audit import AuditLog
from hub.db import models as m
from hub.db.models.enums import HoursStatus
from hub.db.types import utcnow
from resolvers.badges.awards import Award, TenantRules, award, live_awards, revoke, tenant_rules
from resolvers.badges.rules import Met, badges_met
from resolvers.core.writes import Tx

CHUNK = 500  # volunteers evaluated per statement
SYSTEM = Principal(PrincipalKind.ANONYMOUS, subject="system:badges")  # the hub's own writes


class Progress(Protocol):
    """Told how much work there is, then how much more was done."""

    def total(self, count: int) -> None: ...

    def advance(self, count: int) -> None: ...


@dataclass(frozen=True, slots=True)
class Change:
    """One award a recompute adds (`added`) or removes, with its hours: counted now for an
    addition, recorded when it was awarded for a removal."""

    volunteer_id: int
    badge_code: str
    added: bool
    hours: float
    award_id: int | None = None  # a removal's award


@dataclass(slots=True)
class Plan:
    """What a recompute of one tenant changes."""

    tenant: TenantRules | None  # None: the tenant has no badge rules (all awards go)
    tenant_id: int
    volunteers: int = 0  # evaluated
    changes: list[Change] = field(default_factory=list)

    @property
    def added(self) -> list[Change]:
        return [c for c in self.changes if c.added]

    @property
    def removed(self) -> list[Change]:
        return [c for c in self.changes if not c.added]

    def by_volunteer(self) -> dict[int, list[Change]]:
        grouped: dict[int, list[Change]] = {}
        for change in self.changes:
            grouped.setdefault(change.volunteer_id, []).append(change)
        return grouped


async def volunteers_to_evaluate(session: AsyncSession, tenant_id: int) -> list[int]:
    """Everyone a recompute of the tenant may change: with verified hours or a live award."""
    e, ba = m.HoursEntry, m.BadgeAward
    ids = union(
        select(e.volunteer_id).where(e.tenant_id == tenant_id, e.verified.is_(True),
                                     e.status == HoursStatus.APPROVED.value),
        select(ba.volunteer_id).where(ba.tenant_id == tenant_id, ba.revoked_at.is_(None)),
    ).subquery()
    rows = (await session.execute(select(ids.c[0]).order_by(ids.c[0]))).all()
    return [int(v) for (v,) in rows]


async def plan(session: AsyncSession, tenant_id: int, *, rules: TenantRules | None = None,
               progress: Progress | None = None) -> Plan:
    """The changes a recompute of `tenant_id` makes now (reads only): with the rules its
    row holds, or `rules` (a tenant file's, not synced yet: a dry run after a change)."""
    if rules is None:
        found = await tenant_rules(session, [tenant_id])
        tenant = found[0] if found else None
    else:
        tenant = rules if rules.rules else None
    volunteers = await volunteers_to_evaluate(session, tenant_id)
    result = Plan(tenant, tenant_id, len(volunteers))
    if progress is not None:
        progress.total(len(volunteers))
    for start in range(0, len(volunteers), CHUNK):
        chunk = volunteers[start:start + CHUNK]
        met: list[Met] = []
        if tenant is not None:
            met = await badges_met(session, tenant_id=tenant_id, rules=tenant.rules,
                                   today=tenant.today, volunteer_ids=chunk)
        live = {(a.volunteer_id, a.badge_code): a
                for a in await live_awards(session, tenant_id, chunk)}
        now_met = {(x.volunteer_id, x.badge_code): x for x in met}
        for key in sorted(now_met.keys() | live.keys()):
            if key in now_met and key not in live:
                result.changes.append(Change(key[0], key[1], True, now_met[key].hours))
            elif key in live and key not in now_met:
                result.changes.append(Change(key[0], key[1], False, live[key].hours,
                                             live[key].id))
        if progress is not None:
            progress.advance(len(chunk))
    return result


async def apply(tx: Tx, planned: Plan, *, delivered_at: datetime | None = None,
                progress: Progress | None = None) -> tuple[list[Award], list[Award]]:
    """Write a plan's changes in `tx`: the awards made live and those revoked."""
    tenant = planned.tenant or TenantRules(planned.tenant_id, utcnow().date(), ())
    revoked: list[Award] = []
    added: list[Award] = []
    removals = [Award(c.award_id, c.volunteer_id, c.badge_code, c.hours)
                for c in planned.removed if c.award_id is not None]
    additions = [Met(c.volunteer_id, c.badge_code, c.hours) for c in planned.added]
    if progress is not None:
        progress.total(len(removals) + len(additions))
    for start in range(0, max(len(removals), len(additions)), CHUNK):
        revoked += await revoke(tx, tenant, removals[start:start + CHUNK])
        added += await award(tx, tenant, additions[start:start + CHUNK],
                             delivered_at=delivered_at)
        if progress is not None:
            progress.advance(len(removals[start:start + CHUNK])
                             + len(additions[start:start + CHUNK]))
    return added, revoked


@asynccontextmanager
async def hub_write(session: AsyncSession, request_id: str, *, audit: bool = True
                    ) -> AsyncIterator[Tx]:
    """A write the hub makes on its own account (the CLI, the demo seeder) in the caller's
    transaction, on the database owner's connection: what `perform` does around a
    command's `apply` (the steps queued with `before_commit`, then the audit events, which
    name the `system:badges` subject; none for the demo's seeding, `audit=False`), without a
    request. The caller commits."""
    log = AuditLog(SYSTEM, request_id)
    tx = Tx(session, log)
    yield tx
    await session.flush()
    for step in tx._steps:  # as `perform` runs them (resolvers/core/writes.py)
        await step(session)
    if audit:
        await log.flush(session)


async def recompute(session: AsyncSession, tenant_id: int, *, dry_run: bool,
                    request_id: str, rules: TenantRules | None = None,
                    delivered_at: datetime | None = None, audit: bool = True,
                    evaluating: Progress | None = None,
                    writing: Progress | None = None) -> Plan:
    """Plan the tenant's recompute and, unless `dry_run`, apply it in the caller's
    transaction (which the caller commits, or rolls back)."""
    planned = await plan(session, tenant_id, rules=rules, progress=evaluating)
    if not dry_run and planned.changes:
        async with hub_write(session, request_id, audit=audit) as tx:
            await apply(tx, planned, delivered_at=delivered_at, progress=writing)
    return planned


def summary(planned: Plan, names: dict[int, str], *, dry_run: bool) -> list[str]:
    """Lines for people: per volunteer, the badges added (+) and removed (-)."""
    would = "would add" if dry_run else "added"
    would_not = "would remove" if dry_run else "removed"
    lines = [f"{len(planned.added)} {would}, {len(planned.removed)} {would_not} "
             f"({planned.volunteers} volunteers evaluated)"]
    for volunteer_id, changes in sorted(planned.by_volunteer().items()):
        label = names.get(volunteer_id, "")
        parts = [f"{'+' if c.added else '-'}{c.badge_code} ({c.hours:g} h)" for c in changes]
        lines.append(f"  volunteer {volunteer_id}{' ' + label if label else ''}: "
                     + ", ".join(parts))
    return lines


async def display_names(session: AsyncSession, volunteer_ids: Sequence[int]) -> dict[int, str]:
    """First name and initial (the only name others see) of these volunteers."""
    v = m.Volunteer
    found: dict[int, str] = {}
    ids = sorted(set(volunteer_ids))
    for start in range(0, len(ids), CHUNK):
        rows = (await session.execute(select(v.id, v.first_name, v.last_name).where(
            v.id.in_(ids[start:start + CHUNK])))).all()
        for volunteer_id, first, last in rows:
            found[int(volunteer_id)] = f"{first} {last[:1]}." if last else str(first)
    return found
