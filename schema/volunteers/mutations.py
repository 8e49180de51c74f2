"""`setNetworkSharing`: a volunteer's consent to be visible to staff of other member tenants
(display name, skills, languages, group, city, verified hours; never contact data)."""

from __future__ import annotations

import strawberry
from sqlalchemy import update

from hub.access import PrincipalKind
from hub.db import models as m
from hub.errors import Forbidden
from hub.i18n import messages as msg
from hub.ids import encode_id
from schema.core.info import Info
from schema.core.policy import EVERYONE, policy
from schema.volunteers.types import Volunteer


async def set_network_sharing(info: Info, share: bool) -> Volunteer:
    ctx = info.context
    principal = ctx.scope.principal
    if principal.kind != PrincipalKind.VOLUNTEER or principal.volunteer_id is None:
        raise Forbidden(msg.VOLUNTEER_ONLY)
    async with ctx.db.transaction() as session:
        await session.execute(update(m.Volunteer).where(
            m.Volunteer.id == principal.volunteer_id).values(shares_with_network=share))
        ctx.audit.record("set_network_sharing", "Volunteer",
                         encode_id("Volunteer", principal.volunteer_id), share=share)
        await ctx.audit.flush(session)
    ctx.loaders.volunteer_by_id.clear(principal.volunteer_id)
    row = await ctx.loaders.volunteer_by_id.load(principal.volunteer_id)
    return Volunteer.of(row)


@policy(reach=EVERYONE, open=("setNetworkSharing",))
@strawberry.type
class VolunteerMutations:
    @strawberry.mutation(description="A volunteer's consent to be found by staff of other "
                                      "member tenants (never their contact data).")
    async def set_network_sharing(self, info: Info, share: bool) -> Volunteer:
        return await set_network_sharing(info, share)
