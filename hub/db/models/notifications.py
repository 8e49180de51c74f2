"""The transactional outbox of notifications, and the keys that make retried writes safe."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from hub.db.models.base import Base, TenantOwned
from hub.db.types import BigId, utcnow


class Notification(TenantOwned, Base):
    """A message for a volunteer, written in the same transaction as the change it reports;
    delivered (e-mail) later, at least once, and listed in-app."""

    __tablename__ = "notification"
    __table_args__ = (
        Index(None, "volunteer_id", "id"),
        Index(None, "sent_at", "next_attempt_at"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    volunteer_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("volunteer.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(48))
    # What the message is about (ids, codes, numbers): rendered in the recipient's language
    # when it is read or sent, never stored as text.
    params: Mapped[dict[str, Any]]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    read_at: Mapped[datetime | None]
    sent_at: Mapped[datetime | None]
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(String(500))


class IdempotencyKey(Base):
    """A write already done for (subject, key): a retry with the same key returns `result`
    instead of writing again. Written in the write's own transaction."""

    __tablename__ = "idempotency_key"

    subject: Mapped[str] = mapped_column(String(200), primary_key=True)
    key: Mapped[str] = mapped_column(String(128), primary_key=True)
    operation: Mapped[str] = mapped_column(String(64))
    fingerprint: Mapped[str] = mapped_column(String(64))  # of the operation's input
    result: Mapped[dict[str, Any]]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
