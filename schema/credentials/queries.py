"""The credentials domain's root queries (a part of the root type: schema/root.py)."""

from __future__ import annotations

from typing import Any

import strawberry

from hub.access import PrincipalKind
from hub.i18n import messages as hub_msg
from schema.core.info import Info
from schema.core.permissions import Policy, matrix
from schema.core.policy import EVERYONE, policy
from schema.credentials.types import IssuedCredential


class Holder(Policy):
    """A signed-in volunteer, about their own credentials."""

    rule = "signed-in volunteers (their own credentials)"
    matrix = matrix({"self"}, other_volunteer="their own only")
    message = hub_msg.VOLUNTEER_ONLY

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        principal = info.context.scope.principal
        return principal.kind == PrincipalKind.VOLUNTEER and principal.volunteer_id is not None


@policy(reach=EVERYONE, open=())
@strawberry.type
class CredentialQueries:
    @strawberry.field(permission_classes=[Holder],
                      description="Your Open Badges 3.0 credentials (one per certificate and "
                                  "badge), newest first: download `token` and present it to "
                                  "another society, or to anyone who verifies them.")
    async def my_credentials(self, info: Info) -> list[IssuedCredential] | None:
        volunteer_id = info.context.scope.principal.volunteer_id
        assert volunteer_id is not None  # Holder let the caller through
        rows = await info.context.loaders.credentials_by_volunteer.load(volunteer_id)
        tenants = info.context.tenants
        return [IssuedCredential.of(r)
                for r in sorted(rows, key=lambda r: (r.issued_at, r.id), reverse=True)
                if tenants.get(r.tenant_id) is not None]
