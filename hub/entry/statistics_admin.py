"""`tatawwu statistics ...`: the statistics' rollups.

    tatawwu statistics rebuild     # every rollup computed again from the records

The writes of the API keep the rollups up to date (resolvers/statistics/rollups.py). Run a
rebuild after records were written another way (the demo seeder, the scale generator, a
restore, an import), after upgrading a database that already had hours to migration 0010,
or to take in changed categories, places or volunteer groups (the rollups keep them as
they were when the facts were rolled up; e.g. nightly). One transaction, as the owner:
readers see the old rollups until it commits.
"""

from __future__ import annotations

import asyncio
import sys
import time

import click

from hub.config import Settings
from hub.db.engine import make_engine, make_sessionmaker
from hub.entry import setup_steps
from hub.errors import ConfigurationError
from resolvers.statistics.rollups import rebuild_rollups


@click.group()
def statistics() -> None:
    """Statistics: rebuild the rollups the `statistics` query reads."""


@statistics.command("rebuild")
def rebuild_command() -> None:
    """Compute every statistics rollup again from the hours entries and applications (the
    database is migrated first)."""
    settings = Settings.from_env()
    try:
        setup_steps.migrate(settings)
        started = time.perf_counter()
        counts = asyncio.run(rebuild(settings))
    except ConfigurationError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    rows = ", ".join(f"{n:,} {table}" for table, n in counts.items())
    click.echo(f"statistics: rebuilt {rows} in {time.perf_counter() - started:,.1f} s")


async def rebuild(settings: Settings) -> dict[str, int]:
    """The rebuild in one transaction; the rows written per rollup table."""
    engine = make_engine(settings.database_url)
    try:
        async with make_sessionmaker(engine)() as session, session.begin():
            return await rebuild_rollups(session)
    finally:
        await engine.dispose()
