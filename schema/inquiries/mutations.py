"""askOpportunityManager, replyToInquiry, closeInquiry. The writes are
`resolvers.inquiries.commands`."""

from __future__ import annotations

import strawberry


@strawberry.type
class InquiryMutations:
    pass
