"""`Subscription.emergencyCalls` over the websocket, on both databases: who receives a call
(matching, confidentiality), in which language, its notification rows; who may subscribe,
the caps, the token's expiry; what the websocket refuses.

"Not received" is checked without waiting on the clock: a call the subscriber must not
get is published first, then one they must get; the next message has to be the second.
"""

from __future__ import annotations

import asyncio
import json
import time
from dataclasses import replace
from typing import Any

import pytest
from sqlalchemy import select
from starlette.testclient import TestClient
from starlette.websockets import WebSocketDisconnect

from hub.auth.dev_tokens import DEV_ISSUER
from hub.config import Settings
from hub.db import models as m
from hub.documents import admin
from hub.entry.app import create_app
from hub.entry.live import with_live
from hub.i18n import messages as hub_msg
from hub.i18n.messages import message
from hub.ids import decode_id
from hub.live import messages as live_msg
from resolvers.live import messages as msg
from tests.dbtools import fetch
from tests.live.world import (
    ARCHIVE,
    CALLS,
    OTHER_TENANT,
    PUBLISH,
    TENANT,
    Closed,
    LiveWorld,
    Socket,
)

TITLES = {"ar": "نداء الفيضان", "fr": "Secours inondations", "en": "Flood relief"}


def codes(error: dict[str, Any]) -> tuple[str, str]:
    return error["extensions"]["code"], error["message"]


def test_a_call_reaches_matching_volunteers_within_a_second_in_their_language(
        world: LiveWorld) -> None:
    by_payload = world.new_volunteer()
    by_choice = world.new_volunteer(locale="en")
    by_default = world.new_volunteer()  # no language asked: the society's (Arabic)
    outsider = world.new_volunteer(OTHER_TENANT, country="EG")  # remote: answerable anywhere
    with world.subscriber(by_payload, lang="fr") as fr, world.subscriber(by_choice) as en, \
            world.subscriber(by_default) as ar, world.subscriber(outsider) as other:
        gid = world.emergency(titles=TITLES)
        committed = time.monotonic()  # the publication's answer: its transaction committed
        first = fr.next_call()
        assert time.monotonic() - committed < 1.0
        assert first == {"id": gid, "title": "Secours inondations", "isEmergency": True,
                         "visibility": "PUBLIC"}
        assert en.next_call()["title"] == "Flood relief"
        assert ar.next_call()["title"] == "نداء الفيضان"
        assert other.next_call()["id"] == gid
    # Notification rows: members of the opportunity's society only (the outsider got the
    # call live, never a row under a society they do not belong to).
    notified = world.notified(gid)
    assert {by_payload, by_choice, by_default} <= notified and outsider not in notified


def test_a_call_reaches_only_the_volunteers_it_matches(world: LiveWorld) -> None:
    setif = world.new_volunteer(country="DZ", city="Sétif", skills=("driving",))
    anywhere_in_dz = world.new_volunteer(country="DZ", skills=("driving",))
    no_country = world.new_volunteer(country=None, skills=("driving",))
    with world.subscriber(setif) as ws:
        abroad = world.emergency(format="ONSITE", country="EG", city="Cairo")
        other_skill = world.emergency(skills=("nursing",))
        other_city = world.emergency(format="ONSITE", country="DZ", city="Oran")
        called = world.emergency(format="ONSITE", country="DZ", city=" sétif ",
                                 skills=("driving", "nursing"))
        assert ws.next_call()["id"] == called
    assert setif not in world.notified(abroad) | world.notified(other_skill) \
        | world.notified(other_city)
    assert {setif, anywhere_in_dz} <= world.notified(called)
    assert anywhere_in_dz in world.notified(other_city)  # no city: called country-wide
    assert no_country not in world.notified(called)  # on site: their country must be known
    hybrid = world.emergency(format="HYBRID", country="EG", city="Cairo")
    assert wait_until(lambda: {setif, no_country} <= world.notified(hybrid))


def test_no_call_reaches_a_volunteer_who_may_not_read_it(world: LiveWorld) -> None:
    """NETWORK and TENANT records are never a volunteer's to read (docs/security.md): their
    calls reach no volunteer, not even the society's own members, live or as a row."""
    member = world.new_volunteer()
    other_member = world.new_volunteer(OTHER_TENANT)
    with world.subscriber(member) as ws, world.subscriber(other_member) as other:
        hidden = [world.emergency(visibility="NETWORK"), world.emergency(visibility="TENANT"),
                  world.emergency(tenant=OTHER_TENANT, visibility="TENANT"),
                  world.emergency(tenant=OTHER_TENANT, visibility="NETWORK"),
                  world.emergency(is_emergency=False)]
        public = world.emergency(tenant=OTHER_TENANT)
        assert ws.next_call()["id"] == public
        assert other.next_call()["id"] == public
    for gid in hidden:
        assert not world.notified(gid), gid
    assert world.notified(public) >= {other_member} and member not in world.notified(public)


def test_a_scheduled_call_goes_out_when_it_is_due_and_once(world: LiveWorld) -> None:
    vid = world.new_volunteer()
    with world.subscriber(vid) as ws:
        published = time.monotonic()
        archived = world.emergency(publish_in=0.4)  # archived before its time: dropped
        world.ok(ARCHIVE, {"input": {"id": archived}}, world.editor())
        scheduled = world.emergency(publish_in=1.0)
        moved = world.emergency(publish_in=300)  # rescheduled to now: sent once, now
        world.ok(PUBLISH, {"input": {"id": moved}}, world.editor())
        assert ws.next_call()["id"] == moved
        assert ws.next_call()["id"] == scheduled  # the archived call's time came before
        assert time.monotonic() - published >= 0.9
    calls: dict[int, list[Any]] = {}
    for opportunity_id, broadcast_at in fetch(world.database.settings, select(
            m.EmergencyCall.opportunity_id, m.EmergencyCall.broadcast_at)):
        calls.setdefault(opportunity_id, []).append(broadcast_at)
    assert decode_id(archived, "Opportunity")[1] not in calls  # dropped
    sent = calls[decode_id(moved, "Opportunity")[1]]
    assert len(sent) == 1 and sent[0] is not None


def test_only_volunteers_subscribe(world: LiveWorld) -> None:
    staff = world.token(subject="coordinator", tenant=TENANT, roles=("coordinator",))
    analyst = world.token(subject="analyst", federation=True)
    unregistered = world.token(subject="new-person")  # signed in, no volunteer record yet
    for token, refusal in ((staff, msg.VOLUNTEERS_ONLY), (analyst, msg.VOLUNTEERS_ONLY),
                           (unregistered, msg.REGISTER_FIRST)):
        with world.socket() as ws:
            assert ws.init({"token": token}) == {"type": "connection_ack"}
            ws.subscribe()
            assert codes(ws.error()) == ("FORBIDDEN", refusal)


@pytest.mark.parametrize("payload", [
    {}, {"Authorization": "Bearer not-a-token"}, {"Authorization": "Basic abc"},
    {"X-Api-Key": "tw_anything"}, {"token": ""}])
def test_a_connection_without_a_valid_token_is_closed(world: LiveWorld,
                                                      payload: dict[str, str]) -> None:
    with world.socket() as ws:
        with pytest.raises(Closed) as closed:
            ws.init(payload)
        assert closed.value.code == 4403
        assert closed.value.reason.startswith("UNAUTHENTICATED: ")


def test_the_socket_closes_when_the_token_expires(world: LiveWorld) -> None:
    vid = world.new_volunteer()
    slots = world.runtime.subscriptions.slots
    with world.socket() as ws:
        assert ws.init({"token": world.volunteer_token(vid, ttl_seconds=2)})["type"] \
            == "connection_ack"
        ws.subscribe()
        started = time.monotonic()
        with pytest.raises(Closed) as closed:
            ws.receive(timeout=4)
        assert closed.value.code == 4403
        assert closed.value.reason == "UNAUTHENTICATED: the token has expired"
        assert time.monotonic() - started <= 2.5
    assert wait_until(lambda: f"{DEV_ISSUER}|volunteer-{vid}" not in slots.by_principal)


def wait_until(condition: Any, timeout: float = 3.0) -> bool:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


def test_subscriptions_are_capped_per_connection_and_per_principal(world: LiveWorld) -> None:
    settings = world.database.settings
    per_connection = settings.max_subscriptions_per_connection
    per_principal = settings.max_subscriptions_per_principal
    vid = world.new_volunteer()
    slots = world.runtime.subscriptions.slots
    token = world.volunteer_token(vid)

    def subscribe_all(ws: Socket, ids: range) -> None:
        for op in ids:
            ws.subscribe(op=str(op))

    with world.socket() as first, world.socket() as second, world.socket() as third:
        for ws in (first, second, third):
            assert ws.init({"token": token, "lang": "fr"})["type"] == "connection_ack"
        subscribe_all(first, range(per_connection))
        assert wait_until(lambda: sum(slots.by_principal.values()) == per_connection)
        first.subscribe(op="over")
        error = first.error(op="over")
        assert codes(error) == ("RATE_LIMITED", message(
            "fr", live_msg.TOO_MANY_ON_CONNECTION, count=per_connection))
        assert error["extensions"]["limit"] == "connection"
        subscribe_all(second, range(per_principal - per_connection))
        assert wait_until(lambda: sum(slots.by_principal.values()) >= per_principal)
        third.subscribe(op="over")
        error = third.error(op="over")
        assert codes(error)[0] == "RATE_LIMITED" and error["extensions"]["limit"] == "principal"
        # Ending one subscription frees its place.
        first.complete(op="0")
        assert wait_until(lambda: sum(slots.by_principal.values()) < per_principal)
        third.subscribe(op="again")
        assert wait_until(lambda: sum(slots.by_principal.values()) == per_principal)
        marker = world.emergency()
        assert third.next_call(op="again")["id"] == marker
    assert wait_until(lambda: not slots.by_principal and not slots.by_connection)


def test_websockets_are_capped_per_address(world: LiveWorld) -> None:
    """HUB_MAX_SOCKETS_PER_ADDRESS (2 here): a third socket from the same address is
    refused at the handshake, even before `connection_init`; closing a socket frees its
    place. (Other addresses keep their own count: tests/hub/entry/test_socket_caps.py.)"""
    settings = replace(world.database.settings, max_sockets_per_address=2)
    token = world.volunteer_token(world.new_volunteer())
    with TestClient(with_live(create_app(settings)), client=("192.0.2.60", 40_000)) as http:
        def connect() -> Any:
            return http.websocket_connect("/graphql", subprotocols=["graphql-transport-ws"])

        with connect(), connect() as second:
            with pytest.raises(WebSocketDisconnect) as refused:
                connect().__enter__()
            assert refused.value.code == 1008
            second.close()  # freed once the server has seen the close: try for 5 s
            deadline = time.monotonic() + 5
            while True:
                try:
                    with connect() as again:
                        assert Socket(again).init({"token": token}) == {
                            "type": "connection_ack"}
                    break
                except WebSocketDisconnect:
                    assert time.monotonic() < deadline, "the closed socket kept its place"
                    time.sleep(0.05)


def test_the_websocket_serves_subscriptions_only(world: LiveWorld) -> None:
    vid = world.new_volunteer()
    with world.socket() as ws:
        # Nothing before connection_init is acknowledged (graphql-transport-ws: 4401).
        ws.subscribe()
        with pytest.raises(Closed) as closed:
            ws.receive()
        assert closed.value.code == 4401
    with world.socket() as ws:
        ws.init({"token": world.volunteer_token(vid)})
        for op, query in (("q", "{ opportunities { edges { node { id } } } }"),
                          ("m", "mutation { setNetworkSharing(share: true) { id } }")):
            ws.subscribe(query, op=op)
            assert codes(ws.error(op)) == ("BAD_USER_INPUT", msg.ONLY_SUBSCRIPTIONS)
        ws.subscribe("subscription { emergencyCalls { nope } }", op="v")
        assert codes(ws.error("v"))[0] == "BAD_USER_INPUT"
        ws.send({"type": "subscribe", "id": "n", "payload": {
            "query": "subscription A { emergencyCalls { id } }", "operationName": "B"}})
        assert codes(ws.error("n")) == ("BAD_USER_INPUT", message(
            "en", hub_msg.UNKNOWN_OPERATION, operation="B"))
    # Over HTTP a subscription is refused, whoever asks.
    body = world.http.post("/graphql", json={"query": CALLS}, headers={
        "Authorization": f"Bearer {world.volunteer_token(vid)}"}).json()
    assert codes(body["errors"][0]) == ("BAD_USER_INPUT", msg.SUBSCRIPTIONS_OVER_WEBSOCKET)


def test_a_delivery_costs_the_same_statements_whatever_the_subscribers_and_page(
        world: LiveWorld) -> None:
    """Each delivery runs the subscriber's own few statements (the opportunity through its
    scope, its skills, the match, then the selection's loaders), the same for every call:
    nothing grows with the number of subscribers' deliveries before it."""
    vid = world.new_volunteer(skills=("first-aid",))
    query = "subscription { emergencyCalls { id title skills { code } tenant { slug } } }"
    counts = []
    with world.subscriber(vid) as ws:
        ws.complete()
        ws.subscribe(query, op="2")
        for _ in range(3):
            world.counter.statements.clear()
            gid = world.emergency(skills=("first-aid",))
            assert ws.next_call(op="2")["id"] == gid
            counts.append(world.counter.count)
    assert counts[0] == counts[1] == counts[2], counts


def test_in_production_a_browser_connects_from_an_allowed_origin_only(
        world: LiveWorld, tmp_path: Any) -> None:
    jwks = tmp_path / "jwks.json"
    jwks.write_text('{"keys": []}', encoding="utf-8")
    settings = Settings.from_env({
        "HUB_DATABASE_URL": world.database.settings.database_url, "HUB_MODE": "production",
        "HUB_DEV_KEY_FILE": str(tmp_path / "dev-key.json"),
        "HUB_CORS_ORIGINS": "https://society.example",
        "HUB_OIDC_ISSUERS": ('[{"issuer": "https://id.example.org", "audience": "hub", '
                             f'"jwks_file": "{jwks}"}}]')})
    with TestClient(with_live(create_app(settings))) as http:
        with pytest.raises(WebSocketDisconnect) as refused:
            http.websocket_connect("/graphql", subprotocols=["graphql-transport-ws"],
                                   headers={"Origin": "https://evil.example"}).__enter__()
        assert refused.value.code == 1008
        with http.websocket_connect("/graphql", subprotocols=["graphql-transport-ws"],
                                    headers={"Origin": "https://society.example"}) as session:
            with pytest.raises(Closed) as closed:
                Socket(session).init({})
            assert closed.value.reason.startswith("UNAUTHENTICATED")


def test_with_trusted_documents_only_a_volunteer_subscribes_by_id(world: LiveWorld,
                                                                  tmp_path: Any) -> None:
    manifest = tmp_path / "persisted_queries.json"
    manifest.write_text(json.dumps({"emergency-calls-v1": CALLS}), encoding="utf-8")
    asyncio.run(admin.push_file(world.database.settings, manifest, None, lambda _body: None))
    only = replace(world.database.settings, trusted_documents="only")
    vid = world.new_volunteer()
    app = with_live(create_app(only))
    with TestClient(app) as http, http.websocket_connect(
            "/graphql", subprotocols=["graphql-transport-ws"]) as session:
        ws = Socket(session)
        assert ws.init({"token": world.volunteer_token(vid)})["type"] == "connection_ack"
        ws.subscribe(op="adhoc")
        assert codes(ws.error("adhoc"))[0] == "TRUSTED_DOCUMENTS_ONLY"
        ws.send({"type": "subscribe", "id": "by-id",
                 "payload": {"documentId": "emergency-calls-v1"}})
        slots = app.state.live.subscriptions.slots
        assert wait_until(lambda: f"{DEV_ISSUER}|volunteer-{vid}" in slots.by_principal)
        ws.send({"type": "subscribe", "id": "unknown", "payload": {"documentId": "nope"}})
        assert codes(ws.error("unknown"))[0] == "PERSISTED_QUERY_NOT_FOUND"


def test_what_a_subscriber_receives_keeps_the_field_policies_of_queries(
        world: LiveWorld) -> None:
    """A field only the society's staff may see is null with a FORBIDDEN error at its path,
    in the subscriber's language, as in a query; the rest of the call arrives."""
    vid = world.new_volunteer()
    query = "subscription { emergencyCalls { id applicationsCount contact { name } } }"
    with world.socket() as ws:
        ws.init({"token": world.volunteer_token(vid), "lang": "fr"})
        ws.subscribe(query)
        gid = world.emergency()
        answer = ws.receive()
        assert answer["type"] == "next", answer
        payload = answer["payload"]
        assert payload["data"]["emergencyCalls"] == {"id": gid, "applicationsCount": None,
                                                     "contact": None}
        [error] = payload["errors"]
        assert error["path"] == ["emergencyCalls", "applicationsCount"]
        french = message("fr", hub_msg.OWNING_TENANT_STAFF_ONLY)
        assert codes(error) == ("FORBIDDEN", french) and french != message(
            "en", hub_msg.OWNING_TENANT_STAFF_ONLY)
