"""The demo's certificates (`seed_demo_certificates`): one per completed application with
verified hours, for several volunteers of several societies, stating those hours; issuing
again adds nothing. On a fresh demo database, SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest
from sqlalchemy import func, select

from hub.db import models as m
from hub.db.engine import make_engine, make_sessionmaker
from resolvers.certificates.demo import seed_demo_certificates
from tests.conftest import Database, make_database, prepare
from tests.dbtools import fetch


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def demo(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
         ) -> Iterator[Database]:
    database = make_database(request.param, tmp_path_factory.mktemp(f"demo-{request.param}"))
    try:
        prepare(database, demo=True)
        yield database
    finally:
        database.drop()


def seed(database: Database) -> int:
    async def run() -> int:
        engine = make_engine(database.settings.database_url)
        try:
            async with make_sessionmaker(engine)() as session, session.begin():
                return await seed_demo_certificates(session)
        finally:
            await engine.dispose()

    return asyncio.run(run())


def test_the_demo_has_certificates_of_several_volunteers_and_societies(demo: Database) -> None:
    seed(demo)
    a, c, e = m.Application, m.Certificate, m.HoursEntry
    verified = (select(e.application_id, func.sum(e.hours).label("hours"))
                .where(e.verified.is_(True)).group_by(e.application_id).subquery())
    expected = {row.id: float(row.hours) for row in fetch(demo.settings, select(
        a.id, verified.c.hours).join(verified, verified.c.application_id == a.id).where(
        a.status == "COMPLETED"))}
    issued = fetch(demo.settings, select(c.application_id, c.hours, c.tenant_id,
                                         c.volunteer_id, c.issued_at, c.revoked_at))
    assert {row.application_id: row.hours for row in issued} == expected
    assert len({row.tenant_id for row in issued}) >= 4
    assert len({row.volunteer_id for row in issued}) >= 8
    assert all(row.revoked_at is None for row in issued)
    completed_at = dict(fetch(demo.settings, select(a.id, a.completed_at).where(
        a.id.in_(list(expected)))))
    assert all(row.issued_at == completed_at[row.application_id] for row in issued)
    assert seed(demo) == 0, "issuing again adds nothing"
