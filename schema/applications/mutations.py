"""Applying, deciding, completing, logging and verifying hours. The writes are
`resolvers.applications.commands` and `resolvers.applications.hours`; each is one
transaction, audited, and safe to retry with a client key (`clientMutationId` or the
`Idempotency-Key` header)."""

from __future__ import annotations

from typing import Any

import strawberry

from hub.errors import NotFound
from hub.i18n import messages as hub_msg
from resolvers.applications.commands import (
    ApplyToOpportunity,
    CompleteApplication,
    DecideApplication,
    WithdrawApplication,
)
from resolvers.applications.hours import LogHours, VerifyHours
from resolvers.core.writes import Write, perform
from schema.applications.inputs import (
    ApplyToOpportunityInput,
    CompleteApplicationInput,
    DecideApplicationInput,
    LogHoursInput,
    VerifyHoursInput,
    WithdrawApplicationInput,
    client_key,
    key_of,
)
from schema.applications.types import Application, HoursEntry
from schema.core.info import Info
from schema.core.policy import EVERYONE, policy


async def _application(info: Info, write: Write[Any, int], key: str | None) -> Application:
    application_id = await perform(info.context, write, key=key)
    row = await info.context.loaders.application_by_id.load(application_id)
    if row is None:  # pragma: no cover - the caller's own change
        raise NotFound(hub_msg.NOT_FOUND, type="Application")
    return Application.of(row)


async def _entries(info: Info, entry_ids: list[int]) -> list[HoursEntry]:
    rows = await info.context.loaders.hours_entry_by_id.load_many(entry_ids)
    return [HoursEntry.of(row) for row in rows if row is not None]


@policy(reach=EVERYONE, open=("applyToOpportunity", "withdrawApplication", "decideApplication",
                              "completeApplication", "logHours", "verifyHours"))
@strawberry.type
class ApplicationMutations:
    @strawberry.mutation(description="A signed-in volunteer applies to an opportunity they "
                                      "can see: accepted at once (AUTOMATIC), waiting for "
                                      "review, or on the waiting list when it is full.")
    async def apply_to_opportunity(self, info: Info,
                                   input: ApplyToOpportunityInput) -> Application:
        key = client_key(input.client_mutation_id)
        write = ApplyToOpportunity(key_of(input.opportunity_id, "Opportunity",
                                          "input.opportunityId"))
        return await _application(info, write, key)

    @strawberry.mutation(description="The volunteer withdraws their application; an "
                                      "accepted one's place goes to the waiting list's first.")
    async def withdraw_application(self, info: Info,
                                   input: WithdrawApplicationInput) -> Application:
        key = client_key(input.client_mutation_id)
        write = WithdrawApplication(key_of(input.application_id, "Application",
                                           "input.applicationId"))
        return await _application(info, write, key)

    @strawberry.mutation(description="Admins and coordinators of the opportunity's society "
                                      "accept (a place must be left) or reject (with a "
                                      "reason) an application.")
    async def decide_application(self, info: Info,
                                 input: DecideApplicationInput) -> Application:
        key = client_key(input.client_mutation_id)
        write = DecideApplication(
            key_of(input.application_id, "Application", "input.applicationId"),
            input.decision, input.reason, input.note)
        return await _application(info, write, key)

    @strawberry.mutation(description="Admins and coordinators close an accepted application "
                                      "as COMPLETED or NO_SHOW.")
    async def complete_application(self, info: Info,
                                   input: CompleteApplicationInput) -> Application:
        key = client_key(input.client_mutation_id)
        write = CompleteApplication(
            key_of(input.application_id, "Application", "input.applicationId"), input.status)
        return await _application(info, write, key)

    @strawberry.mutation(description="The volunteer proposes hours served on an accepted or "
                                      "completed application; staff verify them.")
    async def log_hours(self, info: Info, input: LogHoursInput) -> HoursEntry:
        key = client_key(input.client_mutation_id)
        write = LogHours(key_of(input.application_id, "Application", "input.applicationId"),
                         input.date, input.hours, input.note)
        entry_id = await perform(info.context, write, key=key)
        return (await _entries(info, [entry_id]))[0]

    @strawberry.mutation(description="Admins and coordinators approve or reject hours "
                                      "entries of their society, one or many at once.")
    async def verify_hours(self, info: Info, input: VerifyHoursInput) -> list[HoursEntry]:
        key = client_key(input.client_mutation_id)
        ids = tuple(dict.fromkeys(key_of(i, "HoursEntry", "input.entryIds")
                                  for i in input.entry_ids))
        write = VerifyHours(ids, input.approve, input.note)
        return await _entries(info, await perform(info.context, write, key=key))
