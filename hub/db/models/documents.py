"""Trusted documents (persisted queries): the GraphQL documents a society's frontends may
send by id, pushed from their build's manifest by `tatawwu documents push`.

Not tenant-owned: a document belongs to one API client (usable only with its key) or is
global (usable by every caller). Requests never read this table in their own transaction:
the trusted-documents middleware reads it as the owner (on PostgreSQL the request role has
no grant on it, as for API keys).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from hub.db.models.base import Base
from hub.db.types import BigId, utcnow

# An id is unique among the global documents, and among one client's documents.
_GLOBAL = "client_id IS NULL"
_OWNED = "client_id IS NOT NULL"


class TrustedDocument(Base):
    """One document of a manifest: its id as the manifest gives it, its text, and the
    sha256 of its normalized text (stable across whitespace and comments)."""

    __tablename__ = "trusted_document"
    __table_args__ = (
        Index("uq_trusted_document_global_id", "document_id", unique=True,
              sqlite_where=text(_GLOBAL), postgresql_where=text(_GLOBAL)),
        Index("uq_trusted_document_client_id_document_id", "client_id", "document_id",
              unique=True, sqlite_where=text(_OWNED), postgresql_where=text(_OWNED)),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    document_id: Mapped[str] = mapped_column(String(200))
    client_id: Mapped[int | None] = mapped_column(
        BigId, ForeignKey("api_client.id", ondelete="CASCADE"))
    sha256: Mapped[str] = mapped_column(String(64))
    body: Mapped[str] = mapped_column(Text)
    operation_name: Mapped[str | None] = mapped_column(String(200))
    operation_type: Mapped[str | None] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    retired_at: Mapped[datetime | None]
