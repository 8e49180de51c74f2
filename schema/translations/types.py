"""A record's texts in every language, as editors see them: which is the source, and
which translations are stale (made from a source text that has changed since)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import strawberry

from hub.i18n.digest import text_digest
from schema.core.policy import INHERITED, policy


@policy(reach=INHERITED, open=("locale", "field", "value", "isSource", "isStale", "updatedAt"))
@strawberry.type
class Translation:
    locale: str
    field: str
    value: str
    is_source: bool
    is_stale: bool
    updated_at: datetime


def translations_of(rows: list[Any], fields: tuple[str, ...]) -> list[Translation]:
    """Every translated field, with staleness: made from a source text that has changed."""
    source = next((r for r in rows if r.is_source), None)
    digest = text_digest(getattr(source, f) for f in fields) if source else None
    out: list[Translation] = []
    for row in sorted(rows, key=lambda r: str(r.locale)):
        stale = not row.is_source and row.source_digest != digest
        for f in fields:
            value = getattr(row, f)
            if value:
                out.append(Translation(
                    locale=row.locale, field=f, value=value, is_source=row.is_source,
                    is_stale=stale, updated_at=row.updated_at,
                ))
    return out
