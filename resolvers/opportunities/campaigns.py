"""Creating and updating campaigns: a tenant's named drive (a blood donation month, a
winter appeal) that groups opportunities. Written by the tenant's editors, as opportunities'
texts are; a new campaign is a DRAFT until published (resolvers/publishing/statuses.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from hub.db import models as m
from hub.db.models import Visibility
from hub.errors import BadUserInput
from resolvers.context import RequestContext
from resolvers.core.writes import Tx, Write
from resolvers.opportunities import messages as msg
from resolvers.opportunities.statuses import CAMPAIGN
from resolvers.publishing.rules import under_input
from resolvers.publishing.statuses import create_draft, editable, editors_tenant, update_record
from resolvers.publishing.texts import TextEntries, Texts, check_texts
from resolvers.publishing.updates import KEEP, Keep


@dataclass(frozen=True, slots=True)
class CampaignFields:
    """What an editor sends for a campaign (KEEP: not sent; null dates are cleared)."""

    texts: TextEntries = ()
    starts_on: date | Keep | None = KEEP
    ends_on: date | Keep | None = KEEP
    visibility: str | Keep = KEEP

    def given(self) -> list[str]:
        names = [name for name in ("starts_on", "ends_on", "visibility")
                 if getattr(self, name) is not KEEP]
        return ["texts", *names] if self.texts else names


@dataclass(frozen=True, slots=True)
class CampaignEditing:
    tenant_id: int
    row: Any | None = None
    values: dict[str, Any] = field(default_factory=dict)
    texts: list[Texts] = field(default_factory=list)


def checked(given: CampaignFields, target: CampaignEditing) -> CampaignEditing:
    row = target.row
    texts = check_texts(given.texts, m.CampaignTranslation.text_fields, creating=row is None)
    values: dict[str, Any] = {}
    if given.visibility is not KEEP:
        values["visibility"] = given.visibility
    if given.starts_on is not KEEP or given.ends_on is not KEEP:
        starts = given.starts_on if given.starts_on is not KEEP else \
            (row.starts_on if row is not None else None)
        ends = given.ends_on if given.ends_on is not KEEP else \
            (row.ends_on if row is not None else None)
        if starts is not None and ends is not None and ends < starts:
            raise BadUserInput(msg.CAMPAIGN_ENDS_BEFORE_START, argument="endsOn")
        values.update(starts_on=starts, ends_on=ends)
    return CampaignEditing(target.tenant_id, row, values, texts)


@dataclass(frozen=True)
class CreateCampaign(Write[CampaignEditing, int]):
    """A new DRAFT campaign of the writer's tenant; its id."""

    given: CampaignFields

    async def allow(self, ctx: RequestContext) -> CampaignEditing:
        return CampaignEditing(editors_tenant(ctx))

    def validate(self, target: CampaignEditing) -> CampaignEditing:
        with under_input():
            return checked(self.given, target)

    async def apply(self, tx: Tx, target: CampaignEditing) -> int:
        values = {"visibility": Visibility.PUBLIC.value, **target.values}
        campaign_id = await create_draft(tx, CAMPAIGN, target.tenant_id, target.texts, **values)
        tx.audit("create_campaign", CAMPAIGN.name, CAMPAIGN.gid(campaign_id),
                 tenant_id=target.tenant_id, fields=self.given.given())
        return campaign_id


@dataclass(frozen=True)
class UpdateCampaign(Write[CampaignEditing, int]):
    """The fields sent of the campaign `key`; its id."""

    key: int
    given: CampaignFields

    async def allow(self, ctx: RequestContext) -> CampaignEditing:
        row = await editable(ctx, CAMPAIGN, self.key)
        return CampaignEditing(row.tenant_id, row)

    def validate(self, target: CampaignEditing) -> CampaignEditing:
        with under_input():
            return checked(self.given, target)

    async def apply(self, tx: Tx, target: CampaignEditing) -> int:
        row = target.row
        assert row is not None
        await update_record(tx, CAMPAIGN, row, target.texts, **target.values)
        tx.audit("update_campaign", CAMPAIGN.name, CAMPAIGN.gid(row.id),
                 tenant_id=row.tenant_id, fields=self.given.given())
        return int(row.id)
