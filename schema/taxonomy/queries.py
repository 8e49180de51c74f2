"""The shared taxonomy: categories and skills (placeholder: being built)."""

from __future__ import annotations

import strawberry

from schema.core.info import Info
from schema.core.policy import EVERYONE, policy


@policy(reach=EVERYONE, open=("categories",))
@strawberry.type
class TaxonomyQueries:
    @strawberry.field
    async def categories(self, info: Info) -> list[str]:
        raise NotImplementedError
