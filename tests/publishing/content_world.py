"""A hub over a fresh database (tenants synced, no demo data) for the news and event writes:
the documents these tests send, and helpers to write through the API as an editor and to
look at the rows behind it (what every editorial world shares is
tests/publishing/editorial_world.py)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select, update

from hub.db import models as m
from hub.ids import decode_id
from tests.applications.world import code_of, gid
from tests.dbtools import fetch
from tests.principals import OTHER_TENANT, TENANT
from tests.publishing.editorial_world import (
    PublishingWorld,
    mutation,
    open_publishing_world,
    refusal,
)

NEWS_FIELDS = """id status publishedAt visibility tags imageUrl author title summary body
                 translations { locale field value isSource isStale }"""
EVENT_FIELDS = """id status kind startsAt endsAt onlineUrl visibility publishedAt isCancelled
                  cancelledAt title description place { country region city latitude
                  longitude } translations { locale field value isSource isStale }"""

CREATE_NEWS = mutation("createNewsItem", "CreateNewsItemInput", NEWS_FIELDS)
UPDATE_NEWS = mutation("updateNewsItem", "UpdateNewsItemInput", NEWS_FIELDS)
PUBLISH_NEWS = mutation("publishNewsItem", "PublishNewsItemInput", NEWS_FIELDS)
ARCHIVE_NEWS = mutation("archiveNewsItem", "ArchiveNewsItemInput", NEWS_FIELDS)
CREATE_EVENT = mutation("createEvent", "CreateEventInput", EVENT_FIELDS)
UPDATE_EVENT = mutation("updateEvent", "UpdateEventInput", EVENT_FIELDS)
PUBLISH_EVENT = mutation("publishEvent", "PublishEventInput", EVENT_FIELDS)
CANCEL_EVENT = mutation("cancelEvent", "CancelEventInput", EVENT_FIELDS)
ARCHIVE_EVENT = mutation("archiveEvent", "ArchiveEventInput", EVENT_FIELDS)

EDITORIAL_NEWS = """query($state: EditorialState, $first: Int, $after: String) {
  editorialNews(state: $state, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id status title } } } }"""
EDITORIAL_EVENTS = """query($state: EditorialState) { editorialEvents(state: $state) {
  totalCount edges { node { id status title } } } }"""


def news_input(**overrides: Any) -> dict[str, Any]:
    return {"texts": [{"locale": "ar", "title": "حملة تبرع بالدم",
                       "summary": "ملخص", "body": "نص الخبر"}],
            "tags": ["Blood", "emergency"], **overrides}


def event_input(**overrides: Any) -> dict[str, Any]:
    starts = datetime.now(UTC) + timedelta(days=10)
    return {"texts": [{"locale": "fr", "title": "Formation aux premiers secours",
                       "description": "Deux jours à Oran"}],
            "kind": "TRAINING", "startsAt": starts.isoformat(),
            "endsAt": (starts + timedelta(hours=6)).isoformat(),
            "place": {"country": "dz", "city": "Oran", "latitude": 35.7, "longitude": -0.6},
            **overrides}


class ContentWorld(PublishingWorld):
    """The editorial world, with news and events written through the API."""

    @property
    def editor(self) -> dict[str, str]:
        return self.staff("editor")

    def create_news(self, headers: dict[str, str] | None = None, **overrides: Any
                    ) -> dict[str, Any]:
        result: dict[str, Any] = self.ok(CREATE_NEWS, {"input": news_input(**overrides)},
                                         headers or self.editor)["createNewsItem"]
        return result

    def create_event(self, headers: dict[str, str] | None = None, **overrides: Any
                     ) -> dict[str, Any]:
        result: dict[str, Any] = self.ok(CREATE_EVENT, {"input": event_input(**overrides)},
                                         headers or self.editor)["createEvent"]
        return result

    def publish(self, global_id: str, publish_at: datetime | None = None,
                headers: dict[str, str] | None = None) -> dict[str, Any]:
        type_name, _ = decode_id(global_id)
        document, name = ((PUBLISH_NEWS, "publishNewsItem") if type_name == "NewsItem"
                          else (PUBLISH_EVENT, "publishEvent"))
        variables: dict[str, Any] = {"id": global_id}
        if publish_at is not None:
            variables["publishAt"] = publish_at.isoformat()
        result: dict[str, Any] = self.ok(document, {"input": variables},
                                         headers or self.editor)[name]
        return result

    def row(self, global_id: str) -> Any:
        type_name, key = decode_id(global_id)
        model = m.NewsItem if type_name == "NewsItem" else m.Event
        return fetch(self.database.settings, select(model.__table__).where(model.id == key))[0]

    def make_due(self, global_id: str) -> None:
        """Time passes: a scheduled record's publication time is now behind it."""
        type_name, key = decode_id(global_id)
        model = m.NewsItem if type_name == "NewsItem" else m.Event
        fetch(self.database.settings, update(model).where(model.id == key).values(
            published_at=datetime.now(UTC) - timedelta(minutes=1)))

    def principals(self) -> dict[str, dict[str, str]]:
        """Who must never see a tenant's drafts or scheduled records (its viewers see the
        scheduled ones: they are its staff)."""
        volunteer = self.new_volunteer()
        return {"anonymous": {"Accept-Language": "en"}, "volunteer": self.volunteer(volunteer),
                "other_editor": self.staff("editor", OTHER_TENANT),
                "other_admin": self.staff("admin", OTHER_TENANT)}


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def content(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
            ) -> Iterator[ContentWorld]:
    """One database per backend for a test module; each test writes its own records."""
    yield from open_publishing_world(ContentWorld, request.param,
                                     tmp_path_factory.mktemp(f"content-{request.param}"))


__all__ = ["OTHER_TENANT", "TENANT", "ContentWorld", "code_of", "content", "gid", "refusal"]
