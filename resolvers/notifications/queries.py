"""A volunteer's notifications, newest first, and what their words need from the database."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import ColumnElement

from hub.db import models as m
from resolvers.context import RequestContext
from resolvers.core.pages import Ordering, Page, PageList
from resolvers.notifications.about import reference, titles_of

N = m.Notification
ORDERING = Ordering("Notification", (N.id,), descending=True)


def _unread(unread_only: bool) -> Sequence[ColumnElement[bool]]:
    return (N.read_at.is_(None),) if unread_only else ()


# Served by the index (volunteer_id, id).
VOLUNTEER_NOTIFICATIONS = PageList("notifications:volunteer", N, ORDERING, _unread,
                                   N.volunteer_id)


async def notification_page(ctx: RequestContext, *, volunteer_id: int, unread_only: bool,
                            first: int | None, after: str | None) -> Page[Any]:
    return await ctx.page(VOLUNTEER_NOTIFICATIONS, first=first, after=after,
                          owner=volunteer_id, filter=unread_only)


async def opportunity_titles(ctx: RequestContext, params: Mapping[str, Any]) -> dict[str, str]:
    """The titles by locale of the opportunity a notification is about, through the
    request's loaders (a page of notifications costs three statements, whatever its size);
    empty when there is none, or the caller may no longer see it."""
    ref = reference(params)
    if ref is None:
        return {}
    type_name, key = ref
    opportunity_id: int | None = key
    if type_name == "Application":
        row = await ctx.loaders.application_by_id.load(key)
        opportunity_id = row.opportunity_id if row is not None else None
    elif type_name == "Inquiry":
        row = await ctx.loaders.notified_inquiry_by_id.load(key)
        opportunity_id = row.opportunity_id if row is not None else None
    if opportunity_id is None:
        return {}
    return titles_of(await ctx.loaders.translations_by_opportunity.load(opportunity_id))
