"""The opportunities domain's loaders: opportunities, their organizations, campaigns,
taxonomy, texts, and the signed-in volunteer's own rows about them."""

from __future__ import annotations

from typing import Any

from hub.db import models as m
from resolvers.core.database import RequestDatabase
from resolvers.core.loaders import CountByKeyLoader, RowByKeyLoader, RowsByKeyLoader


class OpportunityLoaders:
    def __init__(self, db: RequestDatabase, scope_for: Any, volunteer_id: int | None) -> None:
        self.organization_by_id = RowByKeyLoader(db, m.Organization.id, scope_for(m.Organization))
        self.campaign_by_id = RowByKeyLoader(db, m.Campaign.id, scope_for(m.Campaign))
        self.opportunity_by_id = RowByKeyLoader(db, m.Opportunity.id, scope_for(m.Opportunity))
        self.category_by_code = RowByKeyLoader(db, m.Category.code)
        self.skill_by_code = RowByKeyLoader(db, m.Skill.code)
        self.skills_by_opportunity = RowsByKeyLoader(db, m.OpportunitySkill.opportunity_id)
        self.translations_by_opportunity = RowsByKeyLoader(
            db, m.OpportunityTranslation.opportunity_id
        )
        self.translations_by_campaign = RowsByKeyLoader(db, m.CampaignTranslation.campaign_id)
        self.application_count_by_opportunity = CountByKeyLoader(db, m.Application.opportunity_id)
        # The signed-in volunteer's own rows, by opportunity (none for other principals).
        mine = m.SavedOpportunity.volunteer_id == volunteer_id
        self.viewer_saved_by_opportunity = RowByKeyLoader(
            db, m.SavedOpportunity.opportunity_id, mine
        )
        self.viewer_application_by_opportunity = RowByKeyLoader(
            db, m.Application.opportunity_id, m.Application.volunteer_id == volunteer_id
        )
