"""The statistics' rollups (hub/db/models/statistics.py), kept by the transactions that
change what they count, and rebuilt whole when records were written another way (the demo
seeder, the scale generator, a restore, a changed category or group).

`roll_up` runs inside a write's transaction (verifyHours, applying, withdrawing, deciding,
completing) on the hub's own account (`tx.as_system()`: the request role may not touch the
rollups), in a fixed number of statements whatever the number of records:

1. the volunteers concerned are locked (their rows, in id order): two writes about the
   same person roll up one after the other, so neither recomputes from a stale view;
2. their fact rows are deleted (returning them) and computed again from their records
   (returning the new ones): facts are never added to, so they cannot drift;
3. the per-tenant sums and the recurrence counts move by the difference between the old
   rows and the new ones (upserts that add: concurrent writes about different people
   commute), and rows left at zero go.

`rebuild_rollups` computes all three tables from the records in set-based statements.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from functools import lru_cache
from typing import Any

from sqlalchemy import Table, delete, func, insert, literal, select, tuple_, union_all
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from hub.db import models as m
from hub.db.models.statistics import (
    ALL_TENANTS,
    NO_PREVIOUS,
    StatisticsFact,
    StatisticsRecurrence,
    StatisticsTenantWeek,
)
from resolvers.core.writes import Tx
from resolvers.statistics.facts import COLUMNS, FACT_COLUMNS, facts
from resolvers.statistics.keys import Secret, load_secret
from resolvers.statistics.metrics import Family
from resolvers.statistics.slices import SLICED, Slice, value_of, value_sql

F, S, R = StatisticsFact, StatisticsTenantWeek, StatisticsRecurrence
S_SUMS = ("hours_cents", "noisy_cents", "entries", "applications", "application_key",
          "completions", "completion_key")
FLAGS = {Family.HOURS: "hours_cents", Family.APPLICANTS: "applications",
         Family.COMPLETERS: "completions"}
UNITS = {"M": "month", "W": "week"}
S_KEY = ("tenant_id", "week", "dimension", "value")
R_KEY = ("scope_tenant_id", "unit_kind", "metric", "dimension", "value", "unit",
         "previous_unit")


async def roll_up(tx: Tx, *, hours_entry_ids: Sequence[int] = (),
                  application_ids: Sequence[int] = ()) -> None:
    """These hours entries were just reviewed, or these applications just created or moved
    (completed, withdrawn...): bring the rollups up to date in the same transaction."""
    if not hours_entry_ids and not application_ids:
        return
    async with tx.as_system() as session:
        await roll_up_volunteers(session, hours_entry_ids=hours_entry_ids,
                                 application_ids=application_ids)


async def roll_up_volunteers(session: AsyncSession, *, hours_entry_ids: Sequence[int] = (),
                             application_ids: Sequence[int] = ()) -> None:
    """`roll_up` on a session that may write the rollups (the owner's)."""
    e, a, v = m.HoursEntry, m.Application, m.Volunteer
    concerned = union_all(
        select(e.volunteer_id).where(e.id.in_(sorted(set(hours_entry_ids)))),
        select(a.volunteer_id).where(a.id.in_(sorted(set(application_ids)))))
    volunteers = [int(i) for i in (await session.scalars(
        select(v.id).where(v.id.in_(concerned.scalar_subquery())).order_by(v.id)
        .with_for_update())).all()]
    if not volunteers:
        return
    dialect = session.get_bind().dialect.name
    secret = await load_secret(session)
    old = (await session.execute(delete(F).where(F.volunteer_id.in_(volunteers))
                                 .returning(*FACT_COLUMNS))).all()
    connection = await session.connection()  # Core: the session's would take the ORM's
    new = (await connection.execute(_insert_facts(dialect, secret),  # bulk road
                                    {"volunteers": volunteers})).all()
    await _move_sums(session, dialect, old, new)
    await _move_recurrence(session, dialect, old, new)


@lru_cache(maxsize=16)
def _insert_facts(dialect: str, secret: Secret) -> Any:
    table = F.__table__
    assert isinstance(table, Table)
    return insert(table).from_select(list(COLUMNS), facts(dialect, secret, True)) \
        .returning(*FACT_COLUMNS)


def _rows(rows: Iterable[Any]) -> list[dict[str, Any]]:
    return [dict(zip(COLUMNS, row, strict=True)) for row in rows]


async def _move_sums(session: AsyncSession, dialect: str, old: Sequence[Any],
                     new: Sequence[Any]) -> None:
    delta: dict[tuple[int, date, str, str], dict[str, int]] = {}
    months: dict[tuple[int, date, str, str], date] = {}
    for sign, rows in ((-1, old), (1, new)):
        for row in _rows(rows):
            for piece in (Slice.ALL, *SLICED):
                key = (int(row["tenant_id"]), row["week"], piece.value, value_of(piece, row))
                months[key] = row["month"]
                sums = delta.setdefault(key, dict.fromkeys(S_SUMS, 0))
                for name in S_SUMS:
                    sums[name] += sign * int(row[name])
    if not delta:
        return
    values = [{**dict(zip(S_KEY, key, strict=True)), "month": months[key], **sums}
              for key, sums in sorted(delta.items())]
    await _add(session, dialect, S, S_KEY, S_SUMS, values)
    # Only a row that lost something can be left empty.
    shrunk = sorted(key for key, sums in delta.items()
                    if min(sums["entries"], sums["applications"], sums["completions"]) < 0)
    if shrunk:
        await session.execute(delete(S).where(
            tuple_(*(S.__table__.c[c] for c in S_KEY)).in_(shrunk), S.entries == 0,
            S.applications == 0, S.completions == 0))


def recurrence(rows: Iterable[dict[str, Any]]) -> Counter[tuple[Any, ...]]:
    """The recurrence rows of these fact rows (whole volunteers' rows): per (scope, kind,
    family, slice, value, unit, previous unit), how many volunteers, and (key "+key")
    their keys' sum. Slices are counted by month only."""
    units: dict[tuple[Any, ...], set[date]] = defaultdict(set)
    keys: dict[int, int] = {}
    for row in rows:
        vid, tenant = int(row["volunteer_id"]), int(row["tenant_id"])
        keys[vid] = int(row["volunteer_key"])
        for family, column in FLAGS.items():
            if int(row[column]) <= 0:
                continue
            for scope in (tenant, ALL_TENANTS):
                for kind, unit_column in UNITS.items():
                    units[(vid, scope, kind, family.value, "", "")].add(row[unit_column])
                for piece in SLICED:
                    units[(vid, scope, "M", family.value, piece.value,
                           value_of(piece, row))].add(row["month"])
    counts: Counter[tuple[Any, ...]] = Counter()
    for (vid, *where), found in units.items():
        previous = NO_PREVIOUS
        for day in sorted(found):
            counts[(*where, day, previous)] += 1
            counts[(*where, day, previous, "+key")] += keys[vid]
            previous = day
    return counts


async def _move_recurrence(session: AsyncSession, dialect: str, old: Sequence[Any],
                           new: Sequence[Any]) -> None:
    delta = recurrence(_rows(new))
    delta.subtract(recurrence(_rows(old)))
    width = len(R_KEY)
    touched = sorted({k for k in delta
                      if len(k) == width and (delta[k] or delta[(*k, "+key")])})
    if not touched:
        return
    values = [{**dict(zip(R_KEY, k, strict=True)), "volunteers": delta[k],
               "key_sum": delta[(*k, "+key")]} for k in touched]
    await _add(session, dialect, R, R_KEY, ("volunteers", "key_sum"), values)
    shrunk = [k for k in touched if delta[k] < 0]  # only these can be left at zero
    if shrunk:
        await session.execute(delete(R).where(
            tuple_(*(R.__table__.c[c] for c in R_KEY)).in_(shrunk), R.volunteers == 0))


async def _add(session: AsyncSession, dialect: str, model: Any, key: Sequence[str],
               sums: Sequence[str], values: list[dict[str, Any]]) -> None:
    """INSERT the rows, or add their sums to the rows already there (one statement,
    executed for many rows: compiled once)."""
    connection = await session.connection()  # Core executemany (the session's would be
    await connection.execute(_upsert(dialect, model, tuple(key), tuple(sums)), values)  # ORM)


@lru_cache(maxsize=8)
def _upsert(dialect: str, model: Any, key: tuple[str, ...], sums: tuple[str, ...]) -> Any:
    make = postgresql.insert if dialect == "postgresql" else sqlite.insert
    table = model.__table__
    stmt = make(table)
    return stmt.on_conflict_do_update(
        index_elements=list(key),
        set_={name: table.c[name] + stmt.excluded[name] for name in sums})


# --- the rebuild -------------------------------------------------------------------------

async def rebuild_rollups(session: AsyncSession) -> dict[str, int]:
    """Every rollup computed again from the records (set-based: a few statements whatever
    the volume), in the caller's transaction, as the owner; the rows written per table."""
    dialect = session.get_bind().dialect.name
    secret = await load_secret(session, fresh=True)
    for model in (R, S, F):
        await session.execute(delete(model))
    await session.execute(insert(F).from_select(list(COLUMNS), facts(dialect, secret)))
    sums = [func.sum(F.__table__.c[name]).label(name) for name in S_SUMS]
    sliced = []
    for piece in (Slice.ALL, *SLICED):
        value = literal("") if piece == Slice.ALL else value_sql(piece)
        by = [F.tenant_id, F.week, F.month] + ([] if piece == Slice.ALL else [value])
        sliced.append(select(F.tenant_id, F.week, literal(piece.value).label("dimension"),
                             value.label("value"), F.month, *sums).group_by(*by))
    await session.execute(insert(S).from_select([*S_KEY, "month", *S_SUMS],
                                                union_all(*sliced)))
    await session.execute(insert(R).from_select([*R_KEY, "volunteers", "key_sum"],
                                                _recurrence_select()))
    counts = {}
    for model in (F, S, R):
        counts[model.__tablename__] = int(await session.scalar(
            select(func.count()).select_from(model)) or 0)
    return counts


def _recurrence_select() -> Any:
    """The recurrence rows of every fact row: each volunteer's distinct active units per
    scope, kind, family and slice, with the unit before it (LAG), counted."""
    branches = []
    for family, column in FLAGS.items():
        active = F.__table__.c[column] > 0
        for scope in (F.tenant_id, literal(ALL_TENANTS, F.tenant_id.type)):
            for kind, unit_name in UNITS.items():
                branches.append(_units(scope, kind, family, Slice.ALL, F.__table__.c[unit_name],
                                       active))
            for piece in SLICED:
                branches.append(_units(scope, "M", family, piece, F.month, active))
    units = union_all(*branches).subquery("units")
    previous = func.coalesce(func.lag(units.c.unit).over(
        partition_by=[units.c.volunteer_id, units.c.scope_tenant_id, units.c.unit_kind,
                      units.c.metric, units.c.dimension, units.c.value],
        order_by=units.c.unit), literal(NO_PREVIOUS, R.previous_unit.type))
    runs = select(units.c.scope_tenant_id, units.c.unit_kind, units.c.metric,
                  units.c.dimension, units.c.value, units.c.unit,
                  previous.label("previous_unit"), units.c.volunteer_key).subquery("runs")
    key = [runs.c[c] for c in R_KEY]
    return select(*key, func.count().label("volunteers"),
                  func.sum(runs.c.volunteer_key).label("key_sum")).group_by(*key)


def _units(scope: Any, kind: str, family: Family, piece: Slice, unit: Any, active: Any
           ) -> Any:
    value = literal("") if piece == Slice.ALL else value_sql(piece)
    return (select(F.volunteer_id, scope.label("scope_tenant_id"),
                   literal(kind).label("unit_kind"), literal(family.value).label("metric"),
                   literal(piece.value).label("dimension"), value.label("value"),
                   unit.label("unit"), F.volunteer_key)
            .where(active).distinct())
