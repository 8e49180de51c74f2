"""Editors' writes of news and events: create a draft, update it, publish it (now or
scheduled), archive it; cancel an event. The writes are `resolvers.content.news`,
`resolvers.content.events` and `resolvers.content.commands`; each is one transaction,
audited, and safe to retry with a client key (`clientMutationId` or the `Idempotency-Key`
header). Admins, coordinators and editors of the record's society may write it."""

from __future__ import annotations

from typing import Any

import strawberry

from hub.errors import NotFound
from hub.i18n import messages as hub_msg
from resolvers.content.commands import (
    ArchiveEvent,
    ArchiveNewsItem,
    PublishEvent,
    PublishNewsItem,
)
from resolvers.content.events import CancelEvent, CreateEvent, UpdateEvent
from resolvers.content.news import CreateNewsItem, UpdateNewsItem
from resolvers.core.writes import Write, perform
from schema.applications.inputs import client_key, key_of
from schema.content.edit_inputs import (
    ArchiveEventInput,
    ArchiveNewsItemInput,
    CancelEventInput,
    CreateEventInput,
    CreateNewsItemInput,
    PublishEventInput,
    PublishNewsItemInput,
    UpdateEventInput,
    UpdateNewsItemInput,
    kept,
    kept_tags,
    kept_visibility,
)
from schema.content.types import Event, NewsItem
from schema.core.info import Info
from schema.core.policy import EVERYONE, policy
from schema.publishing.inputs import PlaceInput, entries


async def _news_item(info: Info, write: Write[Any, int], key: str | None) -> NewsItem:
    news_item_id = await perform(info.context, write, key=key)
    row = await info.context.loaders.news_item_by_id.load(news_item_id)
    if row is None:  # pragma: no cover - the caller's own change
        raise NotFound(hub_msg.NOT_FOUND, type="NewsItem")
    return NewsItem.of(row)


async def _event(info: Info, write: Write[Any, int], key: str | None) -> Event:
    event_id = await perform(info.context, write, key=key)
    row = await info.context.loaders.event_by_id.load(event_id)
    if row is None:  # pragma: no cover - the caller's own change
        raise NotFound(hub_msg.NOT_FOUND, type="Event")
    return Event.of(row)


def _news_key(global_id: str) -> int:
    return key_of(global_id, "NewsItem", "input.id")


def _event_key(global_id: str) -> int:
    return key_of(global_id, "Event", "input.id")


@policy(reach=EVERYONE, open=("createNewsItem", "updateNewsItem", "publishNewsItem",
                              "archiveNewsItem", "createEvent", "updateEvent", "publishEvent",
                              "cancelEvent", "archiveEvent"))
@strawberry.type
class ContentMutations:
    # --- news ------------------------------------------------------------------------------

    @strawberry.mutation(description="A draft news item in the editor's society, seen only "
                                      "by its admins, coordinators and editors until it is "
                                      "published.")
    async def create_news_item(self, info: Info, input: CreateNewsItemInput) -> NewsItem:
        write = CreateNewsItem(
            tuple(entries(input.texts)), tuple(input.tags or ()), input.image_url,
            input.visibility.value, input.author)
        return await _news_item(info, write, client_key(input.client_mutation_id))

    @strawberry.mutation(description="Change a news item that is not archived: some "
                                      "languages' texts, tags, image, visibility, author.")
    async def update_news_item(self, info: Info, input: UpdateNewsItemInput) -> NewsItem:
        key = client_key(input.client_mutation_id)
        write = UpdateNewsItem(
            _news_key(input.id), tuple(entries(input.texts)), kept_tags(input.tags),
            kept(input.image_url), kept_visibility(input.visibility),
            kept(input.author))
        return await _news_item(info, write, key)

    @strawberry.mutation(description="Publish a news item now, or at `publishAt` "
                                      "(scheduled); publishing again reschedules.")
    async def publish_news_item(self, info: Info, input: PublishNewsItemInput) -> NewsItem:
        key = client_key(input.client_mutation_id)
        write = PublishNewsItem(_news_key(input.id), input.publish_at)
        return await _news_item(info, write, key)

    @strawberry.mutation(description="Archive a news item for good: it leaves every list.")
    async def archive_news_item(self, info: Info, input: ArchiveNewsItemInput) -> NewsItem:
        key = client_key(input.client_mutation_id)
        return await _news_item(info, ArchiveNewsItem(_news_key(input.id)), key)

    # --- events ----------------------------------------------------------------------------

    @strawberry.mutation(description="A draft event in the editor's society, seen only by "
                                      "its admins, coordinators and editors until it is "
                                      "published.")
    async def create_event(self, info: Info, input: CreateEventInput) -> Event:
        write = CreateEvent(
            tuple(entries(input.texts)), input.kind, input.starts_at, input.ends_at,
            input.place.place() if input.place is not None else None, input.online_url,
            input.visibility.value)
        return await _event(info, write, client_key(input.client_mutation_id))

    @strawberry.mutation(description="Change an event that is neither archived nor "
                                      "cancelled.")
    async def update_event(self, info: Info, input: UpdateEventInput) -> Event:
        key = client_key(input.client_mutation_id)
        place = kept(input.place)
        write = UpdateEvent(
            _event_key(input.id), tuple(entries(input.texts)), kept(input.kind),
            kept(input.starts_at), kept(input.ends_at),
            place.place() if isinstance(place, PlaceInput) else place,
            kept(input.online_url), kept_visibility(input.visibility))
        return await _event(info, write, key)

    @strawberry.mutation(description="Publish an event now, or at `publishAt` (scheduled); "
                                      "publishing again reschedules.")
    async def publish_event(self, info: Info, input: PublishEventInput) -> Event:
        key = client_key(input.client_mutation_id)
        return await _event(info, PublishEvent(_event_key(input.id), input.publish_at), key)

    @strawberry.mutation(description="Call off a published event: it stays visible, marked "
                                      "cancelled; it cannot be cancelled twice or changed "
                                      "afterwards.")
    async def cancel_event(self, info: Info, input: CancelEventInput) -> Event:
        key = client_key(input.client_mutation_id)
        return await _event(info, CancelEvent(_event_key(input.id), input.note), key)

    @strawberry.mutation(description="Archive an event for good: it leaves every list.")
    async def archive_event(self, info: Info, input: ArchiveEventInput) -> Event:
        key = client_key(input.client_mutation_id)
        return await _event(info, ArchiveEvent(_event_key(input.id)), key)
