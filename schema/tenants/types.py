"""Tenants: the federation, national societies and regional associations."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Annotated

import strawberry

from hub.db.models import Tenant as TenantRow
from hub.i18n import Served
from hub.ids import encode_id
from resolvers.content.queries import EventFilter, NewsFilter, event_page, news_page
from resolvers.opportunities.queries import opportunity_page
from resolvers.search.query import text_search
from schema.content.columns import NEWS_ITEM_COLUMNS
from schema.core.common import LocalizedString, Node
from schema.core.enums import TenantKind
from schema.core.federation import by_global_id
from schema.core.info import FieldLocale, Info
from schema.core.inputs import checked_search
from schema.core.localize import served_name
from schema.core.node import register
from schema.core.policy import EVERYONE, policy
from schema.core.prefetch import node_fields
from schema.opportunities.columns import OPPORTUNITY_COLUMNS

if TYPE_CHECKING:
    from schema.content.queries import EventOrder, NewsOrder
    from schema.content.types import EventConnection, NewsConnection
    from schema.opportunities.inputs import OpportunityFilterInput, OpportunityOrder
    from schema.opportunities.types import OpportunityConnection

Lazy = strawberry.lazy


@policy(reach=EVERYONE,
        open=("id", "slug", "kind", "country", "defaultLocale", "locales", "name", "nameI18n",
              "parent", "children", "opportunities", "news", "events"),
        note="lists inside a tenant hold only what the caller may read")
@strawberry.federation.type(keys=["id", "slug"])
class Tenant(Node):
    row: strawberry.Private[TenantRow]
    slug: str
    kind: TenantKind
    country: str | None
    default_locale: str
    locales: list[str]
    served: strawberry.Private[dict[str | None, Served]] = dataclasses.field(
        default_factory=dict)

    @classmethod
    def of(cls, row: TenantRow) -> Tenant:
        return cls(
            id=strawberry.ID(encode_id("Tenant", row.id)),
            row=row,
            slug=row.slug,
            kind=TenantKind(row.kind),
            country=row.country,
            default_locale=row.default_locale,
            locales=list(row.locales),
        )

    @classmethod
    async def resolve_reference(cls, info: Info, id: str | None = None,
                                slug: str | None = None) -> Tenant | None:
        """Federation's `_entities`: by slug as `tenant(slug:)`, by id as `node(id:)`."""
        if slug is not None:
            row = info.context.tenants.find(slug)
            return cls.of(row) if row else None
        assert id is not None  # the representation holds exactly one key (federation.py)
        return await by_global_id(info, cls, "Tenant", id)

    def _name(self, info: Info, locale: str | None) -> Served:
        # One object serves a whole request (`tenant_of`), whose locale chain is fixed: the
        # name is worked out once per asked locale, not once per record naming the tenant.
        found = self.served.get(locale)
        if found is None:
            found = self.served[locale] = served_name(info.context, self.row.names,
                                                      self.row.default_locale, locale)
        return found

    @strawberry.field
    def name(self, info: Info) -> str:
        return self._name(info, None).value

    @strawberry.field
    def name_i18n(self, info: Info, locale: FieldLocale = None) -> LocalizedString:
        return LocalizedString.of(self._name(info, locale))

    @strawberry.field
    def parent(self, info: Info) -> Tenant | None:
        if self.row.parent_id is None:
            return None
        parent = info.context.tenants.get(self.row.parent_id)
        return Tenant.of(parent) if parent else None

    @strawberry.field
    def children(self, info: Info) -> list[Tenant]:
        return [Tenant.of(t) for t in info.context.tenants.active if t.parent_id == self.row.id]

    @strawberry.field
    async def opportunities(
        self,
        info: Info,
        first: int | None = 20,
        after: str | None = None,
        filter: Annotated[OpportunityFilterInput, Lazy("schema.opportunities.inputs")]
        | None = None,
        order_by: Annotated[OpportunityOrder, Lazy("schema.opportunities.inputs")]
        | None = None,
    ) -> Annotated[OpportunityConnection, Lazy("schema.opportunities.types")]:
        from schema.opportunities.types import OpportunityConnection

        spec = filter.resolve(info.context) if filter else None
        page = await opportunity_page(
            info.context, first=first, after=after, filter=spec, tenant_id=self.row.id,
            order=order_by.value if order_by else None,
            columns=OPPORTUNITY_COLUMNS.columns(node_fields(info)),
        )
        return await OpportunityConnection.prefetched(info, page)

    @strawberry.field
    async def news(
        self, info: Info, first: int | None = 20, after: str | None = None,
        search: str | None = None,
        order_by: Annotated[NewsOrder, Lazy("schema.content.queries")] | None = None,
    ) -> Annotated[NewsConnection, Lazy("schema.content.types")]:
        from schema.content.types import NewsConnection

        spec = NewsFilter(search=text_search(info.context, checked_search(search)))
        page = await news_page(info.context, first=first, after=after, filter=spec,
                               tenant_id=self.row.id, order=order_by.value if order_by else None,
                               columns=NEWS_ITEM_COLUMNS.columns(node_fields(info)))
        return await NewsConnection.prefetched(info, page)

    @strawberry.field
    async def events(
        self, info: Info, first: int | None = 20, after: str | None = None,
        search: str | None = None,
        order_by: Annotated[EventOrder, Lazy("schema.content.queries")] | None = None,
    ) -> Annotated[EventConnection, Lazy("schema.content.types")]:
        from schema.content.types import EventConnection

        spec = EventFilter(search=text_search(info.context, checked_search(search)))
        page = await event_page(info.context, first=first, after=after, filter=spec,
                                tenant_id=self.row.id, order=order_by.value if order_by else None)
        return await EventConnection.prefetched(info, page)


def tenant_of(info: Info, tenant_id: int) -> Tenant:
    """The tenant of a record the caller may read; its tenant is active by the read scope.
    One object per tenant and request (`RequestContext.tenant_nodes`): a page of 100
    opportunities of 3 societies builds 3, not 100; nothing in it depends on the record."""
    nodes = info.context.tenant_nodes
    node = nodes.get(tenant_id)
    if node is None:
        node = nodes[tenant_id] = Tenant.of(info.context.tenants.by_id[tenant_id])
    return node


async def _fetch_tenant(info: Info, key: int) -> Tenant | None:
    row = info.context.tenants.get(key)
    return Tenant.of(row) if row else None


register("Tenant", _fetch_tenant)
