"""News and event lists: newest news first, events by start time."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, func

from hub.db.models import Event, NewsItem
from hub.paging import page_request
from resolvers.context import RequestContext
from resolvers.core.pages import Ordering, Page, PageKey, PageLoader

NEWS_ORDERING = Ordering("NewsItem", (NewsItem.published_at, NewsItem.id), descending=True)
EVENT_ORDERING = Ordering("Event", (Event.starts_at, Event.id), descending=False)


@dataclass(frozen=True, slots=True)
class NewsFilter:
    tenant_ids: tuple[int, ...] | None = None
    tags: tuple[str, ...] | None = None


@dataclass(frozen=True, slots=True)
class EventFilter:
    tenant_ids: tuple[int, ...] | None = None
    starts_from: datetime | None = None
    starts_to: datetime | None = None


def news_clauses(f: NewsFilter | None) -> Sequence[ColumnElement[bool]]:
    clauses: list[ColumnElement[bool]] = [NewsItem.published_at.is_not(None)]
    if f is None:
        return clauses
    if f.tenant_ids is not None:
        clauses.append(NewsItem.tenant_id.in_(f.tenant_ids))
    if f.tags is not None:
        # Tags are a JSON list; match any of the wanted tags by its JSON-quoted spelling.
        from sqlalchemy import String, cast, or_

        text = cast(NewsItem.tags, String)
        clauses.append(or_(*(text.contains(_json_string(tag)) for tag in f.tags)))
    return clauses


def _json_string(tag: str) -> str:
    import orjson

    return orjson.dumps(tag).decode()


def event_clauses(f: EventFilter | None) -> Sequence[ColumnElement[bool]]:
    if f is None:
        return ()
    clauses: list[ColumnElement[bool]] = []
    if f.tenant_ids is not None:
        clauses.append(Event.tenant_id.in_(f.tenant_ids))
    if f.starts_from is not None:
        # An event still running at `from` is included.
        clauses.append(func.coalesce(Event.ends_at, Event.starts_at) >= f.starts_from)
    if f.starts_to is not None:
        clauses.append(Event.starts_at < f.starts_to)
    return clauses


def _loader(ctx: RequestContext, name: str, model: Any, ordering: Ordering,
            filters: Any, by_tenant: bool) -> PageLoader:
    key = f"{name}:{'tenant' if by_tenant else 'root'}"
    loader = ctx.page_loaders.get(key)
    if loader is None:
        loader = PageLoader(
            ctx.db, model, ordering, ctx.scope.rows(model), filters,
            model.tenant_id if by_tenant else None,
        )
        ctx.page_loaders[key] = loader
    return loader


async def news_page(
    ctx: RequestContext, *, first: int | None, after: str | None,
    filter: NewsFilter | None = None, tenant_id: int | None = None,
) -> Page[NewsItem]:
    request = page_request(first, after, kind=NEWS_ORDERING.kind, shape=NEWS_ORDERING.shape,
                           max_size=ctx.settings.max_page_size)
    loader = _loader(ctx, "news", NewsItem, NEWS_ORDERING, news_clauses, tenant_id is not None)
    page: Page[NewsItem] = await loader.load(PageKey(tenant_id, request, filter))
    return page


async def event_page(
    ctx: RequestContext, *, first: int | None, after: str | None,
    filter: EventFilter | None = None, tenant_id: int | None = None,
) -> Page[Event]:
    request = page_request(first, after, kind=EVENT_ORDERING.kind, shape=EVENT_ORDERING.shape,
                           max_size=ctx.settings.max_page_size)
    loader = _loader(ctx, "events", Event, EVENT_ORDERING, event_clauses, tenant_id is not None)
    page: Page[Event] = await loader.load(PageKey(tenant_id, request, filter))
    return page
