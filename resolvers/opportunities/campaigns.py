"""Creating and updating campaigns: a tenant's named drive (a blood donation month, a
winter appeal) that groups opportunities. Written by the tenant's editors, as opportunities'
texts are; a new campaign is a DRAFT until published (resolvers/opportunities/statuses.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import update

from hub.access import EDITOR_ROLES
from hub.db import models as m
from hub.db.models import RecordStatus, Visibility
from hub.db.types import utcnow
from hub.errors import BadUserInput
from hub.ids import encode_id
from resolvers.context import RequestContext
from resolvers.core.writes import Tx, Write
from resolvers.opportunities import messages as msg
from resolvers.opportunities.commands import KEEP, Keep, TextEntries
from resolvers.opportunities.statuses import CAMPAIGN, NO_SYNC, editable, under_input
from resolvers.publishing import messages as pub_msg
from resolvers.publishing.rules import writing_tenant
from resolvers.publishing.texts import Texts, check_texts, write_texts
from resolvers.translations.commands import TRANSLATABLE


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
        return CampaignEditing(writing_tenant(ctx, EDITOR_ROLES, pub_msg.EDITORS_ONLY))

    def validate(self, target: CampaignEditing) -> CampaignEditing:
        with under_input():
            return checked(self.given, target)

    async def apply(self, tx: Tx, target: CampaignEditing) -> int:
        now = utcnow()
        values = {"visibility": Visibility.PUBLIC.value, **target.values}
        row = m.Campaign(tenant_id=target.tenant_id, status=RecordStatus.DRAFT.value,
                         published_at=None, created_at=now, updated_at=now, **values)
        tx.session.add(row)
        await tx.session.flush()
        campaign_id = int(row.id)
        with under_input():  # a new language without a title
            await write_texts(tx, TRANSLATABLE["Campaign"], campaign_id, target.tenant_id,
                              target.texts)
        tx.audit("create_campaign", "Campaign", encode_id("Campaign", campaign_id),
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
        await tx.session.execute(update(m.Campaign).where(m.Campaign.id == row.id)
                                 .values(updated_at=utcnow(), **target.values)
                                 .execution_options(**NO_SYNC))
        with under_input():  # a new language without a title
            await write_texts(tx, TRANSLATABLE["Campaign"], row.id, row.tenant_id, target.texts)
        tx.audit("update_campaign", "Campaign", encode_id("Campaign", row.id),
                 tenant_id=row.tenant_id, fields=self.given.given())
        tx.changed(CAMPAIGN.loader, row.id)
        return int(row.id)
