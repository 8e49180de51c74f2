"""The tenants: every active one, by kind or country, or one by its slug."""

from __future__ import annotations

import strawberry

from schema.core.enums import TenantKind
from schema.core.info import Info
from schema.core.policy import EVERYONE, policy
from schema.tenants.types import Tenant


@policy(reach=EVERYONE, open=("tenants", "tenant"))
@strawberry.type
class TenantQueries:
    @strawberry.field
    def tenants(
        self, info: Info, kind: TenantKind | None = None, country: str | None = None
    ) -> list[Tenant]:
        rows = info.context.tenants.active
        if kind is not None:
            rows = [t for t in rows if t.kind == kind.value]
        if country is not None:
            rows = [t for t in rows if t.country == country.upper()]
        return [Tenant.of(t) for t in rows]

    @strawberry.field
    def tenant(self, info: Info, slug: str) -> Tenant | None:
        row = info.context.tenants.find(slug)
        return Tenant.of(row) if row else None
