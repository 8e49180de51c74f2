"""Lists of applications and hours: an opportunity's applications (staff of its tenant) and
the staff queues of a tenant, applications to decide and hours to verify (oldest first)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import ColumnElement

from hub.db.models import Application, HoursEntry
from hub.db.models.enums import ApplicationStatus, HoursStatus
from resolvers.context import RequestContext
from resolvers.core.pages import Ordering, Page, PageList

QUEUE_ORDERING = Ordering("ApplicationQueue", (Application.id,), descending=False)
HOURS_ORDERING = Ordering("HoursQueue", (HoursEntry.id,), descending=False)


def _application_status(status: str | None) -> Sequence[ColumnElement[bool]]:
    return () if status is None else (Application.status == status,)


def _pending_hours(_: None) -> Sequence[ColumnElement[bool]]:
    return (HoursEntry.status == HoursStatus.PENDING.value,)


OPPORTUNITY_APPLICATIONS = PageList("applications:opportunity", Application, QUEUE_ORDERING,
                                    _application_status, Application.opportunity_id)
APPLICATIONS_TO_DECIDE = PageList("applications:to-decide", Application, QUEUE_ORDERING,
                                  _application_status, Application.tenant_id)
HOURS_TO_VERIFY = PageList("hours:to-verify", HoursEntry, HOURS_ORDERING, _pending_hours,
                           HoursEntry.tenant_id)


async def opportunity_applications(ctx: RequestContext, *, opportunity_id: int,
                                   status: ApplicationStatus | None, first: int | None,
                                   after: str | None) -> Page[Application]:
    return await ctx.page(OPPORTUNITY_APPLICATIONS, first=first, after=after,
                          owner=opportunity_id, filter=status.value if status else None)


async def applications_to_decide(ctx: RequestContext, *, tenant_id: int, first: int | None,
                                 after: str | None) -> Page[Application]:
    return await ctx.page(APPLICATIONS_TO_DECIDE, first=first, after=after, owner=tenant_id,
                          filter=ApplicationStatus.APPLIED.value)


async def hours_to_verify(ctx: RequestContext, *, tenant_id: int, first: int | None,
                          after: str | None) -> Page[HoursEntry]:
    return await ctx.page(HOURS_TO_VERIFY, first=first, after=after, owner=tenant_id)
