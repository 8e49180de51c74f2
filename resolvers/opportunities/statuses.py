"""Opportunities and campaigns as kinds of editorial record: they are published, closed and
archived by the one status machine of every editorial record
(resolvers/publishing/statuses.py), with nothing of their own to add to it."""

from __future__ import annotations

from hub.db import models as m
from resolvers.publishing.statuses import Kind
from resolvers.translations.commands import TRANSLATABLE

OPPORTUNITY = Kind("Opportunity", m.Opportunity, lambda loaders: loaders.opportunity_by_id,
                   TRANSLATABLE["Opportunity"], "opportunity")
CAMPAIGN = Kind("Campaign", m.Campaign, lambda loaders: loaders.campaign_by_id,
                TRANSLATABLE["Campaign"], "campaign")

