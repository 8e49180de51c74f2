"""Opportunity lists and lookups: filters, pages by owner (root, tenant, campaign)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, and_, exists, or_, select

from hub.db.models import Opportunity, OpportunitySkill
from resolvers.context import RequestContext
from resolvers.core.pages import Ordering, Page, PageList
from resolvers.opportunities.taxonomy import check_codes
from resolvers.search.match import matching
from resolvers.search.query import TextSearch
from resolvers.search.ranking import by_relevance, ranked

ORDERING = Ordering("Opportunity", (Opportunity.id,), descending=True)


@dataclass(frozen=True, slots=True)
class OpportunityFilter:
    """A hashable, validated filter (tenant slugs already resolved to ids)."""

    tenant_ids: tuple[int, ...] | None = None
    countries: tuple[str, ...] | None = None
    country_tenant_ids: tuple[int, ...] = ()
    formats: tuple[str, ...] | None = None
    categories: tuple[str, ...] | None = None
    skills: tuple[str, ...] | None = None
    campaign_id: int | None = None
    emergency_only: bool = False
    starts_after: datetime | None = None
    starts_before: datetime | None = None
    search: TextSearch | None = None  # words in any language's texts (resolvers/search)


def filter_clauses(f: OpportunityFilter | None) -> Sequence[ColumnElement[bool]]:
    if f is None:
        return ()
    clauses: list[ColumnElement[bool]] = []
    if f.tenant_ids is not None:
        clauses.append(Opportunity.tenant_id.in_(f.tenant_ids))
    if f.countries is not None:
        # A place's country; a remote opportunity counts for its society's country.
        clauses.append(
            or_(
                Opportunity.country.in_(f.countries),
                and_(
                    Opportunity.country.is_(None),
                    Opportunity.tenant_id.in_(f.country_tenant_ids),
                ),
            )
        )
    if f.formats is not None:
        clauses.append(Opportunity.format.in_(f.formats))
    if f.categories is not None:
        clauses.append(Opportunity.category_code.in_(f.categories))
    if f.skills is not None:
        clauses.append(
            exists(
                select(OpportunitySkill.opportunity_id).where(
                    OpportunitySkill.opportunity_id == Opportunity.id,
                    OpportunitySkill.skill_code.in_(f.skills),
                )
            )
        )
    if f.campaign_id is not None:
        clauses.append(Opportunity.campaign_id == f.campaign_id)
    if f.emergency_only:
        clauses.append(Opportunity.is_emergency.is_(True))
    if f.starts_after is not None:
        clauses.append(Opportunity.starts_at >= f.starts_after)
    if f.starts_before is not None:
        clauses.append(Opportunity.starts_at < f.starts_before)
    if f.search is not None:
        clauses.append(matching(f.search, "opportunity", Opportunity.id))
    return clauses


# The opportunity lists: all (root), a tenant's, a campaign's.
LISTS = {
    owner: PageList(f"opportunities:{owner}", Opportunity, ORDERING, filter_clauses, column)
    for owner, column in (("root", None), ("tenant", Opportunity.tenant_id),
                          ("campaign", Opportunity.campaign_id))
}


async def opportunity_page(
    ctx: RequestContext,
    *,
    first: int | None,
    after: str | None,
    filter: OpportunityFilter | None = None,
    tenant_id: int | None = None,
    campaign_id: int | None = None,
    order: str | None = None,
    columns: frozenset[str] | None = None,
) -> Page[Opportunity]:
    """A page of opportunities: newest first (`order` NEWEST, the default without a
    search) or most relevant first (RELEVANCE, the default with one). Its rows have only
    `columns` (and the ordering's) when given, else whole rows."""
    if filter is not None:
        await check_codes(ctx, categories=filter.categories, skills=filter.skills)
    if tenant_id is not None:
        owner, value = "tenant", tenant_id
    elif campaign_id is not None:
        owner, value = "campaign", campaign_id
    else:
        owner, value = "root", None
    of = LISTS[owner]
    search = filter.search if filter is not None else None
    if by_relevance(search, order) and search is not None:
        of = ranked(of, search, "opportunity")
    return await ctx.page(of, first=first, after=after, owner=value, filter=filter,
                          columns=columns)
