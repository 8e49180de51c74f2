"""API clients (widgets, society systems) and the audit trail of personal-data reads and writes."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from hub.db.models.base import Base, TenantOwned
from hub.db.types import BigId, utcnow


class ApiClient(TenantOwned, Base):
    """A key for a widget or a society's system: stored as a digest, shown once at creation."""

    __tablename__ = "api_client"
    __table_args__ = (Index(None, "tenant_id", "id"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    prefix: Mapped[str] = mapped_column(String(16), unique=True)
    digest: Mapped[str] = mapped_column(String(64))
    scopes: Mapped[list[str]]
    allowed_origins: Mapped[list[str]]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    revoked_at: Mapped[datetime | None]


class AuditEvent(Base):
    """Who did or read what, for which tenant, when, in which request."""

    __tablename__ = "audit_event"
    # No RETURNING on insert: request transactions may write audit events, never read them.
    __table_args__ = (Index(None, "tenant_id", "at"), Index(None, "at"),
                      {"implicit_returning": False})

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    request_id: Mapped[str] = mapped_column(String(64))
    principal_kind: Mapped[str] = mapped_column(String(24))
    subject: Mapped[str | None] = mapped_column(String(200))
    tenant_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("tenant.id"))
    action: Mapped[str] = mapped_column(String(64))
    object_type: Mapped[str] = mapped_column(String(48))
    object_id: Mapped[str | None] = mapped_column(String(64))
    details: Mapped[dict[str, Any]]
