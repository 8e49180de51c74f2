"""A subscriber's emergency calls: what `Subscription.emergencyCalls` yields.

`open_emergency_calls` runs when the subscription starts: only a registered volunteer
subscribes, within the caps (hub/live/slots.py); its refusals are the subscription's
coded errors. Then, for each call heard on the bus, the opportunity is loaded through the
subscriber's own read scope (the loaders of a query: the same rows, and the schema's field
policies on what is yielded), and yielded when it is a live emergency the subscriber
matches (resolvers/live/matching.py). An opportunity the subscriber may not read is never
loaded, so nothing of it reaches them, not even that it exists.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncGenerator
from typing import Any

from sqlalchemy import select

from hub.access import PrincipalKind
from hub.db import models as m
from hub.errors import Forbidden
from hub.live.events import CallEvent
from hub.live.subscriptions import Subscription
from resolvers.core.database import DatabaseUnavailable
from resolvers.live import messages as msg
from resolvers.live.context import LiveContext
from resolvers.live.matching import Call, matching

log = logging.getLogger("tatawwu.live")


async def open_emergency_calls(ctx: LiveContext) -> AsyncGenerator[Any, None]:
    """Start a subscription to emergency calls: the opportunity rows the subscriber is
    called to, as they come. Refused (coded) before anything is opened."""
    principal = ctx.scope.principal
    if principal.kind != PrincipalKind.VOLUNTEER or principal.subject is None:
        raise Forbidden(msg.VOLUNTEERS_ONLY)
    if principal.volunteer_id is None:
        raise Forbidden(msg.REGISTER_FIRST)
    if ctx.live is None:
        raise DatabaseUnavailable(msg.LIVE_UNAVAILABLE)
    subscription = ctx.live.open(ctx.connection_id, principal.subject)
    ctx.on_close(subscription.close)
    return _deliveries(ctx, subscription)


async def _deliveries(ctx: LiveContext, subscription: Subscription
                      ) -> AsyncGenerator[Any, None]:
    try:
        async for event in subscription.inbox:
            try:
                try:
                    row = await called(ctx, event)
                except Exception:  # one event lost (the database away?), not the subscription
                    log.exception("live: call %s not delivered to %s", event.call,
                                  ctx.request_id)
                    continue
                if row is not None:
                    yield row
            finally:
                await ctx.renew()
    finally:
        subscription.close()


async def called(ctx: LiveContext, event: CallEvent) -> Any:
    """The opportunity of `event` if the subscriber may read it, it is a live emergency and
    the subscriber matches it; else None."""
    row = await ctx.loaders.opportunity_by_id.load(event.opportunity)
    if row is None or not row.is_emergency:
        return None
    skills = [s.skill_code for s in await ctx.loaders.skills_by_opportunity.load(row.id)]
    volunteer = ctx.scope.principal.volunteer_id
    found = await ctx.db.rows(select(m.Volunteer.id).where(
        m.Volunteer.id == volunteer, *matching(Call.of(row, skills))))
    return row if found else None
