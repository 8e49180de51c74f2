"""What `upsertOpportunities` answers: each item's outcome, in the order sent, with the
record as the caller may read it, and the totals."""

from __future__ import annotations

from collections.abc import Awaitable

import strawberry

from hub.errors import HubError
from hub.i18n.chain import FINAL_FALLBACK
from hub.ids import encode_id
from resolvers.core.loaders import RowByKeyLoader, now_or_later
from resolvers.sync.commands import Batch, Outcome, Synced
from resolvers.sync.records import readable_now
from schema.core.info import Info
from schema.core.policy import INHERITED, policy
from schema.opportunities.types import Opportunity

strawberry.enum(Outcome, name="SyncOutcome",
                description="What became of one item of a sync: CREATED, UPDATED, UNCHANGED "
                            "(the same as last sent: nothing written) or REJECTED (see its "
                            "errors; nothing of it written).")


@policy(reach=INHERITED, open=("code", "message", "argument"),
        note="why an item of the caller's own sync was rejected")
@strawberry.type(description="Why an item was rejected: a stable code (as `extensions.code`), "
                             "a message in the caller's language and the input field.")
class SyncError:
    code: str
    message: str
    argument: str | None = strawberry.field(
        description="The field in the mutation's input, e.g. input.items.3.category.")

    @classmethod
    def of(cls, error: HubError, locale: str) -> SyncError:
        return cls(code=error.code.value, message=error.render(locale), argument=error.argument)


@policy(reach=INHERITED,
        open=("externalId", "outcome", "opportunityId", "opportunity", "errors"),
        note="what upsertOpportunities answers a society's system about its own items; "
             "the opportunity as the caller may read it")
@strawberry.type(description="One item of a sync, in the order sent.")
class SyncOpportunityResult:
    row: strawberry.Private[Synced]
    records: strawberry.Private[RowByKeyLoader]  # the batch's, as the caller reads them now
    external_id: str
    outcome: Outcome
    opportunity_id: strawberry.ID | None = strawberry.field(
        description="The record's id in the hub (null when rejected).")
    errors: list[SyncError]

    @classmethod
    def of(cls, synced: Synced, locale: str, records: RowByKeyLoader) -> SyncOpportunityResult:
        key = synced.opportunity_id
        return cls(row=synced, records=records, external_id=synced.external_id,
                   outcome=synced.outcome,
                   opportunity_id=strawberry.ID(encode_id("Opportunity", key))
                   if key is not None else None,
                   errors=[SyncError.of(synced.error, locale)] if synced.error else [])

    @strawberry.field(graphql_type=Opportunity | None,
                      description="The record as you may read it: public once published "
                                  "(null for a draft, a NETWORK or TENANT record, and when "
                                  "rejected).")
    def opportunity(self, info: Info) -> Opportunity | Awaitable[Opportunity | None] | None:
        key = self.row.opportunity_id
        if key is None:
            return None
        return now_or_later(self.records, key,
                            lambda row: Opportunity.of(row) if row is not None else None)


@policy(reach=INHERITED, open=("results", "created", "updated", "unchanged", "rejected"),
        note="what upsertOpportunities answers a society's system")
@strawberry.type(description="The outcome of each item, in the order sent, and how many of "
                             "each.")
class UpsertOpportunitiesPayload:
    results: list[SyncOpportunityResult]
    created: int
    updated: int
    unchanged: int
    rejected: int

    @classmethod
    def of(cls, batch: Batch, info: Info) -> UpsertOpportunitiesPayload:
        locale = info.context.locales.preferred or FINAL_FALLBACK
        records = readable_now(info.context)
        return cls(results=[SyncOpportunityResult.of(item, locale, records)
                            for item in batch.items],
                   created=batch.count(Outcome.CREATED), updated=batch.count(Outcome.UPDATED),
                   unchanged=batch.count(Outcome.UNCHANGED),
                   rejected=batch.count(Outcome.REJECTED))
