"""What a batch reads before it writes: the tenant's records with the batch's external ids
(past the caller's row security, see `synced_records`) and the taxonomy its items name; and,
after, its records as the caller may read them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from hub.db import models as m
from resolvers.context import RequestContext
from resolvers.core.loaders import RowByKeyLoader
from resolvers.sync.items import SyncItem

Opp = m.Opportunity


@dataclass(frozen=True, slots=True)
class Found:
    """The tenant's record with an item's external id, as the batch read it, and its skills."""

    row: Any
    skills: frozenset[str]


def readable_now(ctx: RequestContext) -> RowByKeyLoader:
    """A loader of the batch's records as the caller may read them once the batch is written.
    Not the request's `opportunity_by_id`: its scope took the time when the request's loaders
    were made, before the batch, and a record the batch published after that would look
    scheduled (`published_at` ahead) to a caller who may not read scheduled records."""
    return RowByKeyLoader(ctx.db, Opp.id, ctx.scope.rows(Opp))


async def synced_records(ctx: RequestContext, tenant_id: int, external_ids: list[str]
                         ) -> dict[str, Found]:
    """The tenant's records with these external ids, with their skills, in one statement.
    Past the caller's row security: the records are the client's own tenant's (the statement
    names it), which the client wrote; they stay inside the command (the answer reads its
    records through the caller's scope)."""
    if not external_ids:
        return {}
    skill = m.OpportunitySkill
    rows = await ctx.db.rows_as_system(
        select(Opp.__table__, skill.skill_code)
        .outerjoin(skill, skill.opportunity_id == Opp.id)
        .where(Opp.tenant_id == tenant_id, Opp.external_id.in_(external_ids)))
    records: dict[str, Any] = {}
    skills: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        external_id = row.external_id
        records.setdefault(external_id, row)
        if row.skill_code is not None:
            skills[external_id].add(row.skill_code)
    return {external_id: Found(row, frozenset(skills[external_id]))
            for external_id, row in records.items()}


async def warm_taxonomy(ctx: RequestContext, items: Sequence[SyncItem]) -> None:
    """The batch's categories and skills, loaded once for all its items' checks."""
    categories = sorted({item.category for item in items})
    skills = sorted({code for item in items for code in item.skills})
    if categories:
        await ctx.loaders.category_by_code.load_many(categories)
    if skills:
        await ctx.loaders.skill_by_code.load_many(skills)
