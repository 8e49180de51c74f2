"""Paths toward a professional level: a tenant's levels (tenants/*.toml `levels`, in the
file's order, e.g. beginner, trained, professional), and where a volunteer stands on them.

A level is reached when all of its requirements are met: the volunteer's verified hours in
the tenant, the tenant's badges it names (live awards), and at least one completed
opportunity (application COMPLETED) in each of its categories. Levels are climbed in order:
the current level is the last of the levels met one after another from the first (meeting
"professional" without "trained" leaves a volunteer at "beginner"); the next level is the
one after it, and the progress lists what is done and what is missing for it.

Suggestions for the next level, through the caller's read scope: published, not ended
opportunities of the tenant in the categories still missing (those of the level, and those
of its missing badges' category rules); when only hours or uncategorized badges are
missing, any of the tenant's; and its upcoming published trainings (events carry no
category: they prepare, they do not count).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, func, or_

from hub.db import models as m
from hub.db.models import RecordStatus
from hub.db.models.enums import EventKind
from hub.db.types import utcnow
from resolvers.badges.catalog import recognition_of
from resolvers.badges.rules import EPSILON
from resolvers.context import RequestContext
from resolvers.core.pages import Ordering, Page, PageList
from resolvers.opportunities.queries import ORDERING as OPPORTUNITY_ORDERING
from tenants.recognition import Level, Recognition


@dataclass(frozen=True, slots=True)
class Standing:
    """Where a volunteer stands on a tenant's levels."""

    tenant_id: int
    levels: tuple[Level, ...]
    current: Level | None  # None: not even the first level yet
    next: Level | None  # None: the last level is reached
    hours: float  # verified in the tenant
    badges_done: tuple[str, ...]  # the next level's badges held (codes)
    badges_missing: tuple[str, ...]
    categories_done: tuple[str, ...]  # the next level's categories completed (codes)
    categories_missing: tuple[str, ...]

    @property
    def hours_needed(self) -> float | None:
        return self.next.hours if self.next is not None else None

    @property
    def hours_missing(self) -> float:
        if self.next is None:
            return 0.0
        return max(0.0, round(self.next.hours - self.hours, 2))


def reached(level: Level, hours: float, badges: frozenset[str],
            categories: frozenset[str]) -> bool:
    return (round(hours, 2) + EPSILON >= level.hours and set(level.badges) <= badges
            and {c.lower() for c in level.categories} <= categories)


def standing(tenant_id: int, levels: Sequence[Level], *, hours: float,
             badges: frozenset[str], categories: frozenset[str]) -> Standing:
    """The volunteer's standing from what they have in the tenant: verified `hours`, live
    `badges` (codes) and completed `categories` (lower-case codes)."""
    current: Level | None = None
    for level in levels:
        if not reached(level, hours, badges, categories):
            break
        current = level
    at = levels.index(current) + 1 if current is not None else 0
    following = levels[at] if at < len(levels) else None
    wanted_badges = following.badges if following is not None else ()
    wanted_categories = following.categories if following is not None else ()
    return Standing(
        tenant_id, tuple(levels), current, following, round(hours, 2),
        tuple(b for b in wanted_badges if b in badges),
        tuple(b for b in wanted_badges if b not in badges),
        tuple(c for c in wanted_categories if c.lower() in categories),
        tuple(c for c in wanted_categories if c.lower() not in categories),
    )


async def volunteer_standing(ctx: RequestContext, volunteer_id: int,
                             tenant_id: int) -> Standing | None:
    """The volunteer's standing on the tenant's levels, from what the caller may read of
    them (three batched loaders); None when the tenant has no levels."""
    tenant = ctx.tenants.get(tenant_id)
    levels = recognition_of(tenant).levels if tenant is not None else ()
    if not levels:
        return None
    loaders = ctx.loaders
    hours = (await loaders.verified_hours_by_volunteer.load(volunteer_id)).get(tenant_id, 0.0)
    awards = await loaders.badge_awards_by_volunteer.load(volunteer_id)
    done = await loaders.completed_categories_by_volunteer.load(volunteer_id)
    return standing(tenant_id, levels, hours=float(hours),
                    badges=frozenset(a.badge_code for a in awards if a.tenant_id == tenant_id),
                    categories=done.get(tenant_id, frozenset()))


def useful_categories(s: Standing, recognition: Recognition) -> tuple[str, ...] | None:
    """The categories whose opportunities bring the next level closer (lower-case codes):
    its missing ones and those of its missing badges' category rules; () when any
    opportunity helps (only hours or badges without a category are missing); None when
    nothing is missing."""
    if s.next is None:
        return None
    wanted = {c.lower() for c in s.categories_missing}
    for code in s.badges_missing:
        rule = recognition.badge_rule(code)
        if rule is not None and rule.category is not None:
            wanted.add(rule.category.lower())
    if wanted:
        return tuple(sorted(wanted))
    return () if s.hours_missing > 0 or s.badges_missing else None


# --- suggestions -----------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Suggestion:
    """A hashable filter: the categories wanted (lower case; () for any), as of `now`."""

    categories: tuple[str, ...]
    now: datetime


def _open_in(f: Suggestion) -> Sequence[ColumnElement[bool]]:
    o = m.Opportunity
    clauses: list[ColumnElement[bool]] = [
        o.status == RecordStatus.PUBLISHED.value,
        or_(o.published_at.is_(None), o.published_at <= f.now),
        or_(o.ends_at.is_(None), o.ends_at > f.now),
    ]
    if f.categories:
        clauses.append(func.lower(o.category_code).in_(f.categories))
    return clauses


def _upcoming_trainings(f: Suggestion) -> Sequence[ColumnElement[bool]]:
    e = m.Event
    return (e.status == RecordStatus.PUBLISHED.value,
            or_(e.published_at.is_(None), e.published_at <= f.now),
            e.kind == EventKind.TRAINING.value, e.starts_at >= f.now, e.cancelled_at.is_(None))


SUGGESTED_OPPORTUNITIES = PageList("opportunities:level", m.Opportunity, OPPORTUNITY_ORDERING,
                                   _open_in, m.Opportunity.tenant_id)
EVENT_ORDERING = Ordering("Event", (m.Event.starts_at, m.Event.id), descending=False)
SUGGESTED_EVENTS = PageList("events:level", m.Event, EVENT_ORDERING, _upcoming_trainings,
                            m.Event.tenant_id)


def _minute(at: datetime) -> datetime:
    """Now to the minute: the pages of one request share one filter (and one statement)."""
    return at.replace(second=0, microsecond=0)


async def suggested_opportunities(ctx: RequestContext, s: Standing, *, first: int | None,
                                  after: str | None) -> Page[Any]:
    tenant = ctx.tenants.by_id[s.tenant_id]
    wanted = useful_categories(s, recognition_of(tenant))
    if wanted is None:
        return empty_page(OPPORTUNITY_ORDERING)
    return await ctx.page(SUGGESTED_OPPORTUNITIES, first=first, after=after,
                          owner=s.tenant_id, filter=Suggestion(wanted, _minute(utcnow())))


async def suggested_events(ctx: RequestContext, s: Standing, *, first: int | None,
                           after: str | None) -> Page[Any]:
    if s.next is None:
        return empty_page(EVENT_ORDERING)
    return await ctx.page(SUGGESTED_EVENTS, first=first, after=after, owner=s.tenant_id,
                          filter=Suggestion((), _minute(utcnow())))


def empty_page(ordering: Ordering) -> Page[Any]:
    async def none() -> int:
        return 0

    return Page(rows=[], has_next=False, has_previous=False, ordering=ordering, count=none)
