"""Volunteers, their memberships, applications and hours: personal data, guarded field by
field (schema/permissions.py) on rows already scoped to the caller (hub/access.py)."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

import strawberry
from strawberry.types.base import get_object_definition
from strawberry.utils.str_converters import to_camel_case

from hub.db import models as m
from hub.i18n import enum_label, hours_display
from hub.ids import encode_id
from resolvers.core.pages import Page
from resolvers.volunteers.queries import application_page, saved_opportunity_page
from schema.applications.types import ApplicationConnection
from schema.badges.fields import VolunteerBadgeFields
from schema.certificates.fields import VolunteerCertificateFields
from schema.core.common import Node
from schema.core.connections import Connection
from schema.core.enums import VolunteerGroup
from schema.core.federation import by_global_id
from schema.core.info import Info
from schema.core.localize import display_locale
from schema.core.node import by_loader, register
from schema.core.permissions import Personal, SelfOnly
from schema.core.policy import INHERITED, VOLUNTEER_REACH, policy
from schema.core.prefetch import node_fields, prefetch
from schema.credentials.fields import VolunteerCredentialFields
from schema.inquiries.fields import VolunteerInquiryFields
from schema.notifications.fields import VolunteerNotificationFields
from schema.opportunities.types import OpportunityConnection
from schema.taxonomy.types import Skill, skills_of
from schema.tenants.types import Tenant, tenant_of

if TYPE_CHECKING:
    pass

Lazy = strawberry.lazy


@policy(reach=INHERITED, open=("tenant", "verifiedHours", "hoursDisplay"),
        note="listed only through Volunteer.hoursByTenant, whose policy decides")
@strawberry.type
class TenantHours:
    """A volunteer's verified hours served with one society."""

    tenant_id: strawberry.Private[int]
    verified_hours: float

    @strawberry.field
    def tenant(self, info: Info) -> Tenant:
        return tenant_of(info, self.tenant_id)

    @strawberry.field(description='Plural-correct in the served locale: "ساعتان", "11 ساعة".')
    def hours_display(self, info: Info) -> str:
        tenant = info.context.tenants.by_id.get(self.tenant_id)
        locale, digits = display_locale(info.context, tenant)
        return hours_display(locale, self.verified_hours, digits)


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
class Volunteer(Node, VolunteerInquiryFields, VolunteerNotificationFields,
                VolunteerCredentialFields, VolunteerBadgeFields, VolunteerCertificateFields):
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

    @strawberry.field(permission_classes=[Personal],
                      description="Verified hours per society (staff: their own society's).")
    async def hours_by_tenant(self, info: Info) -> list[TenantHours] | None:
        per_tenant = await info.context.loaders.verified_hours_by_volunteer.load(self.row.id)
        tenants = info.context.tenants
        return [TenantHours(tenant_id=t, verified_hours=hours)
                for t, hours in sorted(per_tenant.items())
                if tenants.get(t) is not None]  # a deactivated tenant is unreadable

    @strawberry.field(permission_classes=[Personal],
                      description="Decides minimum ages and whether a guardian consents.")
    def birth_date(self) -> date | None:
        return self.row.birth_date

    @strawberry.field(permission_classes=[SelfOnly],
                      description="The language of the volunteer's notifications.")
    def locale(self) -> str | None:
        return self.row.locale

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


@strawberry.type
class VolunteerConnection(Connection[Volunteer]):
    node_type = Volunteer

    @classmethod
    async def prefetched(cls, info: Info, page: Page[m.Volunteer]) -> VolunteerConnection:
        """The connection, with its volunteers' memberships loaded in one go when a field
        under the Personal policy is selected: the policy reads them for every row (the
        same batch its checks would have made), and then answers without waiting."""
        if node_fields(info) & PERSONAL_FIELDS:
            await prefetch((info.context.loaders.memberships_by_volunteer,
                            [row.id for row in page.rows]))
        return cls.of(page)


# The Volunteer fields guarded by the Personal policy, by their GraphQL names.
PERSONAL_FIELDS = frozenset(
    field.graphql_name or to_camel_case(field.python_name)
    for field in get_object_definition(Volunteer, strict=True).fields
    if Personal in (getattr(field, "permission_classes", None) or ()))


register("Volunteer", by_loader(lambda loaders: loaders.volunteer_by_id, Volunteer.of))
