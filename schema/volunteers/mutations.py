"""`setNetworkSharing`: a volunteer's consent to be visible to staff of other member tenants
(display name, skills, languages, group, city, verified hours; never contact data).
The write is `resolvers.volunteers.commands.SetNetworkSharing`."""

from __future__ import annotations

import strawberry

from resolvers.volunteers import commands
from schema.core.info import Info
from schema.core.policy import EVERYONE, policy
from schema.volunteers.types import Volunteer


@policy(reach=EVERYONE, open=("setNetworkSharing",))
@strawberry.type
class VolunteerMutations:
    @strawberry.mutation(description="A volunteer's consent to be found by staff of other "
                                      "member tenants (never their contact data).")
    async def set_network_sharing(self, info: Info, share: bool) -> Volunteer:
        return Volunteer.of(await commands.set_network_sharing(info.context, share))
