"""Reading the shared taxonomy: every category or skill for filter drop-downs and forms,
and the published opportunities per category the caller may see."""

from __future__ import annotations

from typing import Any

from resolvers.context import RequestContext
from resolvers.taxonomy.kinds import Taxonomy
from resolvers.taxonomy.loaders import ALL


async def terms(ctx: RequestContext, kind: Taxonomy, *, include_retired: bool) -> list[Any]:
    """The taxonomy's rows in `position` then code order, active ones only unless
    `include_retired` (an editor of archived records, a filter over them). One statement
    per taxonomy per request, whatever the number of fields asking."""
    rows: list[Any] = await ctx.loaders.taxonomy_rows_of(kind).load(ALL)
    return rows if include_retired else [row for row in rows if row.active]


async def published_opportunities(ctx: RequestContext, category_code: str) -> int:
    """How many published, due opportunities of the category the caller may read; the
    categories asked for together are counted in one grouped statement."""
    count: int = await ctx.loaders.published_count_by_category.load(category_code)
    return count
