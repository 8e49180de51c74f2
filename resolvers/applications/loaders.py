"""The applications domain's loaders (one request's, scoped by the caller's read scope)."""

from __future__ import annotations

from typing import Any

from aiodataloader import DataLoader
from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import aliased

from hub.db import models as m
from hub.db.models.enums import ApplicationStatus
from resolvers.core.database import RequestDatabase
from resolvers.core.loaders import RowByKeyLoader


class WaitlistPositionLoader(DataLoader[Any, Any]):
    """Place on its opportunity's waiting list (1 = next to move up) of each WAITLISTED
    application, by application id: one statement for any number. The applications ahead
    are other volunteers' rows, which the caller may not read: only their count is
    answered, past row security (`rows_as_system`)."""

    def __init__(self, db: RequestDatabase) -> None:
        super().__init__()
        self.db = db

    async def batch_load_fn(self, keys: list[int]) -> list[int | None]:
        a, b = m.Application, aliased(m.Application)
        waiting = ApplicationStatus.WAITLISTED.value
        ahead = and_(b.opportunity_id == a.opportunity_id, b.status == waiting,
                     or_(b.applied_at < a.applied_at,
                         and_(b.applied_at == a.applied_at, b.id <= a.id)))
        stmt = (select(a.id, func.count(b.id)).join(b, ahead)
                .where(a.id.in_(keys), a.status == waiting).group_by(a.id))
        found = {key: int(n) for key, n in await self.db.rows_as_system(stmt)}
        return [found.get(key) for key in keys]


class VerifiedHoursByVolunteerLoader(DataLoader[Any, Any]):
    """A volunteer's verified hours per tenant ({tenant id: hours}), by volunteer id, from
    the approved entries the caller may read (the volunteer: all theirs; staff: their own
    tenant's), in one grouped statement for any number of volunteers."""

    def __init__(self, db: RequestDatabase, scope: Any) -> None:
        super().__init__()
        self.db, self.scope = db, scope

    async def batch_load_fn(self, keys: list[int]) -> list[dict[int, float]]:
        e = m.HoursEntry
        stmt = (select(e.volunteer_id, e.tenant_id, func.sum(e.hours))
                .where(e.volunteer_id.in_(keys), e.verified.is_(True), self.scope)
                .group_by(e.volunteer_id, e.tenant_id))
        found: dict[int, dict[int, float]] = {}
        for volunteer_id, tenant_id, hours in await self.db.rows(stmt):
            found.setdefault(volunteer_id, {})[tenant_id] = round(float(hours or 0), 2)
        return [found.get(key, {}) for key in keys]


class ApplicationLoaders:
    def __init__(self, db: RequestDatabase, scope_for: Any, volunteer_id: int | None) -> None:
        self.hours_entry_by_id = RowByKeyLoader(db, m.HoursEntry.id, scope_for(m.HoursEntry))
        self.waitlist_position_by_application = WaitlistPositionLoader(db)
        # For Volunteer.verifiedHours per tenant (schema/volunteers): {tenant id: hours}.
        self.verified_hours_by_volunteer = VerifiedHoursByVolunteerLoader(
            db, scope_for(m.HoursEntry))
