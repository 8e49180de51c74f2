"""Organizations inside a tenant and the volunteering opportunities they offer."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from hub.db.models.base import Base, TenantOwned, Timestamps, TranslationColumns
from hub.db.types import BigId


class Organization(TenantOwned, Timestamps, Base):
    """An opportunity owner inside a tenant: a school, a municipality, a local branch, an NGO."""

    __tablename__ = "organization"
    __table_args__ = (Index(None, "tenant_id", "id"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str | None] = mapped_column(String(48))
    city: Mapped[str | None] = mapped_column(String(100))


class Opportunity(TenantOwned, Timestamps, Base):
    __tablename__ = "opportunity"
    __table_args__ = (
        # Tenant pages and the cross-tenant feed both walk ids newest first.
        Index(None, "tenant_id", "status", "visibility", "id"),
        Index(None, "status", "visibility", "id"),
        UniqueConstraint("tenant_id", "external_id"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    external_id: Mapped[str | None] = mapped_column(String(128))
    # A society system's last synced item (upsertOpportunities): the digest of what it sent,
    # so that the same item sent again is answered UNCHANGED without writing.
    sync_digest: Mapped[str | None] = mapped_column(String(64))
    organization_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("organization.id"))
    campaign_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("campaign.id"))
    format: Mapped[str] = mapped_column(String(24))
    category_code: Mapped[str] = mapped_column(String(48), ForeignKey("category.code"))
    country: Mapped[str | None] = mapped_column(String(2))
    region: Mapped[str | None] = mapped_column(String(100))
    city: Mapped[str | None] = mapped_column(String(100))
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    starts_at: Mapped[datetime | None]
    ends_at: Mapped[datetime | None]
    is_ongoing: Mapped[bool] = mapped_column(Boolean, default=False)
    capacity: Mapped[int | None] = mapped_column(Integer)
    # Accepted + completed applications; kept by the same transaction that changes them.
    filled_spots: Mapped[int] = mapped_column(Integer, default=0)
    credited_hours: Mapped[float | None] = mapped_column(Float)
    is_emergency: Mapped[bool] = mapped_column(Boolean, default=False)
    visibility: Mapped[str] = mapped_column(String(24))
    status: Mapped[str] = mapped_column(String(24))
    published_at: Mapped[datetime | None]
    contact_name: Mapped[str | None] = mapped_column(String(200))
    contact_email: Mapped[str | None] = mapped_column(String(200))
    contact_phone: Mapped[str | None] = mapped_column(String(40))
    # Applicants younger than this (in whole years on the day they apply) are refused.
    min_age: Mapped[int | None] = mapped_column(Integer)
    # AUTOMATIC (remote, anytime opportunities: accepted while places are left) or REVIEW.
    acceptance: Mapped[str] = mapped_column(String(16), default="REVIEW",
                                            server_default="REVIEW")


class OpportunityTranslation(TenantOwned, TranslationColumns, Base):
    __tablename__ = "opportunity_translation"
    text_fields = ("title", "summary", "description")

    opportunity_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("opportunity.id", ondelete="CASCADE"), primary_key=True
    )
    title: Mapped[str] = mapped_column(String(300))
    summary: Mapped[str | None] = mapped_column(Text)
    description: Mapped[str | None] = mapped_column(Text)


class OpportunitySkill(TenantOwned, Base):
    __tablename__ = "opportunity_skill"
    __table_args__ = (Index(None, "tenant_id", "skill_code", "opportunity_id"),)

    opportunity_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("opportunity.id", ondelete="CASCADE"), primary_key=True
    )
    skill_code: Mapped[str] = mapped_column(
        String(48), ForeignKey("skill.code"), primary_key=True
    )
