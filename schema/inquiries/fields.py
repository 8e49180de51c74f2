"""The inquiry fields of other domains' types, mixed into them as bases:
`Volunteer(VolunteerInquiryFields, ...)` and `Opportunity(OpportunityInquiryFields, ...)`."""

from __future__ import annotations

import strawberry


@strawberry.type
class VolunteerInquiryFields:
    """Volunteer's threads with managers (the volunteer only)."""


@strawberry.type
class OpportunityInquiryFields:
    """An opportunity's threads (staff of its tenant only)."""
