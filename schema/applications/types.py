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
from schema.core.enums import ApplicationStatus, DecisionReason, HoursStatus
from schema.core.info import Info
from schema.core.localize import display_locale
from schema.core.node import by_loader, register
from schema.core.policy import INHERITED, PERSONAL_RECORD_REACH, policy

if TYPE_CHECKING:
    from schema.opportunities.types import Opportunity
    from schema.volunteers.types import Volunteer

Lazy = strawberry.lazy


@policy(reach=INHERITED,
        open=("id", "date", "hours", "verified", "verifiedAt", "status", "statusLabel",
              "note", "reviewNote", "application"),
        note="reached through Application.hours, the staff queue hoursToVerify and the hours "
             "mutations: rows of the volunteer themself or of the staff's own tenant")
@strawberry.type
class HoursEntry:
    row: strawberry.Private[m.HoursEntry]
    id: strawberry.ID
    date: date
    hours: float
    verified: bool = strawberry.field(description="Approved by staff: counts in verifiedHours.")
    verified_at: datetime | None
    status: HoursStatus
    note: str | None = strawberry.field(description="The volunteer's.")
    review_note: str | None = strawberry.field(description="The reviewer's.")

    @classmethod
    def of(cls, row: m.HoursEntry) -> HoursEntry:
        return cls(row=row, id=strawberry.ID(encode_id("HoursEntry", row.id)), date=row.date,
                   hours=row.hours, verified=row.verified, verified_at=row.verified_at,
                   status=HoursStatus(row.status), note=row.note, review_note=row.review_note)

    @strawberry.field
    def status_label(self, info: Info) -> str:
        tenant = info.context.tenants.by_id.get(self.row.tenant_id)
        locale, _ = display_locale(info.context, tenant)
        return enum_label(locale, "HoursStatus", self.row.status)

    @strawberry.field
    async def application(self, info: Info) -> Application | None:
        row = await info.context.loaders.application_by_id.load(self.row.application_id)
        return Application.of(row) if row else None


@strawberry.type
class HoursEntryConnection(Connection[HoursEntry]):
    node_type = HoursEntry


@policy(reach=PERSONAL_RECORD_REACH,
        open=("id", "opportunity", "volunteer", "status", "statusLabel", "appliedAt", "hours",
              "verifiedHours", "decidedAt", "completedAt", "decisionReason",
              "decisionReasonLabel", "decisionNote", "waitlistPosition"),
        note="the volunteer's own applications; staff: applications to their tenant")
@strawberry.type
class Application(Node):
    row: strawberry.Private[m.Application]
    status: ApplicationStatus
    applied_at: datetime
    decided_at: datetime | None
    completed_at: datetime | None
    decision_reason: DecisionReason | None = strawberry.field(
        description="Why it was rejected (shown to the volunteer in their language).")
    decision_note: str | None = strawberry.field(description="The staff's own words.")

    @classmethod
    def of(cls, row: m.Application) -> Application:
        return cls(
            id=strawberry.ID(encode_id("Application", row.id)), row=row,
            status=ApplicationStatus(row.status), applied_at=row.applied_at,
            decided_at=row.decided_at, completed_at=row.completed_at,
            decision_reason=DecisionReason(row.decision_reason) if row.decision_reason
            else None,
            decision_note=row.decision_note,
        )

    @strawberry.field(description="The reason, in the served language.")
    def decision_reason_label(self, info: Info) -> str | None:
        if self.row.decision_reason is None:
            return None
        tenant = info.context.tenants.by_id.get(self.row.tenant_id)
        locale, _ = display_locale(info.context, tenant)
        return enum_label(locale, "DecisionReason", self.row.decision_reason)

    @strawberry.field(description="On the waiting list: 1 is the next to move up; null "
                                  "when not waiting.")
    async def waitlist_position(self, info: Info) -> int | None:
        if self.row.status != ApplicationStatus.WAITLISTED.value:
            return None
        position: int | None = await info.context.loaders.waitlist_position_by_application.load(
            self.row.id)
        return position

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
