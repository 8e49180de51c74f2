"""The editors' worklists: their society's news items and events not yet public (drafts,
and published ones scheduled for later), most recently edited first. A news draft has no
publication time, so it is in no news list; here editors find it again.

Only admins, coordinators and editors of a society get these lists, and only their own
society's records; anyone else gets null with a FORBIDDEN error (a denied list, not an
empty one). Wired into the root Query as `EditorialQueries`.
"""

from __future__ import annotations

from typing import Annotated, Any

import strawberry

from hub.access import EDITOR_ROLES, PrincipalKind
from resolvers.content import messages as msg
from resolvers.content.drafts import EditorialState, editorial_events, editorial_news
from schema.content.types import EventConnection, NewsConnection
from schema.core.info import Info
from schema.core.permissions import Policy, matrix
from schema.core.policy import EVERYONE, policy

strawberry.enum(EditorialState, name="EditorialState",
                description="DRAFT: written, not published; SCHEDULED: published with a "
                            "publication time still ahead.")


class TenantEditor(Policy):
    """Admins, coordinators and editors of the caller's own society (a list of that
    society's records: staff of another society get theirs, never T's)."""

    rule = "admins, coordinators and editors (of their own society's records)"
    matrix = matrix({"admin", "coordinator", "editor"},
                    other_staff="their own society's only")
    message = msg.DRAFTS_EDITORS_ONLY

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        scope = info.context.scope
        p = scope.principal
        return p.kind == PrincipalKind.STAFF and p.tenant_id is not None and \
            scope.is_owner_staff(p.tenant_id, EDITOR_ROLES)


def _own_tenant(info: Info) -> int:
    tenant_id = info.context.scope.principal.tenant_id
    assert tenant_id is not None  # TenantEditor let the caller through
    return tenant_id


STATE = "DRAFT or SCHEDULED; left out, both."


@policy(reach=EVERYONE, open=())
@strawberry.type
class EditorialQueries:
    @strawberry.field(permission_classes=[TenantEditor],
                      description="Editors: their society's news items not yet public "
                                  "(drafts and scheduled), most recently edited first.")
    async def editorial_news(
        self, info: Info, first: int | None = 20, after: str | None = None,
        state: Annotated[EditorialState | None, strawberry.argument(description=STATE)] = None,
    ) -> NewsConnection | None:
        page = await editorial_news(info.context, tenant_id=_own_tenant(info), state=state,
                                    first=first, after=after)
        return await NewsConnection.prefetched(info, page)

    @strawberry.field(permission_classes=[TenantEditor],
                      description="Editors: their society's events not yet public (drafts "
                                  "and scheduled), most recently edited first.")
    async def editorial_events(
        self, info: Info, first: int | None = 20, after: str | None = None,
        state: Annotated[EditorialState | None, strawberry.argument(description=STATE)] = None,
    ) -> EventConnection | None:
        page = await editorial_events(info.context, tenant_id=_own_tenant(info), state=state,
                                      first=first, after=after)
        return await EventConnection.prefetched(info, page)
