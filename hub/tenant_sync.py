"""Mirror the tenant registry's files into the `tenant` table (idempotent upserts)."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from hub.db.models import Tenant
from tenants import TenantDefinition
from tenants.recognition import as_settings


@dataclass(slots=True)
class SyncReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    deactivated: list[str] = field(default_factory=list)


def _settings(definition: TenantDefinition) -> dict[str, object]:
    return {
        **as_settings(definition.badge_rules, definition.levels, definition.certificates),
        "sharing": dict(definition.sharing),
        "terms_version": definition.terms_version,
        "public_statistics": list(definition.public_statistics),
    }


async def sync_tenants(
    session: AsyncSession, registry: dict[str, TenantDefinition]
) -> SyncReport:
    """Create or update one row per definition; rows whose file is gone become inactive.

    Rows are never deleted: opportunities and memberships keep pointing at them.
    The caller commits.
    """
    report = SyncReport()
    rows = {t.slug: t for t in (await session.scalars(select(Tenant))).all()}
    # Parents first, so that parent ids exist when children are written.
    for definition in _parents_first(registry):
        row = rows.get(definition.slug)
        parent_id = rows[definition.parent].id if definition.parent else None
        values = {
            "kind": definition.kind.value,
            "country": definition.country,
            "parent_id": parent_id,
            "default_locale": definition.default_locale,
            "locales": list(definition.locales),
            "digits": definition.digits,
            "time_zone": definition.time_zone,
            "hijri_dates": definition.hijri_dates,
            "names": dict(definition.names),
            "settings": _settings(definition),
            "active": True,
        }
        if row is None:
            row = Tenant(slug=definition.slug, **values)
            session.add(row)
            await session.flush()
            rows[definition.slug] = row
            report.created.append(definition.slug)
        elif any(getattr(row, k) != v for k, v in values.items()):
            for key, value in values.items():
                setattr(row, key, value)
            report.updated.append(definition.slug)
        else:
            report.unchanged.append(definition.slug)
    for slug, row in rows.items():
        if slug not in registry and row.active:
            row.active = False
            report.deactivated.append(slug)
    await session.flush()
    return report


def _parents_first(registry: dict[str, TenantDefinition]) -> list[TenantDefinition]:
    ordered: list[TenantDefinition] = []
    placed: set[str] = set()

    def place(slug: str) -> None:
        if slug in placed:
            return
        parent = registry[slug].parent
        if parent is not None:
            place(parent)
        placed.add(slug)
        ordered.append(registry[slug])

    for slug in sorted(registry):
        place(slug)
    return ordered
