"""The loaders of one request, composed from each domain's group: a new domain's loaders
are one more base class here. Created fresh for every request (`RequestContext.loaders`),
so nothing cached crosses principals; scoped ones take the read scope's clause. Each loader
is made when a resolver first asks for it (`LoaderGroup`): a request builds only the
loaders, and asks its read scope only for the clauses, that it uses."""

from __future__ import annotations

from resolvers.applications.loaders import ApplicationLoaders
from resolvers.badges.loaders import BadgeLoaders
from resolvers.certificates.loaders import CertificateLoaders
from resolvers.content.loaders import ContentLoaders
from resolvers.credentials.loaders import CredentialLoaders
from resolvers.inquiries.loaders import InquiryLoaders
from resolvers.notifications.loaders import NotificationLoaders
from resolvers.opportunities.loaders import OpportunityLoaders
from resolvers.taxonomy.loaders import TaxonomyLoaders
from resolvers.volunteers.loaders import VolunteerLoaders


class Loaders(OpportunityLoaders, TaxonomyLoaders, ContentLoaders, VolunteerLoaders,
              ApplicationLoaders, InquiryLoaders, NotificationLoaders, BadgeLoaders,
              CertificateLoaders, CredentialLoaders):
    """`Loaders(db, scope_for, volunteer_id)`: `LoaderGroup`'s arguments."""
