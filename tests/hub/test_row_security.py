"""Row-level security of personal records (PostgreSQL, migration 0004): every principal
kind sees exactly the rows it saw under 0003's policy, and the policy is no index
condition (so a staff member's page is planned from the query's own tenant filter)."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from sqlalchemy import text

from hub.access import Principal, PrincipalKind, read_scope
from hub.db.engine import make_engine, make_sessionmaker
from hub.row_security import prelude
from tests.conftest import Database
from tests.dbtools import fetch
from tests.principals import OTHER_TENANT, TENANT, V_KEY, volunteer_id

TABLES = ("membership", "application", "hours_entry", "saved_opportunity")
# Row-level security is a PostgreSQL feature; on SQLite the query scope is the only guard.
pytestmark = pytest.mark.postgresql_only


def _seen(backend: Database, principal: Principal) -> dict[str, set[tuple[int, int]]]:
    async def run() -> dict[str, set[tuple[int, int]]]:
        engine = make_engine(backend.settings.database_url)
        try:
            async with make_sessionmaker(engine)() as session:
                await session.execute(prelude(read_scope(principal, frozenset())))
                out = {table: {(int(t), int(v)) for t, v in (await session.execute(text(
                    f"SELECT tenant_id, volunteer_id FROM {table}"))).all()}
                    for table in TABLES}
                await session.rollback()
                return out
        finally:
            await engine.dispose()

    return asyncio.run(run())


def _all(backend: Database) -> dict[str, set[tuple[int, int]]]:
    return {table: {(int(t), int(v)) for t, v in fetch(backend.settings, text(
        f"SELECT tenant_id, volunteer_id FROM {table}"))} for table in TABLES}


def test_each_principal_sees_what_the_policy_grants(backend: Database) -> None:
    everything = _all(backend)
    ids = {slug: int(i) for i, slug in fetch(backend.settings, text(
        "SELECT id, slug FROM tenant"))}
    v = volunteer_id(backend, V_KEY)
    cases: list[tuple[Principal, Any]] = [
        (Principal(kind=PrincipalKind.VOLUNTEER, volunteer_id=v), lambda t, vid: vid == v),
        (Principal(kind=PrincipalKind.STAFF, tenant_id=ids[TENANT],
                   roles=frozenset({"coordinator"})), lambda t, vid: t == ids[TENANT]),
        (Principal(kind=PrincipalKind.STAFF, tenant_id=ids[OTHER_TENANT],
                   roles=frozenset({"admin"})), lambda t, vid: t == ids[OTHER_TENANT]),
        (Principal(kind=PrincipalKind.ANONYMOUS), lambda t, vid: False),
        (Principal(kind=PrincipalKind.FEDERATION), lambda t, vid: False),
    ]
    for principal, grants in cases:
        seen = _seen(backend, principal)
        for table in TABLES:
            expected = {row for row in everything[table] if grants(*row)}
            assert seen[table] == expected, (principal.kind, table)
    assert everything["membership"] and everything["application"]


def test_personal_policies_are_not_index_conditions(backend: Database) -> None:
    quals = dict(fetch(backend.settings, text(
        "SELECT tablename, qual FROM pg_policies WHERE policyname = 'request_scope' "
        "AND tablename = ANY(:t)").bindparams(t=list(TABLES))))
    assert set(quals) == set(TABLES)
    assert all(q.strip(" \n(").upper().startswith("CASE") for q in quals.values()), quals


@pytest.mark.parametrize("fresh_backend", ["postgresql"], indirect=True)
def test_migration_0004_goes_down_and_up(fresh_backend: Database) -> None:
    from alembic import command

    from hub.db.migrate import alembic_config, upgrade

    url = fresh_backend.settings.database_url
    upgrade(url)

    def membership_policy() -> str:
        return str(fetch(fresh_backend.settings, text(
            "SELECT qual FROM pg_policies WHERE policyname = 'request_scope' "
            "AND tablename = 'membership'"))[0][0])

    assert "CASE" in membership_policy()
    command.downgrade(alembic_config(url), "0003")
    assert "CASE" not in membership_policy() and " OR " in membership_policy()
    upgrade(url)
    assert "CASE" in membership_policy()
