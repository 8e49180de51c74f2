"""Inputs of the application and hours mutations: ids as global ids of their type; every
input takes an optional `clientMutationId`, the client's idempotency key for retries."""

from __future__ import annotations

from datetime import date

import strawberry

from hub.errors import BadUserInput
from hub.ids import decode_id
from resolvers.core.idempotency import checked_key
from schema.core.enums import ApplicationStatus, DecisionReason

RETRY = ("The client's idempotency key: sent again with the same input, the change happens "
         "once and the same answer returns (also the `Idempotency-Key` header).")


def key_of(global_id: str, type_name: str, argument: str) -> int:
    """The integer key of a global id of `type_name`; bad input names `argument`."""
    try:
        return decode_id(global_id, type_name)[1]
    except BadUserInput as error:
        raise BadUserInput(error.msgid, argument=argument, **error.params) from None


def client_key(client_mutation_id: str | None) -> str | None:
    return checked_key(client_mutation_id, "input.clientMutationId")


@strawberry.input
class ApplyToOpportunityInput:
    opportunity_id: strawberry.ID
    client_mutation_id: str | None = strawberry.field(default=None, description=RETRY)


@strawberry.input
class WithdrawApplicationInput:
    application_id: strawberry.ID
    client_mutation_id: str | None = strawberry.field(default=None, description=RETRY)


@strawberry.input
class DecideApplicationInput:
    application_id: strawberry.ID
    decision: ApplicationStatus = strawberry.field(description="ACCEPTED or REJECTED.")
    reason: DecisionReason | None = strawberry.field(
        default=None, description="Required to reject; OTHER needs a note.")
    note: str | None = strawberry.field(default=None, description="At most 1000 characters.")
    client_mutation_id: str | None = strawberry.field(default=None, description=RETRY)


@strawberry.input
class CompleteApplicationInput:
    application_id: strawberry.ID
    status: ApplicationStatus = strawberry.field(description="COMPLETED or NO_SHOW.")
    client_mutation_id: str | None = strawberry.field(default=None, description=RETRY)


@strawberry.input
class LogHoursInput:
    application_id: strawberry.ID
    date: date = strawberry.field(description="The day served, in the society's calendar; "
                                              "not in the future.")
    hours: float = strawberry.field(description="More than 0, at most 24, 2 decimals.")
    note: str | None = strawberry.field(default=None, description="At most 1000 characters.")
    client_mutation_id: str | None = strawberry.field(default=None, description=RETRY)


@strawberry.input
class VerifyHoursInput:
    entry_ids: list[strawberry.ID] = strawberry.field(description="1 to 100 entries.")
    approve: bool
    note: str | None = strawberry.field(default=None, description="At most 1000 characters.")
    client_mutation_id: str | None = strawberry.field(default=None, description=RETRY)
