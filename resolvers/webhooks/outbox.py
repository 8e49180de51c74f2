"""Webhook events, queued in the transaction of the change they report (an outbox).

A command calls `queue_webhooks(tx, ...)` in its `apply`: one `webhook_delivery` row for
each active webhook of the event's tenant registered for the event (its API client not
revoked), written by one INSERT ... SELECT inside `tx.as_system()` (the request role has no
privilege on the webhook tables). The rows commit exactly when the change does, and the
delivery loop (resolvers/webhooks/delivery.py) sends them later, at least once.

Confidentiality: a delivery is only ever made for a webhook of the event's own tenant, and
the payload holds global ids and codes, never a person's name, e-mail or text. The stored
payload is the body the receiver gets, but for the tenant's slug, joined in when it is sent:

    {"id": "evt_<32 hex>", "type": "APPLICATION_RECEIVED", "tenant": "dz-crescent",
     "occurredAt": "2026-12-07T10:00:00Z", "data": {"application": "<global id>", ...}}

`id` names the event (the same for every webhook it goes to); each delivery has its own id
besides, in the `Tatawwu-Webhook-Id` header. An opportunity's publication may be scheduled
(`due_at`, its `published_at`, ahead): its deliveries wait until then, and the delivery loop
checks that the opportunity is still published at that time before it sends them.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Integer, String, and_, cast, insert, literal, select

from hub.db import models as m
from hub.db.types import UTCDateTime, utcnow
from resolvers.core.writes import Tx


class WebhookEvent(StrEnum):
    OPPORTUNITY_PUBLISHED = "OPPORTUNITY_PUBLISHED"  # data: opportunity, publishedAt
    APPLICATION_RECEIVED = "APPLICATION_RECEIVED"  # data: application, opportunity, status
    HOURS_VERIFIED = "HOURS_VERIFIED"  # data: entries (the approved hours entries)


W, D, C = m.Webhook, m.WebhookDelivery, m.ApiClient


def iso(moment: datetime) -> str:
    """A moment as the payloads write it: UTC, seconds, `Z`."""
    return moment.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def registered_for(event: WebhookEvent) -> Any:
    """A webhook registered for `event`: its JSON list of events names it. Compared as text,
    the same on SQLite and PostgreSQL (`"NAME"` with its quotes: no name holds another)."""
    return cast(W.events, String).contains(f'"{event.value}"', autoescape=True)


async def queue_webhooks(tx: Tx, *, tenant_id: int, event: WebhookEvent,
                         payload: dict[str, Any], due_at: datetime | None = None) -> None:
    """A delivery for each webhook of `tenant_id` registered for `event`; `payload` holds
    global ids and codes only; `due_at` delays it (a scheduled publication)."""
    now = utcnow()
    when = due_at if due_at is not None and due_at > now else now
    data = dict(payload)
    if event == WebhookEvent.OPPORTUNITY_PUBLISHED:
        # What the delivery loop checks once it is due: still published at that time.
        data["publishedAt"] = iso(due_at or now)
    body = {"id": f"evt_{uuid.uuid4().hex}", "type": event.value, "occurredAt": iso(when),
            "data": data}
    webhooks = (
        select(W.id, W.tenant_id, literal(event.value, String),
               literal(body, JSON), literal(0, Integer),
               literal(now, UTCDateTime()), literal(when, UTCDateTime()))
        .join(C, and_(C.id == W.client_id, C.tenant_id == W.tenant_id))
        .where(W.tenant_id == tenant_id, W.disabled_at.is_(None), C.revoked_at.is_(None),
               registered_for(event))
    )
    async with tx.as_system() as session:
        await session.execute(insert(D).from_select(
            [D.webhook_id, D.tenant_id, D.event, D.payload, D.attempts, D.created_at,
             D.next_attempt_at], webhooks))
