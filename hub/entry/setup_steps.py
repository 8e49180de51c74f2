"""What `tatawwu` does before serving: migrate, sync tenants, seed the demo if asked."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from hub.config import Settings
from hub.db.engine import make_engine, make_sessionmaker
from hub.db.migrate import upgrade
from hub.demo.seeder import SeedReport, has_content, seed_demo
from hub.tenant_sync import SyncReport, sync_tenants
from tenants import TenantDefinition, load_registry


@dataclass(slots=True)
class Prepared:
    sync: SyncReport
    seeded: SeedReport | None


def load_tenants(settings: Settings) -> dict[str, TenantDefinition]:
    """The validated registry; raises `TenantFileError` naming the file and the field."""
    return load_registry(settings.tenants_dir)


def migrate(settings: Settings) -> None:
    upgrade(settings.database_url)


async def sync(settings: Settings, registry: dict[str, TenantDefinition]) -> SyncReport:
    engine = make_engine(settings.database_url)
    try:
        async with make_sessionmaker(engine)() as session, session.begin():
            return await sync_tenants(session, registry)
    finally:
        await engine.dispose()


async def seed(settings: Settings, today: date, *, only_if_empty: bool = True) -> SeedReport | None:
    """Seed the hand-written demo in one transaction; None when data was already there.
    Raises `DemoDataError` naming the file and the field when a demo data file is invalid."""
    from hub.demo.loader import demo_content  # pydantic is imported only to seed

    content = demo_content()
    engine = make_engine(settings.database_url)
    try:
        async with make_sessionmaker(engine)() as session, session.begin():
            if only_if_empty and await has_content(session):
                return None
            return await seed_demo(session, content, today)
    finally:
        await engine.dispose()
