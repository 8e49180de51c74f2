"""`categories` and `skills`: the shared taxonomy for filter drop-downs and forms, in the
order of `position`, then of the label in the served language."""

from __future__ import annotations

import unicodedata
from typing import Annotated, Any

import strawberry

from resolvers.taxonomy.kinds import CATEGORIES, SKILLS, Taxonomy
from resolvers.taxonomy.queries import terms
from schema.core.info import Info
from schema.core.localize import label
from schema.core.policy import EVERYONE, policy
from schema.taxonomy.types import Category, Skill

IncludeRetired = Annotated[bool, strawberry.argument(
    description="Also the retired codes (kept on older records, accepted by filters).")]


def folded(text: str) -> str:
    """`text` for ordering: case and accents (and Arabic diacritics, which are combining
    marks too) folded, so that "Éducation" sorts with the E's, not after the Z's."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.casefold())
                   if not unicodedata.combining(c))


async def _ordered(info: Info, kind: Taxonomy, include_retired: bool) -> list[Any]:
    """Rows by position, then by the label the caller will read, then code."""
    rows = await terms(info.context, kind, include_retired=include_retired)
    return sorted(rows, key=lambda row: (
        row.position, folded(label(info.context, row.labels, row.code)), row.code))


@policy(reach=EVERYONE, open=("categories", "skills"))
@strawberry.type
class TaxonomyQueries:
    @strawberry.field(description="The opportunity categories, for filters and forms.")
    async def categories(self, info: Info,
                         include_retired: IncludeRetired = False) -> list[Category]:
        return [Category(code=row.code, row=row)
                for row in await _ordered(info, CATEGORIES, include_retired)]

    @strawberry.field(description="The volunteer skills, for filters and forms.")
    async def skills(self, info: Info,
                     include_retired: IncludeRetired = False) -> list[Skill]:
        return [Skill(code=row.code, row=row)
                for row in await _ordered(info, SKILLS, include_retired)]
