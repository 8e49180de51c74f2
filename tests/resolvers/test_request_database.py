"""A request's database closes only between statements, never under one in flight."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from sqlalchemy import text

from hub.db.engine import make_engine, make_sessionmaker
from resolvers.core.database import RequestDatabase
from tests.conftest import Database

# About 0.2 s of work on each backend, so that close() is called while it runs.
SLOW = {
    "sqlite": "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400000)"
              " SELECT count(*) FROM n",
    "postgresql": "SELECT 1 FROM pg_sleep(0.2)",
}


@pytest.mark.parametrize("fresh_backend", ["sqlite", "postgresql"], indirect=True)
def test_close_waits_for_the_statement_in_flight(fresh_backend: Database) -> None:
    async def run() -> None:
        engine = make_engine(fresh_backend.settings.database_url)
        try:
            db = RequestDatabase(make_sessionmaker(engine))
            statement = asyncio.ensure_future(db.rows(text(SLOW[fresh_backend.backend])))
            await asyncio.sleep(0.05)  # the statement is running
            await db.close()
            assert statement.done()  # close waited for it
            assert len(await statement) == 1
            # The request's connection went back to the pool: none is checked out.
            assert engine.sync_engine.pool.checkedout() == 0  # type: ignore[attr-defined]
        finally:
            await engine.dispose()

    asyncio.run(run())


def test_a_read_inside_its_own_transaction_fails_fast(tmp_path: Path) -> None:
    """A loader called inside a write's transaction would wait for the lock that transaction
    holds, for ever: it is refused at once instead."""
    from resolvers.core.database import ReadInsideTransaction

    async def run() -> None:
        engine = make_engine(f"sqlite+aiosqlite:///{tmp_path / 'db.sqlite3'}")
        try:
            db = RequestDatabase(make_sessionmaker(engine))

            async def read_inside() -> None:
                async with db.transaction() as session:
                    await session.execute(text("SELECT 1"))
                    await asyncio.wait_for(db.rows(text("SELECT 2")), timeout=5)

            with pytest.raises(ReadInsideTransaction):
                await read_inside()
            # Outside it, reads go on as usual.
            assert [tuple(r) for r in await db.rows(text("SELECT 3"))] == [(3,)]
            await db.close()
        finally:
            await engine.dispose()

    asyncio.run(run())
