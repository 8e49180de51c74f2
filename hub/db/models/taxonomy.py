"""Shared taxonomies: opportunity categories and volunteer skills, labelled per locale."""

from __future__ import annotations

from sqlalchemy import Boolean, Integer, String, true
from sqlalchemy.orm import Mapped, mapped_column

from hub.db.models.base import Base


class Category(Base):
    __tablename__ = "category"

    code: Mapped[str] = mapped_column(String(48), primary_key=True)
    labels: Mapped[dict[str, str]]
    position: Mapped[int] = mapped_column(Integer, default=0)
    # Retired codes stay on the records that use them but are offered for no new one.
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())


class Skill(Base):
    __tablename__ = "skill"

    code: Mapped[str] = mapped_column(String(48), primary_key=True)
    labels: Mapped[dict[str, str]]
    position: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
