"""The opportunities domain's loaders: opportunities, their organizations, campaigns,
taxonomy, texts, and the signed-in volunteer's own rows about them."""

from __future__ import annotations

from functools import cached_property

from hub.db import models as m
from resolvers.core.loaders import CountByKeyLoader, LoaderGroup, RowByKeyLoader, RowsByKeyLoader


class OpportunityLoaders(LoaderGroup):
    @cached_property
    def organization_by_id(self) -> RowByKeyLoader:
        return RowByKeyLoader(self.db, m.Organization.id, self.scope(m.Organization))

    @cached_property
    def campaign_by_id(self) -> RowByKeyLoader:
        return RowByKeyLoader(self.db, m.Campaign.id, self.scope(m.Campaign))

    @cached_property
    def opportunity_by_id(self) -> RowByKeyLoader:
        return RowByKeyLoader(self.db, m.Opportunity.id, self.scope(m.Opportunity))

    @cached_property
    def category_by_code(self) -> RowByKeyLoader:
        return RowByKeyLoader(self.db, m.Category.code)

    @cached_property
    def skill_by_code(self) -> RowByKeyLoader:
        return RowByKeyLoader(self.db, m.Skill.code)

    @cached_property
    def skills_by_opportunity(self) -> RowsByKeyLoader:
        return RowsByKeyLoader(self.db, m.OpportunitySkill.opportunity_id)

    @cached_property
    def translations_by_opportunity(self) -> RowsByKeyLoader:
        return RowsByKeyLoader(self.db, m.OpportunityTranslation.opportunity_id)

    @cached_property
    def translations_by_campaign(self) -> RowsByKeyLoader:
        return RowsByKeyLoader(self.db, m.CampaignTranslation.campaign_id)

    @cached_property
    def application_count_by_opportunity(self) -> CountByKeyLoader:
        return CountByKeyLoader(self.db, m.Application.opportunity_id)

    # The signed-in volunteer's own rows, by opportunity (none for other principals).
    @cached_property
    def viewer_saved_by_opportunity(self) -> RowByKeyLoader:
        mine = m.SavedOpportunity.volunteer_id == self.volunteer_id
        return RowByKeyLoader(self.db, m.SavedOpportunity.opportunity_id, mine)

    @cached_property
    def viewer_application_by_opportunity(self) -> RowByKeyLoader:
        mine = m.Application.volunteer_id == self.volunteer_id
        return RowByKeyLoader(self.db, m.Application.opportunity_id, mine)
