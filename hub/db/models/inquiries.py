"""Threads between a volunteer and the staff managing an opportunity ("ask the manager")."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from hub.db.models.base import Base, TenantOwned
from hub.db.types import BigId, utcnow


class Inquiry(TenantOwned, Base):
    """A thread on one opportunity, owned by the opportunity's tenant and one volunteer."""

    __tablename__ = "inquiry"
    __table_args__ = (
        Index(None, "tenant_id", "status", "id"),
        Index(None, "volunteer_id", "id"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    opportunity_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("opportunity.id", ondelete="CASCADE"))
    volunteer_id: Mapped[int] = mapped_column(BigId, ForeignKey("volunteer.id"))
    subject: Mapped[str | None] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(16), default="OPEN")  # InquiryStatus
    opened_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    closed_at: Mapped[datetime | None]


class InquiryMessage(TenantOwned, Base):
    """One message of a thread; `volunteer_id` is the thread's volunteer (row security)."""

    __tablename__ = "inquiry_message"
    __table_args__ = (Index(None, "tenant_id", "inquiry_id", "id"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    inquiry_id: Mapped[int] = mapped_column(BigId, ForeignKey("inquiry.id", ondelete="CASCADE"))
    volunteer_id: Mapped[int] = mapped_column(BigId, ForeignKey("volunteer.id"))
    author: Mapped[str] = mapped_column(String(16))  # VOLUNTEER or STAFF
    author_subject: Mapped[str | None] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    sent_at: Mapped[datetime] = mapped_column(default=utcnow)
