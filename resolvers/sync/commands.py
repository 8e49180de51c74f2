"""`upsertOpportunities`: a society system's batch of opportunities, each created, updated,
left unchanged or rejected with its reason, without failing the others.

One transaction per item. The items of a batch are independent records, so each is its own
write on the one write path (`perform`: allowed, validated, applied and audited in one
transaction): an item refused leaves nothing of itself behind and takes nothing of the
others with it, and a batch cut off half way (a crash, a lost connection) has written each
item wholly or not at all. Sending the same batch again converges: what was written is now
UNCHANGED, what was not is written.

An item, in order:
  1. its external id is the system's key of the record in its own tenant; a second item
     with an id already in the batch is REJECTED (the first one is written);
  2. the record with that id, if the tenant has one, was read with the batch's others (one
     statement); an item whose digest (resolvers/sync/items.py) is the record's
     `sync_digest` is UNCHANGED: no write, no audit event, no webhook, `updated_at` as it was;
  3. otherwise the editors' own checks and writes (resolvers/opportunities/commands.py:
     texts, format and place, dates, numbers, contact, category and skills in use) create a
     DRAFT or update the record, compare-and-set; an archived record is not changed;
  4. then the status the item names is reached by the status machine of every editorial
     record (resolvers/publishing): publishing is the editors' `Publish` step, so an
     emergency call and the tenant's webhooks are set going as for an editor; closing and
     archiving are `Retire`. A new item arrives as DRAFT, PUBLISHED or ARCHIVED (a CLOSED
     one was never published here: REJECTED); a move the machine forbids is REJECTED.

The audit trail has the editors' events (create_opportunity, update_opportunity,
publish_opportunity...) and one `sync_opportunity` event per item written, naming the
external id and the outcome, all under the API client's subject.

Row security (PostgreSQL): an API client reads only public records and writes none of its
own accord. The hub reads the tenant's synced records and writes an item on the client's
behalf (`rows_as_system`, `tx.as_system()`) once `allow` has decided that the client may:
every statement names the client's own tenant, so nothing of another tenant can match.

Retries: with a `clientMutationId` (or the `Idempotency-Key` header), each item's write is
keyed by it and the item's external id: the same batch sent again with the same key answers
what the first attempt answered (CREATED again, not UNCHANGED).

Statements: a batch reads the tenant's records with these ids and the categories and skills
it names once (a few statements, whatever its size); an UNCHANGED item costs none; an item
written costs its transaction's (tests/sync/test_publishing_and_statements.py measures
them).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any, Final

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from hub.db import models as m
from hub.db.models import RecordStatus
from hub.errors import BadUserInput, Conflict, HubError
from resolvers.context import RequestContext
from resolvers.core.idempotency import checked_key
from resolvers.core.writes import Tx, Write, perform
from resolvers.opportunities.commands import (
    CreateOpportunity,
    Editing,
    UpdateOpportunity,
    check_references,
)
from resolvers.opportunities.statuses import OPPORTUNITY
from resolvers.publishing import messages as pub_msg
from resolvers.publishing.rules import check_move, under_input
from resolvers.publishing.statuses import Publish, Retire
from resolvers.publishing.texts import check_texts
from resolvers.sync import messages as msg
from resolvers.sync.items import SyncItem
from resolvers.sync.records import Found, synced_records, warm_taxonomy
from resolvers.sync.rules import check_batch_size, check_external_id, sync_tenant

Opp = m.Opportunity
MAX_KEY: Final = 128  # idempotency_key.key


class Outcome(StrEnum):
    CREATED = "CREATED"
    UPDATED = "UPDATED"
    UNCHANGED = "UNCHANGED"
    REJECTED = "REJECTED"


@dataclass(frozen=True, slots=True)
class Synced:
    """What became of one item: its outcome, the record's id (None when rejected) and, when
    rejected, why (a coded error whose argument is the item's field: `input.items.3.category`)."""

    external_id: str
    outcome: Outcome
    opportunity_id: int | None = None
    error: HubError | None = None


@dataclass(frozen=True, slots=True)
class Batch:
    """The items' outcomes, in the order sent."""

    items: list[Synced]

    def count(self, outcome: Outcome) -> int:
        return sum(1 for item in self.items if item.outcome == outcome)


class _CreatedMeanwhile(Exception):
    """Another request created a record with the item's external id after the batch read
    the tenant's records (raised by `apply`; its transaction rolled back)."""


class _Unchanged(Exception):
    """The item is what the system sent last: nothing to write (raised by `allow`, before
    any transaction)."""

    def __init__(self, opportunity_id: int) -> None:
        super().__init__(opportunity_id)
        self.opportunity_id = opportunity_id


@dataclass(frozen=True, slots=True)
class _Plan:
    tenant_id: int
    found: Found | None
    digest: str
    editing: Editing | None = None


# --- one item -------------------------------------------------------------------------------

@dataclass(frozen=True)
class SyncOpportunity(Write[_Plan, Synced]):
    """Create or update the caller's record `item.external_id`, then move it to the item's
    status; UNCHANGED (`_Unchanged`) when the item is the one last synced. `found` is what
    the batch read of the record (None: the tenant has none), not part of the input."""

    item: SyncItem
    found: Found | None = field(default=None, compare=False)

    async def allow(self, ctx: RequestContext) -> _Plan:
        tenant_id = sync_tenant(ctx)
        digest = self.item.digest()
        found = self.found
        if found is not None and found.row.sync_digest == digest:
            raise _Unchanged(int(found.row.id))
        status = found.row.status if found is not None else RecordStatus.DRAFT.value
        if found is not None:
            if status == RecordStatus.ARCHIVED:
                raise Conflict(pub_msg.ARCHIVED, argument="input.status")
            OPPORTUNITY.check_open(found.row)
        wanted = self.item.status
        if found is None and wanted == RecordStatus.CLOSED:
            raise Conflict(msg.NEW_ITEM_CLOSED, argument="input.status")
        if wanted != status:
            try:
                check_move(ctx, status, wanted)
            except Conflict as error:
                raise Conflict(error.msgid, argument="input.status", **error.params) from None
        with under_input():
            await check_references(ctx, tenant_id, self.item.fields(),
                                   found.row if found else None,
                                   kept_skills=found.skills if found else None)
        return _Plan(tenant_id, found, digest)

    def validate(self, plan: _Plan) -> _Plan:
        given = self.item.fields()
        with under_input():
            # The whole record: every language with its title, in an update too.
            check_texts(given.texts, m.OpportunityTranslation.text_fields, creating=True)
        if plan.found is None:
            edited = CreateOpportunity(given).validate(Editing(plan.tenant_id))
            values = {**edited.values, "external_id": self.item.external_id}
        else:
            row = plan.found.row
            edited = UpdateOpportunity(row.id, given).validate(Editing(plan.tenant_id, row))
            values = dict(edited.values)
        values["sync_digest"] = plan.digest
        return replace(plan, editing=replace(edited, values=values))

    async def apply(self, tx: Tx, plan: _Plan) -> Synced:
        assert plan.editing is not None
        given = self.item.fields()
        # On the client's behalf (see the module's docstring); flushed inside, so that no
        # row of the item is written later under the client's own row security.
        async with tx.as_system() as session:
            if plan.found is None:
                try:
                    key = await CreateOpportunity(given).apply(tx, plan.editing)
                except IntegrityError:
                    # The tenant's unique external id: another request created the record
                    # since the batch read. This transaction is over; rolled back here, so
                    # that the caller's row security settings can be restored after it.
                    await session.rollback()
                    raise _CreatedMeanwhile from None
                outcome, status = Outcome.CREATED, RecordStatus.DRAFT.value
            else:
                key = await UpdateOpportunity(plan.found.row.id, given).apply(tx, plan.editing)
                outcome, status = Outcome.UPDATED, plan.found.row.status
            await session.flush()
            if self.item.status != status:
                # The record as now written: publishing's hooks read it (an emergency?).
                row = (await session.execute(select(Opp.__table__).where(Opp.id == key))).one()
                await self._move(tx, row)
        tx.audit("sync_opportunity", OPPORTUNITY.name, OPPORTUNITY.gid(key),
                 tenant_id=plan.tenant_id, external_id=self.item.external_id,
                 outcome=outcome.value)
        return Synced(self.item.external_id, outcome, key)

    async def _move(self, tx: Tx, row: Any) -> None:
        """The editors' own step to the item's status (`allow` checked that it is one);
        publishing last: its hooks may switch the role back when they are done."""
        if self.item.status == RecordStatus.PUBLISHED:
            await Publish(OPPORTUNITY, row.id).apply(tx, row)
        else:
            await Retire(OPPORTUNITY, row.id, RecordStatus(self.item.status)).apply(tx, row)

    def remember(self, result: Synced) -> Any:
        return {"outcome": result.outcome.value, "id": result.opportunity_id}

    def recall(self, stored: Any) -> Synced:
        return Synced(self.item.external_id, Outcome(stored["outcome"]), stored["id"])


# --- the batch ------------------------------------------------------------------------------

async def upsert_opportunities(ctx: RequestContext, items: Sequence[SyncItem], *,
                               client_mutation_id: str | None = None) -> Batch:
    """Each of `items` written into the caller's tenant in its own transaction (see the
    module's docstring); FORBIDDEN for a caller who may not sync, BAD_USER_INPUT for a batch
    over HUB_SYNC_MAX_BATCH, both before anything is read."""
    tenant_id = sync_tenant(ctx)
    check_batch_size(ctx, len(items))
    batch_key = checked_key(client_mutation_id, "input.clientMutationId")
    if batch_key is None:
        batch_key = ctx.next_idempotency_key()
    first: dict[str, int] = {}
    for index, item in enumerate(items):
        first.setdefault(item.external_id, index)
    found = await synced_records(ctx, tenant_id, [i for i in first if i.strip()])
    await warm_taxonomy(ctx, items)
    done: list[Synced] = []
    for index, item in enumerate(items):
        try:
            check_external_id(item.external_id)
            if first[item.external_id] != index:
                raise BadUserInput(msg.DUPLICATE_EXTERNAL_ID, argument="input.externalId",
                                   index=first[item.external_id])
            done.append(await _sync(ctx, tenant_id, item, found.get(item.external_id),
                                    _item_key(batch_key, item.external_id)))
        except (BadUserInput, Conflict) as error:
            done.append(Synced(item.external_id, Outcome.REJECTED,
                               error=_at_item(error, index)))
    return Batch(done)


async def _sync(ctx: RequestContext, tenant_id: int, item: SyncItem, found: Found | None,
                key: str | None) -> Synced:
    """One item written (or found unchanged). A record of the same id created by another
    request since the batch read its records is read again, and the item written once more
    as an update of it (or found unchanged)."""
    try:
        return await _perform(ctx, SyncOpportunity(item, found), key)
    except _CreatedMeanwhile:
        again = (await synced_records(ctx, tenant_id, [item.external_id])).get(
            item.external_id)
        if again is None:  # pragma: no cover - refused by its key, yet not there
            raise Conflict(msg.SENT_CONCURRENTLY) from None
    try:
        return await _perform(ctx, SyncOpportunity(item, again), key)
    except _CreatedMeanwhile:  # pragma: no cover - it was found this time
        raise Conflict(msg.SENT_CONCURRENTLY) from None


async def _perform(ctx: RequestContext, write: SyncOpportunity, key: str | None) -> Synced:
    try:
        return await perform(ctx, write, key=key)
    except _Unchanged as unchanged:
        return Synced(write.item.external_id, Outcome.UNCHANGED, unchanged.opportunity_id)


def _item_key(batch_key: str | None, external_id: str) -> str | None:
    """An item's idempotency key: the batch's and the item's external id (a digest of them
    when longer than the column)."""
    if batch_key is None:
        return None
    key = f"{batch_key}/{external_id}"
    if len(key) <= MAX_KEY:
        return key
    return "sync/" + hashlib.sha256(key.encode()).hexdigest()


def _at_item(error: BadUserInput | Conflict, index: int) -> HubError:
    """`error` naming the item's field in the mutation's input: `input.items.<index>.<field>`
    (`input.items.<index>` for the item as a whole)."""
    argument = error.argument or ""
    if argument == "clientMutationId":  # the batch's key, reused for another batch
        return type(error)(error.msgid, argument="input.clientMutationId", detail=error.detail,
                           **error.params)
    field_path = argument.removeprefix("input.")
    path = f"input.items.{index}" + (f".{field_path}" if field_path else "")
    return type(error)(error.msgid, argument=path, detail=error.detail, **error.params)
