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
from hub.db.models.documents import TrustedDocument
from hub.db.models.enums import (
    Acceptance,
    ApplicationStatus,
    ConsentKind,
    DecisionReason,
    HoursStatus,
    InquiryStatus,
    OpportunityFormat,
    RecordStatus,
    Visibility,
    VolunteerGroup,
)
from hub.db.models.inquiries import Inquiry, InquiryMessage
from hub.db.models.live import EmergencyCall, Webhook, WebhookDelivery
from hub.db.models.notifications import IdempotencyKey, Notification
from hub.db.models.opportunities import (
    Opportunity,
    OpportunitySkill,
    OpportunityTranslation,
    Organization,
)
from hub.db.models.recognition import (
    BadgeAward,
    Certificate,
    Credential,
    IssuerKey,
    RecognitionImport,
)
from hub.db.models.statistics import (
    StatisticsFact,
    StatisticsRecurrence,
    StatisticsSecret,
    StatisticsTenantWeek,
)
from hub.db.models.taxonomy import Category, Skill
from hub.db.models.tenancy import Tenant
from hub.db.models.volunteers import (
    Application,
    Consent,
    HoursEntry,
    Membership,
    SavedOpportunity,
    Volunteer,
    VolunteerSkill,
)

__all__ = [
    "Acceptance",
    "ApiClient",
    "Application",
    "ApplicationStatus",
    "AuditEvent",
    "BadgeAward",
    "Base",
    "Campaign",
    "CampaignTranslation",
    "Category",
    "Certificate",
    "Consent",
    "ConsentKind",
    "Credential",
    "DecisionReason",
    "EmergencyCall",
    "Event",
    "EventTranslation",
    "HoursEntry",
    "HoursStatus",
    "IdempotencyKey",
    "Inquiry",
    "InquiryMessage",
    "InquiryStatus",
    "IssuerKey",
    "Membership",
    "NewsItem",
    "NewsItemTranslation",
    "Notification",
    "Opportunity",
    "OpportunityFormat",
    "OpportunitySkill",
    "OpportunityTranslation",
    "Organization",
    "RecognitionImport",
    "RecordStatus",
    "SavedOpportunity",
    "Skill",
    "StatisticsFact",
    "StatisticsRecurrence",
    "StatisticsSecret",
    "StatisticsTenantWeek",
    "Tenant",
    "TrustedDocument",
    "Visibility",
    "Volunteer",
    "VolunteerGroup",
    "VolunteerSkill",
    "Webhook",
    "WebhookDelivery",
]
