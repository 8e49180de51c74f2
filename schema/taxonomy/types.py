"""The shared taxonomy's types: opportunity categories and volunteer skills, labelled in the
served locale (the label per locale lives in the row; a missing locale falls back through
the request's chain)."""

from __future__ import annotations

from typing import Any

import strawberry

from hub.db import models as m
from schema.core.info import Info
from schema.core.localize import label
from schema.core.policy import EVERYONE, policy


@policy(reach=EVERYONE, open=("code", "label"))
@strawberry.type
class Category:
    code: str
    row: strawberry.Private[m.Category]

    @strawberry.field
    def label(self, info: Info) -> str:
        return label(info.context, self.row.labels, self.code)


async def skills_of(info: Info, links: list[Any]) -> list[Skill]:
    """The skills named by link rows (of an opportunity or a volunteer), sorted by code."""
    codes = sorted(link.skill_code for link in links)
    rows = await info.context.loaders.skill_by_code.load_many(codes)
    return [Skill(code=code, row=row) for code, row in zip(codes, rows, strict=True) if row]


@policy(reach=EVERYONE, open=("code", "label"))
@strawberry.type
class Skill:
    code: str
    row: strawberry.Private[m.Skill]

    @strawberry.field
    def label(self, info: Info) -> str:
        return label(info.context, self.row.labels, self.code)
