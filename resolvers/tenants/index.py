"""The tenants, held in memory: a few dozen rows, read on every request, changed only by a sync."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from hub.db.models import Tenant
from hub.errors import BadUserInput
from hub.i18n import messages as msg


@dataclass(frozen=True, slots=True)
class TenantIndex:
    by_id: dict[int, Tenant]
    by_slug: dict[str, Tenant] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_slug", {t.slug: t for t in self.by_id.values()})

    @classmethod
    async def load(cls, session: AsyncSession) -> TenantIndex:
        rows = (await session.scalars(select(Tenant).order_by(Tenant.id))).all()
        return cls({t.id: t for t in rows})

    @property
    def active(self) -> list[Tenant]:
        return [t for t in self.by_id.values() if t.active]

    @property
    def inactive_ids(self) -> frozenset[int]:
        return frozenset(t.id for t in self.by_id.values() if not t.active)

    def get(self, tenant_id: int) -> Tenant | None:
        tenant = self.by_id.get(tenant_id)
        return tenant if tenant is not None and tenant.active else None

    def find(self, slug: str) -> Tenant | None:
        tenant = self.by_slug.get(slug)
        return tenant if tenant is not None and tenant.active else None

    def ids_for_slugs(self, slugs: Iterable[str], argument: str) -> tuple[int, ...]:
        """Tenant ids for slugs; an unknown slug is bad input, named in the message."""
        ids: list[int] = []
        for slug in slugs:
            tenant = self.find(slug)
            if tenant is None:
                raise BadUserInput(msg.UNKNOWN_TENANT, argument=argument, slug=slug)
            ids.append(tenant.id)
        return tuple(sorted(set(ids)))

    def ids_for_countries(self, countries: Iterable[str]) -> tuple[int, ...]:
        wanted = set(countries)
        return tuple(sorted(t.id for t in self.active if t.country in wanted))
