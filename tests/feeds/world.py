"""A hub over a fresh database (tenants synced, no demo data) holding the news and events
that feeds, calendars, news pages and oEmbed must show, and those they must never show:
drafts, scheduled records not yet due, NETWORK and TENANT records, archived ones. Shared by
tests/feeds and tests/widgets (one world per backend per package)."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

import pytest
from sqlalchemy import event, insert, select, update
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession
from starlette.testclient import TestClient

from hub.authentication import create_api_client
from hub.db import models as m
from hub.db.engine import make_engine, make_sessionmaker
from hub.entry.app import create_app
from hub.ids import decode_id, encode_id
from tests.conftest import Database, StatementCounter, make_database, prepare
from tests.dbtools import fetch

TENANT = "setif-youth"  # locales ar, fr, en; default ar-DZ; Africa/Algiers
OTHER = "eg-crescent"
NOW = datetime.now(UTC).replace(microsecond=0)
# Hidden from anonymous readers, whatever else they are: (status, visibility, published_at)
HIDDEN = {
    "draft": ("DRAFT", "PUBLIC", None),
    "scheduled": ("PUBLISHED", "PUBLIC", NOW + timedelta(days=3)),
    "network": ("PUBLISHED", "NETWORK", NOW - timedelta(hours=1)),
    "tenant_only": ("PUBLISHED", "TENANT", NOW - timedelta(hours=1)),
    "archived": ("ARCHIVED", "PUBLIC", NOW - timedelta(hours=1)),
}
SITE = "https://news.example.dz"  # the site a widget key is made for
OTHER_SITE = "https://elsewhere.example.org"
MARKUP = '<img src=x onerror="alert(1)"> & <b>bold</b>'
_serial = itertools.count(1)
T = TypeVar("T")


@dataclass
class Records:
    """Writes news, events and API keys straight into a prepared database."""

    database: Database
    tenants: dict[str, int]
    news: dict[str, str] = field(default_factory=dict)  # name -> global id
    events: dict[str, str] = field(default_factory=dict)
    titles: dict[str, dict[str, str]] = field(default_factory=dict)  # name -> locale -> title
    keys: dict[str, str] = field(default_factory=dict)  # name -> an API key's plain text
    _loop: asyncio.AbstractEventLoop | None = field(default=None, repr=False)
    _engine: AsyncEngine | None = field(default=None, repr=False)

    @classmethod
    def of(cls, database: Database) -> Records:
        return cls(database, dict(fetch(database.settings, select(m.Tenant.slug, m.Tenant.id))))

    @property
    def backend(self) -> str:
        return self.database.backend

    @property
    def base(self) -> str:
        return self.database.settings.public_url

    def add_news(self, name: str, texts: dict[str, str], *, tenant: str = TENANT,
                 published_at: datetime | None = None, status: str = "PUBLISHED",
                 visibility: str = "PUBLIC", tags: tuple[str, ...] = ("youth",)) -> str:
        """A news item with a title, summary and body in each of `texts`' languages (the
        title given, the rest derived from it); its global id."""
        now = datetime.now(UTC)
        key = self._insert(m.NewsItem, {
            "tenant_id": self.tenants[tenant], "tags": list(tags), "image_url": None,
            "published_at": published_at if status != "DRAFT" else None,
            "visibility": visibility, "status": status, "author_name": "Staff Byline",
            "created_at": now, "updated_at": now},
            m.NewsItemTranslation, "news_item_id",
            [{"locale": locale, "title": title, "summary": f"{title} (summary)",
              "body": f"{title} (first paragraph)\n{title} (second paragraph)",
              "is_source": i == 0, "updated_at": now} for i, (locale, title)
             in enumerate(texts.items())])
        self.news[name], self.titles[name] = encode_id("NewsItem", key), dict(texts)
        return self.news[name]

    def add_event(self, name: str, texts: dict[str, str], *, tenant: str = TENANT,
                  starts_at: datetime | None = None, status: str = "PUBLISHED",
                  visibility: str = "PUBLIC", published_at: datetime | None = None,
                  cancelled: bool = False, online_url: str | None = None) -> str:
        now = datetime.now(UTC)
        starts = starts_at or NOW + timedelta(days=next(_serial))
        key = self._insert(m.Event, {
            "tenant_id": self.tenants[tenant], "kind": "TRAINING", "starts_at": starts,
            "ends_at": starts + timedelta(hours=3), "country": "DZ", "region": "Sétif",
            "city": "El Eulma", "latitude": 36.15, "longitude": 5.69, "online_url": online_url,
            "visibility": visibility, "status": status,
            "published_at": published_at or (None if status == "DRAFT" else NOW - timedelta(
                days=1)), "cancelled_at": now if cancelled else None,
            "created_at": now, "updated_at": now},
            m.EventTranslation, "event_id",
            [{"locale": locale, "title": title, "description": f"{title} (description)",
              "is_source": i == 0, "updated_at": now}
             for i, (locale, title) in enumerate(texts.items())])
        self.events[name], self.titles[name] = encode_id("Event", key), dict(texts)
        return self.events[name]

    def touch_news(self, name: str) -> None:
        """An editor changed the item: its update time moves on."""
        key = decode_id(self.news[name])[1]
        fetch(self.database.settings, update(m.NewsItem).where(m.NewsItem.id == key).values(
            updated_at=datetime.now(UTC) + timedelta(seconds=2)))

    def _insert(self, model: Any, values: dict[str, Any], texts_model: Any, link: str,
                texts: list[dict[str, Any]]) -> int:
        tenant_id = values["tenant_id"]

        async def run(session: AsyncSession) -> int:
            key = int((await session.execute(insert(model).values(**values).returning(
                model.id))).scalar_one())
            for text in texts:
                await session.execute(insert(texts_model).values(
                    **text, **{link: key}, tenant_id=tenant_id))
            return key

        return self._write(run)

    def new_key(self, origins: list[str], tenant: str = TENANT) -> str:
        """A read key for `origins`; its plain text."""

        async def run(session: AsyncSession) -> str:
            _, key = await create_api_client(
                session, tenant_id=self.tenants[tenant], name=f"widget {next(_serial)}",
                scopes=["read"], origins=origins)
            return key

        return self._write(run)

    def _write(self, write: Callable[[AsyncSession], Awaitable[T]]) -> T:
        """One transaction, on a loop and an engine kept for all of them (a connection per
        record made the PostgreSQL world take seconds)."""
        if self._loop is None:
            self._loop = asyncio.new_event_loop()
            self._engine = make_engine(self.database.settings.database_url)
        assert self._engine is not None

        async def run() -> T:
            async with make_sessionmaker(self._engine)() as session, session.begin():
                return await write(session)

        return self._loop.run_until_complete(run())

    def close(self) -> None:
        if self._loop is not None:
            if self._engine is not None:
                self._loop.run_until_complete(self._engine.dispose())
            self._loop.close()
            self._loop = self._engine = None


@dataclass
class FeedWorld(Records):
    """The records, and a hub serving them (with a statement counter)."""

    http: TestClient = field(kw_only=True)
    counter: StatementCounter = field(default_factory=StatementCounter, kw_only=True)

    def statements(self, path: str, **headers: str) -> int:
        self.counter.statements.clear()
        response = self.http.get(path, headers=headers)
        assert response.status_code == 200, response.text
        return self.counter.count


def standard_records(world: Records) -> None:
    """What most tests look at: five public news items of the tenant, one written only in
    French, one whose title holds markup, one of another tenant, every kind of hidden item;
    events alike; a widget's key for SITE and a system's key (no browser origin)."""
    for n in range(5):
        world.add_news(f"news{n}", {"ar": f"خبر رقم {n}", "fr": f"Nouvelle n° {n}",
                                    "en": f"News number {n}"},
                       published_at=NOW - timedelta(days=5 - n))
    world.add_news("french_only", {"fr": "Seulement en français"},
                   published_at=NOW - timedelta(days=10))
    world.add_news("markup", {"ar": MARKUP, "fr": MARKUP},
                   published_at=NOW - timedelta(days=20))
    world.add_news("other_tenant", {"ar": "خبر منظمة أخرى", "en": "Another society's news"},
                   tenant=OTHER, published_at=NOW - timedelta(hours=2))
    world.keys["site"] = world.new_key([SITE])
    world.keys["server"] = world.new_key([])
    for name, (status, visibility, published_at) in HIDDEN.items():
        world.add_news(f"hidden_{name}", {"ar": f"سري {name}", "fr": f"Caché {name}",
                                          "en": f"Hidden {name}"},
                       status=status, visibility=visibility, published_at=published_at)
    world.add_event("training", {"ar": "تكوين في الإسعافات الأولية", "fr": "Formation aux "
                                 "premiers secours"}, online_url="https://meet.example.org/x")
    world.add_event("french_event", {"fr": "Journée de sensibilisation"})
    world.add_event("cancelled", {"ar": "حملة ملغاة", "fr": "Campagne annulée"},
                    cancelled=True)
    world.add_event("long_ago", {"ar": "حدث قديم", "fr": "Événement ancien"},
                    starts_at=NOW - timedelta(days=90))
    for name, (status, visibility, published_at) in HIDDEN.items():
        world.add_event(f"hidden_{name}", {"ar": f"سري {name}", "fr": f"Caché {name}"},
                        status=status, visibility=visibility,
                        published_at=published_at)


_WORLDS: dict[str, FeedWorld] = {}


def shared_world(request: pytest.FixtureRequest, backend: str) -> FeedWorld:
    """The world of `backend`, made at its first use and closed when the test session ends:
    tests/feeds and tests/widgets share it (their tests read it, or write only what no
    other test looks at), so the suite pays for one database per backend, not two."""
    world = _WORLDS.get(backend)
    if world is None:
        folder = request.getfixturevalue("tmp_path_factory").mktemp(f"feeds-{backend}")
        opened = open_feed_world(backend, folder)
        world = _WORLDS[backend] = next(opened)

        def close() -> None:
            _WORLDS.pop(backend, None)
            next(opened, None)  # runs the generator's end: the hub stops, the database goes

        request.config.add_cleanup(close)
    return world


def open_feed_world(backend: str, folder: Path) -> Iterator[FeedWorld]:
    database = make_database(backend, folder)
    try:
        prepare(database, demo=False)
        app = create_app(database.settings)
        counter = StatementCounter()
        with TestClient(app) as http:
            event.listen(app.state.hub.engine.sync_engine, "before_cursor_execute", counter)
            records = Records.of(database)
            world = FeedWorld(database, records.tenants, http=http, counter=counter)
            try:
                standard_records(world)
                yield world
            finally:
                world.close()
    finally:
        database.drop()
