"""The applications domain's loaders (one request's, scoped by the caller's read scope)."""

from __future__ import annotations

from functools import cached_property
from typing import Any

from aiodataloader import DataLoader
from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import aliased

from hub.db import models as m
from hub.db.models.enums import ApplicationStatus
from resolvers.core.database import RequestDatabase
from resolvers.core.loaders import LoaderGroup, RowByKeyLoader, Statement, keys_in, with_keys


def _waitlist_positions() -> Statement:
    a, b = m.Application, aliased(m.Application)
    waiting = ApplicationStatus.WAITLISTED.value
    ahead = and_(b.opportunity_id == a.opportunity_id, b.status == waiting,
                 or_(b.applied_at < a.applied_at,
                     and_(b.applied_at == a.applied_at, b.id <= a.id)))
    return (select(a.id, func.count(b.id)).join(b, ahead)
            .where(keys_in(a.id), a.status == waiting).group_by(a.id))


WAITLIST_POSITIONS = _waitlist_positions()  # no scope: built once per process


class WaitlistPositionLoader(DataLoader[Any, Any]):
    """Place on its opportunity's waiting list (1 = next to move up) of each WAITLISTED
    application, by application id: one statement for any number. The applications ahead
    are other volunteers' rows, which the caller may not read: only their count is
    answered, past row security (`rows_as_system`)."""

    def __init__(self, db: RequestDatabase) -> None:
        super().__init__()
        self.db = db

    async def batch_load_fn(self, keys: list[int]) -> list[int | None]:
        stmt = with_keys(WAITLIST_POSITIONS, keys)
        found = {key: int(n) for key, n in await self.db.rows_as_system(stmt)}
        return [found.get(key) for key in keys]


class VerifiedHoursByVolunteerLoader(DataLoader[Any, Any]):
    """A volunteer's verified hours per tenant ({tenant id: hours}), by volunteer id, from
    the approved entries the caller may read (the volunteer: all theirs; staff: their own
    tenant's), in one grouped statement for any number of volunteers."""

    def __init__(self, db: RequestDatabase, scope: ColumnElement[bool]) -> None:
        super().__init__()
        self.db, self.scope = db, scope

    @cached_property
    def statement(self) -> Statement:
        e = m.HoursEntry
        return (select(e.volunteer_id, e.tenant_id, func.sum(e.hours))
                .where(keys_in(e.volunteer_id), e.verified.is_(True), self.scope)
                .group_by(e.volunteer_id, e.tenant_id))

    async def batch_load_fn(self, keys: list[int]) -> list[dict[int, float]]:
        found: dict[int, dict[int, float]] = {}
        for volunteer_id, tenant_id, hours in await self.db.rows(with_keys(self.statement, keys)):
            found.setdefault(volunteer_id, {})[tenant_id] = round(float(hours or 0), 2)
        return [found.get(key, {}) for key in keys]


class ApplicationLoaders(LoaderGroup):
    @cached_property
    def hours_entry_by_id(self) -> RowByKeyLoader:
        return RowByKeyLoader(self.db, m.HoursEntry.id, self.scope(m.HoursEntry))

    @cached_property
    def waitlist_position_by_application(self) -> WaitlistPositionLoader:
        return WaitlistPositionLoader(self.db)

    # For Volunteer.verifiedHours per tenant (schema/volunteers): {tenant id: hours}.
    @cached_property
    def verified_hours_by_volunteer(self) -> VerifiedHoursByVolunteerLoader:
        return VerifiedHoursByVolunteerLoader(self.db, self.scope(m.HoursEntry))
