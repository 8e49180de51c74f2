"""Applications to opportunities and the hours logged on them: personal records, read by
the volunteer and by staff of the opportunity's tenant (hub/access.py scopes the rows)."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from hub.db import models as m
from hub.i18n import enum_label
from hub.ids import encode_id
from schema.core.common import Node
from schema.core.connections import Connection
from schema.core.enums import ApplicationStatus
from schema.core.info import Info
from schema.core.localize import display_locale
from schema.core.node import by_loader, register
from schema.core.policy import INHERITED, PERSONAL_RECORD_REACH, policy

if TYPE_CHECKING:
    from schema.opportunities.types import Opportunity
    from schema.volunteers.types import Volunteer

Lazy = strawberry.lazy


@policy(reach=INHERITED, open=("id", "date", "hours", "verified", "verifiedAt"),
        note="listed only through Application.hours")
@strawberry.type
class HoursEntry:
    id: strawberry.ID
    date: date
    hours: float
    verified: bool
    verified_at: datetime | None

    @classmethod
    def of(cls, row: m.HoursEntry) -> HoursEntry:
        return cls(id=strawberry.ID(encode_id("HoursEntry", row.id)), date=row.date,
                   hours=row.hours, verified=row.verified, verified_at=row.verified_at)


@policy(reach=PERSONAL_RECORD_REACH,
        open=("id", "opportunity", "volunteer", "status", "statusLabel", "appliedAt", "hours",
              "verifiedHours"),
        note="the volunteer's own applications; staff: applications to their tenant")
@strawberry.type
class Application(Node):
    row: strawberry.Private[m.Application]
    status: ApplicationStatus
    applied_at: datetime

    @classmethod
    def of(cls, row: m.Application) -> Application:
        return cls(
            id=strawberry.ID(encode_id("Application", row.id)), row=row,
            status=ApplicationStatus(row.status), applied_at=row.applied_at,
        )

    @strawberry.field
    def status_label(self, info: Info) -> str:
        tenant = info.context.tenants.by_id.get(self.row.tenant_id)
        locale, _ = display_locale(info.context, tenant)
        return enum_label(locale, "ApplicationStatus", self.row.status)

    @strawberry.field(description="Null when the opportunity is no longer visible to you.")
    async def opportunity(
        self, info: Info
    ) -> Annotated[Opportunity, Lazy("schema.opportunities.types")] | None:
        from schema.opportunities.types import Opportunity

        row = await info.context.loaders.opportunity_by_id.load(self.row.opportunity_id)
        return Opportunity.of(row) if row else None

    @strawberry.field
    async def volunteer(
        self, info: Info
    ) -> Annotated[Volunteer, Lazy("schema.volunteers.types")] | None:
        from schema.volunteers.types import Volunteer

        row = await info.context.loaders.volunteer_by_id.load(self.row.volunteer_id)
        return Volunteer.of(row) if row else None

    @strawberry.field
    async def hours(self, info: Info) -> list[HoursEntry]:
        rows = await info.context.loaders.hours_by_application.load(self.row.id)
        return [HoursEntry.of(r) for r in sorted(rows, key=lambda r: (r.date, r.id))]

    @strawberry.field
    async def verified_hours(self, info: Info) -> float:
        rows = await info.context.loaders.hours_by_application.load(self.row.id)
        return float(sum(r.hours for r in rows if r.verified))


@strawberry.type
class ApplicationConnection(Connection[Application]):
    node_type = Application


register("Application", by_loader(lambda loaders: loaders.application_by_id, Application.of))
