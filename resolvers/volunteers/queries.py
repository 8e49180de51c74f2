"""Volunteer lists (staff), a volunteer's applications and saved opportunities."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, exists, false, or_, select

from hub.db.models import (
    Application,
    Membership,
    Opportunity,
    SavedOpportunity,
    Volunteer,
    VolunteerSkill,
)
from resolvers.context import RequestContext
from resolvers.core.pages import Ordering, Page, PageList
from resolvers.core.search import like_pattern
from resolvers.opportunities.queries import ORDERING as OPPORTUNITY_ORDERING
from resolvers.opportunities.taxonomy import check_codes

VOLUNTEER_ORDERING = Ordering("Volunteer", (Volunteer.id,), descending=False)
APPLICATION_ORDERING = Ordering("Application", (Application.id,), descending=True)


@dataclass(frozen=True, slots=True)
class VolunteerFilter:
    tenant_ids: tuple[int, ...] | None = None
    search: str | None = None
    skills: tuple[str, ...] | None = None
    # Tenants whose members' names the caller may search (names are personal data).
    name_search_tenants: tuple[int, ...] = ()


def _member_of(tenant_ids: Sequence[int]) -> ColumnElement[bool]:
    return exists(select(Membership.volunteer_id).where(
        Membership.volunteer_id == Volunteer.id, Membership.tenant_id.in_(tenant_ids)))


def volunteer_clauses(f: VolunteerFilter | None) -> Sequence[ColumnElement[bool]]:
    if f is None:
        return ()
    clauses: list[ColumnElement[bool]] = []
    if f.tenant_ids is not None:
        clauses.append(_member_of(f.tenant_ids))
    if f.skills is not None:
        clauses.append(exists(select(VolunteerSkill.volunteer_id).where(
            VolunteerSkill.volunteer_id == Volunteer.id,
            VolunteerSkill.skill_code.in_(f.skills))))
    if f.search:
        pattern = like_pattern(f.search)
        by_name = and_(_member_of(f.name_search_tenants), or_(
            Volunteer.first_name.ilike(pattern, escape="\\"),
            Volunteer.last_name.ilike(pattern, escape="\\"),
        )) if f.name_search_tenants else false()
        clauses.append(or_(by_name, Volunteer.city.ilike(pattern, escape="\\")))
    return clauses


def _no_filter(_: None) -> Sequence[ColumnElement[bool]]:
    return ()


def _saved_by(volunteer_id: int | None) -> Sequence[ColumnElement[bool]]:
    return (exists(select(SavedOpportunity.opportunity_id).where(
        SavedOpportunity.opportunity_id == Opportunity.id,
        SavedOpportunity.volunteer_id == volunteer_id)),)


VOLUNTEERS = PageList("volunteers", Volunteer, VOLUNTEER_ORDERING, volunteer_clauses)
VOLUNTEER_APPLICATIONS = PageList("applications:volunteer", Application, APPLICATION_ORDERING,
                                  _no_filter, Application.volunteer_id)
SAVED_OPPORTUNITIES = PageList("opportunities:saved", Opportunity, OPPORTUNITY_ORDERING,
                               _saved_by)


async def volunteer_page(ctx: RequestContext, *, first: int | None, after: str | None,
                         filter: VolunteerFilter) -> Page[Volunteer]:
    await check_codes(ctx, skills=filter.skills)
    return await ctx.page(VOLUNTEERS, first=first, after=after, filter=filter)


async def application_page(ctx: RequestContext, *, volunteer_id: int, first: int | None,
                           after: str | None) -> Page[Application]:
    return await ctx.page(VOLUNTEER_APPLICATIONS, first=first, after=after, owner=volunteer_id)


async def saved_opportunity_page(ctx: RequestContext, *, volunteer_id: int, first: int | None,
                                 after: str | None) -> Page[Opportunity]:
    return await ctx.page(SAVED_OPPORTUNITIES, first=first, after=after, filter=volunteer_id)
