"""Opportunities and campaigns as kinds of editorial record: they are published, closed and
archived by the one status machine of every editorial record
(resolvers/publishing/statuses.py); an opportunity's publication also sets its emergency
call and webhooks going."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from hub.db import models as m
from resolvers.core.writes import Tx
from resolvers.live.calls import queue_emergency_call
from resolvers.publishing.statuses import Kind
from resolvers.translations.commands import TRANSLATABLE
from resolvers.webhooks.outbox import WebhookEvent, queue_webhooks


@dataclass(frozen=True, slots=True)
class OpportunityKind(Kind):
    """Publishing an opportunity also tells its society's systems (webhooks) and, for an
    emergency, the volunteers who subscribed to emergency calls, once it is live."""

    async def on_published(self, tx: Tx, row: Any, when: datetime) -> None:
        if row.is_emergency:
            await queue_emergency_call(tx, row, when)
        await queue_webhooks(tx, tenant_id=row.tenant_id,
                             event=WebhookEvent.OPPORTUNITY_PUBLISHED,
                             payload={"opportunity": self.gid(row.id)}, due_at=when)


OPPORTUNITY = OpportunityKind("Opportunity", m.Opportunity,
                              lambda loaders: loaders.opportunity_by_id,
                              TRANSLATABLE["Opportunity"], "opportunity")
CAMPAIGN = Kind("Campaign", m.Campaign, lambda loaders: loaders.campaign_by_id,
                TRANSLATABLE["Campaign"], "campaign")

