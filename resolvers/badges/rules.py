"""Which of a tenant's badge rules its volunteers meet, from their verified hours.

One statement per tenant, whatever the number of rules and volunteers: the tenant's
APPROVED hours entries grouped by volunteer, one `SUM(CASE ...)` column per rule (only the
entries the rule counts: its category, its last `period_months`), compared with the rule's
threshold in Python. Hours are never loaded one by one. PENDING and REJECTED entries never
count (`verified` with status APPROVED).

- category: the entry's opportunity is of that category. Rule files write codes in lower
  case (`first_aid`) while the taxonomy's are upper case (`FIRST_AID`): compared ignoring
  case.
- period_months: the entry's date lies within the last N months, counted back from the
  tenant's local today (2026-11-30 minus 12 months: 2025-11-30, that day included).
- group: the volunteer's current group (`Volunteer.group`); the hours counted are all of
  theirs in the tenant (the hub keeps no history of groups).

A met rule's counted hours are kept on its award (`BadgeAward.hours`).
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, literal, select, true
from sqlalchemy.ext.asyncio import AsyncSession

from hub.db import models as m
from hub.db.models.enums import HoursStatus
from tenants.recognition import BadgeRule

E, A, OPP, V = m.HoursEntry, m.Application, m.Opportunity, m.Volunteer
# Sums are compared at the precision hours are logged with (two decimals): 9.99 is not 10.
EPSILON = 1e-6


@dataclass(frozen=True, slots=True)
class Met:
    """A rule a volunteer meets, with the hours it counted."""

    volunteer_id: int
    badge_code: str
    hours: float


def period_start(today: date, months: int) -> date:
    """The first day a `months` period ending `today` counts: the same day `months` earlier,
    clamped to the month's end (31 March minus one month is 28 or 29 February), as
    dateutil's relativedelta does (not a declared dependency, and untyped)."""
    year, month = divmod(today.year * 12 + today.month - 1 - months, 12)
    return date(year, month + 1, min(today.day, calendar.monthrange(year, month + 1)[1]))


def _counts(rule: BadgeRule, today: date) -> ColumnElement[bool]:
    """Which verified entries `rule` counts (besides its group, a property of the person)."""
    conditions: list[ColumnElement[bool]] = []
    if rule.category is not None:
        conditions.append(func.lower(OPP.category_code) == rule.category.lower())
    if rule.period_months is not None:
        conditions.append(E.date >= period_start(today, rule.period_months))
    return and_(true(), *conditions)


def meets(rule: BadgeRule, hours: float, group: str | None) -> bool:
    """The rule's threshold (and group) met by `hours` counted for a volunteer of `group`."""
    if rule.group is not None and group != rule.group:
        return False
    return round(hours, 2) + EPSILON >= rule.threshold_hours


async def badges_met(session: AsyncSession, *, tenant_id: int, rules: Sequence[BadgeRule],
                     today: date, volunteer_ids: Sequence[int] | None = None) -> list[Met]:
    """The rules of `tenant_id` that each volunteer meets now (all volunteers with verified
    hours in the tenant, or only `volunteer_ids`), in one statement, ordered by volunteer
    then by the rules' order in the file."""
    if not rules or (volunteer_ids is not None and not volunteer_ids):
        return []
    sums = [func.sum(case((_counts(rule, today), E.hours), else_=literal(0.0)))
            for rule in rules]
    any_category = any(rule.category is not None for rule in rules)
    any_group = any(rule.group is not None for rule in rules)
    group: Any = V.group if any_group else literal(None)
    stmt: Any = select(E.volunteer_id, group, *sums).select_from(E)
    if any_category:
        stmt = stmt.join(A, A.id == E.application_id).join(OPP, OPP.id == A.opportunity_id)
    if any_group:
        # An outer join: a volunteer row the caller's row security hides must not hide
        # their hours from the other rules (their group is then unknown: no group rule).
        stmt = stmt.outerjoin(V, V.id == E.volunteer_id)
    stmt = stmt.where(E.tenant_id == tenant_id, E.verified.is_(True),
                      E.status == HoursStatus.APPROVED.value)
    if volunteer_ids is not None:
        stmt = stmt.where(E.volunteer_id.in_(sorted(set(volunteer_ids))))
    stmt = stmt.group_by(E.volunteer_id, *((V.group,) if any_group else ()))
    stmt = stmt.order_by(E.volunteer_id)
    found: list[Met] = []
    for row in (await session.execute(stmt)).all():
        volunteer_id, volunteer_group, *totals = row
        for rule, total in zip(rules, totals, strict=True):
            hours = round(float(total or 0), 2)
            if meets(rule, hours, volunteer_group):
                found.append(Met(int(volunteer_id), rule.code, hours))
    return found
