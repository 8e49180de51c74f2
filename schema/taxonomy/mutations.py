"""Federation admins manage the shared taxonomy (placeholder: being built)."""

from __future__ import annotations

import strawberry

from schema.core.info import Info
from schema.core.policy import EVERYONE, policy


@policy(reach=EVERYONE, open=("setCategory",))
@strawberry.type
class TaxonomyMutations:
    @strawberry.mutation
    async def set_category(self, info: Info) -> bool:
        raise NotImplementedError
