"""Opportunities, the organizations and campaigns behind them, and their taxonomies."""

from __future__ import annotations

from collections.abc import Awaitable
from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from hub.db import models as m
from hub.i18n import enum_label, format_moment, spots_left_display
from hub.ids import encode_id
from resolvers.applications.queries import opportunity_applications
from resolvers.core.loaders import KeyedLoader, now_or_later
from resolvers.core.pages import Page
from resolvers.loaders import Loaders
from resolvers.opportunities.queries import opportunity_page
from resolvers.publishing.statuses import is_scheduled
from schema.core.common import Contact, Node, Place, row_field
from schema.core.connections import Connection
from schema.core.enums import (
    Acceptance,
    ApplicationStatus,
    OpportunityFormat,
    OpportunityStatus,
    Visibility,
)
from schema.core.federation import by_global_id
from schema.core.info import Info
from schema.core.localize import TranslatedText, display_locale, localized_field, text_field
from schema.core.node import by_loader, register
from schema.core.permissions import OwningTenantEditor, OwningTenantStaff, SignedIn
from schema.core.policy import EVERYONE, policy
from schema.core.prefetch import TEXT_FIELDS as SELECTED_TEXT
from schema.core.prefetch import distinct, node_fields, prefetch, text_loader
from schema.inquiries.fields import OpportunityInquiryFields
from schema.taxonomy.types import Category, Skill, skills_of
from schema.tenants.types import Tenant, tenant_of
from schema.translations.types import Translation, translations_of

if TYPE_CHECKING:
    from schema.applications.types import Application, ApplicationConnection



@policy(reach=EVERYONE, open=("id", "name", "kind", "city", "tenant"))
@strawberry.type
class Organization(Node):
    """An opportunity owner inside a tenant: school, municipality, branch, NGO..."""

    row: strawberry.Private[m.Organization]

    name = row_field("name", str)
    kind = row_field("kind", str | None)
    city = row_field("city", str | None)

    @classmethod
    def of(cls, row: m.Organization) -> Organization:
        """The id and the row: fields read the row when they are asked for."""
        return cls(id=strawberry.ID(encode_id("Organization", row.id)), row=row)

    @strawberry.field
    def tenant(self, info: Info) -> Tenant:
        return tenant_of(info, self.row.tenant_id)


@policy(reach=EVERYONE,
        open=("id", "format", "startsAt", "endsAt", "isOngoing", "capacity", "creditedHours",
              "isEmergency", "visibility", "status", "publishedAt", "tenant", "organization",
              "campaign", "title", "titleI18n", "summary", "description", "category",
              "skills", "place", "startsAtDisplay", "spotsLeft", "spotsLeftDisplay",
              "formatLabel", "viewerHasSaved",
              "viewerApplication", "acceptance", "minimumAge", "isScheduled"),
        note="reach is for a PUBLIC, PUBLISHED opportunity; NETWORK, TENANT and drafts: "
             "see the visibility table")
@strawberry.federation.type(keys=["id"])
class Opportunity(TranslatedText, Node, OpportunityInquiryFields):
    def translations_loader(self, loaders: Loaders) -> KeyedLoader:
        return loaders.translations_by_opportunity
    row: strawberry.Private[m.Opportunity]

    format = row_field("format", OpportunityFormat, OpportunityFormat)
    starts_at = row_field("starts_at", datetime | None)
    ends_at = row_field("ends_at", datetime | None)
    is_ongoing = row_field("is_ongoing", bool)
    capacity = row_field("capacity", int | None)
    credited_hours = row_field("credited_hours", float | None)
    is_emergency = row_field("is_emergency", bool)
    visibility = row_field("visibility", Visibility, Visibility)
    status = row_field("status", OpportunityStatus, OpportunityStatus)
    published_at = row_field("published_at", datetime | None)
    acceptance = row_field("acceptance", Acceptance, Acceptance, description=(
        "AUTOMATIC: accepted at once while places are left; REVIEW: staff decide."))

    minimum_age = row_field("min_age", int | None, description=(
        "Applicants younger than this (whole years, on the day they apply) are refused."))

    @classmethod
    def of(cls, row: m.Opportunity) -> Opportunity:
        """The id and the row: fields read the row when they are asked for (a page of 100
        converted every column of every row, enums included, for the few fields asked)."""
        return cls(id=strawberry.ID(encode_id("Opportunity", row.id)), row=row)

    @classmethod
    async def resolve_reference(cls, info: Info, id: str) -> Opportunity | None:
        """Federation's `_entities`: as `node(id:)` answers this id."""
        return await by_global_id(info, cls, "Opportunity", id)

    @strawberry.field
    def tenant(self, info: Info) -> Tenant:
        return tenant_of(info, self.row.tenant_id)

    @strawberry.field(description="Published with a publication time still ahead: until then "
                                  "only the society's staff see it (always false for others).")
    def is_scheduled(self) -> bool:
        return is_scheduled(self.row)

    @strawberry.field(graphql_type=Organization | None)
    def organization(self, info: Info) -> Organization | Awaitable[Organization | None] | None:
        if self.row.organization_id is None:
            return None
        return now_or_later(info.context.loaders.organization_by_id, self.row.organization_id,
                            lambda row: Organization.of(row) if row else None)

    @strawberry.field
    async def campaign(self, info: Info) -> Campaign | None:
        if self.row.campaign_id is None:
            return None
        row = await info.context.loaders.campaign_by_id.load(self.row.campaign_id)
        return Campaign.of(row) if row else None

    title = text_field("title", required=True)

    title_i18n = localized_field("title")

    summary = text_field("summary")

    description = text_field("description")

    @strawberry.field(permission_classes=[OwningTenantEditor])
    async def translations(self, info: Info) -> list[Translation] | None:
        rows = await info.context.loaders.translations_by_opportunity.load(self.row.id)
        return translations_of(rows, m.OpportunityTranslation.text_fields)

    @strawberry.field(graphql_type=Category)
    def category(self, info: Info) -> Category | Awaitable[Category]:
        code = self.row.category_code
        return now_or_later(info.context.loaders.category_by_code, code,
                            lambda row: Category(code=code, row=row))

    @strawberry.field
    async def skills(self, info: Info) -> list[Skill]:
        return await skills_of(info, await info.context.loaders.skills_by_opportunity.load(
            self.row.id))

    @strawberry.field
    def place(self) -> Place | None:
        return None if self.row.format == "REMOTE" else Place.of(self.row)

    @strawberry.field(description="In the served locale, the tenant's time zone and digits; "
                                  "with the Umm al-Qura date where the tenant asks for it.")
    def starts_at_display(self, info: Info) -> str | None:
        if self.row.starts_at is None:
            return None
        tenant = info.context.tenants.by_id[self.row.tenant_id]
        locale, digits = display_locale(info.context, tenant)
        return format_moment(self.row.starts_at, locale, tenant.time_zone, digits=digits,
                             hijri=tenant.hijri_dates)

    @strawberry.field
    def spots_left(self) -> int | None:
        if self.row.capacity is None:
            return None
        return max(self.row.capacity - self.row.filled_spots, 0)

    @strawberry.field(description='Plural-correct: "3 أماكن متبقية", "11 مكانًا متبقيًا".')
    def spots_left_display(self, info: Info) -> str | None:
        if self.row.capacity is None:
            return None
        locale, digits = display_locale(info.context,
                                        info.context.tenants.by_id[self.row.tenant_id])
        return spots_left_display(locale, max(self.row.capacity - self.row.filled_spots, 0),
                                  digits)

    @strawberry.field
    def format_label(self, info: Info) -> str:
        locale, _ = display_locale(info.context, info.context.tenants.by_id[self.row.tenant_id])
        return enum_label(locale, "OpportunityFormat", self.row.format)

    @strawberry.field(permission_classes=[SignedIn])
    def contact(self) -> Contact | None:
        row = self.row
        if row.contact_name is None and row.contact_email is None and row.contact_phone is None:
            return None
        return Contact(name=row.contact_name, email=row.contact_email, phone=row.contact_phone)

    @strawberry.field(permission_classes=[OwningTenantStaff])
    async def applications_count(self, info: Info) -> int | None:
        return int(await info.context.loaders.application_count_by_opportunity.load(self.row.id))

    @strawberry.field(permission_classes=[OwningTenantStaff],
                      description="Staff of the owning tenant: its applications, oldest "
                                  "first, of one status if given.")
    async def applications(
        self, info: Info, status: ApplicationStatus | None = None, first: int | None = 20,
        after: str | None = None,
    ) -> Annotated[ApplicationConnection,
                   strawberry.lazy("schema.applications.types")] | None:
        from schema.applications.types import ApplicationConnection

        page = await opportunity_applications(info.context, opportunity_id=self.row.id,
                                              status=status, first=first, after=after)
        return ApplicationConnection.of(page)

    @strawberry.field
    async def viewer_has_saved(self, info: Info) -> bool:
        if info.context.scope.principal.volunteer_id is None:
            return False
        return await info.context.loaders.viewer_saved_by_opportunity.load(self.row.id) is not None

    @strawberry.field
    async def viewer_application(
        self, info: Info
    ) -> Annotated[Application, strawberry.lazy("schema.applications.types")] | None:
        if info.context.scope.principal.volunteer_id is None:
            return None
        from schema.applications.types import Application

        row = await info.context.loaders.viewer_application_by_opportunity.load(self.row.id)
        return Application.of(row) if row else None


@strawberry.type
class OpportunityConnection(Connection[Opportunity]):
    node_type = Opportunity

    @classmethod
    async def prefetched(cls, info: Info, page: Page[m.Opportunity]) -> OpportunityConnection:
        """The connection, with what its nodes' selected fields read loaded in one go."""
        wanted, rows, loaders = node_fields(info), page.rows, info.context.loaders
        await prefetch(
            (text_loader(wanted, loaders.translations_by_opportunity),
             [r.id for r in rows] if wanted & SELECTED_TEXT else []),
            (loaders.organization_by_id, distinct(r.organization_id for r in rows)
             if "organization" in wanted else []),
            (loaders.category_by_code, distinct(r.category_code for r in rows)
             if "category" in wanted else []),
        )
        return cls.of(page)


@policy(reach=EVERYONE, open=("id", "startsOn", "endsOn", "tenant", "title", "opportunities",
                              "status", "visibility", "publishedAt", "isScheduled"),
        note="reach is for a PUBLIC, PUBLISHED campaign; NETWORK, TENANT and drafts: see the "
             "visibility table")
@strawberry.type
class Campaign(TranslatedText, Node):
    def translations_loader(self, loaders: Loaders) -> KeyedLoader:
        return loaders.translations_by_campaign
    row: strawberry.Private[m.Campaign]

    starts_on = row_field("starts_on", date | None)
    ends_on = row_field("ends_on", date | None)
    status = row_field("status", OpportunityStatus, OpportunityStatus)
    visibility = row_field("visibility", Visibility, Visibility)
    published_at = row_field("published_at", datetime | None)

    @classmethod
    def of(cls, row: m.Campaign) -> Campaign:
        """The id and the row: fields read the row when they are asked for."""
        return cls(id=strawberry.ID(encode_id("Campaign", row.id)), row=row)

    @strawberry.field
    def tenant(self, info: Info) -> Tenant:
        return tenant_of(info, self.row.tenant_id)

    @strawberry.field(description="Published with a publication time still ahead: until then "
                                  "only the society's staff see it (always false for others).")
    def is_scheduled(self) -> bool:
        return is_scheduled(self.row)

    @strawberry.field(permission_classes=[OwningTenantEditor])
    async def translations(self, info: Info) -> list[Translation] | None:
        rows = await info.context.loaders.translations_by_campaign.load(self.row.id)
        return translations_of(rows, m.CampaignTranslation.text_fields)

    @strawberry.field
    async def title(self, info: Info) -> str:
        return await self._value(info, "title", None) or ""

    @strawberry.field
    async def opportunities(
        self, info: Info, first: int | None = 20, after: str | None = None
    ) -> OpportunityConnection:
        page = await opportunity_page(
            info.context, first=first, after=after, campaign_id=self.row.id
        )
        return OpportunityConnection.of(page)


async def _fetch_organization(info: Info, key: int) -> Organization | None:
    row = await info.context.loaders.organization_by_id.load(key)
    if row is None or info.context.tenants.get(row.tenant_id) is None:
        return None
    return Organization.of(row)


register("Opportunity", by_loader(lambda loaders: loaders.opportunity_by_id, Opportunity.of))
register("Campaign", by_loader(lambda loaders: loaders.campaign_by_id, Campaign.of))
register("Organization", _fetch_organization)
