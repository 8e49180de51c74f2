"""Who the caller is, as the hub understood their credentials."""

from __future__ import annotations

import strawberry

from hub.access import PrincipalKind
from schema.core.info import Info
from schema.core.policy import EVERYONE, policy
from schema.tenants.types import Tenant, tenant_of
from schema.volunteers.types import Volunteer


@policy(reach=EVERYONE, open=("kind", "tenant", "roles", "volunteer", "locale", "canRegister"),
        note="always about the caller themself")
@strawberry.type
class Viewer:
    kind: str = strawberry.field(description="ANONYMOUS | VOLUNTEER | STAFF | FEDERATION | CLIENT")
    roles: list[str]
    locale: str = strawberry.field(description="The first locale of the request's chain.")

    @strawberry.field
    def tenant(self, info: Info) -> Tenant | None:
        tenant_id = info.context.scope.principal.tenant_id
        if tenant_id is None or info.context.tenants.get(tenant_id) is None:
            return None
        return tenant_of(info, tenant_id)

    @strawberry.field(description="A signed-in person without a volunteer record yet: "
                                  "`registerVolunteer` is open to them.")
    def can_register(self, info: Info) -> bool:
        principal = info.context.scope.principal
        return principal.kind == PrincipalKind.VOLUNTEER and principal.volunteer_id is None

    @strawberry.field
    async def volunteer(self, info: Info) -> Volunteer | None:
        volunteer_id = info.context.scope.principal.volunteer_id
        if volunteer_id is None:
            return None
        row = await info.context.loaders.volunteer_by_id.load(volunteer_id)
        return Volunteer.of(row) if row else None


def viewer_of(info: Info) -> Viewer:
    principal = info.context.scope.principal
    return Viewer(kind=principal.kind.value, roles=sorted(principal.roles),
                  locale=info.context.locales.preferred or "en")
