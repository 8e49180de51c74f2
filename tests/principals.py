"""Principals of the confidentiality tests: one request header set per matrix column."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from sqlalchemy import select

from hub.auth import DevKey, mint_dev_token
from hub.authentication import create_api_client
from hub.db import models as m
from hub.db.engine import make_engine, make_sessionmaker
from tests.conftest import Database
from tests.dbtools import fetch

TENANT = "dz-crescent"  # T
OTHER_TENANT = "eg-crescent"
V_KEY = "houari-benaouda"  # member of T only, does not share with the network
W_KEY = "yacine-bouzid"  # member of T only, shares with the network
OTHER_KEY = "sofiane-ait-ouali"


@dataclass(frozen=True)
class Cast:
    headers: dict[str, dict[str, str]]  # matrix column -> request headers
    volunteer_ids: dict[str, int]  # V, W, other


def volunteer_id(database: Database, key: str) -> int:
    return int(fetch(database.settings, select(m.Volunteer.id).where(
        m.Volunteer.subject == f"demo|{key}"))[0][0])


def client_key(database: Database) -> str:
    async def create() -> str:
        engine = make_engine(database.settings.database_url)
        try:
            async with make_sessionmaker(engine)() as session, session.begin():
                tenant = await session.scalar(select(m.Tenant.id).where(m.Tenant.slug == TENANT))
                assert tenant is not None
                _, key = await create_api_client(session, tenant_id=tenant, name="matrix",
                                                 scopes=["read"], origins=[])
                return key
        finally:
            await engine.dispose()

    return asyncio.run(create())


def cast(database: Database) -> Cast:
    key = DevKey.load_or_create(database.settings.dev_key_file)
    ids = {name: volunteer_id(database, k)
           for name, k in (("V", V_KEY), ("W", W_KEY), ("other", OTHER_KEY))}

    def bearer(**claims: object) -> dict[str, str]:
        token = mint_dev_token(key, subject=str(claims.pop("subject")), **claims)  # type: ignore[arg-type]
        return {"Authorization": f"Bearer {token}"}

    def staff(tenant: str, role: str) -> dict[str, str]:
        return bearer(subject=f"staff-{tenant}-{role}", tenant=tenant, roles=[role],
                      volunteer_id=None, federation=False)

    def volunteer(vid: int) -> dict[str, str]:
        return bearer(subject=f"volunteer-{vid}", tenant=None, roles=[], volunteer_id=vid,
                      federation=False)

    headers = {
        "anonymous": {},
        "self": volunteer(ids["V"]),
        "self:W": volunteer(ids["W"]),  # "self" when the target is W
        "other_volunteer": volunteer(ids["other"]),
        **{role: staff(TENANT, role) for role in ("admin", "coordinator", "editor", "viewer")},
        "other_staff": staff(OTHER_TENANT, "admin"),
        "federation": bearer(subject="analyst", tenant=None, roles=[], volunteer_id=None,
                             federation=True),
        "client": {"X-Api-Key": client_key(database)},
    }
    return Cast(headers, ids)
