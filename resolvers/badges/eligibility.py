"""Who may receive a benefit: the volunteers holding a live award of a badge that opens it
(tenants/*.toml `badge_rules[].benefits`), in the tenant that awarded it.

Staff of that tenant only (the schema checks it): the page is a page of volunteers under
the caller's read scope (their members, and volunteers who share with the network), each
holding such an award; the Volunteer type's field policies apply to each as anywhere else.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, exists, select

from hub.db import models as m
from hub.errors import BadUserInput
from resolvers.badges import messages as msg
from resolvers.badges.catalog import recognition_of
from resolvers.context import RequestContext
from resolvers.core.pages import Page, PageList
from resolvers.volunteers.queries import VOLUNTEER_ORDERING


@dataclass(frozen=True, slots=True)
class Holding:
    """A hashable filter: a live award of one of `badge_codes` in `tenant_id`."""

    tenant_id: int
    badge_codes: tuple[str, ...]


def _holding(f: Holding) -> Sequence[ColumnElement[bool]]:
    ba = m.BadgeAward
    return (exists(select(ba.id).where(
        ba.volunteer_id == m.Volunteer.id, ba.tenant_id == f.tenant_id,
        ba.badge_code.in_(f.badge_codes), ba.revoked_at.is_(None))),)


ELIGIBLE = PageList("volunteers:benefit", m.Volunteer, VOLUNTEER_ORDERING, _holding)


def badges_opening(tenant: Any, benefit: str) -> tuple[str, ...]:
    """The codes of the tenant's badges that open `benefit`."""
    return tuple(rule.code for rule in recognition_of(tenant).badge_rules
                 if any(b.code == benefit for b in rule.benefits))


async def eligible_page(ctx: RequestContext, *, tenant_id: int, benefit: str,
                        first: int | None, after: str | None) -> Page[Any]:
    """Volunteers eligible for `benefit` in the tenant, oldest registration first; a benefit
    no badge of the tenant opens is bad input."""
    tenant = ctx.tenants.by_id[tenant_id]
    codes = badges_opening(tenant, benefit)
    if not codes:
        raise BadUserInput(msg.UNKNOWN_BENEFIT, argument="benefit", tenant=tenant.slug,
                           benefit=benefit)
    return await ctx.page(ELIGIBLE, first=first, after=after,
                          filter=Holding(tenant_id, codes))
