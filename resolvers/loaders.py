"""The loaders of one request, composed from each domain's group: a new domain's loaders
are one more base class here. Created fresh for every request (`RequestContext.loaders`),
so nothing cached crosses principals; scoped ones take the read scope's clause."""

from __future__ import annotations

from typing import Any

from resolvers.applications.loaders import ApplicationLoaders
from resolvers.badges.loaders import BadgeLoaders
from resolvers.certificates.loaders import CertificateLoaders
from resolvers.content.loaders import ContentLoaders
from resolvers.core.database import RequestDatabase
from resolvers.credentials.loaders import CredentialLoaders
from resolvers.inquiries.loaders import InquiryLoaders
from resolvers.notifications.loaders import NotificationLoaders
from resolvers.opportunities.loaders import OpportunityLoaders
from resolvers.taxonomy.loaders import TaxonomyLoaders
from resolvers.volunteers.loaders import VolunteerLoaders


class Loaders(OpportunityLoaders, TaxonomyLoaders, ContentLoaders, VolunteerLoaders,
              ApplicationLoaders, InquiryLoaders, NotificationLoaders, BadgeLoaders,
              CertificateLoaders, CredentialLoaders):
    def __init__(self, db: RequestDatabase, scope_for: Any, volunteer_id: int | None) -> None:
        OpportunityLoaders.__init__(self, db, scope_for, volunteer_id)
        TaxonomyLoaders.__init__(self, db, scope_for, volunteer_id)
        ContentLoaders.__init__(self, db, scope_for, volunteer_id)
        VolunteerLoaders.__init__(self, db, scope_for, volunteer_id)
        ApplicationLoaders.__init__(self, db, scope_for, volunteer_id)
        InquiryLoaders.__init__(self, db, scope_for, volunteer_id)
        NotificationLoaders.__init__(self, db, scope_for, volunteer_id)
        BadgeLoaders.__init__(self, db, scope_for, volunteer_id)
        CertificateLoaders.__init__(self, db, scope_for, volunteer_id)
        CredentialLoaders.__init__(self, db, scope_for, volunteer_id)
