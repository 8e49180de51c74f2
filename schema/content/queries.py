"""News and events across the network: pages filtered by tenant, tags or dates, and one
news item by its id."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry

from hub.errors import BadUserInput
from hub.i18n import messages as msg
from resolvers.content.queries import EventFilter, NewsFilter, event_page, news_page
from schema.content.types import EventConnection, NewsConnection, NewsItem
from schema.core.info import Info
from schema.core.inputs import checked_list
from schema.core.node import lookup
from schema.core.policy import EVERYONE, policy


@policy(reach=EVERYONE, open=("news", "newsItem", "events"))
@strawberry.type
class ContentQueries:
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
        return await lookup(info, id, NewsItem)

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
