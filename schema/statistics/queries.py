"""The statistics domain's root queries (a part of the root type: schema/root.py)."""

from __future__ import annotations

import strawberry

from resolvers.statistics.metrics import StatisticsDimension, StatisticsMetric
from resolvers.statistics.queries import statistics
from resolvers.statistics.question import Filter
from schema.core.info import Info
from schema.core.policy import EVERYONE, policy
from schema.statistics.inputs import StatisticsFilter
from schema.statistics.types import Statistics, statistics_of


@policy(reach=EVERYONE, open=("statistics",),
        note="who sees what is decided inside: exact for a tenant's own staff, protected "
             "(small cells suppressed, figures perturbed) across tenants, public metrics "
             "only for anyone else (docs/statistics.md)")
@strawberry.type
class StatisticsQueries:
    @strawberry.field(description="Verified hours, active volunteers, applications and "
                                  "completed participations, grouped and filtered. Staff "
                                  "see their own tenant's exact figures; federation "
                                  "analysts and cross-tenant questions get small cells "
                                  "suppressed and figures perturbed; anyone else only what "
                                  "tenants publish (docs/statistics.md).")
    async def statistics(
        self, info: Info, metrics: list[StatisticsMetric],
        group_by: list[StatisticsDimension] = (),  # type: ignore[assignment]
        filter: StatisticsFilter | None = None,
    ) -> Statistics:
        given = filter.as_filter() if filter is not None else Filter()
        answer = await statistics(info.context, metrics, group_by, given)
        return await statistics_of(info.context, answer)
