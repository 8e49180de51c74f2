"""The editors' lists of their tenant's news items and events that the public does not see
yet: drafts, and published ones scheduled for later. Most recently edited first (a news
draft has no publication time to order by).

The lists are pages of the editor's own tenant under the read scope like every other list,
so a caller who may not read drafts would find none; the schema refuses anyone but a
tenant's admins, coordinators and editors before a list is read.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, and_, or_

from hub.db.models import Event, NewsItem, RecordStatus
from hub.db.types import utcnow
from resolvers.context import RequestContext
from resolvers.core.pages import Ordering, Page, PageList


class EditorialState(StrEnum):
    DRAFT = "DRAFT"  # written, not published
    SCHEDULED = "SCHEDULED"  # published with a publication time still ahead


def _clauses(model: Any) -> Any:
    def clauses(state: EditorialState | None) -> Sequence[ColumnElement[bool]]:
        draft = model.status == RecordStatus.DRAFT.value
        scheduled = and_(model.status == RecordStatus.PUBLISHED.value,
                         model.published_at > utcnow())
        if state == EditorialState.DRAFT:
            return (draft,)
        if state == EditorialState.SCHEDULED:
            return (scheduled,)
        return (or_(draft, scheduled),)
    return clauses


EDITORIAL_NEWS = PageList(
    "news:editorial", NewsItem,
    Ordering("EditorialNews", (NewsItem.updated_at, NewsItem.id), descending=True),
    _clauses(NewsItem), NewsItem.tenant_id)
EDITORIAL_EVENTS = PageList(
    "events:editorial", Event,
    Ordering("EditorialEvents", (Event.updated_at, Event.id), descending=True),
    _clauses(Event), Event.tenant_id)


async def editorial_news(ctx: RequestContext, *, tenant_id: int, state: EditorialState | None,
                         first: int | None, after: str | None) -> Page[NewsItem]:
    return await ctx.page(EDITORIAL_NEWS, first=first, after=after, owner=tenant_id,
                          filter=state)


async def editorial_events(ctx: RequestContext, *, tenant_id: int,
                           state: EditorialState | None, first: int | None,
                           after: str | None) -> Page[Event]:
    return await ctx.page(EDITORIAL_EVENTS, first=first, after=after, owner=tenant_id,
                          filter=state)
