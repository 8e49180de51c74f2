"""Volunteers: staff's searchable list, and one volunteer by id (as far as the caller may)."""

from __future__ import annotations

import strawberry

from hub.errors import Forbidden
from hub.i18n import messages as msg
from resolvers.volunteers.queries import VolunteerFilter, volunteer_page
from schema.core.info import Info
from schema.core.inputs import checked_list, checked_search
from schema.core.node import lookup
from schema.core.permissions import Staff
from schema.core.policy import EVERYONE, policy
from schema.volunteers.types import Volunteer, VolunteerConnection


@policy(reach=EVERYONE, open=("volunteer",))
@strawberry.type
class VolunteerQueries:
    @strawberry.field(permission_classes=[Staff],
                      description="Staff: their tenant's volunteers and, across the network, "
                                  "volunteers who share with it (searchable by skill and city).")
    async def volunteers(
        self, info: Info, first: int | None = 20, after: str | None = None,
        tenant: str | None = None, search: str | None = None, skills: list[str] | None = None,
    ) -> VolunteerConnection | None:
        ctx = info.context
        tenant_ids = ctx.tenants.ids_for_slugs([tenant], "tenant") if tenant else None
        if tenant_ids and not set(tenant_ids) <= ctx.scope.own_tenants:
            # Memberships in other tenants are personal data: no filtering by them.
            raise Forbidden(msg.OWN_TENANT_FILTER_ONLY, argument="tenant")
        spec = VolunteerFilter(
            tenant_ids=tenant_ids,
            search=checked_search(search), skills=checked_list(skills, "skills"),
            name_search_tenants=tuple(sorted(ctx.scope.own_tenants)),
        )
        return await VolunteerConnection.prefetched(
            info, await volunteer_page(ctx, first=first, after=after, filter=spec))

    @strawberry.field
    async def volunteer(self, info: Info, id: strawberry.ID) -> Volunteer | None:
        return await lookup(info, id, Volunteer)
