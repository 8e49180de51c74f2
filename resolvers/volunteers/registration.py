"""Becoming a volunteer: `registerVolunteer` (a signed-in person without a volunteer record
joins one society) and `joinTenant` (a volunteer joins another one).

Joining records the consent to the society's terms (version and time) and, for a volunteer
under 18, a guardian's consent with who gave it; without it joining is refused. A guardian
given for an adult is not stored (no data without a purpose).

Row security (PostgreSQL): the volunteer table accepts only rows whose id is the caller's
volunteer id, and a person registering has none yet. `RegisterVolunteer` therefore decides
everything first (who, input, terms, guardian) and then writes exactly the new person's rows
(volunteer, skills, membership, consents) inside `tx.as_system()`; its audit event is written
as the caller. `JoinTenant` writes the caller's own rows under their row security.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select

from hub.access import PrincipalKind
from hub.db import models as m
from hub.db.types import utcnow
from hub.errors import BadUserInput, Conflict, Forbidden
from hub.i18n import messages as hub_msg
from hub.ids import encode_id
from resolvers.context import RequestContext
from resolvers.core.writes import Tx, Write, perform
from resolvers.volunteers import messages as msg
from resolvers.volunteers.caller import insert_new, own_volunteer, volunteer_subject
from resolvers.volunteers.consent import check_terms, consents, terms_version
from resolvers.volunteers.profile import (
    Guardian,
    check_skills,
    clean_guardian,
    clean_profile,
    clean_skills,
    is_minor,
    require_guardian,
)


@dataclass(frozen=True, slots=True)
class Joining:
    """Joining one society: which, its current terms, and the consents given."""

    tenant: m.Tenant
    terms: str
    accept_terms: bool
    terms_shown: str | None
    guardian: Guardian | None


def find_tenant(ctx: RequestContext, slug: str) -> m.Tenant:
    tenant = ctx.tenants.find(slug.strip())
    if tenant is None:
        raise BadUserInput(hub_msg.UNKNOWN_TENANT, argument="input.tenant", slug=slug[:64])
    return tenant


@dataclass(frozen=True, slots=True)
class Registration:
    subject: str  # the identity provider's sub
    joining: Joining
    profile: dict[str, Any]  # the volunteer row's values
    skills: tuple[str, ...]
    today: date


@dataclass(frozen=True, slots=True)
class Registered:
    """The new volunteer's rows, as written: the answer is built from them (the caller's
    principal has no volunteer id until their next request)."""

    volunteer: m.Volunteer
    memberships: list[m.Membership]
    skills: list[m.VolunteerSkill]


@dataclass(frozen=True)
class RegisterVolunteer(Write[Registration, int]):
    """The new volunteer's id; the rows written are kept in `written` for the answer."""

    tenant: str
    profile: Mapping[str, Any]  # the input's profile fields, by column name
    skills: tuple[str, ...] = ()
    accept_terms: bool = False
    terms_version: str | None = None
    guardian: Guardian | None = None
    today: date | None = field(default=None, compare=False)  # tests fix the day
    written: list[Registered] = field(default_factory=list, compare=False)

    async def allow(self, ctx: RequestContext) -> Registration:
        principal = ctx.scope.principal
        if principal.kind == PrincipalKind.ANONYMOUS:
            raise Forbidden(msg.SIGN_IN_TO_REGISTER)
        if principal.kind != PrincipalKind.VOLUNTEER:
            raise Forbidden(msg.ONLY_PEOPLE_REGISTER)
        if principal.volunteer_id is not None:
            raise Conflict(msg.ALREADY_REGISTERED)
        subject = volunteer_subject(principal)
        if subject is None:
            raise Forbidden(msg.SIGN_IN_TO_REGISTER)
        tenant = find_tenant(ctx, self.tenant)
        skills = clean_skills(self.skills) or ()
        await check_skills(ctx, skills)
        joining = Joining(tenant, terms_version(tenant), self.accept_terms, self.terms_version,
                          self.guardian)
        return Registration(subject, joining, {}, skills, self.today or utcnow().date())

    def validate(self, r: Registration) -> Registration:
        profile = clean_profile(self.profile, today=r.today, registering=True)
        check_terms(r.joining.accept_terms, r.joining.terms_shown, r.joining.terms)
        guardian = clean_guardian(r.joining.guardian)
        require_guardian(profile["birth_date"], guardian, r.today)
        if not is_minor(profile["birth_date"], r.today):
            guardian = None
        joining = Joining(r.joining.tenant, r.joining.terms, True, r.joining.terms_shown,
                          guardian)
        return Registration(r.subject, joining, profile, r.skills, r.today)

    async def apply(self, tx: Tx, r: Registration) -> int:
        now = utcnow()
        tenant = r.joining.tenant
        values = {**r.profile, "subject": r.subject, "country": tenant.country,
                  "shares_with_network": False, "verified_hours": 0.0, "created_at": now,
                  "updated_at": now}
        async with tx.as_system() as session:
            # The caller has no volunteer row yet (checked): the hub creates it for them.
            new_id = await session.scalar(insert_new(session, m.Volunteer).values(**values)
                                          .returning(m.Volunteer.id))
            if new_id is None:  # registered by a concurrent request of the same person
                raise Conflict(msg.ALREADY_REGISTERED)
            membership = m.Membership(tenant_id=tenant.id, volunteer_id=new_id, joined_at=now,
                                      status="ACTIVE")
            skills = [m.VolunteerSkill(volunteer_id=new_id, skill_code=code)
                      for code in r.skills]
            session.add_all([membership, *skills, *consents(
                new_id, tenant.id, r.joining.terms, r.joining.guardian, now)])
            await session.flush()
        tx.audit("register_volunteer", "Volunteer", encode_id("Volunteer", new_id),
                 tenant_id=tenant.id, terms_version=r.joining.terms,
                 guardian_consent=r.joining.guardian is not None)
        self.written.append(Registered(m.Volunteer(id=new_id, **values), [membership], skills))
        return int(new_id)


async def register_volunteer(ctx: RequestContext, write: RegisterVolunteer) -> Any:
    """The new volunteer's row. The request's loaders are given the rows just written (its
    memberships and skills), which the caller's scope cannot read back in this request. (A
    retry answered from its idempotency key comes from a request whose sign-in already
    carries the volunteer id: it reads the row as any other.)"""
    vid = await perform(ctx, write)
    if not write.written:
        return await ctx.loaders.volunteer_by_id.load(vid)
    done = write.written[-1]
    ctx.loaders.memberships_by_volunteer.prime(vid, done.memberships)
    ctx.loaders.skills_by_volunteer.prime(vid, done.skills)
    return done.volunteer


@dataclass(frozen=True, slots=True)
class Join:
    volunteer: Any  # the caller's row
    joining: Joining
    today: date


@dataclass(frozen=True)
class JoinTenant(Write[Join, int]):
    """The signed-in volunteer joins another society, consenting to its terms."""

    tenant: str
    accept_terms: bool = False
    terms_version: str | None = None
    guardian: Guardian | None = None
    today: date | None = field(default=None, compare=False)

    async def allow(self, ctx: RequestContext) -> Join:
        volunteer = await own_volunteer(ctx)
        tenant = find_tenant(ctx, self.tenant)
        memberships = await ctx.loaders.memberships_by_volunteer.load(volunteer.id)
        if any(mb.tenant_id == tenant.id for mb in memberships):
            raise Conflict(msg.ALREADY_MEMBER, argument="input.tenant")
        return Join(volunteer, Joining(tenant, terms_version(tenant), self.accept_terms,
                                       self.terms_version, self.guardian),
                    self.today or utcnow().date())

    def validate(self, j: Join) -> Join:
        check_terms(j.joining.accept_terms, j.joining.terms_shown, j.joining.terms)
        guardian = clean_guardian(j.joining.guardian)
        require_guardian(j.volunteer.birth_date, guardian, j.today)
        if not is_minor(j.volunteer.birth_date, j.today):
            guardian = None
        return Join(j.volunteer, Joining(j.joining.tenant, j.joining.terms, True,
                                         j.joining.terms_shown, guardian), j.today)

    async def apply(self, tx: Tx, j: Join) -> int:
        now = utcnow()
        vid, tenant = j.volunteer.id, j.joining.tenant
        joined = await tx.session.scalar(insert_new(tx.session, m.Membership).values(
            tenant_id=tenant.id, volunteer_id=vid, joined_at=now, status="ACTIVE",
        ).returning(m.Membership.tenant_id))
        if joined is None:  # joined by a concurrent request
            raise Conflict(msg.ALREADY_MEMBER, argument="input.tenant")
        tx.session.add_all(consents(vid, tenant.id, j.joining.terms, j.joining.guardian, now))
        tx.audit("join_tenant", "Volunteer", encode_id("Volunteer", vid), tenant_id=tenant.id,
                 terms_version=j.joining.terms, guardian_consent=j.joining.guardian is not None)
        tx.changed(lambda loaders: loaders.memberships_by_volunteer, vid)
        return int(vid)


async def join_tenant(ctx: RequestContext, write: JoinTenant) -> Any:
    """The volunteer's row (their memberships now include the society)."""
    volunteer_id = await perform(ctx, write)
    return await ctx.loaders.volunteer_by_id.load(volunteer_id)


async def guardian_consented(tx: Tx, volunteer_id: int) -> set[int]:
    """The tenants in which a guardian consented for the volunteer."""
    rows = await tx.session.scalars(select(m.Consent.tenant_id).where(
        m.Consent.volunteer_id == volunteer_id, m.Consent.kind == m.ConsentKind.GUARDIAN.value))
    return set(rows.all())
