"""The sync domain's root mutations (a part of the root type: schema/root.py):
`upsertOpportunities`, a society system's batch of opportunities (resolvers/sync)."""

from __future__ import annotations

import strawberry

from resolvers.sync.commands import upsert_opportunities
from schema.core.info import Info
from schema.core.policy import EVERYONE, policy
from schema.sync.inputs import UpsertOpportunitiesInput
from schema.sync.types import UpsertOpportunitiesPayload


@policy(reach=EVERYONE, open=("upsertOpportunities",))
@strawberry.type
class SyncMutations:
    @strawberry.mutation(description="A society's system (an API key with the `sync` scope): "
                                      "create or update its opportunities in its own society, "
                                      "keyed by its own ids. Each item is written, found "
                                      "unchanged or rejected with its reason, without failing "
                                      "the others; sending the same batch again changes "
                                      "nothing. See docs/sync.md.")
    async def upsert_opportunities(self, info: Info, input: UpsertOpportunitiesInput
                                   ) -> UpsertOpportunitiesPayload:
        batch = await upsert_opportunities(info.context, input.values(),
                                           client_mutation_id=input.client_mutation_id)
        return UpsertOpportunitiesPayload.of(batch, info)
