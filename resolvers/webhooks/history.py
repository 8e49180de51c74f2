"""Deliveries as an operator sees them (`tatawwu webhooks deliveries`, `... retry`), read
and changed as the database owner.

A delivery's state, from its columns:

    delivered   the receiver answered 2xx (`delivered_at`)
    failed      every attempt failed (`failed_at`; the last status and error kept)
    cancelled   not to be sent (`failed_at`, `last_error` "cancelled: ..."): its webhook was
                removed, its client's key revoked, or its scheduled publication called off
    scheduled   not tried yet, due later (a scheduled publication)
    pending     due, being tried, or waiting for its next attempt
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from hub.db import models as m
from hub.db.types import utcnow
from resolvers.webhooks.delivery import CANCELLED

D, W, T = m.WebhookDelivery, m.Webhook, m.Tenant


@dataclass(frozen=True, slots=True)
class DeliveryLine:
    id: int
    webhook_id: int
    tenant: str
    event: str
    state: str
    attempts: int
    last_status: int | None
    at: datetime | None  # delivered, failed or cancelled at; else the next attempt's time
    last_error: str | None


def state_of(row: Any, now: datetime) -> str:
    if row.delivered_at is not None:
        return "delivered"
    if row.failed_at is not None:
        return "cancelled" if (row.last_error or "").startswith(CANCELLED) else "failed"
    if row.attempts == 0 and row.next_attempt_at is not None and row.next_attempt_at > now:
        return "scheduled"
    return "pending"


async def delivery_lines(session: AsyncSession, *, webhook_id: int | None = None,
                         failed_only: bool = False, limit: int = 50,
                         now: datetime | None = None) -> list[DeliveryLine]:
    """The latest deliveries, newest first (of one webhook; only the failed ones)."""
    now = now or utcnow()
    stmt = (select(D.id, D.webhook_id, T.slug, D.event, D.attempts, D.last_status,
                   D.next_attempt_at, D.delivered_at, D.failed_at, D.last_error)
            .join(T, T.id == D.tenant_id).order_by(D.id.desc()).limit(limit))
    if webhook_id is not None:
        stmt = stmt.where(D.webhook_id == webhook_id)
    if failed_only:
        stmt = stmt.where(D.failed_at.is_not(None), D.delivered_at.is_(None),
                          ~D.last_error.startswith(CANCELLED, autoescape=True))
    lines = []
    for r in (await session.execute(stmt)).all():
        at = r.delivered_at or r.failed_at or r.next_attempt_at
        lines.append(DeliveryLine(r.id, r.webhook_id, r.slug, r.event, state_of(r, now),
                                  r.attempts, r.last_status, at, r.last_error))
    return lines


async def retry_delivery(session: AsyncSession, delivery_id: int,
                         now: datetime | None = None) -> str | None:
    """A failed or cancelled delivery is due again now, with its attempts counted anew;
    None, or why it cannot be (unknown, already delivered, still pending)."""
    row = (await session.execute(select(D.delivered_at, D.failed_at).where(
        D.id == delivery_id))).first()
    if row is None:
        return "there is no such delivery"
    if row.delivered_at is not None:
        return "it was delivered already"
    if row.failed_at is None:
        return "it is still pending: it will be tried again by itself"
    await session.execute(update(D).where(D.id == delivery_id, D.delivered_at.is_(None))
                          .values(failed_at=None, attempts=0, next_attempt_at=now or utcnow())
                          .execution_options(synchronize_session=False))
    return None
