"""Which volunteers an emergency call is for: one rule, written once as SQL over
`volunteer`, used both for the notification rows (every matching member at once) and for
each live subscriber (the subscriber alone).

- Skills: when the opportunity names skills, the volunteer has at least one of them.
- Place: a REMOTE or HYBRID call can be answered from anywhere. An ONSITE call is for
  volunteers in its country (a volunteer who has not said their country is not called to
  places they may be far from) and, when both the call and the volunteer name a city, in
  its city (compared without case or surrounding spaces); a volunteer without a city is
  called country-wide. The opportunity's region is not compared: volunteers record no
  region.
- A deleted account (`erased_at`) is never called.

Who may be called at all is the read scope's (resolvers/live/dispatch.py, subscribe.py):
matching only narrows it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, exists, func, or_, select

from hub.db import models as m
from hub.db.models import OpportunityFormat

ANYWHERE = frozenset({OpportunityFormat.REMOTE.value, OpportunityFormat.HYBRID.value})


@dataclass(frozen=True, slots=True)
class Call:
    """What matching reads of an emergency opportunity."""

    format: str
    country: str | None
    city: str | None
    skills: tuple[str, ...]

    @classmethod
    def of(cls, row: Any, skills: Iterable[str]) -> Call:
        return cls(row.format, row.country, row.city, tuple(sorted(set(skills))))


def _city(value: str | None) -> str:
    return (value or "").strip().lower()


def matching(call: Call) -> list[ColumnElement[bool]]:
    """The WHERE clauses, over `volunteer`, of the volunteers `call` is for."""
    v = m.Volunteer
    clauses: list[ColumnElement[bool]] = [v.erased_at.is_(None)]
    if call.skills:
        clauses.append(exists(select(m.VolunteerSkill.volunteer_id).where(
            m.VolunteerSkill.volunteer_id == v.id,
            m.VolunteerSkill.skill_code.in_(call.skills))))
    if call.format not in ANYWHERE:
        if call.country:
            clauses.append(v.country == call.country)
        if _city(call.city):
            clauses.append(or_(v.city.is_(None), func.trim(v.city) == "",
                               func.lower(func.trim(v.city)) == _city(call.city)))
    return clauses
