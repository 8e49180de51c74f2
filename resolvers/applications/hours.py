"""Hours: a volunteer logs the hours served on an accepted (or completed) application;
admins and coordinators of the tenant verify them, one entry or many at once.

Only APPROVED entries count (`verified`); `Volunteer.verified_hours` is their sum, written
by the verifying transaction itself: recomputed from the entries (never added to, so it
cannot drift) after the volunteers' rows are locked, so two reviews of one volunteer's
entries at the same time both count. An approved entry may be rejected later (a
correction): the total goes down in the same way.

A day has 24 hours: the volunteer's entries of one day (pending or approved, on every
application) add up to at most 24; the check runs after the volunteer's row is locked, so
two entries logged at once cannot both slip under it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import Numeric, cast, func, insert, select, update

from hub.access import PrincipalKind
from hub.db import models as m
from hub.db.models.enums import ApplicationStatus as S
from hub.db.models.enums import HoursStatus as H
from hub.db.types import utcnow
from hub.errors import BadUserInput, Conflict, Forbidden, NotFound
from hub.i18n import enum_label
from hub.i18n import messages as hub_msg
from hub.ids import encode_id
from resolvers.applications import messages as msg
from resolvers.applications.commands import (
    DECIDERS,
    checked_note,
    visible_application,
    volunteer_of,
)
from resolvers.applications.places import NO_SYNC
from resolvers.applications.rules import CARRIES_HOURS, HOURS_MOVES, local_day, local_today
from resolvers.badges.awards import award_after_review
from resolvers.context import RequestContext
from resolvers.core.writes import Tx, Write
from resolvers.notifications.outbox import NotificationKind
from resolvers.statistics.rollups import roll_up
from resolvers.webhooks.outbox import WebhookEvent, queue_webhooks

E, V = m.HoursEntry, m.Volunteer
MAX_HOURS = 24
MAX_ENTRIES = 100


def checked_hours(hours: float, argument: str = "input.hours") -> float:
    if not hours > 0:
        raise BadUserInput(msg.HOURS_NOT_POSITIVE, argument=argument)
    if hours > MAX_HOURS:
        raise BadUserInput(msg.HOURS_TOO_MANY, argument=argument, count=MAX_HOURS)
    try:
        exponent = Decimal(str(hours)).as_tuple().exponent
    except InvalidOperation:  # pragma: no cover - GraphQL floats are finite
        raise BadUserInput(msg.HOURS_DECIMALS, argument=argument) from None
    if not isinstance(exponent, int) or exponent < -2:
        raise BadUserInput(msg.HOURS_DECIMALS, argument=argument)
    return float(hours)


# --- logging -----------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Logging:
    volunteer_id: int
    application: Any
    today: date  # in the opportunity's tenant's time zone
    first_day: date | None  # the opportunity's start, in the same time zone
    note: str | None = None


@dataclass(frozen=True)
class LogHours(Write[Logging, int]):
    """The volunteer proposes `hours` served on `day`; the new entry's id (PENDING)."""

    application_id: int
    day: date
    hours: float
    note: str | None = None

    async def allow(self, ctx: RequestContext) -> Logging:
        volunteer_id = volunteer_of(ctx)
        row = await visible_application(ctx, self.application_id)
        if row.volunteer_id != volunteer_id:
            raise Forbidden(msg.OWN_APPLICATION_ONLY)
        if S(row.status) not in CARRIES_HOURS:
            raise Conflict(msg.HOURS_NOT_ACCEPTED)
        time_zone = ctx.tenants.by_id[row.tenant_id].time_zone
        opportunity = await ctx.loaders.opportunity_by_id.load(row.opportunity_id)
        starts_at = opportunity.starts_at if opportunity is not None else None
        return Logging(volunteer_id, row, local_today(time_zone),
                       local_day(starts_at, time_zone) if starts_at else None)

    def validate(self, target: Logging) -> Logging:
        checked_hours(self.hours)
        if self.day > target.today:
            raise BadUserInput(msg.HOURS_IN_FUTURE, argument="input.date")
        if target.first_day is not None and self.day < target.first_day:
            raise BadUserInput(msg.HOURS_BEFORE_START, argument="input.date")
        return Logging(target.volunteer_id, target.application, target.today,
                       target.first_day, checked_note(self.note))

    async def apply(self, tx: Tx, target: Logging) -> int:
        session, vid, app = tx.session, target.volunteer_id, target.application
        # One day's hours of one volunteer are checked one transaction at a time.
        await session.execute(select(V.id).where(V.id == vid).with_for_update())
        entry = E(tenant_id=app.tenant_id, application_id=app.id, volunteer_id=vid,
                  date=self.day, hours=checked_hours(self.hours), note=target.note,
                  status=H.PENDING.value, verified=False, created_at=utcnow())
        session.add(entry)
        await session.flush()
        logged = float(await session.scalar(select(func.coalesce(func.sum(E.hours), 0)).where(
            E.volunteer_id == vid, E.date == self.day, E.status != H.REJECTED.value)) or 0)
        if logged > MAX_HOURS + 1e-9:
            raise BadUserInput(msg.DAY_FULL, argument="input.hours",
                               logged=round(logged - entry.hours, 2))
        tx.audit("log_hours", "HoursEntry", encode_id("HoursEntry", entry.id),
                 tenant_id=app.tenant_id, application=encode_id("Application", app.id),
                 hours=entry.hours, date=self.day.isoformat())
        tx.changed(lambda loaders: loaders.hours_by_application, app.id)
        return int(entry.id)


# --- verifying ---------------------------------------------------------------------------

@dataclass(frozen=True)
class VerifyHours(Write[list[Any], list[int]]):
    """Staff approve or reject entries of their tenant, each with the same note; the
    entries' ids. All of them move, or none (a CONFLICT names what was in the way)."""

    entry_ids: tuple[int, ...]
    approve: bool
    note: str | None = None

    async def allow(self, ctx: RequestContext) -> list[Any]:
        principal = ctx.scope.principal
        if principal.kind != PrincipalKind.STAFF:
            raise Forbidden(msg.STAFF_VERIFY_ONLY)
        if not self.entry_ids:
            raise BadUserInput(msg.NO_ENTRIES, argument="input.entryIds")
        if len(self.entry_ids) > MAX_ENTRIES:
            raise BadUserInput(msg.TOO_MANY_ENTRIES, argument="input.entryIds",
                               count=MAX_ENTRIES)
        rows = await ctx.loaders.hours_entry_by_id.load_many(list(self.entry_ids))
        if any(row is None for row in rows):
            raise NotFound(hub_msg.NOT_FOUND, argument="input.entryIds", type="HoursEntry")
        if not all(ctx.scope.is_owner_staff(row.tenant_id, DECIDERS) for row in rows):
            raise Forbidden(msg.STAFF_VERIFY_ONLY)
        to = self.target
        locale = ctx.locales.preferred or "en"
        for row in rows:
            if to not in HOURS_MOVES[H(row.status)]:
                raise Conflict(msg.ILLEGAL_HOURS_MOVE,
                               status=enum_label(locale, "HoursStatus", row.status),
                               to=enum_label(locale, "HoursStatus", to.value))
        return list(rows)

    @property
    def target(self) -> H:
        return H.APPROVED if self.approve else H.REJECTED

    def validate(self, rows: list[Any]) -> list[Any]:
        checked_note(self.note)
        return rows

    def remember(self, result: list[int]) -> Any:
        return list(result)

    def recall(self, stored: Any) -> list[int]:
        return [int(i) for i in stored]

    async def apply(self, tx: Tx, rows: list[Any]) -> list[int]:
        session, to, now = tx.session, self.target, utcnow()
        note = checked_note(self.note)
        reviewer = tx.subject
        by_status: dict[str, list[int]] = defaultdict(list)
        for row in rows:
            by_status[row.status].append(row.id)
        for status, ids in sorted(by_status.items()):
            result: Any = await session.execute(
                update(E).where(E.id.in_(ids), E.status == status)
                .values(status=to.value, verified=self.approve,
                        verified_at=now if self.approve else None, review_note=note,
                        reviewed_by=reviewer).execution_options(**NO_SYNC))
            if result.rowcount != len(ids):
                raise Conflict(msg.HOURS_CHANGED)
        volunteers = sorted({row.volunteer_id for row in rows})
        async with tx.as_system() as system:
            # Locked first: the sum below then sees every review committed before it.
            await system.execute(select(V.id).where(V.id.in_(volunteers))
                                 .order_by(V.id).with_for_update())
            await system.execute(update(V).where(V.id.in_(volunteers)).values(
                verified_hours=verified_total()).execution_options(**NO_SYNC))
        # One notification per entry, in one multi-row INSERT (not one statement each).
        await session.execute(insert(m.Notification).values([notification(
            row.volunteer_id, row.tenant_id, NotificationKind.HOURS_VERIFIED, now,
            entry=encode_id("HoursEntry", row.id),
            application=encode_id("Application", row.application_id), hours=row.hours,
            date=row.date.isoformat(), approved=self.approve, note=note) for row in rows]))
        entry_ids = [row.id for row in rows]
        tenants = sorted({row.tenant_id for row in rows})
        tx.audit("verify_hours", "HoursEntry", encode_id("HoursEntry", entry_ids[0]),
                 tenant_id=tenants[0], entries=[encode_id("HoursEntry", i) for i in entry_ids],
                 approved=self.approve)
        # What the review sets going (badges, statistics, webhooks), on the hub's account in
        # one switch of role.
        async with tx.as_system():
            await award_after_review(tx, tenant_ids=tenants, volunteer_ids=volunteers)
            await roll_up(tx, hours_entry_ids=entry_ids)
            if self.approve:
                for tenant_id in tenants:
                    await queue_webhooks(
                        tx, tenant_id=tenant_id, event=WebhookEvent.HOURS_VERIFIED,
                        payload={"entries": [encode_id("HoursEntry", r.id) for r in rows
                                             if r.tenant_id == tenant_id]})
        for row in rows:
            tx.changed(lambda loaders: loaders.hours_by_application, row.application_id)
            tx.changed(lambda loaders: loaders.hours_entry_by_id, row.id)
            tx.changed(lambda loaders: loaders.volunteer_by_id, row.volunteer_id)
        return entry_ids


def notification(volunteer_id: int, tenant_id: int, kind: NotificationKind, at: datetime,
                 **params: Any) -> dict[str, Any]:
    """An outbox row as `resolvers.notifications.outbox.notify` writes it, for a multi-row
    INSERT."""
    return {"volunteer_id": volunteer_id, "tenant_id": tenant_id, "kind": kind.value,
            "params": params, "attempts": 0, "created_at": at}


def verified_total() -> Any:
    """A volunteer's verified hours, summed from their approved entries (2 decimals)."""
    total = select(func.coalesce(func.sum(E.hours), 0)).where(
        E.volunteer_id == V.id, E.verified.is_(True)).scalar_subquery()
    return cast(func.round(cast(total, Numeric), 2), m.Volunteer.verified_hours.type)
