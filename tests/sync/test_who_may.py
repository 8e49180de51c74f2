"""Who may sync, and where: only API clients with the `sync` scope, always into their own
tenant (the same external id in another tenant is another record, never touched); what a
sync writes reaches readers only as its status and visibility allow, through every road and
in the events it sets going (webhooks of its own tenant only)."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import insert, select

from hub.db import models as m
from hub.i18n.messages import message
from resolvers.sync import messages as msg
from tests.dbtools import fetch
from tests.sync.world import OTHER_TENANT, TENANT, SyncWorld, code_of, item, unique

ROADS = """query($draft: ID!, $tenant: ID!, $network: ID!, $public: ID!) {
  list: opportunities(first: 100) { edges { node { id } } }
  draft: opportunity(id: $draft) { id } draftNode: node(id: $draft) { id }
  tenant: opportunity(id: $tenant) { id } tenantNode: node(id: $tenant) { id }
  network: opportunity(id: $network) { id } networkNode: node(id: $network) { id }
  public: opportunity(id: $public) { id } publicNode: node(id: $public) { id } }"""


def test_only_clients_with_the_sync_scope_may_sync(world: SyncWorld) -> None:
    volunteer = world.new_volunteer()
    callers = {
        "client without sync": world.system(scopes="read"),
        "client with webhooks only": world.system(scopes="read,webhooks"),
        "admin": world.staff("admin"),
        "editor": world.staff("editor"),
        "volunteer": world.volunteer(volunteer),
        "federation": world.bearer(subject="analyst", tenant=None, roles=[],
                                   volunteer_id=None, federation=True),
        "anonymous": {"Accept-Language": "fr"},
    }
    external_id = unique("forbidden")
    before = world.snapshot(external_id)
    for name, headers in callers.items():
        body = world.send([item(external_id)], headers)
        assert code_of(body) == "FORBIDDEN", name
        locale = headers.get("Accept-Language", "en")
        assert body["errors"][0]["message"] == message(locale, msg.SYNC_CLIENTS_ONLY), name
        assert body["data"] is None
    # Refused before the size of the batch is even looked at.
    over = [item(unique("forbidden")) for _ in range(world.database.settings
                                                     .sync_max_batch + 1)]
    assert code_of(world.send(over, callers["client without sync"])) == "FORBIDDEN"
    assert world.snapshot(external_id) == before


def test_a_client_writes_only_its_own_tenant(world: SyncWorld) -> None:
    shared = unique("shared")
    theirs = world.sync([item(shared, status="PUBLISHED", capacity=5)],
                        world.system(OTHER_TENANT))["results"][0]
    assert theirs["outcome"] == "CREATED"
    their_row = world.record(shared, OTHER_TENANT)
    before = world.snapshot(shared)

    # The same external id from tenant A's system: A's own new record; B's untouched.
    ours = world.sync([item(shared, status="DRAFT", capacity=9)])["results"][0]
    assert ours["outcome"] == "CREATED"
    assert ours["opportunityId"] != theirs["opportunityId"]
    assert world.record(shared, OTHER_TENANT) == their_row
    our_row = world.record(shared, TENANT)
    assert our_row is not None and our_row["capacity"] == 9
    assert our_row["tenant_id"] == world.tenants[TENANT]
    after = world.snapshot(shared)
    assert [r for r in after["rows"] if r["tenant_id"] == world.tenants[OTHER_TENANT]] == \
        before["rows"]

    # And again, changed: still only A's record changes.
    again = world.sync([item(shared, status="DRAFT", capacity=10)])["results"][0]
    assert again["outcome"] == "UPDATED" and again["opportunityId"] == ours["opportunityId"]
    assert world.record(shared, OTHER_TENANT) == their_row


def _seen(world: SyncWorld, ids: dict[str, str], headers: dict[str, str]) -> set[str]:
    """The records found through every road (the list, the lookup, `node`); each is found
    through all of them or none."""
    data = world.ok(ROADS, ids, headers)
    listed = {e["node"]["id"] for e in data["list"]["edges"]}
    seen = set()
    for name, key in ids.items():
        roads = (key in listed, data[name] is not None, data[f"{name}Node"] is not None)
        assert len(set(roads)) == 1, (name, roads)
        if roads[0]:
            seen.add(name)
    return seen


def test_synced_records_reach_readers_as_their_status_and_visibility_allow(
        world: SyncWorld) -> None:
    keys = {name: unique(name) for name in ("draft", "tenant", "network", "public")}
    answered = world.sync([
        item(keys["draft"], status="DRAFT"),
        item(keys["tenant"], status="PUBLISHED", visibility="TENANT"),
        item(keys["network"], status="PUBLISHED", visibility="NETWORK"),
        item(keys["public"], status="PUBLISHED", visibility="PUBLIC"),
    ])
    ids = {name: r["opportunityId"] for name, r in zip(keys, answered["results"], strict=True)}
    # The system's own answer holds only what it may read: the public record.
    assert [r["opportunity"] is not None for r in answered["results"]] == \
        [False, False, False, True]
    readers: dict[str, tuple[dict[str, str], set[str]]] = {
        "editor": (world.staff("editor"), {"draft", "tenant", "network", "public"}),
        "viewer": (world.staff("viewer"), {"tenant", "network", "public"}),
        "other staff": (world.staff("admin", OTHER_TENANT), {"network", "public"}),
        "the system itself": (world.system(), {"public"}),
        "another tenant's system": (world.system(OTHER_TENANT), {"public"}),
        "volunteer": (world.volunteer(world.new_volunteer()), {"public"}),
        "anonymous": ({}, {"public"}),
    }
    for reader, (headers, allowed) in readers.items():
        assert _seen(world, ids, headers) == allowed, reader


def _webhook(world: SyncWorld, tenant: str) -> int:
    """A webhook of `tenant`'s system for published opportunities."""
    client = int(world.subject(tenant).split("|")[1])
    return int(fetch(world.database.settings, insert(m.Webhook).values(
        tenant_id=world.tenants[tenant], client_id=client, url="https://example.org/hook",
        events=["OPPORTUNITY_PUBLISHED"], secret="s" * 32, created_at=datetime.now(UTC),
    ).returning(m.Webhook.id))[0][0])


def test_a_sync_sets_events_going_for_its_own_tenant_only(world: SyncWorld) -> None:
    ours, theirs = _webhook(world, TENANT), _webhook(world, OTHER_TENANT)
    answered = world.sync([item(unique("event"), status="PUBLISHED", visibility="TENANT"),
                           item(unique("event"), status="DRAFT")])
    assert [r["outcome"] for r in answered["results"]] == ["CREATED", "CREATED"]
    d = m.WebhookDelivery
    deliveries = fetch(world.database.settings, select(d.webhook_id, d.payload).where(
        d.webhook_id.in_([ours, theirs])))
    # One delivery, for the published record, to the tenant's own webhook.
    assert [row.webhook_id for row in deliveries] == [ours]
    assert deliveries[0].payload["data"]["opportunity"] == answered["results"][0][
        "opportunityId"]
