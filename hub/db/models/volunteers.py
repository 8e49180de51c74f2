"""Volunteers (people, members of one or more tenants), applications, hours and saved items."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from hub.db.models.base import Base, TenantOwned, Timestamps
from hub.db.types import BigId, utcnow


class Volunteer(Timestamps, Base):
    """A person. Not owned by one tenant: memberships say which tenants they belong to."""

    __tablename__ = "volunteer"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    subject: Mapped[str | None] = mapped_column(String(200), unique=True)  # identity provider sub
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100))
    email: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(40))
    birth_year: Mapped[int | None] = mapped_column(Integer)
    group: Mapped[str | None] = mapped_column(String(24))
    country: Mapped[str | None] = mapped_column(String(2))
    city: Mapped[str | None] = mapped_column(String(100))
    languages: Mapped[list[str]]
    shares_with_network: Mapped[bool] = mapped_column(Boolean, default=False)
    # Sum of verified hours entries, kept by the transaction that verifies them: readable
    # wherever the volunteer is (it is among the fields shared with the network).
    verified_hours: Mapped[float] = mapped_column(Float, default=0.0, server_default="0")
    # Personal: the exact date decides minimum ages (birth_year alone cannot).
    birth_date: Mapped[date | None] = mapped_column(Date)
    # The language notifications are written in (a supported locale tag, e.g. "ar").
    locale: Mapped[str | None] = mapped_column(String(16))
    # Set by deleteMyAccount: every personal field is blank from then on; the row stays so
    # that verified hours remain as anonymous statistics.
    erased_at: Mapped[datetime | None]


class Consent(TenantOwned, Base):
    """A consent given when joining a tenant: its terms (kind TERMS, with the version of the
    terms) and, for a minor, a guardian's (kind GUARDIAN, with who gave it)."""

    __tablename__ = "consent"
    __table_args__ = (Index(None, "volunteer_id", "tenant_id"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    volunteer_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("volunteer.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(24))
    version: Mapped[str | None] = mapped_column(String(32))
    given_at: Mapped[datetime] = mapped_column(default=utcnow)
    guardian_name: Mapped[str | None] = mapped_column(String(200))  # personal
    guardian_contact: Mapped[str | None] = mapped_column(String(200))  # personal


class VolunteerSkill(Base):
    __tablename__ = "volunteer_skill"
    __table_args__ = (Index(None, "skill_code", "volunteer_id"),)

    volunteer_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("volunteer.id", ondelete="CASCADE"), primary_key=True
    )
    skill_code: Mapped[str] = mapped_column(
        String(48), ForeignKey("skill.code"), primary_key=True
    )


class Membership(TenantOwned, Base):
    __tablename__ = "membership"
    __table_args__ = (Index(None, "volunteer_id"),)

    tenant_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("tenant.id"), primary_key=True
    )
    volunteer_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("volunteer.id", ondelete="CASCADE"), primary_key=True
    )
    joined_at: Mapped[datetime] = mapped_column(default=utcnow)
    status: Mapped[str] = mapped_column(String(24), default="ACTIVE")


class Application(TenantOwned, Base):
    __tablename__ = "application"
    __table_args__ = (
        UniqueConstraint("opportunity_id", "volunteer_id"),
        Index(None, "tenant_id", "opportunity_id", "status"),
        Index(None, "volunteer_id", "id"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    opportunity_id: Mapped[int] = mapped_column(BigId, ForeignKey("opportunity.id"))
    volunteer_id: Mapped[int] = mapped_column(BigId, ForeignKey("volunteer.id"))
    status: Mapped[str] = mapped_column(String(24))
    applied_at: Mapped[datetime] = mapped_column(default=utcnow)
    decided_at: Mapped[datetime | None]
    # A rejection's reason: a code with a label in every language, and the staff's own words.
    decision_reason: Mapped[str | None] = mapped_column(String(32))
    decision_note: Mapped[str | None] = mapped_column(Text)
    completed_at: Mapped[datetime | None]
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class HoursEntry(TenantOwned, Base):
    __tablename__ = "hours_entry"
    __table_args__ = (Index(None, "tenant_id", "application_id"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    application_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("application.id", ondelete="CASCADE")
    )
    volunteer_id: Mapped[int] = mapped_column(BigId, ForeignKey("volunteer.id"), index=True)
    date: Mapped[date] = mapped_column(Date)
    hours: Mapped[float] = mapped_column(Float)
    verified: Mapped[bool] = mapped_column(Boolean, default=False)  # status == APPROVED
    verified_at: Mapped[datetime | None]
    # PENDING until staff review it: APPROVED (then `verified`) or REJECTED.
    status: Mapped[str] = mapped_column(String(16), default="PENDING", server_default="PENDING")
    note: Mapped[str | None] = mapped_column(Text)  # the volunteer's
    review_note: Mapped[str | None] = mapped_column(Text)  # the reviewer's
    reviewed_by: Mapped[str | None] = mapped_column(String(200))  # the reviewer's subject
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class SavedOpportunity(TenantOwned, Base):
    __tablename__ = "saved_opportunity"

    volunteer_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("volunteer.id", ondelete="CASCADE"), primary_key=True
    )
    opportunity_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("opportunity.id", ondelete="CASCADE"), primary_key=True
    )
    saved_at: Mapped[datetime] = mapped_column(default=utcnow)
