"""Editors' writes of news, events and campaigns (placeholder: being built)."""

from __future__ import annotations

import strawberry

from schema.core.info import Info
from schema.core.policy import EVERYONE, policy


@policy(reach=EVERYONE, open=("createNewsItem",))
@strawberry.type
class ContentMutations:
    @strawberry.mutation
    async def create_news_item(self, info: Info) -> bool:
        raise NotImplementedError
