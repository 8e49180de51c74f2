"""A deactivated tenant (its file removed, `tenants sync`) is unreadable on every road,
including through the memberships of its former volunteers."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import update
from starlette.testclient import TestClient

from hub.auth import DevKey, mint_dev_token
from hub.db import models as m
from hub.db.engine import make_engine
from hub.entry.app import create_app
from hub.ids import encode_id
from tests.conftest import Database, prepare
from tests.principals import TENANT, V_KEY, volunteer_id

MEMBERSHIPS = "{ viewer { volunteer { id memberships { tenant { slug } } } } }"


def _deactivate(database: Database, slug: str) -> int:
    async def run() -> int:
        engine = make_engine(database.settings.database_url)
        try:
            async with engine.begin() as conn:
                result = await conn.execute(update(m.Tenant).where(m.Tenant.slug == slug)
                                            .values(active=False).returning(m.Tenant.id))
                return int(result.scalar_one())
        finally:
            await engine.dispose()

    return asyncio.run(run())


@pytest.mark.parametrize("fresh_backend", ["sqlite", "postgresql"], indirect=True)
def test_memberships_of_an_inactive_tenant_are_not_listed(fresh_backend: Database) -> None:
    prepare(fresh_backend, demo=True)
    vid = volunteer_id(fresh_backend, V_KEY)  # a member of TENANT only
    tenant_id = _deactivate(fresh_backend, TENANT)
    key = DevKey.load_or_create(fresh_backend.settings.dev_key_file)
    token = mint_dev_token(key, subject=f"volunteer-{vid}", tenant=None, roles=[],
                           volunteer_id=vid, federation=False)
    headers = {"Authorization": f"Bearer {token}"}
    with TestClient(create_app(fresh_backend.settings)) as http:
        body = http.post("/graphql", json={"query": MEMBERSHIPS}, headers=headers).json()
        assert "errors" not in body, body
        volunteer = body["data"]["viewer"]["volunteer"]
        assert volunteer is not None and volunteer["memberships"] == []
        # As every other road answers it:
        node = http.post("/graphql", json={
            "query": "query($id: ID!) { node(id: $id) { id } }",
            "variables": {"id": encode_id("Tenant", tenant_id)}}, headers=headers).json()
        assert node["data"]["node"] is None
        assert http.post("/graphql", json={"query": '{ tenant(slug: "%s") { slug } }' % TENANT},
                         headers=headers).json()["data"]["tenant"] is None
