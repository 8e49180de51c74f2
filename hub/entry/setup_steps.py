"""What `tatawwu` does before serving: migrate, sync tenants, seed the demo if asked."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

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


async def seed_recognition_and_statistics(session: AsyncSession, settings: Settings) -> None:
    """What the demo's hours and completed applications earn, as the writes would have
    made it: badges, certificates, their credentials; then the statistics' rollups."""
    from resolvers.badges.demo import seed_demo_badges
    from resolvers.certificates.demo import seed_demo_certificates
    from resolvers.credentials.demo import seed_demo_credentials
    from resolvers.statistics.rollups import rebuild_rollups

    await seed_demo_badges(session)
    await seed_demo_certificates(session)
    await seed_demo_credentials(session, public_url=settings.public_url)
    await rebuild_rollups(session)


async def push_own_documents(settings: Settings) -> None:
    """The documents of the hub's own pages (the news widget, the dashboard) registered as
    trusted documents, so that they work with HUB_TRUSTED_DOCUMENTS=only; idempotent (and
    safe when several processes start at once: `serve` on two hosts)."""
    from hub.entry.dashboard_documents import push_dashboard_documents
    from hub.entry.widget_documents import push_widget_documents

    for push in (push_widget_documents, push_dashboard_documents):
        try:
            await push(settings)
        except IntegrityError:  # another process starting at once pushed it first
            await push(settings)


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
            report = await seed_demo(session, content, today)
            await seed_recognition_and_statistics(session, settings)
            return report
    finally:
        await engine.dispose()
