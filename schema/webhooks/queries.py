"""An API client's own webhooks (`webhooks`). A part of the root Query: schema/root.py."""

from __future__ import annotations

from typing import Any

import strawberry

from hub.access import PrincipalKind
from resolvers.webhooks import messages as msg
from resolvers.webhooks.queries import own_webhooks
from resolvers.webhooks.registry import SCOPE
from schema.core.info import Info
from schema.core.permissions import Policy, matrix
from schema.core.policy import EVERYONE, policy
from schema.webhooks.types import Webhook


class WebhookClients(Policy):
    rule = "API clients with the `webhooks` scope (their own webhooks only)"
    matrix = matrix({"client"})
    message = msg.WEBHOOK_CLIENTS_ONLY

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        principal = info.context.scope.principal
        return principal.kind == PrincipalKind.CLIENT and SCOPE in principal.scopes


@policy(reach=EVERYONE, open=())
@strawberry.type
class WebhookQueries:
    @strawberry.field(permission_classes=[WebhookClients],
                      description="API clients with the `webhooks` scope: their active "
                                  "webhooks, oldest first (never their secrets).")
    async def webhooks(self, info: Info) -> list[Webhook] | None:
        return [Webhook.of(row) for row in await own_webhooks(info.context)]
