"""The three events, queued by the writes that make them (apply, verify hours, publish), on
SQLite and PostgreSQL: each reaches the webhooks of its own tenant registered for it, and
nothing of one tenant reaches another tenant's client; the bodies carry ids and codes, never
a person's data; a scheduled publication is delivered once live, and not at all if it was
rescheduled, archived or closed meanwhile; a revoked client's deliveries are cancelled."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select, update

from hub.db import models as m
from hub.db.types import utcnow
from resolvers.webhooks.outbox import iso
from tests.applications.world import gid
from tests.dbtools import fetch
from tests.webhooks.receiver import Receiver, receiving
from tests.webhooks.world import ARCHIVE, OTHER_TENANT, TENANT, WebhookWorld

CLOSE = """mutation($input: CloseOpportunityInput!) { closeOpportunity(input: $input) {
             id status } }"""


def bodies(receiver: Receiver) -> list[dict[str, Any]]:
    return sorted((json.loads(r.body) for r in receiver.received), key=lambda b: b["type"])


def draft(world: WebhookWorld, *, tenant: str = TENANT, visibility: str = "PUBLIC") -> int:
    key = world.base.new_opportunity(status="DRAFT", tenant=tenant)
    fetch(world.base.database.settings, update(m.Opportunity).where(
        m.Opportunity.id == key).values(visibility=visibility, published_at=None))
    return key


def test_events_reach_their_own_tenants_webhooks_only(world: WebhookWorld) -> None:
    with receiving() as ours, receiving() as hours_only, receiving() as theirs:
        world.register(world.client("crm"), ours.url)
        world.register(world.client("payroll"), hours_only.url, ["HOURS_VERIFIED"])
        other = world.register(world.client("other-crm", tenant=OTHER_TENANT), theirs.url)
        # In T: an application, verified hours, a TENANT-only opportunity published.
        vid, oid, application = world.applied()
        entry = world.verified(vid, application)
        private = draft(world, visibility="TENANT")
        published = world.publish(private)
        report = world.deliver()
        assert (report.claimed, report.delivered) == (4, 4), report
        assert world.deliveries(other["webhook"]["id"]) == [], "nothing queued for them"
        assert theirs.received == []
        # In the other tenant: only its own client hears of it.
        _, other_oid, other_application = world.applied(tenant=OTHER_TENANT)
        assert world.deliver().delivered == 1
        volunteer = fetch(world.base.database.settings, select(
            m.Volunteer.first_name, m.Volunteer.last_name, m.Volunteer.subject).where(
            m.Volunteer.id == vid))[0]
    got = bodies(ours)
    assert [b["type"] for b in got] == ["APPLICATION_RECEIVED", "HOURS_VERIFIED",
                                        "OPPORTUNITY_PUBLISHED"]
    assert {b["tenant"] for b in got} == {TENANT}
    assert [b["data"] for b in got] == [
        {"application": application, "opportunity": gid("Opportunity", oid),
         "status": "ACCEPTED"},
        {"entries": [entry]},
        {"opportunity": gid("Opportunity", private), "publishedAt": iso(
            datetime.fromisoformat(published["publishedAt"]))}]
    assert len({b["id"] for b in got}) == 3
    assert [b["type"] for b in bodies(hours_only)] == ["HOURS_VERIFIED"]
    assert bodies(hours_only)[0]["id"] == got[1]["id"], "one event, the same id everywhere"
    [their] = bodies(theirs)
    assert their["tenant"] == OTHER_TENANT and their["data"] == {
        "application": other_application, "opportunity": gid("Opportunity", other_oid),
        "status": "ACCEPTED"}
    # Ids and codes only: no name, no subject, no e-mail of the volunteer.
    raw = b"".join(r.body for r in (*ours.received, *hours_only.received, *theirs.received))
    for personal in (*volunteer, "@", gid("Volunteer", vid)):
        assert personal.encode() not in raw, personal


def test_a_scheduled_publication_is_delivered_once_live_and_only_then(
        world: WebhookWorld) -> None:
    start = utcnow().replace(microsecond=0)
    hour = timedelta(hours=1)
    with receiving() as receiver:
        webhook = world.register(world.client("crm"), receiver.url,
                                 ["OPPORTUNITY_PUBLISHED"])["webhook"]
        live, moved, archived, closed = (draft(world) for _ in range(4))
        for key in (live, moved, archived, closed):
            world.publish(key, at=start + hour)
        world.publish(moved, at=start + 2 * hour)  # rescheduled: a delivery of its own
        world.base.ok(ARCHIVE, {"input": {"id": gid("Opportunity", archived)}},
                      world.base.staff("editor"))
        world.base.ok(CLOSE, {"input": {"id": gid("Opportunity", closed)}},
                      world.base.staff("editor"))
        assert world.deliver().claimed == 0, "not before it is live"
        report = world.deliver(now=start + hour + timedelta(seconds=1))
        assert (report.claimed, report.delivered, report.cancelled) == (4, 1, 3), report
        [first] = bodies(receiver)
        report = world.deliver(now=start + 2 * hour + timedelta(seconds=1))
        assert (report.claimed, report.delivered) == (1, 1), report
        second = json.loads(receiver.received[-1].body)
    assert first["data"] == {"opportunity": gid("Opportunity", live),
                             "publishedAt": iso(start + hour)}
    assert first["occurredAt"] == iso(start + hour)
    assert second["data"] == {"opportunity": gid("Opportunity", moved),
                              "publishedAt": iso(start + 2 * hour)}
    rows = world.deliveries(webhook["id"])
    assert sum(r.delivered_at is not None for r in rows) == 2
    cancelled = [r for r in rows if r.failed_at is not None]
    assert len(cancelled) == 3 and all(r.last_error.startswith(
        "cancelled: the scheduled publication did not happen") for r in cancelled)
    assert all(r.attempts == 1 for r in rows)


def test_an_opportunity_published_now_is_delivered_at_once(world: WebhookWorld) -> None:
    with receiving() as receiver:
        world.register(world.client("crm"), receiver.url, ["OPPORTUNITY_PUBLISHED"])
        key = draft(world)
        published = world.publish(key)
        # Archived right after: the publication happened; its delivery still goes.
        world.base.ok(ARCHIVE, {"input": {"id": gid("Opportunity", key)}},
                      world.base.staff("editor"))
        assert world.deliver().delivered == 1
    [body] = bodies(receiver)
    moment = datetime.fromisoformat(published["publishedAt"]).astimezone(UTC)
    assert body["data"]["publishedAt"] == iso(moment)


def test_a_revoked_clients_deliveries_are_cancelled(world: WebhookWorld) -> None:
    with receiving() as receiver:
        webhook = world.register(world.client("soon-revoked"), receiver.url)["webhook"]
        world.applied()
        fetch(world.base.database.settings, update(m.ApiClient).where(
            m.ApiClient.id == world.client_id("soon-revoked")).values(revoked_at=utcnow()))
        world.applied()  # after the revocation: nothing queued
        report = world.deliver()
    assert (report.claimed, report.cancelled, receiver.received) == (1, 1, [])
    [row] = world.deliveries(webhook["id"])
    assert row.last_error == "cancelled: the API client's key was revoked"
