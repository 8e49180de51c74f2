"""The shared taxonomy's types: opportunity categories and volunteer skills, labelled in the
served locale (the label per locale lives in the row; a missing locale falls back through
the request's chain). Every field is public: the taxonomy is the same for every caller, and
the federation admins' editor reads all the labels (`labels`) from the same types."""

from __future__ import annotations

from typing import Any

import strawberry

from resolvers.taxonomy.queries import published_opportunities
from schema.core.info import Info
from schema.core.localize import label
from schema.core.policy import EVERYONE, INHERITED, policy


@policy(reach=INHERITED, open=("locale", "value"))
@strawberry.type(description="A category's or skill's label in one language.")
class TaxonomyLabel:
    locale: str
    value: str


def labels_of(labels: dict[str, str]) -> list[TaxonomyLabel]:
    return [TaxonomyLabel(locale=locale, value=value)
            for locale, value in sorted(labels.items())]


@strawberry.type
class Term:
    """What categories and skills share: a code, labelled per language, retirable."""

    code: str
    row: strawberry.Private[Any]  # m.Category or m.Skill

    @strawberry.field(description="In the served language (through the request's locale "
                                  "chain, then English, then any label, then the code).")
    def label(self, info: Info) -> str:
        return label(info.context, self.row.labels, self.code)

    @strawberry.field(description="Every language's label, by language tag.")
    def labels(self) -> list[TaxonomyLabel]:
        return labels_of(self.row.labels)

    @strawberry.field(description="False once retired: kept on the records that have it and "
                                  "accepted by filters, offered for no new record.")
    def active(self) -> bool:
        return bool(self.row.active)

    @strawberry.field(description="The order of drop-downs (then the label).")
    def position(self) -> int:
        return int(self.row.position)


@policy(reach=EVERYONE,
        open=("code", "label", "labels", "active", "position", "opportunitiesCount"))
@strawberry.type
class Category(Term):
    @strawberry.field(description="Published opportunities of this category that the caller "
                                  "may see (scheduled ones not yet).")
    async def opportunities_count(self, info: Info) -> int:
        return await published_opportunities(info.context, self.code)


async def skills_of(info: Info, links: list[Any]) -> list[Skill]:
    """The skills named by link rows (of an opportunity or a volunteer), sorted by code."""
    codes = sorted(link.skill_code for link in links)
    rows = await info.context.loaders.skill_by_code.load_many(codes)
    return [Skill(code=code, row=row) for code, row in zip(codes, rows, strict=True) if row]


@policy(reach=EVERYONE, open=("code", "label", "labels", "active", "position"))
@strawberry.type
class Skill(Term):
    pass
