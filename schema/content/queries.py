"""News and events across the network: pages filtered by tenant, tags or dates, and one
news item by its id."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Annotated

import strawberry

from hub.errors import BadUserInput
from hub.i18n import messages as msg
from resolvers.content.queries import EventFilter, NewsFilter, event_page, news_page
from resolvers.search.query import text_search
from schema.content.columns import NEWS_ITEM_COLUMNS
from schema.content.types import EventConnection, NewsConnection, NewsItem
from schema.core.info import Info
from schema.core.inputs import checked_list, checked_search
from schema.core.node import lookup
from schema.core.policy import EVERYONE, policy
from schema.core.prefetch import node_fields

SEARCH_DESCRIPTION = (
    "Words to find in the texts, in any language of the record: every word must match (by "
    "its stem in Arabic, French and English; case, accents, harakat, tatweel and hamza "
    "forms do not count). At most 200 characters; punctuation alone finds nothing.")


@strawberry.enum(description=(
    "The order of news. RELEVANCE: best matches of `search` first (the default with a "
    "search, and only with one); a hit in the caller's languages ranks above the same hit "
    "in another, a title above a summary above the body. NEWEST: newest first (the default "
    "without a search)."))
class NewsOrder(StrEnum):
    RELEVANCE = "RELEVANCE"
    NEWEST = "NEWEST"


@strawberry.enum(description=(
    "The order of events. RELEVANCE: best matches of `search` first (the default with a "
    "search, and only with one); a hit in the caller's languages ranks above the same hit "
    "in another, a title above a description. START: by start time, soonest first (the "
    "default without a search)."))
class EventOrder(StrEnum):
    RELEVANCE = "RELEVANCE"
    START = "START"


@policy(reach=EVERYONE, open=("news", "newsItem", "events"))
@strawberry.type
class ContentQueries:
    @strawberry.field
    async def news(
        self, info: Info, first: int | None = 20, after: str | None = None,
        tenants: list[str] | None = None, tags: list[str] | None = None,
        search: Annotated[str | None, strawberry.argument(description=SEARCH_DESCRIPTION)]
        = None,
        order_by: Annotated[NewsOrder | None, strawberry.argument(
            description="RELEVANCE (the default with `search`; needs it) or NEWEST (the "
            "default without).")] = None,
    ) -> NewsConnection:
        slugs = checked_list(tenants, "tenants")
        spec = NewsFilter(
            tenant_ids=info.context.tenants.ids_for_slugs(slugs, "tenants") if slugs else None,
            tags=checked_list(tags, "tags"),
            search=text_search(info.context, checked_search(search)),
        )
        page = await news_page(info.context, first=first, after=after, filter=spec,
                               order=order_by.value if order_by else None,
                               columns=NEWS_ITEM_COLUMNS.columns(node_fields(info)))
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
        search: Annotated[str | None, strawberry.argument(description=SEARCH_DESCRIPTION)]
        = None,
        order_by: Annotated[EventOrder | None, strawberry.argument(
            description="RELEVANCE (the default with `search`; needs it) or START (the "
            "default without).")] = None,
    ) -> EventConnection:
        for moment, name in ((from_, "from"), (to, "to")):
            if moment is not None and moment.tzinfo is None:
                raise BadUserInput(msg.NEEDS_OFFSET, argument=name)
        slugs = checked_list(tenants, "tenants")
        spec = EventFilter(
            tenant_ids=info.context.tenants.ids_for_slugs(slugs, "tenants") if slugs else None,
            starts_from=from_, starts_to=to,
            search=text_search(info.context, checked_search(search)),
        )
        page = await event_page(info.context, first=first, after=after, filter=spec,
                                order=order_by.value if order_by else None)
        return await EventConnection.prefetched(info, page)
