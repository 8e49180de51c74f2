"""The `statistics` query: who is asking decides the view (policy.py), the question is
checked (question.py), its true tallies read from the rollups (reading.py), then protected
unless the view is the tenant's own staff's (protection.py). Statements: two or three
(four with small cells to fold), whatever the volume; never a read of the hours entries."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from resolvers.context import RequestContext
from resolvers.statistics.metrics import FAMILY, Family, StatisticsDimension, StatisticsMetric
from resolvers.statistics.policy import Audience, audience
from resolvers.statistics.protection import Protected, protect, unprotected
from resolvers.statistics.question import Filter, Question, checked, requested_tenants
from resolvers.statistics.reading import (
    Fold,
    Key,
    Reading,
    Tally,
    read_facts,
    read_rollups,
    union_people,
)


@dataclass(frozen=True)
class Answer:
    question: Question
    audience: Audience
    result: Protected
    minimum_cell: int | None
    road: str  # "rollups" or "facts": which rollups were read

    @property
    def protected(self) -> bool:
        return self.audience.protected


def sort_value(dimension: StatisticsDimension, value: object, ctx: RequestContext) -> str:
    """A key's value as the API shows it (cells are sorted by these)."""
    if dimension == StatisticsDimension.MONTH and isinstance(value, date):
        return value.strftime("%Y-%m")
    if dimension == StatisticsDimension.WEEK and isinstance(value, date):
        return value.isoformat()
    if dimension == StatisticsDimension.TENANT:
        tenant = ctx.tenants.by_id.get(int(value))  # type: ignore[call-overload]
        return tenant.slug if tenant is not None else str(value)
    if dimension == StatisticsDimension.REGION and isinstance(value, tuple):
        country, region = value
        return f"{country}:{region}" if country or region else ""
    return str(value)


async def statistics(ctx: RequestContext, metrics: Sequence[StatisticsMetric],
                     group_by: Sequence[StatisticsDimension], given: Filter) -> Answer:
    who = audience(ctx, metrics, requested_tenants(given))
    question = checked(metrics, group_by, given, who.tenant_ids)
    reading: Reading | None = await read_rollups(ctx, question)
    if reading is None:
        reading = await read_facts(ctx, question)
    shown: dict[tuple[StatisticsDimension, object], str] = {}

    def sort_key(key: Key) -> tuple[str, ...]:
        out = []
        for dimension, value in zip(question.group_by, key, strict=True):
            text = shown.get((dimension, value))
            if text is None:
                text = shown[(dimension, value)] = sort_value(dimension, value, ctx)
            out.append(text)
        return tuple(out)

    order = sorted(reading.cells, key=sort_key)
    if not who.protected:
        return Answer(question, who, unprotected(reading, question.metrics, order), None,
                      reading.road)
    k = ctx.settings.statistics_min_cell

    async def union(folds: dict[Family, Fold]) -> dict[Family, tuple[Tally, Tally]]:
        return await union_people(ctx, question, folds)

    result = await protect(reading, question.metrics, k, order, union)
    return Answer(question, who, result, k, reading.road)


__all__ = ["FAMILY", "Answer", "Filter", "Key", "statistics"]
