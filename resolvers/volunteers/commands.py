"""The volunteers domain's writes: a volunteer's consent to be visible to staff of other
member tenants (display name, skills, languages, group, city, verified hours; never contact
data)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import update

from hub.access import PrincipalKind
from hub.db import models as m
from hub.errors import Forbidden
from hub.i18n import messages as msg
from hub.ids import encode_id
from resolvers.context import RequestContext
from resolvers.core.loaders import RowByKeyLoader
from resolvers.core.writes import Tx, Write, perform
from resolvers.loaders import Loaders


def volunteers(loaders: Loaders) -> RowByKeyLoader:
    return loaders.volunteer_by_id


@dataclass(frozen=True)
class SetNetworkSharing(Write[int, int]):
    """The signed-in volunteer shares with the network, or stops; the volunteer's id."""

    share: bool

    async def allow(self, ctx: RequestContext) -> int:
        principal = ctx.scope.principal
        if principal.kind != PrincipalKind.VOLUNTEER or principal.volunteer_id is None:
            raise Forbidden(msg.VOLUNTEER_ONLY)
        return principal.volunteer_id

    async def apply(self, tx: Tx, volunteer_id: int) -> int:
        await tx.session.execute(update(m.Volunteer).where(
            m.Volunteer.id == volunteer_id).values(shares_with_network=self.share))
        tx.audit("set_network_sharing", "Volunteer", encode_id("Volunteer", volunteer_id),
                 share=self.share)
        tx.changed(volunteers, volunteer_id)
        return volunteer_id


async def set_network_sharing(ctx: RequestContext, share: bool) -> Any:
    """The volunteer's row, as changed."""
    volunteer_id = await perform(ctx, SetNetworkSharing(share))
    return await volunteers(ctx.loaders).load(volunteer_id)
