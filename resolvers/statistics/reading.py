"""The true tallies of a question's cells and total, read from the rollups as their owner
(the policy has decided what the caller may know): sums, and distinct people per family
(volunteers with verified hours, applicants, completers) with their record keys' sum.

Two roads, which give the same numbers (tests/statistics/test_roads.py):

- the short one, when the question filters and groups by nothing but tenants and time:
  sums from `statistics_tenant_week` (a row per tenant and segment) and distinct people
  from `statistics_recurrence` (per unit, and over the period: the people of the units a..b
  whose previous unit is before a). Two statements whatever the volume; it needs the
  cross-tenant recurrence to be about these tenants only, so it is taken when one tenant is
  asked, when cells are per tenant and no other tenant has data in the period, or when
  every tenant with data in the period is asked;
- the long one, any question: `statistics_fact`, one row per volunteer and cell, summed
  per cell and person, then per cell (cells and total in one statement).

Folding small cells into the "other" cell needs the distinct people of the folded cells
together: `union_people`, one statement over their fact rows.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields
from typing import Any

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    and_,
    case,
    cast,
    false,
    func,
    literal,
    or_,
    select,
    true,
    tuple_,
    union_all,
)

from hub.db.models.statistics import (
    ALL_TENANTS,
    StatisticsFact,
    StatisticsRecurrence,
    StatisticsTenantWeek,
)
from hub.errors import BadUserInput
from resolvers.context import RequestContext
from resolvers.statistics import messages as msg
from resolvers.statistics.calendar import month_end
from resolvers.statistics.metrics import FAMILY, Family, StatisticsDimension
from resolvers.statistics.question import Question
from resolvers.statistics.slices import OF_DIMENSION, Slice, key_value, region_key

F, S, R = StatisticsFact, StatisticsTenantWeek, StatisticsRecurrence
D = StatisticsDimension
MAX_CELLS = 5000
TIME = (D.MONTH, D.WEEK)
Key = tuple[Any, ...]  # a cell's values, one per grouping dimension (REGION: a pair)


PEOPLE_FIELD = {Family.HOURS: "volunteers", Family.APPLICANTS: "applicants",
                Family.COMPLETERS: "completers"}


@dataclass(slots=True)
class Tally:
    hours_cents: int = 0
    noisy_cents: int = 0
    applications: int = 0
    application_key: int = 0
    completions: int = 0
    completion_key: int = 0
    volunteers: int = 0  # with verified hours
    volunteer_key: int = 0  # their record keys' sum
    applicants: int = 0
    completers: int = 0

    def people(self, family: Family) -> int:
        count: int = getattr(self, PEOPLE_FIELD[family])
        return count

    def add(self, other: Tally, names: Iterable[str] = ()) -> None:
        for name in names:
            setattr(self, name, getattr(self, name) + getattr(other, name))


SUMS = ("hours_cents", "noisy_cents", "applications", "application_key", "completions",
        "completion_key")
PEOPLE = {Family.HOURS: ("volunteers", "volunteer_key"), Family.APPLICANTS: ("applicants",),
          Family.COMPLETERS: ("completers",)}
ALL_FIELDS = tuple(f.name for f in fields(Tally))


@dataclass
class Reading:
    cells: dict[Key, Tally] = field(default_factory=dict)
    total: Tally = field(default_factory=Tally)
    road: str = "facts"


def families(question: Question) -> list[Family]:
    return sorted({FAMILY[m] for m in question.metrics})


# --- the fact rows: columns and filters --------------------------------------------------

def fact_columns(dimension: StatisticsDimension) -> list[Any]:
    columns: dict[StatisticsDimension, list[Any]] = {
        D.MONTH: [F.month], D.WEEK: [F.week], D.TENANT: [F.tenant_id],
        D.CATEGORY: [F.category_code], D.GROUP: [F.volunteer_group],
        D.REGION: [F.country, F.region]}
    return columns[dimension]


def fact_filter(question: Question) -> ColumnElement[bool]:
    q = question
    clauses = [F.tenant_id.in_(q.tenant_ids), F.month.between(q.first_month, q.last_month)]
    for values, column in ((q.categories, F.category_code), (q.groups, F.volunteer_group),
                           (q.countries, F.country), (q.regions, F.region),
                           (q.formats, F.format)):
        if values is not None:
            clauses.append(column.in_(values))
    if q.emergency is not None:
        clauses.append(F.emergency.is_(q.emergency))
    return and_(*clauses)


def key_of(question: Question, row: Sequence[Any]) -> Key:
    """A cell's key from the leading columns of a row selected with `fact_columns`."""
    values: list[Any] = []
    i = 0
    for dimension in question.group_by:
        if dimension == D.REGION:
            values.append((row[i], row[i + 1]))
            i += 2
        else:
            values.append(row[i])
            i += 1
    return tuple(values)


def _flat(key: Key) -> tuple[Any, ...]:
    out: list[Any] = []
    for value in key:
        out.extend(value if isinstance(value, tuple) else (value,))
    return (out and tuple(out)) or ()


def _big(expr: Any) -> Any:
    return cast(expr, BigInteger)


# --- the long road -----------------------------------------------------------------------

async def read_facts(ctx: RequestContext, question: Question) -> Reading:
    columns = [c for d in question.group_by for c in fact_columns(d)]
    where = fact_filter(question)

    def per_person(by: list[Any]) -> Any:
        return (select(*by, F.volunteer_id,
                       *(func.sum(F.__table__.c[n]).label(n) for n in SUMS),
                       func.max(F.volunteer_key).label("volunteer_key"))
                .where(where).group_by(*by, F.volunteer_id).subquery())

    people = per_person(columns)
    cell_by = [people.c[c.name] for c in columns]
    cells = (select(literal(0).label("is_total"), *cell_by, *_aggregates(people))
             .group_by(*cell_by).limit(MAX_CELLS + 1).subquery())
    everyone = per_person([])
    nulls = [cast(literal(None), c.type).label(c.name) for c in columns]
    totals = select(literal(1).label("is_total"), *nulls, *_aggregates(everyone))
    rows = await ctx.db.rows_as_system(union_all(select(cells), totals) if columns
                                       else totals)
    reading = Reading(road="facts")
    width = len(columns)
    for row in rows:
        tally = _tally(row[1 + width:])
        if row[0]:
            reading.total = tally
        else:
            reading.cells[key_of(question, row[1:1 + width])] = tally
    if len(reading.cells) > MAX_CELLS:
        raise BadUserInput(msg.TOO_MANY_CELLS, argument="groupBy", count=MAX_CELLS)
    return reading


def _aggregates(p: Any) -> list[Any]:
    def active(column: str) -> Any:
        return case((p.c[column] > 0, 1), else_=0)

    return [*(_big(func.sum(p.c[n])).label(n) for n in SUMS),
            _big(func.sum(active("hours_cents"))).label("volunteers"),
            _big(func.sum(active("hours_cents") * p.c.volunteer_key)).label("volunteer_key"),
            _big(func.sum(active("applications"))).label("applicants"),
            _big(func.sum(active("completions"))).label("completers")]


def _tally(values: Sequence[Any]) -> Tally:
    return Tally(*(int(v or 0) for v in values))


# --- the short road ----------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class SlicePlan:
    """Which slice of the rollups answers a question: everything, or one dimension's values
    (`values`: those the filter allows, None: all), grouped by it or not."""

    piece: Slice
    grouped: bool
    values: frozenset[str] | None = None
    countries: frozenset[str] | None = None
    regions: frozenset[str] | None = None

    @property
    def filtered(self) -> bool:
        return any(v is not None for v in (self.values, self.countries, self.regions))

    def allows(self, value: str) -> bool:
        if self.values is not None and value not in self.values:
            return False
        if self.countries is None and self.regions is None:
            return True
        country, region = region_key(value)
        return (self.countries is None or country in self.countries) and \
            (self.regions is None or region in self.regions)


def slice_plan(question: Question) -> SlicePlan | None:
    """The slice of a question, or None when it needs the long road: more than one
    dimension beyond tenant and time, or weeks with a dimension (slices are by month)."""
    q = question
    grouped = {OF_DIMENSION[d] for d in q.group_by if d not in (*TIME, D.TENANT)}
    filters: dict[Slice, dict[str, frozenset[str] | None]] = {}
    for piece, name, values in ((Slice.CATEGORY, "values", q.categories),
                                (Slice.GROUP, "values", q.groups),
                                (Slice.REGION, "countries", q.countries),
                                (Slice.REGION, "regions", q.regions),
                                (Slice.FORMAT, "values", q.formats)):
        if values is not None:
            filters.setdefault(piece, {})[name] = frozenset(values)
    if q.emergency is not None:
        filters[Slice.EMERGENCY] = {"values": frozenset({"Y" if q.emergency else "N"})}
    pieces = grouped | set(filters)
    if not pieces:
        return SlicePlan(Slice.ALL, False)
    if len(pieces) > 1 or D.WEEK in q.group_by:
        return None
    piece = pieces.pop()
    return SlicePlan(piece, piece in grouped, **filters.get(piece, {}))


async def read_rollups(ctx: RequestContext, question: Question) -> Reading | None:
    """The reading from the per-tenant sums and the recurrence, of everything or of one
    slice; None when the question needs the long road (see the module's docstring)."""
    q, plan = question, slice_plan(question)
    if plan is None:
        return None
    sliced = plan.piece != Slice.ALL
    times = [d for d in q.group_by if d in TIME]
    time_columns = {D.MONTH: S.month, D.WEEK: S.week}
    s_by = [S.tenant_id, *(time_columns[d] for d in times), *([S.value] if sliced else [])]
    s_where: list[ColumnElement[bool]] = [S.dimension == plan.piece.value,
                                          S.month.between(q.first_month, q.last_month)]
    if plan.values is not None:
        s_where.append(S.value.in_(sorted(plan.values)))
    sums = [row for row in await ctx.db.rows_as_system(
        select(*s_by, *(_big(func.sum(S.__table__.c[n])).label(n) for n in SUMS))
        .where(*s_where).group_by(*s_by)) if not sliced or plan.allows(row[len(s_by) - 1])]
    asked = set(q.tenant_ids)
    several = len(asked) > 1
    if several and not {int(r[0]) for r in sums} <= asked:
        return None  # another tenant's people would count in the cross-tenant recurrence
    present = {row[len(s_by) - 1] for row in sums} if sliced else set()
    if plan.filtered and plan.piece != Slice.GROUP and len(present) > 1:
        return None  # distinct people across several values: not a sum (groups are)
    per_tenant = D.TENANT in q.group_by
    single = q.tenant_ids[0] if not several else ALL_TENANTS
    scopes = sorted({*(asked if per_tenant else ()), single})
    cell_kind = "W" if D.WEEK in q.group_by else "M"
    # Totals: the whole slice's people, unless the filter narrows it to some values.
    total_piece = plan.piece if plan.filtered else Slice.ALL
    dimensions = sorted({plan.piece.value, total_piece.value})
    start = q.first_month
    before = R.previous_unit < start
    r_where: list[ColumnElement[bool]] = [
        R.scope_tenant_id.in_(scopes), R.unit_kind.in_(sorted({cell_kind, "M"})),
               R.metric.in_([f.value for f in families(q)]), R.dimension.in_(dimensions),
               R.unit.between(start, month_end(q.last_month))]
    if plan.values is not None:
        r_where.append(or_(R.dimension != plan.piece.value,
                           R.value.in_(sorted(plan.values))))
    recurrence = await ctx.db.rows_as_system(
        select(R.scope_tenant_id, R.unit_kind, R.metric, R.dimension, R.value, R.unit,
               _big(func.sum(R.volunteers)), _big(func.sum(R.key_sum)),
               _big(func.sum(case((before, R.volunteers), else_=0))),
               _big(func.sum(case((before, R.key_sum), else_=0))))
        .where(*r_where)
        .group_by(R.scope_tenant_id, R.unit_kind, R.metric, R.dimension, R.value, R.unit))
    reading = Reading(road="rollups")

    # A cell's key from (tenant, month, segment, slice value): one getter per dimension.
    getters = [{D.TENANT: 0, D.MONTH: 1, D.WEEK: 2}.get(d, 3) for d in q.group_by]

    def cell_key(*parts: Any) -> Key:
        return tuple(parts[i] for i in getters)

    month_at = times.index(D.MONTH) + 1 if D.MONTH in times else None
    week_at = times.index(D.WEEK) + 1 if D.WEEK in times else None
    width, added = len(s_by), [0] * len(SUMS)
    summed: dict[Key, list[int]] = {}
    for row in sums:
        tenant_id = int(row[0])
        if tenant_id not in asked:
            continue
        values = [int(v or 0) for v in row[width:]]
        added = [a + v for a, v in zip(added, values, strict=True)]
        if q.group_by:
            key = cell_key(tenant_id, row[month_at] if month_at else None,
                           row[week_at] if week_at else None,
                           key_value(plan.piece, row[width - 1]) if sliced else None)
            found = summed.get(key)
            summed[key] = values if found is None else [
                a + v for a, v in zip(found, values, strict=True)]
    reading.total = Tally(*added)
    reading.cells = {key: Tally(*values) for key, values in summed.items()}
    # People: per unit (all rows of the unit) or over the period (first unit in it).
    people = {family.value: PEOPLE[family] for family in Family}
    piece = plan.piece.value
    for scope, unit_kind, metric, dimension, value, unit, count, keys, first_count, \
            first_keys in recurrence:
        names, scope = people[metric], int(scope)
        if sliced and dimension == piece and not plan.allows(value):
            continue
        if unit_kind == "M" and scope == single and dimension == total_piece.value:
            _add_people(reading.total, names, int(first_count), int(first_keys))
        in_cells = (scope in asked) if per_tenant else (scope == single)
        if not q.group_by or not in_cells or unit_kind != cell_kind or dimension != piece:
            continue
        month = (unit.replace(day=1) if week_at else unit) if month_at else None
        target = reading.cells.get(cell_key(scope, month, unit if week_at else None,
                                            key_value(plan.piece, value) if sliced else None))
        if target is not None:
            n, k = (count, keys) if times else (first_count, first_keys)
            _add_people(target, names, int(n), int(k))
    return reading


def _add_people(tally: Tally, names: tuple[str, ...], count: int, keys: int) -> None:
    setattr(tally, names[0], getattr(tally, names[0]) + count)
    if len(names) > 1:
        setattr(tally, names[1], getattr(tally, names[1]) + keys)


# --- the "other" cell --------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Fold:
    """The cells a family folds into "other" (`cells`), and the candidate cell of a
    secondary suppression (`candidate`)."""

    cells: tuple[Key, ...]
    candidate: Key | None


async def union_people(ctx: RequestContext, question: Question,
                       folds: dict[Family, Fold]) -> dict[Family, tuple[Tally, Tally]]:
    """Per family, the distinct people of its folded cells together, and of those with
    the candidate: tallies with only the family's people (and keys) filled."""
    columns = [c for d in question.group_by for c in fact_columns(d)]
    row_key = tuple_(*columns) if len(columns) > 1 else columns[0]

    def within(keys: Sequence[Key]) -> ColumnElement[bool]:
        flat = [_flat(k) for k in keys]
        if not flat:
            return false()
        return row_key.in_(flat if len(columns) > 1 else [f[0] for f in flat])

    flags: list[Any] = []
    anywhere: list[ColumnElement[bool]] = []
    for family in sorted(folds):
        fold = folds[family]
        active = F.__table__.c[{Family.HOURS: "hours_cents", Family.APPLICANTS: "applications",
                                Family.COMPLETERS: "completions"}[family]] > 0
        folded = within(fold.cells)
        with_candidate = or_(folded, within([fold.candidate])) if fold.candidate is not None \
            else folded
        anywhere.append(with_candidate)
        for name, inside in (("p", folded), ("pc", with_candidate)):
            flags.append(func.max(case((and_(inside, active), 1), else_=0))
                         .label(f"{family.value}_{name}"))
    per_person = (select(F.volunteer_id, func.max(F.volunteer_key).label("volunteer_key"),
                         *flags)
                  .where(fact_filter(question), or_(*anywhere) if anywhere else true())
                  .group_by(F.volunteer_id).subquery())
    sums = []
    for family in sorted(folds):
        for name in ("p", "pc"):
            flag = per_person.c[f"{family.value}_{name}"]
            sums += [_big(func.sum(flag)), _big(func.sum(flag * per_person.c.volunteer_key))]
    row = (await ctx.db.rows_as_system(select(*sums)))[0]
    out: dict[Family, tuple[Tally, Tally]] = {}
    values = [int(v or 0) for v in row]
    for i, family in enumerate(sorted(folds)):
        tallies = []
        for j in range(2):
            count, keys = values[4 * i + 2 * j], values[4 * i + 2 * j + 1]
            tally = Tally()
            _add_people(tally, PEOPLE[family], count, keys)
            tallies.append(tally)
        out[family] = (tallies[0], tallies[1])
    return out


def merged(cells: Iterable[Tally]) -> Tally:
    out = Tally()
    for tally in cells:
        out.add(tally, SUMS)
    return out


def by_family(rows: Iterable[tuple[Family, Any]]) -> dict[Family, list[Any]]:
    grouped: dict[Family, list[Any]] = defaultdict(list)
    for family, value in rows:
        grouped[family].append(value)
    return grouped
