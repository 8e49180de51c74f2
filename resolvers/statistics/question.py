"""A statistics question, checked: which metrics, grouped by what, over which tenants, in
which months, filtered by which dimensions. Bad input is a BAD_USER_INPUT naming the
argument; nothing is read before the question is whole."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

from hub.errors import BadUserInput
from hub.i18n import messages as hub_msg
from resolvers.statistics import messages as msg
from resolvers.statistics.calendar import add_months, month_of, months_between
from resolvers.statistics.metrics import StatisticsDimension, StatisticsMetric

MAX_VALUES = 100  # per filter list
MAX_YEARS = 10
DEFAULT_MONTHS = 12  # the last twelve months, this one included


@dataclass(frozen=True, slots=True)
class Filter:
    """The API's StatisticsFilter, as given (None: not filtered)."""

    tenants: Sequence[str] | None = None
    start: date | None = None
    end: date | None = None
    categories: Sequence[str] | None = None
    groups: Sequence[str] | None = None
    countries: Sequence[str] | None = None
    regions: Sequence[str] | None = None
    formats: Sequence[str] | None = None
    emergency: bool | None = None


@dataclass(frozen=True, slots=True)
class Question:
    metrics: tuple[StatisticsMetric, ...]
    group_by: tuple[StatisticsDimension, ...]
    tenant_ids: tuple[int, ...]  # decided by the policy (policy.py)
    first_month: date
    last_month: date
    categories: tuple[str, ...] | None = None
    groups: tuple[str, ...] | None = None  # "" matches volunteers without a group
    countries: tuple[str, ...] | None = None
    regions: tuple[str, ...] | None = None
    formats: tuple[str, ...] | None = None
    emergency: bool | None = None

    @property
    def filters_dimensions(self) -> bool:
        """Filtered by anything beyond tenants and time."""
        return any(v is not None for v in (self.categories, self.groups, self.countries,
                                           self.regions, self.formats, self.emergency))


def _values(values: Sequence[str] | None, argument: str, *, upper: bool = False
            ) -> tuple[str, ...] | None:
    if values is None:
        return None
    if len(values) > MAX_VALUES:
        raise BadUserInput(hub_msg.TOO_MANY_VALUES, argument=argument, count=MAX_VALUES)
    cleaned = (v.strip().upper() if upper else v.strip() for v in values)
    return tuple(sorted(set(cleaned)))


def period(start: date | None, end: date | None, today: date | None = None
           ) -> tuple[date, date]:
    """The first and last months of the period: whole months around `start` and `end`;
    by default the twelve months up to this one (UTC)."""
    last = month_of(end) if end is not None else month_of(today or datetime.now(UTC).date())
    first = month_of(start) if start is not None else add_months(last, 1 - DEFAULT_MONTHS)
    if first > last:
        raise BadUserInput(msg.PERIOD_ORDER, argument="filter.to")
    if months_between(first, last) > MAX_YEARS * 12:
        raise BadUserInput(msg.PERIOD_TOO_LONG, argument="filter.from", count=MAX_YEARS)
    return first, last


def checked(metrics: Sequence[StatisticsMetric], group_by: Sequence[StatisticsDimension],
            given: Filter, tenant_ids: tuple[int, ...]) -> Question:
    """The question, with the tenants the policy decided on."""
    if not metrics:
        raise BadUserInput(msg.NO_METRICS, argument="metrics")
    first, last = period(given.start, given.end)
    return Question(
        metrics=tuple(dict.fromkeys(StatisticsMetric(m) for m in metrics)),
        group_by=tuple(dict.fromkeys(StatisticsDimension(d) for d in group_by)),
        tenant_ids=tenant_ids, first_month=first, last_month=last,
        categories=_values(given.categories, "filter.categories"),
        groups=_values(given.groups, "filter.groups"),
        countries=_values(given.countries, "filter.countries", upper=True),
        regions=_values(given.regions, "filter.regions"),
        formats=_values(given.formats, "filter.formats"),
        emergency=given.emergency)


def requested_tenants(given: Filter) -> Sequence[str] | None:
    if given.tenants is not None and len(given.tenants) > MAX_VALUES:
        raise BadUserInput(hub_msg.TOO_MANY_VALUES, argument="filter.tenants",
                           count=MAX_VALUES)
    return given.tenants
