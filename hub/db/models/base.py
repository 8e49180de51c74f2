"""Declarative base, naming convention and the column groups shared by several tables."""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar

from sqlalchemy import JSON, Boolean, ForeignKey, MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

from hub.db.types import BigId, UTCDateTime, utcnow

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UTCDateTime(),
        dict[str, str]: JSON(),
        dict[str, Any]: JSON(),
        list[str]: JSON(),
    }


class TenantOwned:
    """`tenant_id` on every tenant-owned row."""

    @declared_attr
    def tenant_id(cls) -> Mapped[int]:
        return mapped_column(BigId, ForeignKey("tenant.id", ondelete="RESTRICT"), nullable=False)


class Timestamps:
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class TranslationColumns:
    """What every translation row has beside its text: one row per (record, locale).

    `text_fields` names the model's text columns, in order: the one list of what is
    translatable (the API's texts, `setTranslation`, source digests, the demo seeder)."""

    text_fields: ClassVar[tuple[str, ...]]

    locale: Mapped[str] = mapped_column(String(16), primary_key=True)
    is_source: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    # Digest of the source text this translation was made from; differs from the source
    # row's own digest once the source changes, which marks the translation stale.
    source_digest: Mapped[str | None] = mapped_column(String(64))

