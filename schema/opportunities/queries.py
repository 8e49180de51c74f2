"""Opportunities across the network: a filtered page, or one by its id."""

from __future__ import annotations

from typing import Annotated

import strawberry

from resolvers.opportunities.queries import opportunity_page
from schema.core.info import Info
from schema.core.node import lookup
from schema.core.policy import EVERYONE, policy
from schema.core.prefetch import node_fields
from schema.opportunities.columns import OPPORTUNITY_COLUMNS
from schema.opportunities.inputs import OpportunityFilterInput, OpportunityOrder
from schema.opportunities.types import Opportunity, OpportunityConnection


@policy(reach=EVERYONE, open=("opportunities", "opportunity"))
@strawberry.type
class OpportunityQueries:
    @strawberry.field
    async def opportunities(
        self, info: Info, first: int | None = 20, after: str | None = None,
        filter: OpportunityFilterInput | None = None,
        order_by: Annotated[OpportunityOrder | None, strawberry.argument(
            description="RELEVANCE (the default with `filter.search`; needs it) or NEWEST "
            "(the default without).")] = None,
    ) -> OpportunityConnection:
        spec = filter.resolve(info.context) if filter else None
        page = await opportunity_page(info.context, first=first, after=after, filter=spec,
                                      order=order_by.value if order_by else None,
                                      columns=OPPORTUNITY_COLUMNS.columns(node_fields(info)))
        return await OpportunityConnection.prefetched(info, page)

    @strawberry.field
    async def opportunity(self, info: Info, id: strawberry.ID) -> Opportunity | None:
        return await lookup(info, id, Opportunity)
