"""Editors' writes of opportunities (placeholder: being built)."""

from __future__ import annotations

import strawberry

from schema.core.info import Info
from schema.core.policy import EVERYONE, policy


@policy(reach=EVERYONE, open=("createOpportunity",))
@strawberry.type
class OpportunityMutations:
    @strawberry.mutation
    async def create_opportunity(self, info: Info) -> bool:
        raise NotImplementedError
