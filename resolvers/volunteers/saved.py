"""Saved opportunities: a volunteer keeps opportunities they may see for later.

Both writes are idempotent: saving what is saved changes nothing, unsaving what is not
saved neither, and neither is an error (a double tap, a retried request). Only an
opportunity the volunteer may see can be saved; one that is no longer visible can still be
unsaved (the answer is then null).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete

from hub.db import models as m
from hub.db.types import utcnow
from hub.errors import NotFound
from hub.i18n import messages as hub_msg
from hub.ids import encode_id
from resolvers.context import RequestContext
from resolvers.core.writes import Tx, Write, perform
from resolvers.volunteers.caller import insert_new, own_volunteer


@dataclass(frozen=True, slots=True)
class Saving:
    volunteer_id: int
    opportunity_id: int
    tenant_id: int | None  # the opportunity's, when the caller may see it


def _saved(loaders: Any) -> Any:
    return loaders.viewer_saved_by_opportunity


@dataclass(frozen=True)
class SaveOpportunity(Write[Saving, int]):
    opportunity_id: int

    async def allow(self, ctx: RequestContext) -> Saving:
        volunteer = await own_volunteer(ctx)
        opportunity = await ctx.loaders.opportunity_by_id.load(self.opportunity_id)
        if opportunity is None:
            raise NotFound(hub_msg.NOT_FOUND, argument="opportunity", type="Opportunity")
        return Saving(volunteer.id, opportunity.id, opportunity.tenant_id)

    async def apply(self, tx: Tx, s: Saving) -> int:
        saved = await tx.session.scalar(insert_new(tx.session, m.SavedOpportunity).values(
            volunteer_id=s.volunteer_id, opportunity_id=s.opportunity_id,
            tenant_id=s.tenant_id, saved_at=utcnow(),
        ).returning(m.SavedOpportunity.opportunity_id))
        tx.audit("save_opportunity", "Opportunity", encode_id("Opportunity", s.opportunity_id),
                 tenant_id=s.tenant_id, changed=saved is not None)
        tx.changed(_saved, s.opportunity_id)
        return s.opportunity_id


@dataclass(frozen=True)
class UnsaveOpportunity(Write[Saving, int]):
    opportunity_id: int

    async def allow(self, ctx: RequestContext) -> Saving:
        volunteer = await own_volunteer(ctx)
        return Saving(volunteer.id, self.opportunity_id, None)

    async def apply(self, tx: Tx, s: Saving) -> int:
        result = await tx.session.execute(delete(m.SavedOpportunity).where(
            m.SavedOpportunity.volunteer_id == s.volunteer_id,
            m.SavedOpportunity.opportunity_id == s.opportunity_id))
        tx.audit("unsave_opportunity", "Opportunity", encode_id("Opportunity", s.opportunity_id),
                 changed=bool(getattr(result, "rowcount", 0)))
        tx.changed(_saved, s.opportunity_id)
        return s.opportunity_id


async def save_opportunity(ctx: RequestContext, opportunity_id: int) -> Any:
    """The opportunity's row, now saved."""
    await perform(ctx, SaveOpportunity(opportunity_id))
    return await ctx.loaders.opportunity_by_id.load(opportunity_id)


async def unsave_opportunity(ctx: RequestContext, opportunity_id: int) -> Any:
    """The opportunity's row, no longer saved (None if the caller may no longer see it)."""
    await perform(ctx, UnsaveOpportunity(opportunity_id))
    return await ctx.loaders.opportunity_by_id.load(opportunity_id)
