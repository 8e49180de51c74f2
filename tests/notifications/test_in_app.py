"""Volunteer.notifications and markNotificationsRead through the API, on SQLite and
PostgreSQL (row security): the volunteer's own only, rendered in the served language."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, select
from starlette.testclient import TestClient

from hub.db import models as m
from hub.entry.app import create_app
from hub.ids import encode_id
from resolvers.notifications.outbox import NotificationKind
from tests.conftest import HubClient, StatementCounter
from tests.dbtools import fetch
from tests.notifications.world import TENANT, World, build_world

LIST = """query($id: ID!, $first: Int, $after: String, $unread: Boolean! = false) {
  volunteer(id: $id) { notifications(first: $first, after: $after, unreadOnly: $unread) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id kind title text read readAt createdAt } } } } }"""
MARK = """mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) { marked unreadCount } }"""


@pytest.fixture(params=["sqlite", "postgresql"])
def api(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[World, HubClient]]:
    for world in build_world(request.param, tmp_path):
        app = create_app(world.database.settings)
        with TestClient(app) as http:
            counter = StatementCounter()
            event.listen(app.state.hub.engine.sync_engine, "before_cursor_execute", counter)
            yield world, HubClient(http, request.param, counter)


def listing(client: HubClient, world: World, who: str, name: str = "sara",
            lang: str = "en", **variables: Any) -> dict[str, Any]:
    body = client.post(LIST, {"id": encode_id("Volunteer", world.volunteers[name]), **variables},
                       {**world.headers(who), "Accept-Language": lang})
    return body


def test_the_volunteer_reads_their_notifications(api: tuple[World, HubClient]) -> None:
    world, client = api
    app = encode_id("Application", world.applications["sara"])
    first = world.accepted("sara")
    second = world.notify("sara", NotificationKind.APPLICATION_REJECTED, application=app,
                          reason="SCHEDULE", note="Maybe in March.")
    world.accepted("amina")  # someone else's
    body = listing(client, world, "sara")
    assert "errors" not in body, body
    page = body["data"]["volunteer"]["notifications"]
    assert page["totalCount"] == 2
    nodes = [e["node"] for e in page["edges"]]
    assert [n["id"] for n in nodes] == [encode_id("Notification", second),
                                        encode_id("Notification", first)], "newest first"
    assert nodes[0]["kind"] == "APPLICATION_REJECTED"
    assert nodes[0]["title"] == "Your application was not accepted"
    assert nodes[0]["text"] == ("Your application to “Blood donation drive” was not accepted."
                                "\nReason: The dates do not fit.\nNote from the organizers: "
                                "Maybe in March.")
    assert nodes[1]["read"] is False and nodes[1]["readAt"] is None and nodes[1]["createdAt"]
    # The opportunity's title follows the served language (its translation rows).
    french = listing(client, world, "sara", lang="fr")["data"]["volunteer"]["notifications"]
    assert "Collecte de sang" in french["edges"][1]["node"]["text"]
    # Paging, and the unread filter.
    one = listing(client, world, "sara", first=1)["data"]["volunteer"]["notifications"]
    assert one["pageInfo"]["hasNextPage"] and len(one["edges"]) == 1
    rest = listing(client, world, "sara", first=5, after=one["pageInfo"]["endCursor"])
    assert [e["node"]["id"] for e in rest["data"]["volunteer"]["notifications"]["edges"]] == [
        encode_id("Notification", first)]


def test_statements_do_not_grow_with_the_page(api: tuple[World, HubClient]) -> None:
    world, client = api
    for _ in range(12):
        world.accepted("sara")
    world.notify("sara", NotificationKind.INQUIRY_CLOSED)  # about nothing it can name
    variables = {"id": encode_id("Volunteer", world.volunteers["sara"])}

    def count(first: int) -> int:
        client.counter.statements.clear()
        body = client.http.post("/graphql", json={"query": LIST, "variables": {
            **variables, "first": first}}, headers=world.headers("sara")).json()
        assert "errors" not in body, body
        return client.counter.count

    small, large = count(2), count(13)
    # The principal (volunteer, memberships), the volunteer, the page, its count, the
    # applications named, the opportunities' titles: one each, whatever the page's size
    # (no inquiry statement: no notification names an inquiry).
    assert small == large, (small, large)
    assert large == 7 + client.prelude, [s.split()[:4] for s in client.counter.statements]


@pytest.mark.parametrize("who", ["amina", f"staff:{TENANT}:coordinator",
                                 f"staff:{TENANT}:admin", "staff:eg-crescent:admin"])
def test_nobody_else_reads_them(api: tuple[World, HubClient], who: str) -> None:
    world, client = api
    world.accepted("sara")
    body = listing(client, world, who)
    volunteer = body["data"]["volunteer"]
    if volunteer is not None:  # staff of the tenant reach Sara, not her notifications
        assert volunteer["notifications"] is None
        assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
        assert body["errors"][0]["path"] == ["volunteer", "notifications"]
    anonymous = client.post(LIST, {"id": encode_id("Volunteer", world.volunteers["sara"])})
    assert anonymous["data"]["volunteer"] is None


def test_marking_read_is_idempotent_and_only_ones_own(api: tuple[World, HubClient]) -> None:
    world, client = api
    a, b, c = (world.accepted("sara") for _ in range(3))
    theirs = world.accepted("amina")
    ids = [encode_id("Notification", a), encode_id("Notification", b)]
    client.counter.statements.clear()
    done = client.data(MARK, {"ids": ids}, world.headers("sara"))["markNotificationsRead"]
    # The principal (2), the notifications named (1), then in the transaction: UPDATE, the
    # unread count, the audit event (on PostgreSQL after the row-security settings).
    assert [s.split()[0] for s in client.counter.statements].count("UPDATE") == 1
    assert client.counter.count == 6 + client.prelude, client.counter.statements
    assert done == {"marked": 2, "unreadCount": 1}
    read_at = {n: world.rows()[n].read_at for n in (a, b)}
    assert all(read_at.values()) and world.rows()[c].read_at is None
    again = client.data(MARK, {"ids": ids}, world.headers("sara"))["markNotificationsRead"]
    assert again == {"marked": 0, "unreadCount": 1}
    assert {n: world.rows()[n].read_at for n in (a, b)} == read_at, "the first reading stays"
    unread = listing(client, world, "sara", unread=True)["data"]["volunteer"]["notifications"]
    assert [e["node"]["id"] for e in unread["edges"]] == [encode_id("Notification", c)]
    # Someone else's notification: not found, and nothing at all is marked.
    refused = client.post(MARK, {"ids": [encode_id("Notification", c),
                                         encode_id("Notification", theirs)]},
                          world.headers("sara"))
    assert refused["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    assert world.rows()[c].read_at is None and world.rows()[theirs].read_at is None
    for who in (f"staff:{TENANT}:admin",):
        body = client.post(MARK, {"ids": [encode_id("Notification", theirs)]},
                           world.headers(who))
        assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert client.post(MARK, {"ids": None})["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    bad = client.post(MARK, {"ids": ["nonsense"]}, world.headers("sara"))
    assert bad["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    # No ids: all of one's own; Amina's stays unread.
    everything = client.data(MARK, {}, world.headers("sara"))["markNotificationsRead"]
    assert everything == {"marked": 1, "unreadCount": 0}
    assert world.rows()[theirs].read_at is None
    events = fetch(world.database.settings, select(m.AuditEvent.action, m.AuditEvent.object_id)
                   .where(m.AuditEvent.action == "mark_notifications_read"))
    assert len(events) == 3 and {e.object_id for e in events} == {
        encode_id("Volunteer", world.volunteers["sara"])}
