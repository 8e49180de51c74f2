"""askOpportunityManager, replyToInquiry, closeInquiry. The writes are
`resolvers.inquiries.commands`; each answers with the thread as changed."""

from __future__ import annotations

import strawberry

from resolvers.inquiries import commands
from schema.core.info import Info
from schema.core.policy import EVERYONE, policy
from schema.inquiries.inputs import (
    AskOpportunityManagerInput,
    CloseInquiryInput,
    ReplyToInquiryInput,
    key_of,
)
from schema.inquiries.types import Inquiry


@policy(reach=EVERYONE, open=("askOpportunityManager", "replyToInquiry", "closeInquiry"))
@strawberry.type
class InquiryMutations:
    @strawberry.mutation(description="A signed-in volunteer asks the organizers of an "
                                      "opportunity they can see: a new thread.")
    async def ask_opportunity_manager(self, info: Info,
                                      input: AskOpportunityManagerInput) -> Inquiry:
        key = key_of(input.opportunity, "Opportunity", "input.opportunity")
        return Inquiry.of(await commands.ask_opportunity_manager(
            info.context, opportunity_key=key, subject=input.subject, body=input.body))

    @strawberry.mutation(description="The thread's volunteer, or an admin or coordinator of "
                                      "the organizing tenant, writes the next message. "
                                      "CONFLICT when the thread is closed.")
    async def reply_to_inquiry(self, info: Info, input: ReplyToInquiryInput) -> Inquiry:
        key = key_of(input.inquiry, "Inquiry", "input.inquiry")
        return Inquiry.of(await commands.reply_to_inquiry(info.context, inquiry_key=key,
                                                          body=input.body))

    @strawberry.mutation(description="The thread's volunteer, or an admin or coordinator of "
                                      "the organizing tenant, closes it.")
    async def close_inquiry(self, info: Info, input: CloseInquiryInput) -> Inquiry:
        key = key_of(input.inquiry, "Inquiry", "input.inquiry")
        return Inquiry.of(await commands.close_inquiry(info.context, inquiry_key=key))
