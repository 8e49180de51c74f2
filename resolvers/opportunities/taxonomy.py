"""Category and skill codes given by a client, checked against the taxonomy tables.

An unknown code in a filter is bad input naming the code (as an unknown tenant slug is),
not a silent empty page. The lookup goes through the request's loaders: one batched
statement per taxonomy per request, whatever the number of filters or pages asking, and the
rows are there again for the labels of the page's categories and skills.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import NamedTuple

from hub.errors import BadUserInput
from hub.i18n import messages as msg
from resolvers.context import RequestContext
from resolvers.core.loaders import RowByKeyLoader
from resolvers.taxonomy import messages as taxonomy_msg


class _Lookup(NamedTuple):
    loader: RowByKeyLoader
    codes: list[str]
    argument: str
    msgid: str


async def check_codes(ctx: RequestContext, *, categories: Sequence[str] | None = None,
                      skills: Sequence[str] | None = None) -> None:
    """Raise BAD_USER_INPUT naming the first code that names no row. Both lookups finish
    before anything is raised: a statement still running when the request ends would be
    cut off with the request's connection."""
    lookups = [lookup for lookup in (
        _Lookup(ctx.loaders.category_by_code, list(categories or ()), "categories",
                msg.UNKNOWN_CATEGORY),
        _Lookup(ctx.loaders.skill_by_code, list(skills or ()), "skills", msg.UNKNOWN_SKILL),
    ) if lookup.codes]
    found = await asyncio.gather(*(lookup.loader.load_many(lookup.codes) for lookup in lookups))
    for lookup, rows in zip(lookups, found, strict=True):
        for code, row in zip(lookup.codes, rows, strict=True):
            if row is None:
                raise BadUserInput(lookup.msgid, argument=lookup.argument, code=code)


async def check_active_codes(ctx: RequestContext, *, categories: Sequence[str] | None = None,
                             skills: Sequence[str] | None = None,
                             category_argument: str = "category",
                             skills_argument: str = "skills") -> None:
    """For a record being written: every code names a row, and none is retired (a retired
    code stays on the records that have it, but no new record takes it)."""
    lookups = [(ctx.loaders.category_by_code, categories, category_argument, msg.UNKNOWN_CATEGORY,
                taxonomy_msg.RETIRED_CATEGORY),
               (ctx.loaders.skill_by_code, skills, skills_argument, msg.UNKNOWN_SKILL,
                taxonomy_msg.RETIRED_SKILL)]
    found = await asyncio.gather(*(loader.load_many(list(codes or ()))
                                   for loader, codes, *_ in lookups))
    for (_, codes, argument, unknown, retired), rows in zip(lookups, found, strict=True):
        for code, row in zip(codes or (), rows, strict=True):
            if row is None:
                raise BadUserInput(unknown, argument=argument, code=code)
            if not row.active:
                raise BadUserInput(retired, argument=argument, code=code)
