"""The webhook events as an API enum: the stored enum itself, registered once under its API
name (as schema/core/enums.py does) before any input or type uses it."""

from __future__ import annotations

import strawberry

from resolvers.webhooks.outbox import WebhookEvent

strawberry.enum(WebhookEvent, name="WebhookEvent",
                description="What a webhook can be told of: an opportunity of its tenant "
                            "published (once it is live), an application received, hours "
                            "verified.")

__all__ = ["WebhookEvent"]
