"""Inputs of the webhook mutations."""

from __future__ import annotations

import strawberry

from schema.webhooks.events import WebhookEvent


@strawberry.input
class RegisterWebhookInput:
    url: str = strawberry.field(description="https:// (http:// too in dev mode), at most 2000 "
                                            "characters, no user name or password.")
    events: list[WebhookEvent] = strawberry.field(description="At least one.")


@strawberry.input
class RemoveWebhookInput:
    id: strawberry.ID
