"""The root `Subscription`: live emergency calls over the websocket (graphql-transport-ws
at /graphql; docs/live.md).

`emergencyCalls` yields the `Opportunity` type of queries, so every field policy of an
opportunity holds for what a subscriber receives, in the language the subscriber asked
for. Only signed-in volunteers subscribe (`Volunteers`); what each receives is the
resolvers' (resolvers/live/subscribe.py): the opportunities their own read scope can read,
that they match.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator
from contextlib import aclosing
from typing import Any

import strawberry

from hub.access import PrincipalKind
from hub.errors import BadUserInput
from resolvers.live import messages as msg
from resolvers.live.context import LiveContext
from resolvers.live.subscribe import open_emergency_calls
from schema.core.info import Info
from schema.core.permissions import Policy, matrix
from schema.core.policy import EVERYONE, policy
from schema.opportunities.types import Opportunity


class Volunteers(Policy):
    rule = "signed-in volunteers"
    matrix = matrix({"self", "other_volunteer"})
    message = msg.VOLUNTEERS_ONLY

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        return info.context.scope.principal.kind == PrincipalKind.VOLUNTEER


@policy(reach=EVERYONE, open=(),
        note="over the websocket only; each event is an opportunity the subscriber's own "
             "scope reads, with the field policies of `Opportunity`")
@strawberry.type
class Subscription:
    @strawberry.subscription(
        permission_classes=[Volunteers],
        description="Emergency opportunities as they are published (now or at their "
                    "scheduled time) that you may read and match: one of their skills, "
                    "if they name any, and their place (remote and hybrid: anywhere; on "
                    "site: your country, and your city when both name one). Volunteers "
                    "only; over the websocket (graphql-transport-ws), token in the "
                    "connection_init payload.")
    async def emergency_calls(self, info: Info) -> AsyncGenerator[Opportunity, None]:
        ctx = info.context
        if not isinstance(ctx, LiveContext):  # sent over HTTP
            raise BadUserInput(msg.SUBSCRIPTIONS_OVER_WEBSOCKET)
        return _opportunities(await open_emergency_calls(ctx))


async def _opportunities(rows: AsyncGenerator[Any, None]
                         ) -> AsyncGenerator[Opportunity, None]:
    async with aclosing(rows):  # closed with the subscription, not later by the collector
        async for row in rows:
            yield Opportunity.of(row)
