"""Staff queues of their tenant: applications waiting for a decision and hours waiting for
verification, oldest first."""

from __future__ import annotations

import strawberry

from hub.errors import Forbidden
from hub.i18n import messages as hub_msg
from resolvers.applications.queries import applications_to_decide, hours_to_verify
from schema.applications.types import ApplicationConnection, HoursEntryConnection
from schema.core.info import Info
from schema.core.permissions import Staff
from schema.core.policy import EVERYONE, policy


def own_tenant(info: Info, tenant: str | None) -> int:
    """The staff member's tenant: `tenant`, if given, must be it."""
    ctx = info.context
    own = sorted(ctx.scope.own_tenants)
    if tenant is not None:
        wanted = ctx.tenants.ids_for_slugs([tenant], "tenant")
        if not set(wanted) <= set(own):
            raise Forbidden(hub_msg.OWN_TENANT_FILTER_ONLY, argument="tenant")
    if not own:
        raise Forbidden(hub_msg.STAFF_ONLY)
    return own[0]


@policy(reach=EVERYONE, open=())
@strawberry.type
class ApplicationQueries:
    @strawberry.field(permission_classes=[Staff],
                      description="Staff: applications to their tenant waiting for a "
                                  "decision (APPLIED), oldest first.")
    async def applications_to_decide(
        self, info: Info, tenant: str | None = None, first: int | None = 20,
        after: str | None = None,
    ) -> ApplicationConnection | None:
        page = await applications_to_decide(info.context, tenant_id=own_tenant(info, tenant),
                                            first=first, after=after)
        return ApplicationConnection.of(page)

    @strawberry.field(permission_classes=[Staff],
                      description="Staff: hours entries of their tenant waiting for "
                                  "verification (PENDING), oldest first.")
    async def hours_to_verify(
        self, info: Info, tenant: str | None = None, first: int | None = 20,
        after: str | None = None,
    ) -> HoursEntryConnection | None:
        page = await hours_to_verify(info.context, tenant_id=own_tenant(info, tenant),
                                     first=first, after=after)
        return HoursEntryConnection.of(page)
