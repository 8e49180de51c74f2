"""The tenant table: a mirror of the tenant registry's files, so foreign keys hold."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Boolean, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from hub.db.models.base import Base, Timestamps
from hub.db.types import BigId


class Tenant(Timestamps, Base):
    __tablename__ = "tenant"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    slug: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(24))
    country: Mapped[str | None] = mapped_column(String(2), index=True)
    parent_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("tenant.id"))
    default_locale: Mapped[str] = mapped_column(String(16))
    locales: Mapped[list[str]]
    digits: Mapped[str | None] = mapped_column(String(8))
    time_zone: Mapped[str] = mapped_column(String(64))
    hijri_dates: Mapped[bool] = mapped_column(Boolean, default=False)
    names: Mapped[dict[str, str]]
    settings: Mapped[dict[str, Any]]  # badge rules and sharing, as in the tenant file
    # False once the tenant's file is removed: its rows stay, it is no longer served.
    active: Mapped[bool] = mapped_column(Boolean, default=True)
