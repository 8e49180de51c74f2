"""Confidentiality beyond the field matrix: visibility and status of records per principal
(lists, lookups, node, counts, filters), the volunteer pool, tokens and row-level security.
(The one mutation, audit events and API clients, on databases of their own:
test_confidentiality_writes.py.)"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select, text
from starlette.testclient import TestClient

from hub.auth import DevKey, mint_dev_token
from hub.config import Settings
from hub.db import models as m
from hub.db.engine import make_engine, make_sessionmaker
from hub.entry.app import create_app
from hub.entry.cli import main
from hub.errors import ConfigurationError
from hub.ids import decode_id, encode_id
from tests.conftest import Database, HubClient
from tests.dbtools import fetch
from tests.principals import OTHER_TENANT, TENANT, Cast, cast

IDS = """query($first: Int, $after: String, $filter: OpportunityFilter) {
  opportunities(first: $first, after: $after, filter: $filter) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }"""


@pytest.fixture(scope="module")
def people(backend: Database) -> Cast:
    return cast(backend)


def tenant_ids(database: Database) -> dict[str, int]:
    return {r.slug: r.id for r in fetch(database.settings, select(m.Tenant.slug, m.Tenant.id))}


def expected_visible(column: str, row: Any, ids: dict[str, int]) -> bool:
    """The visibility table of docs/security.md, written out independently of hub/access.py."""
    public = row.visibility == "PUBLIC" and row.status == "PUBLISHED"
    if column in ("anonymous", "self", "other_volunteer", "client"):
        return public
    own = {"admin": TENANT, "coordinator": TENANT, "editor": TENANT, "viewer": TENANT,
           "other_staff": OTHER_TENANT, "federation": "arco"}[column]
    if row.tenant_id == ids[own]:
        if row.status == "DRAFT":
            return column in ("admin", "coordinator", "editor")
        return True
    return public or (row.visibility == "NETWORK" and row.status == "PUBLISHED")


def walk(client: HubClient, headers: dict[str, str], flt: dict[str, Any] | None = None
         ) -> tuple[list[int], int]:
    ids: list[int] = []
    after, total = None, -1
    while True:
        page = client.data(IDS, {"first": 100, "after": after, "filter": flt},
                           headers)["opportunities"]
        total = page["totalCount"]
        ids += [decode_id(e["node"]["id"])[1] for e in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            return ids, total
        after = page["pageInfo"]["endCursor"]


COLUMNS = ("anonymous", "self", "other_volunteer", "admin", "coordinator", "editor", "viewer",
           "other_staff", "federation", "client")


@pytest.mark.parametrize("column", COLUMNS)
def test_records_by_visibility_and_status(client: HubClient, backend: Database, people: Cast,
                                          column: str) -> None:
    ids = tenant_ids(backend)
    o = m.Opportunity
    rows = fetch(backend.settings, select(o.id, o.tenant_id, o.visibility, o.status, o.format)
                 .order_by(o.id.desc()))
    assert {r.visibility for r in rows} == {"PUBLIC", "NETWORK", "TENANT"}
    assert {"DRAFT", "PUBLISHED", "CLOSED"} <= {r.status for r in rows}
    headers = people.headers[column]
    want = [r.id for r in rows if expected_visible(column, r, ids)]
    seen, total = walk(client, headers)
    assert seen == want
    assert total == len(want)
    # filters and counts hide the same rows: per format, per tenant
    for fmt in ("ONSITE", "REMOTE", "HYBRID"):
        seen, total = walk(client, headers, {"formats": [fmt]})
        assert seen == [r.id for r in rows if expected_visible(column, r, ids)
                        and r.format == fmt]
        assert total == len(seen)
    # single lookups and node agree with the list, hidden rows answer null
    single = "query($id: ID!) { opportunity(id: $id) { id } node(id: $id) { id } }"
    for r in rows:
        gid = encode_id("Opportunity", r.id)
        data = client.data(single, {"id": gid}, headers)
        visible = expected_visible(column, r, ids)
        assert (data["opportunity"] is not None) == visible, (column, r)
        assert (data["node"] is not None) == visible, (column, r)


def test_tenant_lists_and_counts_follow_the_same_rule(
        client: HubClient, backend: Database, people: Cast) -> None:
    ids = tenant_ids(backend)
    o = m.Opportunity
    rows = fetch(backend.settings, select(o.id, o.tenant_id, o.visibility, o.status))
    query = """{ tenants { slug opportunities(first: 100) { totalCount edges { node { id } } } } }"""
    for column in ("anonymous", "viewer", "editor", "other_staff"):
        data = client.data(query, headers=people.headers[column])
        for tenant in data["tenants"]:
            want = sorted(r.id for r in rows if r.tenant_id == ids[tenant["slug"]]
                          and expected_visible(column, r, ids))
            got = sorted(decode_id(e["node"]["id"])[1]
                         for e in tenant["opportunities"]["edges"])
            assert got == want, (column, tenant["slug"])
            assert tenant["opportunities"]["totalCount"] == len(want)


def test_news_and_events_hide_non_public_records(
        client: HubClient, backend: Database, people: Cast) -> None:
    ids = tenant_ids(backend)
    for model, root, key in ((m.NewsItem, "news", "NewsItem"), (m.Event, "events", "Event")):
        rows = fetch(backend.settings, select(model.id, model.tenant_id, model.visibility,
                                              model.status))
        assert any(r.visibility != "PUBLIC" for r in rows), f"demo needs hidden {root}"
        for column in ("anonymous", "admin", "other_staff"):
            data = client.data("{ %s(first: 100) { totalCount edges { node { id } } } }" % root,
                               headers=people.headers[column])[root]
            want = sorted(r.id for r in rows if expected_visible(column, r, ids))
            assert sorted(decode_id(e["node"]["id"])[1] for e in data["edges"]) == want
            assert data["totalCount"] == len(want)
            for r in rows:
                node = client.data("query($id: ID!) { node(id: $id) { id } }",
                                   {"id": encode_id(key, r.id)}, people.headers[column])
                assert (node["node"] is not None) == expected_visible(column, r, ids)


def test_volunteer_pool_and_lists(client: HubClient, backend: Database, people: Cast) -> None:
    ids = tenant_ids(backend)
    v = m.Volunteer
    members = {r.volunteer_id for r in fetch(backend.settings, select(
        m.Membership.volunteer_id).where(m.Membership.tenant_id == ids[TENANT]))}
    sharing = {r.id for r in fetch(backend.settings, select(v.id).where(
        v.shares_with_network.is_(True)))}
    query = "{ volunteers(first: 100) { totalCount edges { node { id } } } }"
    for column, want in (("viewer", members | sharing), ("other_staff", sharing | {
            r.volunteer_id for r in fetch(backend.settings, select(m.Membership.volunteer_id)
                                          .where(m.Membership.tenant_id == ids[OTHER_TENANT]))})):
        data = client.data(query, headers=people.headers[column])["volunteers"]
        assert {decode_id(e["node"]["id"])[1] for e in data["edges"]} == want
        assert data["totalCount"] == len(want)
    for column in ("anonymous", "self", "federation", "client"):
        body = client.post(query, headers=people.headers[column])
        assert body["data"] == {"volunteers": None}
        assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    # A name search finds own members only: names of pool volunteers are personal data.
    name = fetch(backend.settings, select(v.last_name).where(v.id == people.volunteer_ids["W"]))
    search = '{ volunteers(search: "%s") { edges { node { id } } } }' % name[0].last_name
    w = encode_id("Volunteer", people.volunteer_ids["W"])
    found = client.data(search, headers=people.headers["viewer"])["volunteers"]["edges"]
    assert w in [e["node"]["id"] for e in found]
    found = client.data(search, headers=people.headers["other_staff"])["volunteers"]["edges"]
    assert w not in [e["node"]["id"] for e in found]
    # Filtering by another tenant's membership is refused, not silently answered.
    body = client.post('{ volunteers(tenant: "%s") { totalCount } }' % TENANT,
                       headers=people.headers["other_staff"])
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"


def test_viewer_describes_each_principal(client: HubClient, people: Cast) -> None:
    query = "{ viewer { kind roles tenant { slug } volunteer { id } } }"
    expect = {"anonymous": ("ANONYMOUS", [], None), "self": ("VOLUNTEER", [], None),
              "coordinator": ("STAFF", ["coordinator"], TENANT),
              "federation": ("FEDERATION", ["analyst"], "arco"),
              "client": ("CLIENT", [], TENANT)}
    for column, (kind, roles, tenant) in expect.items():
        viewer = client.data(query, headers=people.headers[column])["viewer"]
        assert (viewer["kind"], viewer["roles"]) == (kind, roles)
        assert (viewer["tenant"] or {}).get("slug") == tenant
    me = client.data(query, headers=people.headers["self"])["viewer"]["volunteer"]
    assert me == {"id": encode_id("Volunteer", people.volunteer_ids["V"])}


@pytest.mark.parametrize("header", [
    "Bearer not-a-token", "Bearer a.b.c", "Basic dXNlcjpwYXNz", "Bearer ",
    # alg none, unsigned
    "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4IiwiaXNzIjoidGF0YXd3dS1kZXYifQ.",
])
def test_bad_credentials_are_unauthenticated(client: HubClient, header: str) -> None:
    response = client.http.post("/graphql", json={"query": "{ viewer { kind } }"},
                                headers={"Authorization": header})
    assert response.status_code == 401
    assert response.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    bad_key = client.http.post("/graphql", json={"query": "{ viewer { kind } }"},
                               headers={"X-Api-Key": "tw_nope"})
    assert bad_key.status_code == 401


def test_tampered_and_foreign_tokens(client: HubClient, backend: Database,
                                     tmp_path: Path) -> None:
    key = DevKey.load_or_create(backend.settings.dev_key_file)
    token = mint_dev_token(key, subject="s", tenant=TENANT, roles=["admin"], volunteer_id=None,
                           federation=False)
    head, payload, signature = token.split(".")
    tampered = f"{head}.{payload[:-4]}AAAA.{signature}"
    foreign = mint_dev_token(DevKey.load_or_create(tmp_path / "other-key.json"), subject="s",
                             tenant=TENANT, roles=["admin"], volunteer_id=None, federation=False)
    # (expired, not-yet-valid, wrong audience and issuer: tests/hub/auth/test_auth_tokens.py, which
    # controls the clock; here, what reaches the endpoint)
    for bad in (tampered, foreign, f"{token}x"):
        response = client.http.post("/graphql", json={"query": "{ viewer { kind } }"},
                                    headers={"Authorization": f"Bearer {bad}"})
        assert response.status_code == 401, bad
        assert "data" not in response.json()
    good = client.http.post("/graphql", json={"query": "{ viewer { kind } }"},
                            headers={"Authorization": f"Bearer {token}"})
    assert good.json()["data"] == {"viewer": {"kind": "STAFF"}}


def test_production_mode_refuses_dev_tokens_and_needs_an_issuer(
        backend: Database, tmp_path: Path) -> None:
    env = {"HUB_DATABASE_URL": backend.settings.database_url, "HUB_MODE": "production",
           "HUB_DEV_KEY_FILE": str(backend.settings.dev_key_file)}
    with pytest.raises(ConfigurationError, match="HUB_OIDC_ISSUERS"):
        create_app(Settings.from_env(env))
    result = CliRunner().invoke(main, ["token", "--federation"], env=env)
    assert result.exit_code == 2 and "production" in result.output
    jwks = tmp_path / "jwks.json"
    jwks.write_text('{"keys": []}', encoding="utf-8")
    env["HUB_OIDC_ISSUERS"] = (
        f'[{{"issuer": "https://id.example.org", "audience": "hub", "jwks_file": "{jwks}"}}]')
    key = DevKey.load_or_create(backend.settings.dev_key_file)
    token = mint_dev_token(key, subject="s", tenant=None, roles=[], volunteer_id=None,
                           federation=True)
    with TestClient(create_app(Settings.from_env(env))) as http:
        response = http.post("/graphql", json={"query": "{ viewer { kind } }"},
                             headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 401
        ide = http.get("/graphql", headers={"Accept": "text/html"})
        assert "graphiql" not in ide.text.lower()


@pytest.mark.postgresql_only
def test_unscoped_query_in_a_request_transaction_sees_no_private_rows(
        backend: Database, people: Cast) -> None:
    """Row-level security (PostgreSQL): a query that forgets its scope, run inside the
    request transaction of staff of another tenant, still gets only what they may read."""
    from hub.access import Principal, PrincipalKind, read_scope
    from hub.row_security import prelude

    ids = tenant_ids(backend)

    async def run() -> dict[str, Any]:
        engine = make_engine(backend.settings.database_url)
        try:
            async with make_sessionmaker(engine)() as session:
                staff = Principal(kind=PrincipalKind.STAFF, tenant_id=ids[OTHER_TENANT],
                                  roles=frozenset({"admin"}))
                await session.execute(prelude(read_scope(staff, frozenset())))
                out = {
                    "opportunity": (await session.execute(text(
                        "SELECT tenant_id, visibility, status FROM opportunity"))).all(),
                    "volunteer": (await session.execute(text(
                        "SELECT id, shares_with_network FROM volunteer"))).all(),
                    "application": (await session.execute(text(
                        "SELECT tenant_id FROM application"))).all(),
                    "translations": (await session.execute(text(
                        "SELECT t.opportunity_id FROM opportunity_translation t"))).all(),
                    "audit": (await session.execute(text(
                        "SELECT count(*) FROM audit_event"))).scalar(),
                }
                await session.rollback()
                return out
        finally:
            await engine.dispose()

    seen = asyncio.run(run())
    own = ids[OTHER_TENANT]
    assert seen["opportunity"], "public rows stay readable"
    for tenant_id, visibility, status in seen["opportunity"]:
        assert tenant_id == own or (status == "PUBLISHED" and visibility in ("PUBLIC", "NETWORK"))
    assert any(t != own for t, _, _ in seen["opportunity"])
    members = {r.volunteer_id for r in fetch(backend.settings, select(
        m.Membership.volunteer_id).where(m.Membership.tenant_id == own))}
    assert all(vid in members or shared for vid, shared in seen["volunteer"])
    assert all(t == own for (t,) in seen["application"])
    visible = {r for (r,) in fetch(backend.settings, text(
        "SELECT id FROM opportunity WHERE tenant_id = :t OR (status = 'PUBLISHED' AND "
        "visibility IN ('PUBLIC', 'NETWORK'))").bindparams(t=own))}
    assert {r for (r,) in seen["translations"]} <= visible
    assert seen["audit"] == 0, "requests never read the audit trail"
    total = fetch(backend.settings, select(func.count()).select_from(m.Opportunity))[0][0]
    assert len(seen["opportunity"]) < total
