"""The webhooks domain's root mutations (a part of the root type: schema/root.py): an API
client with the `webhooks` scope registers and removes its own webhooks. The writes are
`resolvers.webhooks.commands`; each is one transaction, audited, and safe to retry with the
`Idempotency-Key` header."""

from __future__ import annotations

import strawberry

from hub.errors import NotFound
from resolvers.core.writes import perform
from resolvers.webhooks import messages as msg
from resolvers.webhooks.commands import RegisterWebhook, RemoveWebhook
from resolvers.webhooks.queries import own_webhook
from schema.applications.inputs import key_of
from schema.core.info import Info
from schema.core.policy import EVERYONE, policy
from schema.webhooks.inputs import RegisterWebhookInput, RemoveWebhookInput
from schema.webhooks.types import RegisteredWebhook, Webhook


@policy(reach=EVERYONE, open=("registerWebhook", "removeWebhook"))
@strawberry.type
class WebhookMutations:
    @strawberry.mutation(description="API clients with the `webhooks` scope: a URL for events "
                                      "of the client's own tenant. The answer holds the "
                                      "secret that signs the deliveries, shown only here.")
    async def register_webhook(self, info: Info,
                               input: RegisterWebhookInput) -> RegisteredWebhook:
        ctx = info.context
        webhook_id = await perform(ctx, RegisterWebhook(
            input.url, tuple(event.value for event in input.events)))
        found = await own_webhook(ctx, webhook_id, with_secret=True)
        if found is None:  # pragma: no cover - the caller's own, just written
            raise NotFound(msg.WEBHOOK_NOT_FOUND, argument="input.id")
        row, secret = found
        return RegisteredWebhook(webhook=Webhook.of(row), secret=secret or "")

    @strawberry.mutation(description="API clients with the `webhooks` scope: one of their "
                                      "webhooks removed; what is not delivered yet is "
                                      "cancelled.")
    async def remove_webhook(self, info: Info, input: RemoveWebhookInput) -> Webhook:
        ctx = info.context
        webhook_id = await perform(ctx, RemoveWebhook(key_of(input.id, "Webhook", "input.id")))
        found = await own_webhook(ctx, webhook_id)
        if found is None:  # pragma: no cover - the caller's own, just removed
            raise NotFound(msg.WEBHOOK_NOT_FOUND, argument="input.id")
        return Webhook.of(found[0])
