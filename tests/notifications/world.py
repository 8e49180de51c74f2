"""A small world of its own for the notification tests (no demo data): two tenants'
volunteers with different languages, an opportunity titled in three languages, their
applications, and notifications written by the outbox writer in a session."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from hub.auth import DevKey, mint_dev_token
from hub.db import models as m
from hub.db.engine import make_engine, make_sessionmaker
from hub.ids import encode_id
from resolvers.notifications.outbox import NotificationKind, notify
from tests.conftest import Database, make_database, prepare

TENANT = "dz-crescent"
OTHER_TENANT = "eg-crescent"
TITLES = {"ar": "حملة التبرع بالدم", "en": "Blood donation drive", "fr": "Collecte de sang"}
# name -> (e-mail, locale, languages, erased)
PEOPLE: dict[str, tuple[str | None, str | None, list[str], bool]] = {
    "amina": ("amina@example.org", "ar", ["ar", "fr"], False),
    "karim": ("karim@example.org", None, ["kab", "fr", "ar"], False),  # first supported: fr
    "sara": ("sara@example.org", "en", ["en"], False),
    "nomail": (None, "en", ["en"], False),
    "erased": ("gone@example.org", "en", ["en"], True),
    "other": ("other@example.org", "en", ["en"], False),
}


@dataclass
class World:
    database: Database
    tenant_id: int
    other_tenant_id: int
    opportunity_id: int
    volunteers: dict[str, int]
    applications: dict[str, int]

    def run(self, coroutine: Any) -> Any:
        return asyncio.run(coroutine)

    def notify(self, name: str, kind: NotificationKind, **params: Any) -> int:
        """A notification for `name`, written by the outbox writer; its id."""
        async def write() -> int:
            engine = make_engine(self.database.settings.database_url)
            try:
                async with make_sessionmaker(engine)() as session, session.begin():
                    notify(session, volunteer_id=self.volunteers[name],
                           tenant_id=self.tenant_id, kind=kind, **params)
                    await session.flush()
                    return int(await session.scalar(select(m.Notification.id).order_by(
                        m.Notification.id.desc()).limit(1)) or 0)
            finally:
                await engine.dispose()

        return int(asyncio.run(write()))

    def accepted(self, name: str) -> int:
        return self.notify(name, NotificationKind.APPLICATION_ACCEPTED,
                           application=encode_id("Application", self.applications[name]))

    def rows(self) -> dict[int, Any]:
        async def read() -> dict[int, Any]:
            engine = make_engine(self.database.settings.database_url)
            try:
                async with engine.connect() as conn:
                    result = await conn.execute(select(m.Notification.__table__))
                    return {r.id: r for r in result.all()}
            finally:
                await engine.dispose()

        return dict(asyncio.run(read()))

    def headers(self, who: str) -> dict[str, str]:
        """Bearer headers: a volunteer by name, or staff as "staff:<tenant>:<role>"."""
        key = DevKey.load_or_create(self.database.settings.dev_key_file)
        if who.startswith("staff:"):
            _, tenant, role = who.split(":")
            token = mint_dev_token(key, subject=f"staff-{tenant}-{role}", tenant=tenant,
                                   roles=[role], volunteer_id=None, federation=False)
        else:
            vid = self.volunteers[who]
            token = mint_dev_token(key, subject=f"volunteer-{vid}", tenant=None, roles=[],
                                   volunteer_id=vid, federation=False)
        return {"Authorization": f"Bearer {token}"}


async def _populate(database: Database) -> World:
    engine = make_engine(database.settings.database_url)
    try:
        async with make_sessionmaker(engine)() as session, session.begin():
            tenants = dict((await session.execute(select(m.Tenant.slug, m.Tenant.id))).all())
            tenant = tenants[TENANT]
            session.add(m.Category(code="HEALTH", labels={"en": "Health"}, position=0))
            await session.flush()
            opportunity = m.Opportunity(
                tenant_id=tenant, format="ONSITE", category_code="HEALTH",
                visibility="PUBLIC", status="PUBLISHED",
                published_at=datetime(2026, 11, 1, tzinfo=UTC))
            session.add(opportunity)
            await session.flush()
            for locale, title in TITLES.items():
                session.add(m.OpportunityTranslation(
                    opportunity_id=opportunity.id, tenant_id=tenant, locale=locale,
                    title=title, is_source=locale == "ar"))
            volunteers, applications = {}, {}
            for name, (email, locale, languages, erased) in PEOPLE.items():
                volunteer = m.Volunteer(
                    subject=f"test|{name}", first_name=name.capitalize(), last_name="Test",
                    email=email, locale=locale, languages=languages,
                    erased_at=datetime(2026, 11, 2, tzinfo=UTC) if erased else None)
                session.add(volunteer)
                await session.flush()
                session.add(m.Membership(tenant_id=tenant, volunteer_id=volunteer.id))
                application = m.Application(opportunity_id=opportunity.id,
                                            volunteer_id=volunteer.id, status="ACCEPTED",
                                            tenant_id=tenant)
                session.add(application)
                await session.flush()
                volunteers[name], applications[name] = volunteer.id, application.id
            return World(database, tenant, tenants[OTHER_TENANT], opportunity.id, volunteers,
                         applications)
    finally:
        await engine.dispose()


def build_world(backend: str, folder: Path) -> Iterator[World]:
    database = make_database(backend, folder)
    try:
        prepare(database, demo=False)
        yield asyncio.run(_populate(database))
    finally:
        database.drop()


@pytest.fixture(params=["sqlite", "postgresql"])
def world(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[World]:
    yield from build_world(request.param, tmp_path)
