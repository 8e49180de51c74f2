"""What feeds, calendars, the news pages and oEmbed read: the newest news, a tenant's
events around now, one event or one news item, each with its texts in every language.

Everything goes through the caller's read scope (`ctx.page`, the scoped loaders), exactly
as the GraphQL fields do: the entry layer gives these functions an anonymous caller's
context, so a draft, a scheduled record not yet due, a NETWORK or TENANT record or one of
an inactive tenant can never come out. A list costs a constant number of statements: its
page, then the texts of all its records in one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from hub.i18n import LocaleChain, Served
from resolvers.content.queries import EventFilter, event_page, news_page
from resolvers.context import RequestContext
from resolvers.core.loaders import KeyedLoader


@dataclass(frozen=True, slots=True)
class Published:
    """A public record (`row`: a news item's or an event's columns) and its translations,
    one row per language."""

    row: Any
    translations: Sequence[Any]

    def texts(self, field: str) -> dict[str, str]:
        """The field's non-empty text in each language that has one."""
        return {t.locale: value for t in self.translations
                if (value := getattr(t, field)) is not None and value != ""}

    def served(self, field: str, chain: LocaleChain, default_locale: str) -> Served | None:
        """The field in the first language of `chain` that has it (then the tenant's
        default, then English, then any), with the language that served it."""
        picked = chain.pick(self.texts(field), default_locale)
        if picked is None:
            return None
        locale, value = picked
        return Served(value, locale, chain.is_fallback(locale, default_locale))

    @property
    def changed_at(self) -> datetime:
        """When this record or one of its texts last changed, or it was (or became, for a
        scheduled one) published: what a feed's Last-Modified is made of."""
        moments: list[datetime] = [self.row.updated_at,
                                   *(t.updated_at for t in self.translations)]
        if self.row.published_at is not None:
            moments.append(self.row.published_at)
        return max(moments)

    @property
    def fingerprint(self) -> tuple[Any, ...]:
        """What identifies this version of the record in a feed's ETag."""
        return (self.row.id, self.row.updated_at.isoformat(),
                self.row.published_at.isoformat() if self.row.published_at else None,
                getattr(self.row, "cancelled_at", None) and self.row.cancelled_at.isoformat(),
                tuple(sorted((t.locale, t.updated_at.isoformat()) for t in self.translations)))


def capped(ctx: RequestContext, wanted: int) -> int:
    """At most `wanted`, and never over the hub's page cap (HUB_MAX_PAGE_SIZE)."""
    return max(0, min(wanted, ctx.settings.max_page_size))


async def latest_news(ctx: RequestContext, *, tenant_id: int | None, limit: int
                      ) -> list[Published]:
    """The newest public news (one tenant's, or the whole network's), newest first."""
    page = await news_page(ctx, first=capped(ctx, limit), after=None, tenant_id=tenant_id)
    return await _with_texts(ctx.loaders.translations_by_news_item, page.rows)


async def calendar_events(ctx: RequestContext, *, tenant_id: int, since: datetime,
                          limit: int) -> list[Published]:
    """A tenant's public events still running at `since` or later, soonest first."""
    page = await event_page(ctx, first=capped(ctx, limit), after=None, tenant_id=tenant_id,
                            filter=EventFilter(starts_from=since))
    return await _with_texts(ctx.loaders.translations_by_event, page.rows)


async def public_event(ctx: RequestContext, key: int) -> Published | None:
    """One event the caller may read, or None."""
    row = await ctx.loaders.event_by_id.load(key)
    if row is None:
        return None
    return Published(row, await ctx.loaders.translations_by_event.load(key))


async def public_news_item(ctx: RequestContext, key: int) -> Published | None:
    """One news item the caller may read, or None."""
    row = await ctx.loaders.news_item_by_id.load(key)
    if row is None:
        return None
    return Published(row, await ctx.loaders.translations_by_news_item.load(key))


async def _with_texts(loader: KeyedLoader, rows: Sequence[Any]) -> list[Published]:
    texts: Mapping[int, Sequence[Any]] = dict(zip(
        [row.id for row in rows], await loader.load_many([row.id for row in rows]),
        strict=True)) if rows else {}
    return [Published(row, texts[row.id]) for row in rows]
