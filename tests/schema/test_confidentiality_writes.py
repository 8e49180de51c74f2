"""Confidentiality where the hub writes, each test on a fresh database of its own: the one
mutation (setNetworkSharing) and its audit event, the audit trail of staff reads of personal
data, and API clients created, used and revoked from the command line."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from sqlalchemy import select
from starlette.testclient import TestClient

from hub.db import models as m
from hub.entry.app import create_app
from hub.entry.cli import main
from hub.ids import encode_id
from tests.conftest import Database, HubClient, prepare
from tests.dbtools import fetch
from tests.principals import TENANT, Cast, cast
from tests.schema.test_confidentiality import tenant_ids


@pytest.fixture(params=["sqlite", "postgresql"])
def writable(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[
        Database, HubClient, Cast]]:
    from sqlalchemy import event

    from tests.conftest import StatementCounter, make_database

    database = make_database(request.param, tmp_path)
    try:
        prepare(database, demo=True)
        app = create_app(database.settings)
        with TestClient(app) as http:
            counter = StatementCounter()
            event.listen(app.state.hub.engine.sync_engine, "before_cursor_execute", counter)
            yield database, HubClient(http, request.param, counter), cast(database)
    finally:
        database.drop()


def audit_events(database: Database) -> list[Any]:
    return fetch(database.settings, select(m.AuditEvent).order_by(m.AuditEvent.id))


def test_set_network_sharing_and_audit(writable: tuple[Database, HubClient, Cast]) -> None:
    database, client, people = writable
    mutation = "mutation($s: Boolean!) { setNetworkSharing(share: $s) { id sharesWithNetwork } }"
    v = encode_id("Volunteer", people.volunteer_ids["V"])
    pool = "{ volunteers(first: 100) { edges { node { id displayName email } } } }"

    def in_pool() -> bool:
        edges = client.data("{ volunteers(first: 100) { edges { node { id } } } }",
                            headers=people.headers["other_staff"])["volunteers"]["edges"]
        return v in [e["node"]["id"] for e in edges]

    assert not in_pool()
    for column in ("anonymous", "admin", "federation", "client"):
        body = client.post(mutation, {"s": True}, people.headers[column])
        assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert audit_events(database) == [], "a refused mutation leaves nothing behind"
    done = client.data(mutation, {"s": True}, people.headers["self"])
    assert done["setNetworkSharing"] == {"id": v, "sharesWithNetwork": True}
    assert in_pool()
    body = client.post(pool, headers=people.headers["other_staff"])
    mine = next(e for e in body["data"]["volunteers"]["edges"] if e["node"]["id"] == v)
    assert mine["node"]["email"] is None and mine["node"]["displayName"]
    events = [e for e in audit_events(database) if e.object_id == v]
    assert [(e.action, e.object_id, e.principal_kind) for e in events] == [
        ("set_network_sharing", v, "VOLUNTEER")], "V's e-mail was denied, so not read"
    # A staff read of personal data is audited once per volunteer, with who and when.
    client.data('query($id: ID!) { volunteer(id: $id) { email fullName phone } }', {"id": v},
                people.headers["coordinator"])
    reads = [e for e in audit_events(database)
             if e.action == "read_personal_data" and e.object_id == v]
    assert len(reads) == 1 and reads[0].object_id == v and reads[0].principal_kind == "STAFF"
    tenant = tenant_ids(database)[TENANT]
    assert reads[0].tenant_id == tenant and reads[0].request_id
    # Volunteers reading their own data are not audited; `audit tail` shows the trail.
    client.data('query($id: ID!) { volunteer(id: $id) { email } }', {"id": v},
                people.headers["self"])
    assert len([e for e in audit_events(database)
                if e.action == "read_personal_data" and e.object_id == v]) == 1
    result = CliRunner().invoke(main, ["audit", "tail", "-n", "100"],
                                env={"HUB_DATABASE_URL": database.settings.database_url})
    assert result.exit_code == 0
    assert "set_network_sharing" in result.output and "read_personal_data" in result.output
    client.data(mutation, {"s": False}, people.headers["self"])
    assert not in_pool()


def test_staff_page_reads_are_audited_with_one_insert(
        writable: tuple[Database, HubClient, Cast]) -> None:
    """A coordinator's page of members: one audit event per volunteer whose full name was
    read, all written by one multi-row INSERT (an executemany is one statement per row on
    asyncpg's wire), inside the request."""
    from sqlalchemy import event

    database, client, people = writable
    writes: list[tuple[str, bool]] = []

    def listener(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any,
                 executemany: bool) -> None:
        if statement.lstrip().upper().startswith("INSERT"):
            writes.append((statement, executemany))

    engine = client.http.app.state.hub.engine
    event.listen(engine.sync_engine, "before_cursor_execute", listener)
    try:
        data = client.data('query($t: String!) { volunteers(first: 50, tenant: $t) { edges {'
                           ' node { id fullName } } } }', {"t": TENANT},
                           people.headers["coordinator"])
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", listener)
    read = {edge["node"]["id"] for edge in data["volunteers"]["edges"]}
    assert len(read) > 5 and all(e["node"]["fullName"] for e in data["volunteers"]["edges"])
    events = [e for e in audit_events(database) if e.action == "read_personal_data"]
    assert {e.object_id for e in events} == read and len(events) == len(read)
    assert [(s.split("(")[0].strip(), many) for s, many in writes] == [
        ("INSERT INTO audit_event", False)]


def test_api_clients_create_use_revoke(writable: tuple[Database, HubClient, Cast]) -> None:
    database, client, _ = writable
    env = {"HUB_DATABASE_URL": database.settings.database_url}
    runner = CliRunner()
    created = runner.invoke(main, ["clients", "create", "--tenant", TENANT, "--name", "News widget",
                                   "--origin", "https://www.example.dz"], env=env)
    assert created.exit_code == 0, created.output
    key = created.stdout.strip().splitlines()[-1]
    assert key.startswith("tw_")
    stored = fetch(database.settings, select(m.ApiClient))
    assert stored and all(key not in (c.digest, c.prefix) for c in stored), "stored hashed"
    query = {"query": "{ viewer { kind tenant { slug } } }"}
    ok = client.http.post("/graphql", json=query,
                          headers={"X-Api-Key": key, "Origin": "https://www.example.dz"})
    assert ok.json()["data"]["viewer"] == {"kind": "CLIENT", "tenant": {"slug": TENANT}}
    elsewhere = client.http.post("/graphql", json=query,
                                 headers={"X-Api-Key": key, "Origin": "https://evil.example"})
    # A key used from a page it was not made for is refused before it runs (hub/entry/cors.py).
    assert elsewhere.status_code == 403
    assert elsewhere.json()["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    listed = runner.invoke(main, ["clients", "list"], env=env)
    assert "News widget" in listed.output and key not in listed.output
    client_id = str(stored[-1].id)
    assert runner.invoke(main, ["clients", "revoke", client_id], env=env).exit_code == 0
    revoked = client.http.post("/graphql", json=query, headers={"X-Api-Key": key})
    assert revoked.status_code == 401
    assert runner.invoke(main, ["clients", "revoke", client_id], env=env).exit_code == 1
