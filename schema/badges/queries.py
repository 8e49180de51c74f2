"""The badges domain's root queries (a part of the root type: schema/root.py): a tenant's
published badges and levels (anyone), and who is eligible for a benefit (its staff)."""

from __future__ import annotations

import strawberry

from resolvers.badges.catalog import recognition_of
from resolvers.badges.eligibility import eligible_page
from schema.applications.queries import own_tenant
from schema.badges.types import Badge, LevelStep, badges_of
from schema.core.info import Info
from schema.core.permissions import Staff
from schema.core.policy import EVERYONE, policy
from schema.volunteers.types import VolunteerConnection


@policy(reach=EVERYONE, open=("badges", "levels"))
@strawberry.type
class BadgeQueries:
    """Fields added by the badges work."""

    @strawberry.field(description="A society's badges (its published rules), in its order.")
    def badges(self, info: Info, tenant: str) -> list[Badge]:
        (tenant_id,) = info.context.tenants.ids_for_slugs([tenant], "tenant")
        return badges_of(info.context.tenants.by_id[tenant_id])

    @strawberry.field(description="A society's path toward a professional level, in order.")
    def levels(self, info: Info, tenant: str) -> list[LevelStep]:
        (tenant_id,) = info.context.tenants.ids_for_slugs([tenant], "tenant")
        row = info.context.tenants.by_id[tenant_id]
        return [LevelStep.of(level, row) for level in recognition_of(row).levels]

    @strawberry.field(permission_classes=[Staff],
                      description="Staff: their society's volunteers holding a badge that "
                                  "opens `benefit` (a benefit code of its badge rules), "
                                  "oldest registration first.")
    async def volunteers_eligible_for_benefit(
        self, info: Info, benefit: str, tenant: str | None = None, first: int | None = 20,
        after: str | None = None,
    ) -> VolunteerConnection | None:
        page = await eligible_page(info.context, tenant_id=own_tenant(info, tenant),
                                   benefit=benefit, first=first, after=after)
        return VolunteerConnection.of(page)
