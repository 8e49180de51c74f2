"""The inputs of asking an opportunity's manager, replying and closing a thread."""

from __future__ import annotations

import strawberry

from hub.errors import BadUserInput
from hub.ids import decode_id


@strawberry.input
class AskOpportunityManagerInput:
    opportunity: strawberry.ID = strawberry.field(description="The Opportunity asked about.")
    subject: str | None = strawberry.field(default=None,
                                           description="At most 200 characters.")
    body: str = strawberry.field(description="The question: 1 to 2000 characters.")


@strawberry.input
class ReplyToInquiryInput:
    inquiry: strawberry.ID
    body: str = strawberry.field(description="1 to 2000 characters.")


@strawberry.input
class CloseInquiryInput:
    inquiry: strawberry.ID


def key_of(global_id: str, type_name: str, argument: str) -> int:
    """The key of an id of `type_name` given in the input field `argument`."""
    try:
        return decode_id(global_id, type_name)[1]
    except BadUserInput as error:
        raise BadUserInput(error.msgid, argument=argument, **error.params) from None
