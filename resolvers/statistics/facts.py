"""The statistics' facts, computed from the records in one set-based SELECT: verified hours
entries (by the day served), applications (by the UTC day applied) and completions (by the
UTC day completed), each with its opportunity's category, place, format and emergency flag
and its volunteer's group as they are now, summed per volunteer, tenant, segment and
dimension. The rebuild runs it over everything; a write's rollup over the volunteers it
touched."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from sqlalchemy import BigInteger, Select, bindparam, cast, func, literal, select, union_all

from hub.db import models as m
from hub.db.models.enums import ApplicationStatus, HoursStatus
from hub.db.models.statistics import StatisticsFact
from resolvers.statistics.calendar import day_of_moment_sql, month_sql, segment_sql
from resolvers.statistics.keys import APPLICATION, COMPLETION, VOLUNTEER, Secret

F = StatisticsFact
KEY = ("volunteer_id", "tenant_id", "week", "category_code", "volunteer_group", "country",
       "region", "format", "emergency", "month")
SUMS = ("hours_cents", "entries", "applications", "application_key", "completions",
        "completion_key")
# The columns of a fact row, in the order `facts` selects them.
COLUMNS = (*KEY, "volunteer_key", "hours_cents", "noisy_cents", "entries", "applications",
           "application_key", "completions", "completion_key")


def _zero() -> Any:
    return literal(0, BigInteger)


def _dimensions(dialect: str, day: Any, tenant_id: Any, volunteer_id: Any) -> list[Any]:
    o, v = m.Opportunity, m.Volunteer
    return [volunteer_id.label("volunteer_id"), tenant_id.label("tenant_id"),
            segment_sql(dialect, day).label("week"),
            o.category_code.label("category_code"),
            func.coalesce(v.group, "").label("volunteer_group"),
            func.coalesce(o.country, "").label("country"),
            func.coalesce(o.region, "").label("region"),
            o.format.label("format"), o.is_emergency.label("emergency"),
            month_sql(dialect, day).label("month")]


@lru_cache(maxsize=16)
def facts(dialect: str, secret: Secret, some: bool = False) -> Select[Any]:
    """The fact rows (COLUMNS) of every volunteer, or (`some`) of the volunteers of the
    expanding parameter "volunteers". Built once per dialect and keys: building the
    expression costs more than running it for one volunteer."""
    e, a, o, v = m.HoursEntry, m.Application, m.Opportunity, m.Volunteer
    hours = (select(*_dimensions(dialect, e.date, e.tenant_id, e.volunteer_id),
                    cast(func.round(e.hours * 100), BigInteger).label("hours_cents"),
                    literal(1, BigInteger).label("entries"),
                    _zero().label("applications"), _zero().label("application_key"),
                    _zero().label("completions"), _zero().label("completion_key"))
             .join(a, a.id == e.application_id).join(o, o.id == a.opportunity_id)
             .join(v, v.id == e.volunteer_id)
             .where(e.status == HoursStatus.APPROVED.value))
    applied = day_of_moment_sql(dialect, a.applied_at)
    applications = (select(*_dimensions(dialect, applied, a.tenant_id, a.volunteer_id),
                           _zero().label("hours_cents"), _zero().label("entries"),
                           literal(1, BigInteger).label("applications"),
                           secret.key_sql(a.id, APPLICATION).label("application_key"),
                           _zero().label("completions"), _zero().label("completion_key"))
                    .join(o, o.id == a.opportunity_id).join(v, v.id == a.volunteer_id))
    completed = day_of_moment_sql(dialect, a.completed_at)
    completions = (select(*_dimensions(dialect, completed, a.tenant_id, a.volunteer_id),
                          _zero().label("hours_cents"), _zero().label("entries"),
                          _zero().label("applications"), _zero().label("application_key"),
                          literal(1, BigInteger).label("completions"),
                          secret.key_sql(a.id, COMPLETION).label("completion_key"))
                   .join(o, o.id == a.opportunity_id).join(v, v.id == a.volunteer_id)
                   .where(a.status == ApplicationStatus.COMPLETED.value,
                          a.completed_at.is_not(None)))
    if some:
        hours = hours.where(e.volunteer_id.in_(bindparam("volunteers", expanding=True)))
        applications = applications.where(
            a.volunteer_id.in_(bindparam("volunteers", expanding=True)))
        completions = completions.where(
            a.volunteer_id.in_(bindparam("volunteers", expanding=True)))
    u = union_all(hours, applications, completions).subquery("u")
    keys = [u.c[name] for name in KEY]
    sums = {name: cast(func.sum(u.c[name]), BigInteger) for name in SUMS}
    return (select(*keys,
                   secret.key_sql(u.c.volunteer_id, VOLUNTEER).label("volunteer_key"),
                   sums["hours_cents"].label("hours_cents"),
                   secret.noisy_cents_sql(sums["hours_cents"], u.c.volunteer_id,
                                          u.c.tenant_id).label("noisy_cents"),
                   *(sums[name].label(name) for name in SUMS[1:]))
            .group_by(*keys))


FACT_COLUMNS = [F.__table__.c[name] for name in COLUMNS]
