"""Volunteer lists (staff), a volunteer's applications and saved opportunities."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, exists, false, or_, select
from sqlalchemy.orm import InstrumentedAttribute

from hub.db.models import (
    Application,
    Membership,
    Opportunity,
    SavedOpportunity,
    Volunteer,
    VolunteerSkill,
)
from hub.paging import page_request
from resolvers.context import RequestContext
from resolvers.core.pages import Filters, Ordering, Page, PageKey, PageLoader
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
        pattern = "%" + f.search.replace("\\", "\\\\").replace("%", "\\%").replace(
            "_", "\\_") + "%"
        by_name = and_(_member_of(f.name_search_tenants), or_(
            Volunteer.first_name.ilike(pattern, escape="\\"),
            Volunteer.last_name.ilike(pattern, escape="\\"),
        )) if f.name_search_tenants else false()
        clauses.append(or_(by_name, Volunteer.city.ilike(pattern, escape="\\")))
    return clauses


def _loader(ctx: RequestContext, name: str, model: Any, ordering: Ordering, filters: Filters,
            owner: InstrumentedAttribute[Any] | None = None) -> PageLoader:
    loader = ctx.page_loaders.get(name)
    if loader is None:
        loader = PageLoader(ctx.db, model, ordering, ctx.scope.rows(model), filters, owner)
        ctx.page_loaders[name] = loader
    return loader


async def volunteer_page(ctx: RequestContext, *, first: int | None, after: str | None,
                         filter: VolunteerFilter) -> Page[Volunteer]:
    request = page_request(first, after, kind=VOLUNTEER_ORDERING.kind,
                           shape=VOLUNTEER_ORDERING.shape, max_size=ctx.settings.max_page_size)
    await check_codes(ctx, skills=filter.skills)
    loader = _loader(ctx, "volunteers", Volunteer, VOLUNTEER_ORDERING, volunteer_clauses)
    page: Page[Volunteer] = await loader.load(PageKey(None, request, filter))
    return page


async def application_page(ctx: RequestContext, *, volunteer_id: int, first: int | None,
                           after: str | None) -> Page[Application]:
    request = page_request(first, after, kind=APPLICATION_ORDERING.kind,
                           shape=APPLICATION_ORDERING.shape, max_size=ctx.settings.max_page_size)
    loader = _loader(ctx, "applications:volunteer", Application, APPLICATION_ORDERING,
                     lambda _f: (), Application.volunteer_id)
    page: Page[Application] = await loader.load(PageKey(volunteer_id, request, None))
    return page


def _saved_by(volunteer_id: int | None) -> Sequence[ColumnElement[bool]]:
    return (exists(select(SavedOpportunity.opportunity_id).where(
        SavedOpportunity.opportunity_id == Opportunity.id,
        SavedOpportunity.volunteer_id == volunteer_id)),)


async def saved_opportunity_page(ctx: RequestContext, *, volunteer_id: int, first: int | None,
                                 after: str | None) -> Page[Opportunity]:
    request = page_request(first, after, kind=OPPORTUNITY_ORDERING.kind,
                           shape=OPPORTUNITY_ORDERING.shape, max_size=ctx.settings.max_page_size)
    loader = _loader(ctx, "opportunities:saved", Opportunity, OPPORTUNITY_ORDERING, _saved_by)
    page: Page[Opportunity] = await loader.load(PageKey(None, request, volunteer_id))
    return page
