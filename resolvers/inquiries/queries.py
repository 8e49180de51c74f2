"""Lists of threads: a volunteer's own, an opportunity's and a tenant's (staff), newest
thread first, filtered by status; every page under the caller's read scope."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement

from hub.db.models import Inquiry
from resolvers.context import RequestContext
from resolvers.core.pages import Ordering, Page, PageList

# By id, newest first: served by the (tenant_id, status, id) and (volunteer_id, id) indexes.
ORDERING = Ordering("Inquiry", (Inquiry.id,), descending=True)


@dataclass(frozen=True, slots=True)
class InquiryFilter:
    status: str | None = None
    tenant_ids: tuple[int, ...] | None = None  # the staff list: the caller's own tenants
    # Threads kept by deactivated tenants are unreadable, as everything of theirs is.
    inactive_tenants: tuple[int, ...] = ()


def inquiry_clauses(f: InquiryFilter) -> Sequence[ColumnElement[bool]]:
    clauses: list[ColumnElement[bool]] = []
    if f.tenant_ids is not None:
        clauses.append(Inquiry.tenant_id.in_(f.tenant_ids))
    if f.status is not None:
        clauses.append(Inquiry.status == f.status)
    if f.inactive_tenants:
        clauses.append(Inquiry.tenant_id.not_in(f.inactive_tenants))
    return clauses


TENANT_INQUIRIES = PageList("inquiries", Inquiry, ORDERING, inquiry_clauses)
VOLUNTEER_INQUIRIES = PageList("inquiries:volunteer", Inquiry, ORDERING, inquiry_clauses,
                               Inquiry.volunteer_id)
OPPORTUNITY_INQUIRIES = PageList("inquiries:opportunity", Inquiry, ORDERING, inquiry_clauses,
                                 Inquiry.opportunity_id)


def _filter(ctx: RequestContext, status: str | None,
            tenant_ids: tuple[int, ...] | None = None) -> InquiryFilter:
    return InquiryFilter(status=status, tenant_ids=tenant_ids,
                         inactive_tenants=tuple(sorted(ctx.tenants.inactive_ids)))


async def tenant_inquiry_page(ctx: RequestContext, *, tenant_ids: tuple[int, ...],
                              status: str | None, first: int | None,
                              after: str | None) -> Page[Inquiry]:
    return await ctx.page(TENANT_INQUIRIES, first=first, after=after,
                          filter=_filter(ctx, status, tenant_ids))


async def volunteer_inquiry_page(ctx: RequestContext, *, volunteer_id: int, status: str | None,
                                 first: int | None, after: str | None) -> Page[Inquiry]:
    return await ctx.page(VOLUNTEER_INQUIRIES, first=first, after=after, owner=volunteer_id,
                          filter=_filter(ctx, status))


async def opportunity_inquiry_page(ctx: RequestContext, *, opportunity_id: int,
                                   status: str | None, first: int | None,
                                   after: str | None) -> Page[Inquiry]:
    return await ctx.page(OPPORTUNITY_INQUIRIES, first=first, after=after,
                          owner=opportunity_id, filter=_filter(ctx, status))
