"""Recognition: badge awards, certificates, the credentials that carry them to other
societies, each tenant's signing keys, and recognition a society imported from another.

Awards, certificates, credentials and imports are personal records (the volunteer's own, or
staff of the tenant that keeps them: `ReadScope.rows`, and row security on PostgreSQL).
Signing keys are the hub's own: the request role has no privilege on them (migration 0009).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from hub.db.models.base import Base, TenantOwned
from hub.db.types import BigId, utcnow


class BadgeAward(TenantOwned, Base):
    """A badge of the tenant's rules (tenants/*.toml `badge_rules`) awarded to a volunteer.
    One row per (tenant, volunteer, badge): a recompute that finds the rule no longer met
    sets `revoked_at` (and revokes its credential); met again, the award is live again."""

    __tablename__ = "badge_award"
    __table_args__ = (UniqueConstraint("tenant_id", "volunteer_id", "badge_code"),
                      Index(None, "volunteer_id"))

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    volunteer_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("volunteer.id", ondelete="CASCADE"))
    badge_code: Mapped[str] = mapped_column(String(48))
    hours: Mapped[float] = mapped_column(Float)  # the counted verified hours when awarded
    awarded_at: Mapped[datetime] = mapped_column(default=utcnow)
    revoked_at: Mapped[datetime | None]


class Certificate(TenantOwned, Base):
    """A certificate of a completed opportunity (or issued by staff): `code` is its public,
    unguessable verification code."""

    __tablename__ = "certificate"
    __table_args__ = (Index(None, "volunteer_id"), Index(None, "tenant_id", "id"))

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    volunteer_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("volunteer.id", ondelete="CASCADE"))
    application_id: Mapped[int | None] = mapped_column(
        BigId, ForeignKey("application.id", ondelete="SET NULL"), unique=True)
    opportunity_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("opportunity.id"))
    hours: Mapped[float] = mapped_column(Float)
    started_on: Mapped[date | None] = mapped_column(Date)
    completed_on: Mapped[date] = mapped_column(Date)
    locale: Mapped[str] = mapped_column(String(16))  # the volunteer's language when issued
    issued_at: Mapped[datetime] = mapped_column(default=utcnow)
    issued_by: Mapped[str | None] = mapped_column(String(200))  # staff subject, or none
    revoked_at: Mapped[datetime | None]


class IssuerKey(TenantOwned, Base):
    """A tenant's signing key for credentials (RS256). Rotating adds a key and retires the
    old one from signing; retired keys stay published so old credentials still verify."""

    __tablename__ = "issuer_key"
    __table_args__ = (Index(None, "tenant_id", "id"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    kid: Mapped[str] = mapped_column(String(64), unique=True)
    algorithm: Mapped[str] = mapped_column(String(16), default="RS256")
    public_jwk: Mapped[dict[str, Any]]
    private_pem: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    retired_at: Mapped[datetime | None]


class Credential(TenantOwned, Base):
    """An Open Badges 3.0 credential issued for a certificate or a badge award, signed as a
    VC-JWT (`token`). `status_index` is its bit in the tenant's revocation status list."""

    __tablename__ = "credential"
    __table_args__ = (UniqueConstraint("tenant_id", "status_index"),
                      Index(None, "volunteer_id"))

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    jti: Mapped[str] = mapped_column(String(200), unique=True)  # the credential's id (URL)
    volunteer_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("volunteer.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))  # CERTIFICATE | BADGE
    certificate_id: Mapped[int | None] = mapped_column(
        BigId, ForeignKey("certificate.id", ondelete="CASCADE"), unique=True)
    award_id: Mapped[int | None] = mapped_column(
        BigId, ForeignKey("badge_award.id", ondelete="CASCADE"), unique=True)
    status_index: Mapped[int] = mapped_column(Integer)
    token: Mapped[str] = mapped_column(Text)
    issued_at: Mapped[datetime] = mapped_column(default=utcnow)
    revoked_at: Mapped[datetime | None]


class RecognitionImport(TenantOwned, Base):
    """Recognition another society issued, presented by the volunteer to this tenant
    (`tenant_id`) and imported after verification, with the volunteer's consent."""

    __tablename__ = "recognition_import"
    __table_args__ = (UniqueConstraint("tenant_id", "credential_jti"),
                      Index(None, "volunteer_id"))

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    volunteer_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("volunteer.id", ondelete="CASCADE"))
    credential_jti: Mapped[str] = mapped_column(String(200))
    issuer: Mapped[str] = mapped_column(String(200))  # the issuer's id (URL)
    issuer_tenant_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("tenant.id"))
    kind: Mapped[str] = mapped_column(String(16))  # CERTIFICATE | BADGE
    achievement: Mapped[dict[str, Any]]  # name per language, criteria, badge code
    hours: Mapped[float | None] = mapped_column(Float)
    valid_from: Mapped[datetime]
    consented_at: Mapped[datetime] = mapped_column(default=utcnow)
    imported_at: Mapped[datetime] = mapped_column(default=utcnow)
    token: Mapped[str] = mapped_column(Text)  # the credential as presented
