"""The volunteers domain's writes on the profile: a volunteer's consent to be visible to
staff of other member tenants (display name, skills, languages, group, city, verified hours;
never contact data), and changes to their own profile. Registration and joining a society
are in `registration`, saved opportunities in `saved`, export and erasure in `my_data`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import delete, select, update

from hub.access import PrincipalKind
from hub.db import models as m
from hub.db.types import utcnow
from hub.errors import BadUserInput, Forbidden
from hub.i18n import messages as msg
from hub.ids import encode_id
from resolvers.context import RequestContext
from resolvers.core.loaders import RowByKeyLoader
from resolvers.core.writes import Tx, Write, perform
from resolvers.loaders import Loaders
from resolvers.volunteers import messages as vmsg
from resolvers.volunteers.caller import own_volunteer
from resolvers.volunteers.profile import (
    ADULT_AGE,
    Guardian,
    argument,
    check_skills,
    clean_guardian,
    clean_profile,
    clean_skills,
    is_minor,
)
from resolvers.volunteers.registration import guardian_consented


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


@dataclass(frozen=True, slots=True)
class ProfileEdit:
    volunteer: Any  # the caller's row
    values: dict[str, Any]  # the volunteer row's new values
    skills: tuple[str, ...] | None  # None: unchanged
    guardian: Guardian | None
    today: date


@dataclass(frozen=True)
class UpdateMyProfile(Write[ProfileEdit, int]):
    """The signed-in volunteer changes the fields of their profile that are given (null
    clears e-mail, phone, group, city, locale). A birth date that makes them a minor needs a
    guardian's consent in every society they belong to, recorded here if not there yet."""

    profile: Mapping[str, Any]  # only the given fields, by column name
    skills: tuple[str, ...] | None = None
    guardian: Guardian | None = None
    today: date | None = field(default=None, compare=False)

    async def allow(self, ctx: RequestContext) -> ProfileEdit:
        volunteer = await own_volunteer(ctx)
        skills = clean_skills(self.skills)
        await check_skills(ctx, skills)
        return ProfileEdit(volunteer, {}, skills, self.guardian, self.today or utcnow().date())

    def validate(self, edit: ProfileEdit) -> ProfileEdit:
        values = clean_profile(self.profile, today=edit.today, registering=False)
        if not values and edit.skills is None:
            raise BadUserInput(vmsg.NOTHING_TO_CHANGE, argument="input")
        return ProfileEdit(edit.volunteer, values, edit.skills, clean_guardian(edit.guardian),
                           edit.today)

    async def apply(self, tx: Tx, edit: ProfileEdit) -> int:
        vid = edit.volunteer.id
        if "birth_date" in edit.values and is_minor(edit.values["birth_date"], edit.today):
            await self._guardian_everywhere(tx, vid, edit)
        if edit.values:
            await tx.session.execute(update(m.Volunteer).where(m.Volunteer.id == vid)
                                     .values(**edit.values, updated_at=utcnow()))
        if edit.skills is not None:
            await tx.session.execute(delete(m.VolunteerSkill).where(
                m.VolunteerSkill.volunteer_id == vid))
            tx.session.add_all(m.VolunteerSkill(volunteer_id=vid, skill_code=code)
                               for code in edit.skills)
            tx.changed(lambda loaders: loaders.skills_by_volunteer, vid)
        changed = sorted({*edit.values, *(("skills",) if edit.skills is not None else ())}
                         - {"birth_year"})
        # The names of the fields changed, never their values (the trail is not a copy).
        tx.audit("update_my_profile", "Volunteer", encode_id("Volunteer", vid), fields=changed)
        tx.changed(volunteers, vid)
        return int(vid)

    @staticmethod
    async def _guardian_everywhere(tx: Tx, vid: int, edit: ProfileEdit) -> None:
        member_of = set((await tx.session.scalars(select(m.Membership.tenant_id).where(
            m.Membership.volunteer_id == vid))).all())
        missing = sorted(member_of - await guardian_consented(tx, vid))
        if not missing:
            return
        if edit.guardian is None:
            raise BadUserInput(vmsg.GUARDIAN_CONSENT_REQUIRED, argument=argument("guardian"),
                               count=ADULT_AGE)
        now = utcnow()
        tx.session.add_all(m.Consent(
            volunteer_id=vid, tenant_id=tenant_id, kind=m.ConsentKind.GUARDIAN.value,
            given_at=now, guardian_name=edit.guardian.name,
            guardian_contact=edit.guardian.contact) for tenant_id in missing)


async def update_my_profile(ctx: RequestContext, write: UpdateMyProfile) -> Any:
    """The volunteer's row, as changed."""
    volunteer_id = await perform(ctx, write)
    return await volunteers(ctx.loaders).load(volunteer_id)
