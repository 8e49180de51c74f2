"""The root types, composed from each domain's parts: a new domain is one more base here.

The SDL lists the parts' fields in the order of the bases.
"""

from __future__ import annotations

import strawberry

from schema.applications.mutations import ApplicationMutations
from schema.applications.queries import ApplicationQueries
from schema.badges.queries import BadgeQueries
from schema.certificates.mutations import CertificateMutations
from schema.certificates.queries import CertificateQueries
from schema.content.drafts import EditorialQueries
from schema.content.mutations import ContentMutations
from schema.content.queries import ContentQueries
from schema.content.types import Event, NewsItem
from schema.core.policy import composed
from schema.core.queries import CoreQueries
from schema.credentials.mutations import CredentialMutations
from schema.credentials.queries import CredentialQueries
from schema.inquiries.mutations import InquiryMutations
from schema.inquiries.queries import InquiryQueries
from schema.notifications.mutations import NotificationMutations
from schema.opportunities.mutations import OpportunityMutations
from schema.opportunities.queries import OpportunityQueries
from schema.opportunities.types import Opportunity
from schema.statistics.queries import StatisticsQueries
from schema.sync.mutations import SyncMutations
from schema.taxonomy.mutations import TaxonomyMutations
from schema.taxonomy.queries import TaxonomyQueries
from schema.tenants.queries import TenantQueries
from schema.tenants.types import Tenant
from schema.translations.mutations import TranslationMutations
from schema.viewer.queries import ViewerQueries
from schema.volunteers.mutations import VolunteerMutations
from schema.volunteers.queries import VolunteerQueries
from schema.volunteers.types import Volunteer
from schema.webhooks.mutations import WebhookMutations
from schema.webhooks.queries import WebhookQueries


@composed(note="every root field answers with what the caller may read")
@strawberry.type
class Query(ViewerQueries, CoreQueries, TenantQueries, OpportunityQueries, ContentQueries,
            EditorialQueries, TaxonomyQueries, VolunteerQueries, ApplicationQueries,
            InquiryQueries, BadgeQueries, CertificateQueries, CredentialQueries,
            StatisticsQueries, WebhookQueries):
    pass


@composed(note="each mutation checks who may do it and is one transaction")
@strawberry.type
class Mutation(VolunteerMutations, ApplicationMutations, InquiryMutations,
               NotificationMutations, OpportunityMutations, ContentMutations,
               TranslationMutations, TaxonomyMutations, CertificateMutations,
               CredentialMutations, SyncMutations, WebhookMutations):
    pass


# The federation entity types, named so the schema finds each one before it builds `_Entity`,
# whichever road reaches it (Event is reached only through its generic connection).
ENTITY_TYPES = (Tenant, Opportunity, Event, NewsItem, Volunteer)
