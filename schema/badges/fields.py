"""The badge fields of Volunteer, mixed into it as a base:
`class Volunteer(Node, VolunteerInquiryFields, VolunteerNotificationFields,
VolunteerBadgeFields)`.

Who sees a volunteer's badges and level (`Personal`): the volunteer themself (all their
awards, every tenant's levels), and staff of a tenant the volunteer belongs to (the awards
of their own tenant only, its level only). Staff of another tenant, even for a volunteer
who shares with the network, get FORBIDDEN: a badge says how many hours someone served and
where, personal data beyond the shared fields. Badges travel to other societies as the
volunteer's own Open Badges credentials, which the volunteer chooses to present. The
federation analyst, API clients and anonymous callers never see them.
"""

from __future__ import annotations

import strawberry

from hub.access import PrincipalKind
from hub.db import models as m
from hub.errors import Forbidden
from resolvers.badges import messages as msg
from resolvers.badges.catalog import recognition_of
from resolvers.badges.levels import volunteer_standing
from schema.badges.types import BadgeAward, VolunteerLevel, awards_of
from schema.core.info import Info
from schema.core.permissions import Personal


@strawberry.type
class VolunteerBadgeFields:
    """Volunteer's badges and level (the volunteer, and staff of their tenants)."""

    row: strawberry.Private[m.Volunteer]

    @strawberry.field(permission_classes=[Personal],
                      description="Badges earned, by society then date. Staff see their own "
                                  "society's only.")
    async def badges(self, info: Info) -> list[BadgeAward] | None:
        rows = await info.context.loaders.badge_awards_by_volunteer.load(self.row.id)
        return awards_of(info, rows)

    @strawberry.field(permission_classes=[Personal],
                      description="Where the volunteer stands on a society's levels "
                                  "(`tenant`: its slug; by default staff's own society, or "
                                  "the volunteer's first society that has levels). Null when "
                                  "that society defines no levels.")
    async def level(self, info: Info, tenant: str | None = None) -> VolunteerLevel | None:
        ctx = info.context
        tenant_id = await _level_tenant(info, self.row.id, tenant)
        if tenant_id is None:
            return None
        found = await volunteer_standing(ctx, self.row.id, tenant_id)
        if found is None:
            return None
        return VolunteerLevel(standing=found, tenant_row=ctx.tenants.by_id[tenant_id])


async def _level_tenant(info: Info, volunteer_id: int, slug: str | None) -> int | None:
    """Which tenant's levels: the one named (staff: their own only), else staff's own, else
    the volunteer's earliest membership in a tenant that has levels."""
    ctx = info.context
    staff = ctx.scope.principal.kind == PrincipalKind.STAFF
    if slug is not None:
        (tenant_id,) = ctx.tenants.ids_for_slugs([slug], "tenant")
        if staff and tenant_id not in ctx.scope.own_tenants:
            raise Forbidden(msg.LEVEL_OWN_TENANT_ONLY, argument="tenant")
        return tenant_id
    if staff:
        return min(ctx.scope.own_tenants, default=None)
    memberships = await ctx.loaders.memberships_by_volunteer.load(volunteer_id)
    for membership in sorted(memberships, key=lambda mb: mb.joined_at):
        tenant = ctx.tenants.get(membership.tenant_id)
        if tenant is not None and recognition_of(tenant).levels:
            return int(membership.tenant_id)
    return None
