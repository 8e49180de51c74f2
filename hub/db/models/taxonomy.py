"""Shared taxonomies: opportunity categories and volunteer skills, labelled per locale."""

from __future__ import annotations

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from hub.db.models.base import Base


class Category(Base):
    __tablename__ = "category"

    code: Mapped[str] = mapped_column(String(48), primary_key=True)
    labels: Mapped[dict[str, str]]
    position: Mapped[int] = mapped_column(Integer, default=0)


class Skill(Base):
    __tablename__ = "skill"

    code: Mapped[str] = mapped_column(String(48), primary_key=True)
    labels: Mapped[dict[str, str]]
