"""An API client's webhook as the API shows it to that client, and the answer to its
registration (the one place its signing secret is shown)."""

from __future__ import annotations

from datetime import datetime

import strawberry

from hub.ids import encode_id
from resolvers.webhooks.registry import WebhookRow
from schema.core.policy import INHERITED, policy
from schema.webhooks.events import WebhookEvent


@policy(reach=INHERITED, open=("id", "url", "events", "createdAt", "active"),
        note="reached only by the API client that owns it: registerWebhook, removeWebhook "
             "and webhooks answer with the caller's own webhooks only")
@strawberry.type(description="A URL the hub POSTs your tenant's events to (docs/webhooks.md).")
class Webhook:
    id: strawberry.ID
    url: str
    events: list[WebhookEvent]
    created_at: datetime
    active: bool = strawberry.field(description="False once removed.")

    @classmethod
    def of(cls, row: WebhookRow) -> Webhook:
        return cls(id=strawberry.ID(encode_id("Webhook", row.id)), url=row.url,
                   events=[WebhookEvent(e) for e in row.events], created_at=row.created_at,
                   active=row.disabled_at is None)


@policy(reach=INHERITED, open=("webhook", "secret"),
        note="what registerWebhook answers the API client that registers it")
@strawberry.type
class RegisteredWebhook:
    webhook: Webhook
    secret: str = strawberry.field(
        description="Signs every delivery (HMAC-SHA256, docs/webhooks.md). Keep it: it is "
                    "shown only in this answer.")
