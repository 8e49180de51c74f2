"""News and event lists: newest news first, events by start time, or either by relevance
to a search."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, func

from hub.db.models import Event, NewsItem
from resolvers.context import RequestContext
from resolvers.core.pages import Ordering, Page, PageList
from resolvers.search.match import matching
from resolvers.search.query import TextSearch
from resolvers.search.ranking import by_relevance, ranked

NEWS_ORDERING = Ordering("NewsItem", (NewsItem.published_at, NewsItem.id), descending=True)
EVENT_ORDERING = Ordering("Event", (Event.starts_at, Event.id), descending=False)


@dataclass(frozen=True, slots=True)
class NewsFilter:
    tenant_ids: tuple[int, ...] | None = None
    tags: tuple[str, ...] | None = None
    search: TextSearch | None = None


@dataclass(frozen=True, slots=True)
class EventFilter:
    tenant_ids: tuple[int, ...] | None = None
    starts_from: datetime | None = None
    starts_to: datetime | None = None
    search: TextSearch | None = None


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
    if f.search is not None:
        clauses.append(matching(f.search, "news_item", NewsItem.id))
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
    if f.search is not None:
        clauses.append(matching(f.search, "event", Event.id))
    return clauses


NEWS = PageList("news:root", NewsItem, NEWS_ORDERING, news_clauses)
TENANT_NEWS = PageList("news:tenant", NewsItem, NEWS_ORDERING, news_clauses, NewsItem.tenant_id)
EVENTS = PageList("events:root", Event, EVENT_ORDERING, event_clauses)
TENANT_EVENTS = PageList("events:tenant", Event, EVENT_ORDERING, event_clauses, Event.tenant_id)


async def news_page(
    ctx: RequestContext, *, first: int | None, after: str | None,
    filter: NewsFilter | None = None, tenant_id: int | None = None, order: str | None = None,
    columns: frozenset[str] | None = None,
) -> Page[NewsItem]:
    """Newest first (`order` NEWEST, the default without a search) or most relevant first
    (RELEVANCE, the default with one). Its rows have only `columns` (and the ordering's)
    when given, else whole rows."""
    of = NEWS if tenant_id is None else TENANT_NEWS
    search = filter.search if filter is not None else None
    if by_relevance(search, order) and search is not None:
        of = ranked(of, search, "news_item")
    return await ctx.page(of, first=first, after=after, owner=tenant_id, filter=filter,
                          columns=columns)


async def event_page(
    ctx: RequestContext, *, first: int | None, after: str | None,
    filter: EventFilter | None = None, tenant_id: int | None = None, order: str | None = None,
) -> Page[Event]:
    """By start time (`order` START, the default without a search) or most relevant first
    (RELEVANCE, the default with one)."""
    of = EVENTS if tenant_id is None else TENANT_EVENTS
    search = filter.search if filter is not None else None
    if by_relevance(search, order) and search is not None:
        of = ranked(of, search, "event")
    return await ctx.page(of, first=first, after=after, owner=tenant_id, filter=filter)
