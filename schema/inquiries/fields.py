"""The inquiry fields of other domains' types, mixed into them as bases:
`Volunteer(VolunteerInquiryFields, ...)` and `Opportunity(OpportunityInquiryFields, ...)`."""

from __future__ import annotations

import strawberry

from hub.db import models as m
from resolvers.inquiries.queries import opportunity_inquiry_page, volunteer_inquiry_page
from schema.core.enums import InquiryStatus
from schema.core.info import Info
from schema.core.permissions import OwningTenantStaff, SelfOnly
from schema.inquiries.types import InquiryConnection


@strawberry.type
class VolunteerInquiryFields:
    """Volunteer's threads with managers (the volunteer only)."""

    row: strawberry.Private[m.Volunteer]

    @strawberry.field(permission_classes=[SelfOnly],
                      description="Your threads with the organizers of opportunities, newest "
                                  "first.")
    async def inquiries(self, info: Info, status: InquiryStatus | None = None,
                        first: int | None = 20,
                        after: str | None = None) -> InquiryConnection | None:
        page = await volunteer_inquiry_page(
            info.context, volunteer_id=self.row.id, status=status.value if status else None,
            first=first, after=after)
        return InquiryConnection.of(page)


@strawberry.type
class OpportunityInquiryFields:
    """An opportunity's threads (staff of its tenant only)."""

    row: strawberry.Private[m.Opportunity]

    @strawberry.field(permission_classes=[OwningTenantStaff],
                      description="Volunteers' threads about this opportunity, newest first.")
    async def inquiries(self, info: Info, status: InquiryStatus | None = None,
                        first: int | None = 20,
                        after: str | None = None) -> InquiryConnection | None:
        page = await opportunity_inquiry_page(
            info.context, opportunity_id=self.row.id, status=status.value if status else None,
            first=first, after=after)
        return InquiryConnection.of(page)
