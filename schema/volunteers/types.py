"""Volunteers, their memberships, applications and hours: personal data, guarded field by
field (schema/permissions.py) on rows already scoped to the caller (hub/access.py)."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from hub.db import models as m
from hub.i18n import enum_label, hours_display
from hub.ids import encode_id
from resolvers.volunteers.queries import application_page, saved_opportunity_page
from schema.core.common import Node
from schema.core.connections import Connection
from schema.core.enums import ApplicationStatus, VolunteerGroup
from schema.core.federation import by_global_id
from schema.core.info import Info
from schema.core.localize import display_locale
from schema.core.node import by_loader, register
from schema.core.permissions import Personal, SelfOnly
from schema.core.policy import INHERITED, PERSONAL_RECORD_REACH, VOLUNTEER_REACH, policy
from schema.opportunities.types import OpportunityConnection, Skill, skills_of
from schema.tenants.types import Tenant, tenant_of

if TYPE_CHECKING:
    from schema.opportunities.types import Opportunity

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


@policy(reach=INHERITED, open=("tenant", "joinedAt", "status"),
        note="listed only through Volunteer.memberships, whose policy decides")
@strawberry.type
class Membership:
    row: strawberry.Private[m.Membership]
    joined_at: datetime
    status: str

    @strawberry.field
    def tenant(self, info: Info) -> Tenant:
        return tenant_of(info, self.row.tenant_id)


@policy(reach=VOLUNTEER_REACH,
        open=("id", "displayName", "group", "groupLabel", "city", "skills", "languages",
              "verifiedHours", "hoursDisplay", "sharesWithNetwork"),
        note="staff of another tenant reach a volunteer only if the volunteer shares with "
             "the network, and then only the open fields")
@strawberry.federation.type(keys=["id"])
class Volunteer(Node):
    row: strawberry.Private[m.Volunteer]
    group: VolunteerGroup | None
    city: str | None
    languages: list[str]
    verified_hours: float
    shares_with_network: bool

    @classmethod
    def of(cls, row: m.Volunteer) -> Volunteer:
        return cls(
            id=strawberry.ID(encode_id("Volunteer", row.id)), row=row,
            group=VolunteerGroup(row.group) if row.group else None, city=row.city,
            languages=list(row.languages), verified_hours=row.verified_hours,
            shares_with_network=row.shares_with_network,
        )

    @classmethod
    async def resolve_reference(cls, info: Info, id: str) -> Volunteer | None:
        """Federation's `_entities`: as `node(id:)` answers this id."""
        return await by_global_id(info, cls, "Volunteer", id)

    @strawberry.field(description='Plural-correct: "ساعتان", "11 ساعة", "2,5 heures".')
    def hours_display(self, info: Info) -> str:
        locale, digits = display_locale(info.context, None)
        return hours_display(locale, self.row.verified_hours, digits)

    @strawberry.field
    def group_label(self, info: Info) -> str | None:
        if self.row.group is None:
            return None
        locale, _ = display_locale(info.context, None)
        return enum_label(locale, "VolunteerGroup", self.row.group)

    @strawberry.field(description="First name and initial: the only name others may see.")
    def display_name(self) -> str:
        initial = self.row.last_name[:1]
        return f"{self.row.first_name} {initial}." if initial else self.row.first_name

    @strawberry.field(permission_classes=[Personal])
    def full_name(self) -> str | None:
        return f"{self.row.first_name} {self.row.last_name}".strip()

    @strawberry.field(permission_classes=[Personal])
    def email(self) -> str | None:
        return self.row.email

    @strawberry.field(permission_classes=[Personal])
    def phone(self) -> str | None:
        return self.row.phone

    @strawberry.field(permission_classes=[Personal])
    def birth_year(self) -> int | None:
        return self.row.birth_year

    @strawberry.field
    async def skills(self, info: Info) -> list[Skill]:
        return await skills_of(info, await info.context.loaders.skills_by_volunteer.load(
            self.row.id))

    @strawberry.field(permission_classes=[Personal],
                      description="Staff see the membership in their own tenant only.")
    async def memberships(self, info: Info) -> list[Membership] | None:
        rows = await info.context.loaders.memberships_by_volunteer.load(self.row.id)
        tenants = info.context.tenants
        # A deactivated tenant is unreadable on every road, its memberships included.
        return [Membership(row=r, joined_at=r.joined_at, status=r.status)
                for r in sorted(rows, key=lambda r: r.joined_at)
                if tenants.get(r.tenant_id) is not None]

    @strawberry.field(permission_classes=[Personal],
                      description="Staff see the applications to their own tenant only.")
    async def applications(self, info: Info, first: int | None = 20,
                           after: str | None = None) -> ApplicationConnection | None:
        page = await application_page(info.context, volunteer_id=self.row.id, first=first,
                                      after=after)
        return ApplicationConnection.of(page)

    @strawberry.field(permission_classes=[SelfOnly])
    async def saved_opportunities(self, info: Info, first: int | None = 20,
                                  after: str | None = None) -> OpportunityConnection | None:
        page = await saved_opportunity_page(info.context, volunteer_id=self.row.id,
                                            first=first, after=after)
        return OpportunityConnection.of(page)


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
    async def volunteer(self, info: Info) -> Volunteer | None:
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


@strawberry.type
class VolunteerConnection(Connection[Volunteer]):
    node_type = Volunteer


register("Volunteer", by_loader(lambda loaders: loaders.volunteer_by_id, Volunteer.of))
register("Application", by_loader(lambda loaders: loaders.application_by_id, Application.of))
