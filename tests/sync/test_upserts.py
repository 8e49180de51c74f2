"""A society's system syncs its opportunities: a batch creates them; the same batch again
changes nothing at all; a changed item is the only one updated; a bad item is rejected with
its reason (in the caller's language) while the others are written; a batch over the limit
is refused whole; statuses move as the editors' status machine allows; a retry with the same
client key answers what the first attempt did."""

from __future__ import annotations

from typing import Any

import pytest

from hub.i18n import messages as hub_msg
from hub.i18n.messages import message
from resolvers.core.writes import Tx
from resolvers.publishing import messages as pub_msg
from resolvers.sync import messages as msg
from resolvers.sync.commands import SyncOpportunity
from tests.sync.world import SyncWorld, code_of, item, unique


def outcomes(payload: dict[str, Any]) -> list[str]:
    return [r["outcome"] for r in payload["results"]]


def test_a_batch_creates_and_the_same_batch_again_changes_nothing(world: SyncWorld) -> None:
    ids = [unique("nightly") for _ in range(3)]
    batch = [
        item(ids[0]),
        item(ids[1], status="PUBLISHED", format="ONSITE", category="first-aid",
             skills=["driving", "nursing"], capacity=12, creditedHours=6.5, minimumAge=16,
             place={"country": "dz", "region": "Sétif", "city": "Sétif"},
             startsAt="2027-01-10T09:00:00+01:00", endsAt="2027-01-11T17:00:00+01:00",
             contact={"name": "Amina", "email": "amina@example.org"}, acceptance="AUTOMATIC"),
        item(ids[2], status="ARCHIVED", visibility="TENANT"),
    ]
    created = world.sync(batch)
    assert outcomes(created) == ["CREATED"] * 3
    assert (created["created"], created["updated"], created["unchanged"],
            created["rejected"]) == (3, 0, 0, 0)
    assert all(r["errors"] == [] and r["opportunityId"] for r in created["results"])
    # The answer reads each record as the system may: the public, published one only.
    draft, published, archived = created["results"]
    assert draft["opportunity"] is None and archived["opportunity"] is None
    assert published["opportunity"] == {"id": published["opportunityId"], "title": "First aid",
                                        "status": "PUBLISHED", "visibility": "PUBLIC"}
    row = world.record(ids[1])
    assert row is not None
    assert (row["format"], row["category_code"], row["capacity"], row["credited_hours"],
            row["min_age"], row["country"], row["city"], row["contact_email"],
            row["acceptance"]) == ("ONSITE", "first-aid", 12, 6.5, 16, "DZ", "Sétif",
                                   "amina@example.org", "AUTOMATIC")
    assert row["sync_digest"] and len(row["sync_digest"]) == 64
    # Every write under the system's own name: the editors' events and the sync's.
    events = world.audit(published["opportunityId"])
    assert [action for action, _, _ in events] == [
        "create_opportunity", "publish_opportunity", "sync_opportunity"]
    assert {(kind, subject) for _, kind, subject in events} == {("CLIENT", world.subject())}

    before = world.snapshot(*ids)
    again = world.sync(batch)
    assert outcomes(again) == ["UNCHANGED"] * 3
    assert (again["created"], again["updated"], again["unchanged"]) == (0, 0, 3)
    assert [r["opportunityId"] for r in again["results"]] == \
        [r["opportunityId"] for r in created["results"]]
    # Nothing written at all: rows (updated_at included), texts, skills, audit events, keys,
    # emergency calls and webhook deliveries as they were.
    assert world.snapshot(*ids) == before


def test_a_changed_item_is_the_only_one_updated(world: SyncWorld) -> None:
    ids = [unique("change") for _ in range(3)]
    batch = [item(i, status="PUBLISHED", skills=["driving"]) for i in ids]
    world.sync(batch)
    before = {i: world.record(i) for i in ids}
    batch[1] = item(ids[1], status="PUBLISHED", skills=["nursing"], capacity=3,
                    texts=[{"locale": "ar", "title": "إسعافات أولية"},
                           {"locale": "en", "title": "First aid, again"}])
    changed = world.sync(batch)
    assert outcomes(changed) == ["UNCHANGED", "UPDATED", "UNCHANGED"]
    assert changed["results"][1]["opportunity"]["title"] == "First aid, again"
    after = {i: world.record(i) for i in ids}
    assert after[ids[0]] == before[ids[0]] and after[ids[2]] == before[ids[2]]
    updated, was = after[ids[1]], before[ids[1]]
    assert updated is not None and was is not None
    assert updated["updated_at"] > was["updated_at"] and updated["capacity"] == 3
    assert updated["sync_digest"] != was["sync_digest"]
    snapshot = world.snapshot(ids[1])
    assert [s["skill_code"] for s in snapshot["skills"]] == ["nursing"]
    # A whole item: the summary the first sync sent for Arabic, left out now, is cleared.
    texts = {t["locale"]: t for t in snapshot["texts"]}
    assert texts["ar"]["summary"] is None and texts["en"]["description"] is None
    assert world.audit(changed["results"][1]["opportunityId"])[-2:] == [
        ("update_opportunity", "CLIENT", world.subject()),
        ("sync_opportunity", "CLIENT", world.subject())]


def test_bad_items_are_rejected_with_their_reason_and_the_others_written(
        world: SyncWorld) -> None:
    ids = [unique("bad") for _ in range(6)]
    batch = [
        item(ids[0], category="no-such-category"),
        item(ids[1], texts=[{"locale": "fr", "title": "  "}]),
        item(ids[2], startsAt="2027-01-11T09:00:00Z", endsAt="2027-01-10T09:00:00Z"),
        item(ids[3], status="PUBLISHED"),
        item(ids[4], category="retired-category"),
        item(ids[5], format="ONSITE"),
    ]
    expected = [
        ("input.items.0.category", hub_msg.UNKNOWN_CATEGORY, {"code": "no-such-category"}),
        ("input.items.1.texts.title", pub_msg.TITLE_REQUIRED, {"locale": "fr"}),
        ("input.items.2.endsAt", pub_msg.ENDS_BEFORE_START, {}),
        ("input.items.4.category", hub_msg.UNKNOWN_CATEGORY, {"code": "retired-category"}),
        ("input.items.5.place", pub_msg.PLACE_REQUIRED, {}),
    ]
    before = world.snapshot(*ids)
    # Asked in French, then in Arabic, then in English: the same reasons in each language
    # (the good item written the first time, unchanged after).
    for locale, good in (("fr", "CREATED"), ("ar", "UNCHANGED"), ("en", "UNCHANGED")):
        answered = world.sync(batch, {**world.system(), "Accept-Language": locale})
        assert outcomes(answered) == ["REJECTED", "REJECTED", "REJECTED", good, "REJECTED",
                                      "REJECTED"]
        assert answered["rejected"] == 5
        rejected = [answered["results"][i] for i in (0, 1, 2, 4, 5)]
        assert all(r["opportunity"] is None and r["opportunityId"] is None for r in rejected)
        for result, (argument, msgid, params) in zip(rejected, expected, strict=True):
            assert result["errors"] == [{"code": "BAD_USER_INPUT", "argument": argument,
                                         "message": message(locale, msgid, argument=argument,
                                                            **params)}]
            if locale != "en":  # translated, not the English msgid
                assert result["errors"][0]["message"] != message("en", msgid, **params)
    # Only the good item was written.
    after = world.snapshot(*ids)
    assert [r["external_id"] for r in after["rows"]] == [ids[3]]
    assert after["counts"]["Opportunity"] == before["counts"]["Opportunity"] + 1


def test_a_batch_names_each_external_id_once_and_keeps_within_the_limit(
        world: SyncWorld) -> None:
    first, blank = unique("twice"), ""
    answered = world.sync([item(first), item(blank), item(first, capacity=2),
                           item("x" * 129)])
    assert outcomes(answered) == ["CREATED", "REJECTED", "REJECTED", "REJECTED"]
    codes = [(r["errors"][0]["code"], r["errors"][0]["argument"])
             for r in answered["results"][1:]]
    assert codes == [("BAD_USER_INPUT", "input.items.1.externalId"),
                     ("BAD_USER_INPUT", "input.items.2.externalId"),
                     ("BAD_USER_INPUT", "input.items.3.externalId")]
    assert answered["results"][2]["errors"][0]["message"] == message(
        "en", msg.DUPLICATE_EXTERNAL_ID, index=0)
    record = world.record(first)
    assert record is not None and record["capacity"] is None  # the first one was written

    limit = world.database.settings.sync_max_batch
    before = world.snapshot()
    over = world.send([item(unique("over")) for _ in range(limit + 1)])
    assert code_of(over) == "BAD_USER_INPUT"
    assert over["errors"][0]["extensions"]["argument"] == "input.items"
    assert over["errors"][0]["message"] == message("en", msg.BATCH_TOO_LARGE, count=limit)
    assert over["data"] is None and world.snapshot() == before


def test_statuses_move_as_the_editors_status_machine_allows(world: SyncWorld) -> None:
    key = unique("moves")
    steps = [("PUBLISHED", "CREATED"), ("CLOSED", "UPDATED"), ("PUBLISHED", "UPDATED"),
             ("DRAFT", "REJECTED"), ("ARCHIVED", "UPDATED")]
    for status, outcome in steps:
        result = world.sync([item(key, status=status)])["results"][0]
        assert result["outcome"] == outcome, (status, result)
        record = world.record(key)
        assert record is not None
        if outcome != "REJECTED":
            assert record["status"] == status
    assert world.audit(result["opportunityId"])[-2][0] == "archive_opportunity"
    # Published again, the record went through the publishing step once more.
    actions = [a for a, _, _ in world.audit(result["opportunityId"])]
    assert actions.count("publish_opportunity") == 2 and "close_opportunity" in actions
    back = world.sync([item(key, status="DRAFT")])["results"][0]
    assert back["errors"][0]["code"] == "CONFLICT"
    assert back["errors"][0]["argument"] == "input.items.0.status"
    assert back["errors"][0]["message"] == message("en", pub_msg.ARCHIVED)
    # The same item as the one that archived it is still UNCHANGED.
    assert world.sync([item(key, status="ARCHIVED")])["results"][0]["outcome"] == "UNCHANGED"
    # A new record cannot arrive closed: it was never published here.
    closed = world.sync([item(unique("moves"), status="CLOSED")])["results"][0]
    assert closed["outcome"] == "REJECTED"
    assert (closed["errors"][0]["code"], closed["errors"][0]["argument"]) == (
        "CONFLICT", "input.items.0.status")


def test_a_retry_with_the_same_client_key_answers_as_the_first_attempt(
        world: SyncWorld) -> None:
    ids = [unique("retry") for _ in range(2)]
    batch = [item(ids[0]), item(ids[1], category="no-such-category")]
    first = world.sync(batch, clientMutationId="batch-2026-12-01")
    assert outcomes(first) == ["CREATED", "REJECTED"]
    before = world.snapshot(*ids)
    again = world.sync(batch, clientMutationId="batch-2026-12-01")
    assert again == first  # CREATED again, not UNCHANGED: the first attempt's answer
    assert world.snapshot(*ids) == before
    # Without the key, the same batch is simply unchanged.
    assert outcomes(world.sync(batch)) == ["UNCHANGED", "REJECTED"]
    # The Idempotency-Key header keys a batch as well.
    keyed = {**world.system(), "Idempotency-Key": "nightly-2026-12-02"}
    fresh = [item(unique("retry"))]
    assert outcomes(world.sync(fresh, keyed)) == ["CREATED"]
    assert outcomes(world.sync(fresh, keyed)) == ["CREATED"]
    assert outcomes(world.sync(fresh)) == ["UNCHANGED"]
    # The same key with another batch is refused for the items it no longer matches.
    other = world.sync([item(ids[0], capacity=4)], clientMutationId="batch-2026-12-01")
    assert other["results"][0]["outcome"] == "REJECTED"
    assert (other["results"][0]["errors"][0]["code"],
            other["results"][0]["errors"][0]["argument"]) == ("CONFLICT", "input.clientMutationId")
    record = world.record(ids[0])
    assert record is not None and record["capacity"] is None


def test_a_batch_cut_off_half_way_converges_when_sent_again(
        world: SyncWorld, monkeypatch: pytest.MonkeyPatch) -> None:
    ids = [unique("cut") for _ in range(3)]
    batch = [item(i, status="PUBLISHED") for i in ids]
    original = SyncOpportunity.apply

    async def dies_on_the_second(self: SyncOpportunity, tx: Tx, plan: Any) -> Any:
        result = await original(self, tx, plan)  # everything written, not yet committed
        if self.item.external_id == ids[1]:
            raise RuntimeError("the process died")
        return result

    monkeypatch.setattr(SyncOpportunity, "apply", dies_on_the_second)
    assert code_of(world.send(batch)) == "INTERNAL_SERVER_ERROR"
    # Each item wholly written or not at all: the first committed, the second rolled back
    # (texts, audit events, webhook deliveries with it), the third never begun.
    written = world.snapshot(*ids)
    assert [r["external_id"] for r in written["rows"]] == [ids[0]]
    assert {t["opportunity_id"] for t in written["texts"]} == {written["rows"][0]["id"]}
    monkeypatch.undo()
    assert outcomes(world.sync(batch)) == ["UNCHANGED", "CREATED", "CREATED"]
    assert outcomes(world.sync(batch)) == ["UNCHANGED"] * 3
