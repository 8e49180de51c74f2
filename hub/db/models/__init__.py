"""ORM models. Every tenant-owned table carries `tenant_id`, first in the indexes that tenant
queries use."""

from hub.db.models.access import ApiClient, AuditEvent
from hub.db.models.base import Base
from hub.db.models.content import (
    Campaign,
    CampaignTranslation,
    Event,
    EventTranslation,
    NewsItem,
    NewsItemTranslation,
)
from hub.db.models.enums import (
    ApplicationStatus,
    OpportunityFormat,
    RecordStatus,
    Visibility,
    VolunteerGroup,
)
from hub.db.models.opportunities import (
    Opportunity,
    OpportunitySkill,
    OpportunityTranslation,
    Organization,
)
from hub.db.models.taxonomy import Category, Skill
from hub.db.models.tenancy import Tenant
from hub.db.models.volunteers import (
    Application,
    HoursEntry,
    Membership,
    SavedOpportunity,
    Volunteer,
    VolunteerSkill,
)

__all__ = [
    "ApiClient",
    "Application",
    "ApplicationStatus",
    "AuditEvent",
    "Base",
    "Campaign",
    "CampaignTranslation",
    "Category",
    "Event",
    "EventTranslation",
    "HoursEntry",
    "Membership",
    "NewsItem",
    "NewsItemTranslation",
    "Opportunity",
    "OpportunityFormat",
    "OpportunitySkill",
    "OpportunityTranslation",
    "Organization",
    "RecordStatus",
    "SavedOpportunity",
    "Skill",
    "Tenant",
    "Visibility",
    "Volunteer",
    "VolunteerGroup",
    "VolunteerSkill",
]
