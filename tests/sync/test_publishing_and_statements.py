"""A synced item that arrives published goes through the editors' publishing step (an
emergency call and webhooks set going, once); a record created meanwhile by another request
is found again rather than failing the item; the statements of a batch grow by a fixed
number per item written, none per item unchanged, and the answer's reads not at all."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from sqlalchemy import select

from hub.db import models as m
from hub.ids import decode_id
from resolvers.core.writes import Tx
from resolvers.opportunities.statuses import OpportunityKind
from resolvers.sync import commands, records
from resolvers.sync.records import Found
from tests.dbtools import fetch
from tests.sync.world import SyncWorld, item, unique

# Statements of one item written, as measured (the row-security prelude and the switches to
# the hub's own role on PostgreSQL included): its transaction's inserts of the record, its
# texts and skills and its audit events; published, also the record read back, its status
# changed and its webhook deliveries queued (webhooks of the tenant: none here, still one
# INSERT ... SELECT). An update reads the texts it writes and replaces the skills.
PER_ITEM = {"sqlite": {"DRAFT": 4, "PUBLISHED": 7, "updated": 7},
            "postgresql": {"DRAFT": 7, "PUBLISHED": 12, "updated": 10}}


def _key(global_id: str) -> int:
    return decode_id(global_id, "Opportunity")[1]


def test_an_item_arriving_published_goes_through_the_publishing_step(
        world: SyncWorld, monkeypatch: pytest.MonkeyPatch) -> None:
    published: list[tuple[int, bool]] = []
    original = OpportunityKind.on_published

    async def spy(self: OpportunityKind, tx: Tx, row: Any, when: datetime) -> None:
        published.append((int(row.id), bool(row.is_emergency)))
        await original(self, tx, row, when)

    monkeypatch.setattr(OpportunityKind, "on_published", spy)
    urgent, later = unique("urgent"), unique("later")
    batch = [item(urgent, status="PUBLISHED", isEmergency=True), item(later)]
    first = world.sync(batch)["results"]
    assert published == [(_key(first[0]["opportunityId"]), True)]
    world.sync(batch)  # unchanged: nothing published again
    assert len(published) == 1
    # A draft published by a later sync, an emergency by then: the publishing step sees the
    # record as this sync wrote it.
    world.sync([item(later, status="PUBLISHED", isEmergency=True)])
    assert published[1] == (_key(first[1]["opportunityId"]), True)
    assert len(published) == 2


def test_a_published_emergency_item_queues_its_emergency_call_once(world: SyncWorld) -> None:
    urgent, calm = unique("urgent"), unique("calm")
    batch = [item(urgent, status="PUBLISHED", isEmergency=True),
             item(calm, status="PUBLISHED")]
    results = world.sync(batch)["results"]
    world.sync(batch)
    calls = fetch(world.database.settings, select(m.EmergencyCall.opportunity_id).where(
        m.EmergencyCall.opportunity_id.in_([_key(r["opportunityId"]) for r in results])))
    assert [row.opportunity_id for row in calls] == [_key(results[0]["opportunityId"])]


def test_a_record_created_meanwhile_is_found_again(world: SyncWorld,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Another request created the record between the batch's read and the item's write:
    the tenant's unique external id refuses the insert, and the item is written again as an
    update of that record (here: the same item, so UNCHANGED)."""
    same, changed = unique("meanwhile"), unique("meanwhile")
    first = world.sync([item(same), item(changed)])["results"]
    real = records.synced_records
    calls = 0

    async def stale_first(*args: Any) -> dict[str, Found]:
        nonlocal calls
        calls += 1
        return {} if calls == 1 else await real(*args)

    monkeypatch.setattr(commands, "synced_records", stale_first)
    again = world.sync([item(same), item(changed, capacity=3)])
    assert [r["outcome"] for r in again["results"]] == ["UNCHANGED", "UPDATED"]
    assert [r["opportunityId"] for r in again["results"]] == \
        [r["opportunityId"] for r in first]
    record = world.record(changed)
    assert record is not None and record["capacity"] == 3
    assert calls == 3  # the batch's read, then one read again per item refused


def _statements(world: SyncWorld, batch: list[dict[str, Any]]) -> int:
    world.client.counter.statements.clear()
    world.sync(batch)
    return world.client.counter.count


@pytest.mark.parametrize("status", ["DRAFT", "PUBLISHED"])
def test_statements_grow_by_a_fixed_number_per_item_written(world: SyncWorld,
                                                            status: str) -> None:
    world.sync([item(unique("warm"))])  # the key's first use behind us
    batches = {n: [item(unique("count"), status=status, skills=["driving", "nursing"])
                   for _ in range(n)] for n in (1, 2, 4)}
    created = {n: _statements(world, batch) for n, batch in batches.items()}
    per_item = created[2] - created[1]
    assert created[4] - created[2] == 2 * per_item, created
    assert per_item <= PER_ITEM[world.backend][status], created
    # Sent again: no statement per item (the batch's reads and the answer's only).
    unchanged = {n: _statements(world, batch) for n, batch in batches.items()}
    assert unchanged[1] == unchanged[2] == unchanged[4], unchanged
    assert unchanged[4] < created[1]
    # Changed: a fixed number per item again.
    updated = {n: _statements(world, [dict(i, capacity=5) for i in batch])
               for n, batch in batches.items()}
    per_update = updated[2] - updated[1]
    assert updated[4] - updated[2] == 2 * per_update, updated
    assert per_update <= PER_ITEM[world.backend]["updated"], updated
