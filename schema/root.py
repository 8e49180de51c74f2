"""The root Query: lists and lookups, every one through the read scope."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry

from hub.errors import BadUserInput, Forbidden
from hub.i18n import locale_info, supported_locales
from hub.i18n import messages as msg
from hub.ids import decode_id
from resolvers.content.queries import EventFilter, NewsFilter, event_page, news_page
from resolvers.opportunities.queries import opportunity_page
from resolvers.volunteers.queries import VolunteerFilter, volunteer_page
from schema.content.types import Event, EventConnection, NewsConnection, NewsItem
from schema.core.common import LocaleInfo, Node
from schema.core.enums import TenantKind, TextDirection
from schema.core.info import Info
from schema.core.permissions import StaffOnly
from schema.core.policy import EVERYONE, policy
from schema.opportunities.inputs import OpportunityFilterInput, checked_list
from schema.opportunities.types import (
    Campaign,
    Opportunity,
    OpportunityConnection,
    Organization,
    Translation,
)
from schema.tenants.types import Tenant
from schema.translations.mutations import SetTranslationInput, set_translation
from schema.volunteers.mutations import set_network_sharing
from schema.volunteers.types import Application, Volunteer, VolunteerConnection
from schema.volunteers.viewer import Viewer, viewer_of


async def resolve_node(info: Info, global_id: str) -> Node | None:
    """Any object by its global id, through the same scoped loaders as its own lookup."""
    type_name, key = decode_id(global_id)
    loaders = info.context.loaders
    if type_name == "Tenant":
        tenant = info.context.tenants.get(key)
        return Tenant.of(tenant) if tenant else None
    if type_name == "Opportunity":
        row = await loaders.opportunity_by_id.load(key)
        return Opportunity.of(row) if row else None
    if type_name == "Event":
        row = await loaders.event_by_id.load(key)
        return Event.of(row) if row else None
    if type_name == "NewsItem":
        row = await loaders.news_item_by_id.load(key)
        return NewsItem.of(row) if row else None
    if type_name == "Campaign":
        row = await loaders.campaign_by_id.load(key)
        return Campaign.of(row) if row else None
    if type_name == "Volunteer":
        row = await loaders.volunteer_by_id.load(key)
        return Volunteer.of(row) if row else None
    if type_name == "Application":
        row = await loaders.application_by_id.load(key)
        return Application.of(row) if row else None
    if type_name == "Organization":
        row = await loaders.organization_by_id.load(key)
        if row is None or info.context.tenants.get(row.tenant_id) is None:
            return None
        return Organization.of(row)
    return None


@policy(reach=EVERYONE,
        open=("viewer", "locales", "node", "tenants", "tenant", "opportunities", "opportunity",
              "news", "newsItem", "events", "volunteer"),
        note="every root field answers with what the caller may read")
@strawberry.type
class Query:
    @strawberry.field(description="Who the hub thinks you are.")
    def viewer(self, info: Info) -> Viewer:
        return viewer_of(info)

    @strawberry.field(description="The languages the hub answers in: one per message catalog.")
    def locales(self) -> list[LocaleInfo]:
        out = []
        for tag in supported_locales():
            found = locale_info(tag)
            out.append(LocaleInfo(tag=found.tag, name=found.name, native_name=found.native_name,
                                  direction=TextDirection(found.direction)))
        return out

    @strawberry.field
    async def node(self, info: Info, id: strawberry.ID) -> Node | None:
        return await resolve_node(info, id)

    @strawberry.field
    def tenants(
        self, info: Info, kind: TenantKind | None = None, country: str | None = None
    ) -> list[Tenant]:
        rows = info.context.tenants.active
        if kind is not None:
            rows = [t for t in rows if t.kind == kind.value]
        if country is not None:
            rows = [t for t in rows if t.country == country.upper()]
        return [Tenant.of(t) for t in rows]

    @strawberry.field
    def tenant(self, info: Info, slug: str) -> Tenant | None:
        row = info.context.tenants.find(slug)
        return Tenant.of(row) if row else None

    @strawberry.field
    async def opportunities(
        self, info: Info, first: int | None = 20, after: str | None = None,
        filter: OpportunityFilterInput | None = None,
    ) -> OpportunityConnection:
        spec = filter.resolve(info.context) if filter else None
        page = await opportunity_page(info.context, first=first, after=after, filter=spec)
        return await OpportunityConnection.prefetched(info, page)

    @strawberry.field
    async def opportunity(self, info: Info, id: strawberry.ID) -> Opportunity | None:
        _, key = decode_id(id, "Opportunity")
        row = await info.context.loaders.opportunity_by_id.load(key)
        return Opportunity.of(row) if row else None

    @strawberry.field
    async def news(
        self, info: Info, first: int | None = 20, after: str | None = None,
        tenants: list[str] | None = None, tags: list[str] | None = None,
    ) -> NewsConnection:
        slugs = checked_list(tenants, "tenants")
        spec = NewsFilter(
            tenant_ids=info.context.tenants.ids_for_slugs(slugs, "tenants") if slugs else None,
            tags=checked_list(tags, "tags"),
        )
        page = await news_page(info.context, first=first, after=after, filter=spec)
        return await NewsConnection.prefetched(info, page)

    @strawberry.field
    async def news_item(self, info: Info, id: strawberry.ID) -> NewsItem | None:
        _, key = decode_id(id, "NewsItem")
        row = await info.context.loaders.news_item_by_id.load(key)
        return NewsItem.of(row) if row else None

    @strawberry.field
    async def events(
        self, info: Info, first: int | None = 20, after: str | None = None,
        tenants: list[str] | None = None,
        from_: Annotated[datetime | None, strawberry.argument(name="from")] = None,
        to: datetime | None = None,
    ) -> EventConnection:
        for moment, name in ((from_, "from"), (to, "to")):
            if moment is not None and moment.tzinfo is None:
                raise BadUserInput(msg.NEEDS_OFFSET, argument=name)
        slugs = checked_list(tenants, "tenants")
        spec = EventFilter(
            tenant_ids=info.context.tenants.ids_for_slugs(slugs, "tenants") if slugs else None,
            starts_from=from_, starts_to=to,
        )
        page = await event_page(info.context, first=first, after=after, filter=spec)
        return await EventConnection.prefetched(info, page)

    @strawberry.field(permission_classes=[StaffOnly],
                      description="Staff: their tenant's volunteers and, across the network, "
                                  "volunteers who share with it (searchable by skill and city).")
    async def volunteers(
        self, info: Info, first: int | None = 20, after: str | None = None,
        tenant: str | None = None, search: str | None = None, skills: list[str] | None = None,
    ) -> VolunteerConnection | None:
        ctx = info.context
        search = (search or "").strip() or None
        if search is not None and len(search) > 100:
            raise BadUserInput(msg.SEARCH_TOO_LONG, argument="search", count=100)
        tenant_ids = ctx.tenants.ids_for_slugs([tenant], "tenant") if tenant else None
        if tenant_ids and not set(tenant_ids) <= ctx.scope.own_tenants:
            # Memberships in other tenants are personal data: no filtering by them.
            raise Forbidden(msg.OWN_TENANT_FILTER_ONLY, argument="tenant")
        spec = VolunteerFilter(
            tenant_ids=tenant_ids,
            search=search, skills=checked_list(skills, "skills"),
            name_search_tenants=tuple(sorted(ctx.scope.own_tenants)),
        )
        return VolunteerConnection.of(await volunteer_page(ctx, first=first, after=after,
                                                           filter=spec))

    @strawberry.field
    async def volunteer(self, info: Info, id: strawberry.ID) -> Volunteer | None:
        _, key = decode_id(id, "Volunteer")
        row = await info.context.loaders.volunteer_by_id.load(key)
        return Volunteer.of(row) if row else None


@policy(reach=EVERYONE, open=("setNetworkSharing", "setTranslation"),
        note="each mutation checks who may do it and is one transaction")
@strawberry.type
class Mutation:
    @strawberry.mutation(description="A volunteer's consent to be found by staff of other "
                                      "member tenants (never their contact data).")
    async def set_network_sharing(self, info: Info, share: bool) -> Volunteer:
        return await set_network_sharing(info, share)

    @strawberry.mutation(description="Editors of the owning tenant: write one text field of a "
                                      "record in one language; returns all its translations.")
    async def set_translation(self, info: Info, input: SetTranslationInput) -> list[Translation]:
        return await set_translation(info, input)
