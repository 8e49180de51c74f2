"""Editors' writes of opportunities and campaigns: create, update, publish (now or
scheduled), close and archive. The writes are resolvers/opportunities/commands.py,
campaigns.py and the moves of every editorial record (resolvers/publishing/statuses.py);
each is one transaction, audited, and safe to retry with a client key (`clientMutationId`
or the `Idempotency-Key` header)."""

from __future__ import annotations

from typing import Any

import strawberry

from hub.db.models import RecordStatus
from resolvers.core.writes import Write
from resolvers.opportunities.campaigns import CreateCampaign, UpdateCampaign
from resolvers.opportunities.commands import CreateOpportunity, UpdateOpportunity
from resolvers.opportunities.statuses import CAMPAIGN, OPPORTUNITY
from resolvers.publishing.statuses import Kind, Publish, Retire
from schema.core.info import Info
from schema.core.policy import EVERYONE, policy
from schema.opportunities.edit_inputs import (
    ArchiveCampaignInput,
    ArchiveOpportunityInput,
    CloseCampaignInput,
    CloseOpportunityInput,
    CreateCampaignInput,
    CreateOpportunityInput,
    PublishCampaignInput,
    PublishOpportunityInput,
    UpdateCampaignInput,
    UpdateOpportunityInput,
)
from schema.opportunities.types import Campaign, Opportunity
from schema.publishing.mutations import record_key, written

EDITORS = "Admins, coordinators and editors of the society"


async def _opportunity(info: Info, write: Write[Any, int], client_mutation_id: str | None
                       ) -> Opportunity:
    return await written(info, OPPORTUNITY, Opportunity.of, write, client_mutation_id)


async def _campaign(info: Info, write: Write[Any, int], client_mutation_id: str | None
                    ) -> Campaign:
    return await written(info, CAMPAIGN, Campaign.of, write, client_mutation_id)


def _publish(kind: Kind, input: PublishOpportunityInput) -> Publish:
    return Publish(kind, record_key(kind, input.id), input.publish_at)


def _retire(kind: Kind, input: CloseOpportunityInput, to: RecordStatus) -> Retire:
    return Retire(kind, record_key(kind, input.id), to)


@policy(reach=EVERYONE, open=(
    "createOpportunity", "updateOpportunity", "publishOpportunity", "closeOpportunity",
    "archiveOpportunity", "createCampaign", "updateCampaign", "publishCampaign",
    "closeCampaign", "archiveCampaign"))
@strawberry.type
class OpportunityMutations:
    @strawberry.mutation(description=f"{EDITORS}: a new DRAFT opportunity of their society "
                                      "(capacity and acceptance: admins and coordinators).")
    async def create_opportunity(self, info: Info,
                                 input: CreateOpportunityInput) -> Opportunity:
        write = CreateOpportunity(input.values())
        return await _opportunity(info, write, input.client_mutation_id)

    @strawberry.mutation(description=f"{EDITORS}: change the fields sent of an opportunity "
                                      "(capacity and acceptance: admins and coordinators).")
    async def update_opportunity(self, info: Info,
                                 input: UpdateOpportunityInput) -> Opportunity:
        write = UpdateOpportunity(record_key(OPPORTUNITY, input.id), input.values())
        return await _opportunity(info, write, input.client_mutation_id)

    @strawberry.mutation(description=f"{EDITORS}: publish an opportunity now or at a later "
                                      "time (scheduled), or move a scheduled one.")
    async def publish_opportunity(self, info: Info, input: PublishOpportunityInput) -> Opportunity:
        return await _opportunity(info, _publish(OPPORTUNITY, input),
                                  input.client_mutation_id)

    @strawberry.mutation(description=f"{EDITORS}: close a published opportunity (it stays "
                                      "readable and takes no more applications).")
    async def close_opportunity(self, info: Info, input: CloseOpportunityInput) -> Opportunity:
        return await _opportunity(info, _retire(OPPORTUNITY, input, RecordStatus.CLOSED),
                                  input.client_mutation_id)

    @strawberry.mutation(description=f"{EDITORS}: archive an opportunity for good (gone "
                                      "from every list but its society's staff's).")
    async def archive_opportunity(self, info: Info,
                                  input: ArchiveOpportunityInput) -> Opportunity:
        return await _opportunity(info, _retire(OPPORTUNITY, input, RecordStatus.ARCHIVED),
                                  input.client_mutation_id)

    @strawberry.mutation(description=f"{EDITORS}: a new DRAFT campaign of their society.")
    async def create_campaign(self, info: Info, input: CreateCampaignInput) -> Campaign:
        return await _campaign(info, CreateCampaign(input.values()),
                               input.client_mutation_id)

    @strawberry.mutation(description=f"{EDITORS}: change the fields sent of a campaign.")
    async def update_campaign(self, info: Info, input: UpdateCampaignInput) -> Campaign:
        write = UpdateCampaign(record_key(CAMPAIGN, input.id), input.values())
        return await _campaign(info, write, input.client_mutation_id)

    @strawberry.mutation(description=f"{EDITORS}: publish a campaign now or at a later time.")
    async def publish_campaign(self, info: Info, input: PublishCampaignInput) -> Campaign:
        return await _campaign(info, _publish(CAMPAIGN, input),
                               input.client_mutation_id)

    @strawberry.mutation(description=f"{EDITORS}: close a published campaign.")
    async def close_campaign(self, info: Info, input: CloseCampaignInput) -> Campaign:
        return await _campaign(info, _retire(CAMPAIGN, input, RecordStatus.CLOSED),
                               input.client_mutation_id)

    @strawberry.mutation(description=f"{EDITORS}: archive a campaign for good.")
    async def archive_campaign(self, info: Info, input: ArchiveCampaignInput) -> Campaign:
        return await _campaign(info, _retire(CAMPAIGN, input, RecordStatus.ARCHIVED),
                               input.client_mutation_id)
