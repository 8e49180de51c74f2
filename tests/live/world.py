"""A hub with live emergency calls running (`with_live`) over a fresh database: volunteers
with skills and places, editors who create and publish emergency opportunities over HTTP,
and websockets that speak graphql-transport-ws, read with a time limit."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import anyio
from sqlalchemy import event, insert, select
from starlette.testclient import TestClient
from starlette.websockets import WebSocketDisconnect

from hub.auth import DevKey, mint_dev_token
from hub.db import models as m
from hub.entry.app import create_app
from hub.entry.live import LiveRuntime, live_of, with_live
from tests.conftest import Database, StatementCounter, make_database, prepare
from tests.dbtools import fetch
from tests.principals import OTHER_TENANT, TENANT

PROTOCOL = "graphql-transport-ws"
CALLS = "subscription { emergencyCalls { id title isEmergency visibility } }"
SKILLS = ("first-aid", "driving", "nursing")
_serial = itertools.count(1)

CREATE = """mutation($input: CreateOpportunityInput!) { createOpportunity(input: $input) {
  id } }"""
PUBLISH = """mutation($input: PublishOpportunityInput!) { publishOpportunity(input: $input) {
  id status isScheduled } }"""
ARCHIVE = """mutation($input: ArchiveOpportunityInput!) { archiveOpportunity(input: $input) {
  id status } }"""


class Closed(Exception):
    """The server closed the websocket."""

    def __init__(self, code: int, reason: str) -> None:
        super().__init__(f"{code} {reason}")
        self.code, self.reason = code, reason


class Socket:
    """One websocket of a test: graphql-transport-ws messages, each read within a time
    limit (Starlette's test session would wait forever)."""

    def __init__(self, session: Any) -> None:
        self.session = session

    def send(self, message: dict[str, Any]) -> None:
        self.session.send_json(message)

    def receive(self, timeout: float = 5.0) -> dict[str, Any]:
        """The next message; `Closed` when the server closed the socket instead."""
        session = self.session

        async def next_message() -> Any:
            with anyio.fail_after(timeout):
                return await session._send_rx.receive()

        message = session.portal.call(next_message)
        if message["type"] == "websocket.close":
            raise Closed(message.get("code", 1000), message.get("reason") or "")
        import json

        found: dict[str, Any] = json.loads(message["text"])
        return found

    def init(self, payload: dict[str, Any] | None) -> dict[str, Any]:
        self.send({"type": "connection_init", "payload": payload or {}})
        return self.receive()

    def subscribe(self, query: str = CALLS, op: str = "1") -> None:
        self.send({"type": "subscribe", "id": op, "payload": {"query": query}})

    def complete(self, op: str = "1") -> None:
        self.send({"type": "complete", "id": op})

    def next_call(self, op: str = "1", timeout: float = 5.0) -> dict[str, Any]:
        """The next `next` message of `op`: its emergency call (data)."""
        message = self.receive(timeout)
        assert message["type"] == "next" and message["id"] == op, message
        assert "errors" not in message["payload"], message
        call: dict[str, Any] = message["payload"]["data"]["emergencyCalls"]
        return call

    def error(self, op: str = "1") -> dict[str, Any]:
        """The `error` message answering `op`: its first error."""
        message = self.receive()
        assert message["type"] == "error" and message["id"] == op, message
        first: dict[str, Any] = message["payload"][0]
        return first


@dataclass
class LiveWorld:
    database: Database
    http: TestClient
    app: Any
    key: DevKey
    tenants: dict[str, int]
    counter: StatementCounter
    published: list[str] = field(default_factory=list)

    @property
    def backend(self) -> str:
        return self.database.backend

    @property
    def runtime(self) -> LiveRuntime:
        runtime = live_of(self.app)
        assert runtime is not None
        return runtime

    # --- principals ------------------------------------------------------------------

    def token(self, *, subject: str, tenant: str | None = None, roles: tuple[str, ...] = (),
              volunteer_id: int | None = None, federation: bool = False,
              ttl_seconds: int = 3600) -> str:
        return mint_dev_token(self.key, subject=subject, tenant=tenant, roles=list(roles),
                              volunteer_id=volunteer_id, federation=federation,
                              ttl_seconds=ttl_seconds)

    def volunteer_token(self, vid: int, ttl_seconds: int = 3600) -> str:
        return self.token(subject=f"volunteer-{vid}", volunteer_id=vid, ttl_seconds=ttl_seconds)

    def editor(self, tenant: str = TENANT) -> dict[str, str]:
        token = self.token(subject=f"editor-{tenant}", tenant=tenant, roles=("editor",))
        return {"Authorization": f"Bearer {token}"}

    # --- records ---------------------------------------------------------------------

    def new_volunteer(self, tenant: str | None = TENANT, *, country: str | None = "DZ",
                      city: str | None = None, skills: tuple[str, ...] = (),
                      locale: str | None = None, languages: tuple[str, ...] = ("ar",)) -> int:
        n = next(_serial)
        now = datetime.now(UTC)
        settings = self.database.settings
        vid = int(fetch(settings, insert(m.Volunteer).values(
            subject=f"test|live-{n}", first_name=f"Live{n}", last_name="Volunteer",
            languages=list(languages), shares_with_network=False, verified_hours=0.0,
            country=country, city=city, locale=locale, created_at=now, updated_at=now,
        ).returning(m.Volunteer.id))[0][0])
        if tenant is not None:
            fetch(settings, insert(m.Membership).values(
                tenant_id=self.tenants[tenant], volunteer_id=vid, joined_at=now,
                status="ACTIVE"))
        if skills:
            fetch(settings, insert(m.VolunteerSkill).values(
                [{"volunteer_id": vid, "skill_code": code} for code in skills]))
        return vid

    def emergency(self, *, tenant: str = TENANT, visibility: str = "PUBLIC",
                  format: str = "REMOTE", country: str | None = None,
                  city: str | None = None, skills: tuple[str, ...] = (),
                  titles: dict[str, str] | None = None, publish_in: float | None = None,
                  is_emergency: bool = True) -> str:
        """A new emergency opportunity of `tenant`, published (now, or in `publish_in`
        seconds) by one of its editors over HTTP; its global id."""
        titles = titles or {"ar": f"نداء {next(_serial)}", "en": "Flood relief"}
        place: dict[str, Any] | None = None
        if country or city:
            place = {"country": country, "city": city}
        fields: dict[str, Any] = {
            "texts": [{"locale": locale, "title": title} for locale, title in titles.items()],
            "format": format, "category": "test-category", "isEmergency": is_emergency,
            "visibility": visibility, "skills": list(skills)}
        if place is not None:
            fields["place"] = place
        headers = self.editor(tenant)
        created = self.ok(CREATE, {"input": fields}, headers)["createOpportunity"]["id"]
        publish: dict[str, Any] = {"id": created}
        if publish_in is not None:
            publish["publishAt"] = (datetime.now(UTC) + timedelta(seconds=publish_in)).isoformat()
        self.ok(PUBLISH, {"input": publish}, headers)
        self.published.append(created)
        return str(created)

    def notified(self, opportunity: str) -> set[int]:
        """The volunteers with an EMERGENCY_CALL notification about `opportunity`."""
        n = m.Notification
        rows = fetch(self.database.settings, select(n.volunteer_id, n.params, n.tenant_id)
                     .where(n.kind == "EMERGENCY_CALL"))
        return {r[0] for r in rows if r[1].get("opportunity") == opportunity}

    # --- the API ---------------------------------------------------------------------

    def ok(self, query: str, variables: dict[str, Any], headers: dict[str, str]
           ) -> dict[str, Any]:
        response = self.http.post("/graphql", json={"query": query, "variables": variables},
                                  headers=headers)
        body: dict[str, Any] = response.json()
        assert response.status_code == 200 and "errors" not in body, body
        result: dict[str, Any] = body["data"]
        return result

    @contextmanager
    def socket(self, headers: dict[str, str] | None = None, path: str = "/graphql"
               ) -> Iterator[Socket]:
        with self.http.websocket_connect(path, subprotocols=[PROTOCOL],
                                         headers=dict(headers or {})) as session:
            yield Socket(session)

    @contextmanager
    def subscriber(self, vid: int, **payload: Any) -> Iterator[Socket]:
        """A websocket of volunteer `vid`, acknowledged and subscribed to emergency calls."""
        with self.socket() as ws:
            ack = ws.init({"Authorization": f"Bearer {self.volunteer_token(vid)}", **payload})
            assert ack == {"type": "connection_ack"}, ack
            ws.subscribe()
            yield ws


def open_live_world(backend: str, folder: Path, **live: Any) -> Iterator[LiveWorld]:
    database = make_database(backend, folder)
    try:
        prepare(database, demo=False)
        settings = database.settings
        fetch(settings, insert(m.Category).values(
            code="test-category", labels={"en": "Test"}, position=0))
        fetch(settings, insert(m.Skill).values(
            [{"code": code, "labels": {"en": code}, "position": i, "active": True}
             for i, code in enumerate(SKILLS)]))
        app = with_live(create_app(settings), **live)
        counter = StatementCounter()
        with TestClient(app) as http:
            event.listen(app.state.hub.engine.sync_engine, "before_cursor_execute", counter)
            tenants = dict(fetch(settings, select(m.Tenant.slug, m.Tenant.id)))
            yield LiveWorld(database, http, app,
                            DevKey.load_or_create(settings.dev_key_file), tenants, counter)
    finally:
        database.drop()


__all__ = ["ARCHIVE", "CALLS", "OTHER_TENANT", "PUBLISH", "TENANT", "Closed", "LiveWorld", "Socket",
           "WebSocketDisconnect", "open_live_world"]
