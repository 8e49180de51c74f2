"""The statistics' GraphQL types: an answer built whole by the query's resolver (value
objects: nothing is loaded per field), its keys labelled and its numbers written in the
served locale, with the tenant's digits when the answer is about one tenant."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any

import strawberry
from babel.dates import format_date, format_interval, format_skeleton

from hub.i18n import enum_label, format_number, gettext, numbering_system
from hub.i18n.cldr import babel_locale
from hub.i18n.digits import write_digits
from resolvers.context import RequestContext
from resolvers.statistics import messages as msg
from resolvers.statistics.calendar import month_end, segment_end
from resolvers.statistics.metrics import StatisticsDimension, StatisticsMetric
from resolvers.statistics.protection import Published
from resolvers.statistics.queries import Answer, sort_value
from schema.core.localize import display_locale, label, served_name
from schema.core.policy import INHERITED, policy

strawberry.enum(StatisticsMetric, name="StatisticsMetric")
strawberry.enum(StatisticsDimension, name="StatisticsDimension")

D = StatisticsDimension
NOTE = "reached only through Query.statistics, whose resolver applies the statistics policy"


@policy(reach=INHERITED, open=("dimension", "value", "label"), note=NOTE)
@strawberry.type(description="One dimension of a cell's key.")
class StatisticsKey:
    dimension: StatisticsDimension
    value: str = strawberry.field(description='MONTH "2026-10", WEEK the first day of the '
                                              'segment "2026-10-26", TENANT a slug, CATEGORY '
                                              'a code, GROUP a VolunteerGroup value ("": not '
                                              'stated), REGION "DZ:Oran" ("": none).')
    label: str = strawberry.field(description="In the served language.")


@policy(reach=INHERITED, open=("metric", "value", "display"), note=NOTE)
@strawberry.type(description="One metric's figure.")
class StatisticsValue:
    metric: StatisticsMetric
    value: float | None = strawberry.field(description="Null: suppressed (too few people).")
    display: str | None = strawberry.field(description="The value written in the served "
                                                       "locale (the tenant's digits when "
                                                       "the answer is about one tenant).")


@policy(reach=INHERITED, open=("key", "values", "suppressed", "isOther"), note=NOTE)
@strawberry.type(description="The figures of one combination of the grouping's values.")
class StatisticsCell:
    key: list[StatisticsKey]
    values: list[StatisticsValue]
    suppressed: bool = strawberry.field(description="Some figure of this cell is withheld.")
    is_other: bool = strawberry.field(description="The suppressed cells together (last).")


@policy(reach=INHERITED,
        open=("metrics", "groupBy", "cells", "totals", "protected", "minimumCell",
              "suppressedCells", "from", "to"), note=NOTE)
@strawberry.type(description="Statistics of verified hours, active volunteers, applications "
                             "and completed participations (docs/statistics.md).")
class Statistics:
    metrics: list[StatisticsMetric]
    group_by: list[StatisticsDimension]
    cells: list[StatisticsCell] = strawberry.field(
        description='Sorted by key; the "other" cell (isOther), folding suppressed cells, '
                    "last.")
    totals: list[StatisticsValue]
    protected: bool = strawberry.field(description="Re-identification protection applied: "
                                                   "small cells suppressed, figures "
                                                   "perturbed.")
    minimum_cell: int | None = strawberry.field(description="k: the fewest distinct "
                                                            "people a published cell counts.")
    suppressed_cells: int
    from_: date = strawberry.field(name="from", description="The period's first day (whole "
                                                            "months).")
    to: date = strawberry.field(description="The period's last day.")


@lru_cache(maxsize=16384)
def display_number(value: float, locale: str, digits: str | None) -> str:
    """`value` written in `locale` (Babel's number formatting costs some 40 µs, and a year
    of months by tenant shows a thousand figures, the same ones until the next write)."""
    shown: float | int = int(value) if float(value).is_integer() else value
    return format_number(shown, locale, digits=digits)


@lru_cache(maxsize=4096)
def time_label(locale: str, dimension: StatisticsDimension, day: date) -> str:
    """A month ("October 2026") or a segment ("Oct 26 – 31, 2026") in `locale` (Latin
    digits: the caller writes the digits); Babel's formatting is the costly part of a
    year of months by tenant, and the same labels come back in every answer."""
    locale_ = babel_locale(locale)
    if dimension == D.MONTH:
        return str(format_skeleton("yMMMM", day, locale=locale_))
    end = segment_end(day)
    if end == day:
        return str(format_date(day, "medium", locale=locale_))
    return str(format_interval(day, end, "yMMMd", locale=locale_))


class _Labels:
    """The keys' labels and the numbers' display of one answer, in the served locale."""

    def __init__(self, ctx: RequestContext, answer: Answer, categories: dict[str, Any]
                 ) -> None:
        self.ctx = ctx
        tenants = answer.question.tenant_ids
        tenant = ctx.tenants.by_id.get(tenants[0]) if len(tenants) == 1 else None
        self.locale, self.digits = display_locale(ctx, tenant)
        self.system = numbering_system(self.locale, self.digits)
        self.categories = categories
        self.tenant_names: dict[Any, str] = {}
        self.keys: dict[tuple[StatisticsDimension, Any], StatisticsKey] = {}

    def number(self, value: float | None) -> str | None:
        return None if value is None else display_number(value, self.locale, self.digits)

    def key(self, dimension: StatisticsDimension, value: Any) -> StatisticsKey:
        """One object per dimension and value, shared by the cells that have it."""
        found = self.keys.get((dimension, value))
        if found is None:
            shown = sort_value(dimension, value, self.ctx)
            found = StatisticsKey(dimension=dimension, value=shown, label=write_digits(
                self._label(dimension, value), self.system))
            self.keys[(dimension, value)] = found
        return found

    def _label(self, dimension: StatisticsDimension, value: Any) -> str:
        if dimension in (D.MONTH, D.WEEK):
            return time_label(self.locale, dimension, value)
        if dimension == D.TENANT:
            name = self.tenant_names.get(value)
            if name is None:
                tenant = self.ctx.tenants.by_id[int(value)]
                name = served_name(self.ctx, tenant.names, tenant.default_locale).value
                self.tenant_names[value] = name
            return name
        locale = babel_locale(self.locale)
        if dimension == D.CATEGORY:
            row = self.categories.get(value)
            return label(self.ctx, row.labels, value) if row is not None else str(value)
        if dimension == D.GROUP:
            if not value:
                return gettext(self.locale, msg.NO_GROUP)
            try:
                return enum_label(self.locale, "VolunteerGroup", value)
            except KeyError:
                return str(value)
        country, region = value
        if not region:
            return gettext(self.locale, msg.NO_REGION)
        name = locale.territories.get(country) if country else None
        return f"{region} ({name})" if name else region  # "Oran (Algeria)", "Oran (الجزائر)"

    def other(self, dimension: StatisticsDimension) -> StatisticsKey:
        return StatisticsKey(dimension=dimension, value="",
                             label=gettext(self.locale, msg.OTHER_CELLS))

    def values(self, values: dict[StatisticsMetric, float | None]) -> list[StatisticsValue]:
        return [StatisticsValue(metric=m, value=v, display=self.number(v))
                for m, v in values.items()]

    def cell(self, published: Published, group_by: tuple[StatisticsDimension, ...]
             ) -> StatisticsCell:
        if published.key is None:
            key = [self.other(d) for d in group_by]
        else:
            key = [self.key(d, v) for d, v in zip(group_by, published.key, strict=True)]
        return StatisticsCell(key=key, values=self.values(published.values),
                              suppressed=published.suppressed, is_other=published.key is None)


async def statistics_of(ctx: RequestContext, answer: Answer) -> Statistics:
    q, result = answer.question, answer.result
    categories: dict[str, Any] = {}
    if D.CATEGORY in q.group_by:
        position = q.group_by.index(D.CATEGORY)
        codes = sorted({c.key[position] for c in result.cells if c.key is not None})
        rows = await ctx.loaders.category_by_code.load_many(codes)
        categories = {code: row for code, row in zip(codes, rows, strict=True) if row}
    labels = _Labels(ctx, answer, categories)
    return Statistics(
        metrics=list(q.metrics), group_by=list(q.group_by),
        cells=[labels.cell(c, q.group_by) for c in result.cells],
        totals=labels.values(result.totals), protected=answer.protected,
        minimum_cell=answer.minimum_cell, suppressed_cells=result.suppressed_cells,
        from_=q.first_month, to=month_end(q.last_month))
