"""Webhook events, queued in the transaction of the change they report (placeholder: the
webhooks work fills it in)."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from resolvers.core.writes import Tx


class WebhookEvent(StrEnum):
    OPPORTUNITY_PUBLISHED = "OPPORTUNITY_PUBLISHED"
    APPLICATION_RECEIVED = "APPLICATION_RECEIVED"
    HOURS_VERIFIED = "HOURS_VERIFIED"


async def queue_webhooks(tx: Tx, *, tenant_id: int, event: WebhookEvent,
                         payload: dict[str, Any], due_at: datetime | None = None) -> None:
    """A delivery for each webhook of `tenant_id` registered for `event`; `payload` holds
    global ids and codes only; `due_at` delays it (a scheduled publication)."""
