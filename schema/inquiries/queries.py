"""Staff's inquiry threads of their tenant, with an open/answered/closed filter."""

from __future__ import annotations

import strawberry

from hub.errors import Forbidden
from resolvers.inquiries import messages as msg
from resolvers.inquiries.queries import tenant_inquiry_page
from schema.core.enums import InquiryStatus
from schema.core.info import Info
from schema.core.permissions import Staff
from schema.core.policy import EVERYONE, policy
from schema.inquiries.types import InquiryConnection


@policy(reach=EVERYONE, open=())
@strawberry.type
class InquiryQueries:
    @strawberry.field(permission_classes=[Staff],
                      description="Staff: volunteers' threads with their tenant, newest first "
                                  "(`status: OPEN`: those waiting for an answer).")
    async def inquiries(
        self, info: Info, tenant: str | None = None, status: InquiryStatus | None = None,
        first: int | None = 20, after: str | None = None,
    ) -> InquiryConnection | None:
        ctx = info.context
        own = tuple(sorted(ctx.scope.own_tenants))
        if tenant is not None:
            wanted = ctx.tenants.ids_for_slugs([tenant], "tenant")
            if not set(wanted) <= set(own):
                # Another tenant's threads are not the caller's to list, or to count.
                raise Forbidden(msg.OWN_TENANT_THREADS_ONLY, argument="tenant")
        page = await tenant_inquiry_page(ctx, tenant_ids=own,
                                         status=status.value if status else None,
                                         first=first, after=after)
        return InquiryConnection.of(page)
