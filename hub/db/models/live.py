"""What reaches people and systems outside a request: emergency calls broadcast live, and
webhooks with their deliveries. Written in the transaction of the change they report (an
outbox), read and delivered by the hub's own loops as the database owner: the request role
has no privilege on these tables (migration 0009)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from hub.db.models.base import Base, TenantOwned
from hub.db.types import BigId, utcnow


class EmergencyCall(TenantOwned, Base):
    """An emergency opportunity to broadcast once it is live: written when it is published
    (now, or scheduled: `due_at` is its `published_at`), claimed by exactly one hub process
    once due (`broadcast_at` set in the claiming transaction), then sent to every process's
    subscribers (LISTEN/NOTIFY, Redis or in process) and to matching volunteers' outbox."""

    __tablename__ = "emergency_call"
    __table_args__ = (Index(None, "broadcast_at", "due_at"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    opportunity_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("opportunity.id", ondelete="CASCADE"))
    due_at: Mapped[datetime] = mapped_column(default=utcnow)
    broadcast_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Webhook(TenantOwned, Base):
    """A URL an API client registered for events of its own tenant. `secret` signs each
    delivery (HMAC-SHA256); it is shown once, when the webhook is created."""

    __tablename__ = "webhook"
    __table_args__ = (Index(None, "tenant_id", "id"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    client_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("api_client.id", ondelete="CASCADE"))
    url: Mapped[str] = mapped_column(String(2000))
    events: Mapped[list[str]]  # OPPORTUNITY_PUBLISHED, APPLICATION_RECEIVED, HOURS_VERIFIED
    secret: Mapped[str] = mapped_column(String(128))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    disabled_at: Mapped[datetime | None]


class WebhookDelivery(TenantOwned, Base):
    """One event for one webhook: delivered at least once, retried with back-off."""

    __tablename__ = "webhook_delivery"
    __table_args__ = (
        Index(None, "delivered_at", "next_attempt_at"),
        Index(None, "webhook_id", "id"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    webhook_id: Mapped[int] = mapped_column(BigId, ForeignKey("webhook.id", ondelete="CASCADE"))
    event: Mapped[str] = mapped_column(String(48))
    payload: Mapped[dict[str, Any]]  # ids and codes, as the body will carry them
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None]
    delivered_at: Mapped[datetime | None]
    failed_at: Mapped[datetime | None]  # gave up after the last attempt
    last_status: Mapped[int | None] = mapped_column(Integer)
    last_error: Mapped[str | None] = mapped_column(Text)
