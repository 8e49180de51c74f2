"""The volunteer's own writes: becoming a volunteer (`registerVolunteer`, `joinTenant`), the
profile (`updateMyProfile`, `setNetworkSharing`: consent to be visible to staff of other
member tenants, never with contact data), saved opportunities and one's data
(`exportMyData`, `deleteMyAccount`). The writes are in resolvers/volunteers/."""

from __future__ import annotations

import strawberry

from hub.ids import decode_id
from resolvers.volunteers import commands, my_data, registration, saved
from schema.core.info import Info
from schema.core.policy import EVERYONE, policy
from schema.opportunities.types import Opportunity
from schema.volunteers.inputs import JoinTenantInput, RegisterVolunteerInput, UpdateMyProfileInput
from schema.volunteers.types import Volunteer


@policy(reach=EVERYONE, open=("setNetworkSharing", "registerVolunteer", "updateMyProfile",
                              "joinTenant", "saveOpportunity", "unsaveOpportunity",
                              "exportMyData", "deleteMyAccount"))
@strawberry.type
class VolunteerMutations:
    @strawberry.mutation(description="A volunteer's consent to be found by staff of other "
                                      "member tenants (never their contact data).")
    async def set_network_sharing(self, info: Info, share: bool) -> Volunteer:
        return Volunteer.of(await commands.set_network_sharing(info.context, share))

    @strawberry.mutation(description="A signed-in person becomes a volunteer of one society, "
                                      "consenting to its terms (and, under 18, with a "
                                      "guardian's consent).")
    async def register_volunteer(self, info: Info, input: RegisterVolunteerInput) -> Volunteer:
        row = await registration.register_volunteer(info.context, registration.RegisterVolunteer(
            tenant=input.tenant, profile=input.profile(), skills=tuple(input.skills or ()),
            accept_terms=input.accept_terms, terms_version=input.terms_version,
            guardian=input.guardian_consent()))
        return Volunteer.of(row)

    @strawberry.mutation(description="The volunteer changes their own profile.")
    async def update_my_profile(self, info: Info, input: UpdateMyProfileInput) -> Volunteer:
        row = await commands.update_my_profile(info.context, commands.UpdateMyProfile(
            profile=input.profile(), skills=input.skill_codes(),
            guardian=input.guardian_consent()))
        return Volunteer.of(row)

    @strawberry.mutation(description="The volunteer joins another society, consenting to its "
                                      "terms.")
    async def join_tenant(self, info: Info, input: JoinTenantInput) -> Volunteer:
        row = await registration.join_tenant(info.context, registration.JoinTenant(
            tenant=input.tenant, accept_terms=input.accept_terms,
            terms_version=input.terms_version, guardian=input.guardian_consent()))
        return Volunteer.of(row)

    @strawberry.mutation(description="Keep an opportunity for later (saving it again changes "
                                      "nothing).")
    async def save_opportunity(self, info: Info, id: strawberry.ID) -> Opportunity:
        _, key = decode_id(id, "Opportunity")
        return Opportunity.of(await saved.save_opportunity(info.context, key))

    @strawberry.mutation(description="Forget a saved opportunity (nothing to forget is no "
                                      "error); null if you may no longer see it.")
    async def unsave_opportunity(self, info: Info, id: strawberry.ID) -> Opportunity | None:
        _, key = decode_id(id, "Opportunity")
        row = await saved.unsave_opportunity(info.context, key)
        return Opportunity.of(row) if row is not None else None

    @strawberry.mutation(description="Everything the hub holds on you, as one JSON document "
                                      "(each list at most 5000 items; `truncated` names a "
                                      "list that was cut).")
    async def export_my_data(self, info: Info) -> str:
        return await my_data.export_my_data(info.context)

    @strawberry.mutation(description="Erase your account: every personal value goes; your "
                                      "verified hours stay as anonymous statistics. Open "
                                      "applications are withdrawn. Cannot be undone.")
    async def delete_my_account(self, info: Info, confirm: bool) -> bool:
        return await my_data.delete_my_account(info.context, confirm)
