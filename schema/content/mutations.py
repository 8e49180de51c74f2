"""Editors' writes of news and events: create a draft, update it, publish it (now or
scheduled), archive it; cancel an event. The writes are `resolvers.content.news`,
`resolvers.content.events` and the moves of every editorial record
(`resolvers.publishing.statuses`); each is one transaction, audited, and safe to retry
with a client key (`clientMutationId` or the `Idempotency-Key` header). Admins,
coordinators and editors of the record's society may write it."""

from __future__ import annotations

from typing import Any

import strawberry

from hub.db.models import RecordStatus
from resolvers.content.commands import EVENTS, NEWS
from resolvers.content.events import CancelEvent, CreateEvent, UpdateEvent
from resolvers.content.news import CreateNewsItem, UpdateNewsItem
from resolvers.core.writes import Write
from resolvers.publishing.statuses import Publish, Retire
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
    kept_tags,
)
from schema.content.types import Event, NewsItem
from schema.core.info import Info
from schema.core.policy import EVERYONE, policy
from schema.publishing.inputs import PlaceInput, clearable, entries, enum_value
from schema.publishing.mutations import record_key, written


async def _news_item(info: Info, write: Write[Any, int], client_mutation_id: str | None
                     ) -> NewsItem:
    return await written(info, NEWS, NewsItem.of, write, client_mutation_id)


async def _event(info: Info, write: Write[Any, int], client_mutation_id: str | None) -> Event:
    return await written(info, EVENTS, Event.of, write, client_mutation_id)


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
        return await _news_item(info, write, input.client_mutation_id)

    @strawberry.mutation(description="Change a news item that is not archived: some "
                                      "languages' texts, tags, image, visibility, author.")
    async def update_news_item(self, info: Info, input: UpdateNewsItemInput) -> NewsItem:
        write = UpdateNewsItem(
            record_key(NEWS, input.id), tuple(entries(input.texts)), kept_tags(input.tags),
            clearable(input.image_url), enum_value(input.visibility),
            clearable(input.author))
        return await _news_item(info, write, input.client_mutation_id)

    @strawberry.mutation(description="Publish a news item now, or at `publishAt` "
                                      "(scheduled); publishing a scheduled one again "
                                      "reschedules it.")
    async def publish_news_item(self, info: Info, input: PublishNewsItemInput) -> NewsItem:
        write = Publish(NEWS, record_key(NEWS, input.id), input.publish_at)
        return await _news_item(info, write, input.client_mutation_id)

    @strawberry.mutation(description="Archive a news item for good: it leaves every list.")
    async def archive_news_item(self, info: Info, input: ArchiveNewsItemInput) -> NewsItem:
        write = Retire(NEWS, record_key(NEWS, input.id), RecordStatus.ARCHIVED)
        return await _news_item(info, write, input.client_mutation_id)

    # --- events ----------------------------------------------------------------------------

    @strawberry.mutation(description="A draft event in the editor's society, seen only by "
                                      "its admins, coordinators and editors until it is "
                                      "published.")
    async def create_event(self, info: Info, input: CreateEventInput) -> Event:
        write = CreateEvent(
            tuple(entries(input.texts)), input.kind, input.starts_at, input.ends_at,
            input.place.place() if input.place is not None else None, input.online_url,
            input.visibility.value)
        return await _event(info, write, input.client_mutation_id)

    @strawberry.mutation(description="Change an event that is neither archived nor "
                                      "cancelled.")
    async def update_event(self, info: Info, input: UpdateEventInput) -> Event:
        place = clearable(input.place)
        write = UpdateEvent(
            record_key(EVENTS, input.id), tuple(entries(input.texts)), clearable(input.kind),
            clearable(input.starts_at), clearable(input.ends_at),
            place.place() if isinstance(place, PlaceInput) else place,
            clearable(input.online_url), enum_value(input.visibility))
        return await _event(info, write, input.client_mutation_id)

    @strawberry.mutation(description="Publish an event now, or at `publishAt` (scheduled); "
                                      "publishing a scheduled one again reschedules it.")
    async def publish_event(self, info: Info, input: PublishEventInput) -> Event:
        write = Publish(EVENTS, record_key(EVENTS, input.id), input.publish_at)
        return await _event(info, write, input.client_mutation_id)

    @strawberry.mutation(description="Call off a published event: it stays visible, marked "
                                      "cancelled; it cannot be cancelled twice or changed "
                                      "afterwards.")
    async def cancel_event(self, info: Info, input: CancelEventInput) -> Event:
        write = CancelEvent(record_key(EVENTS, input.id), input.note)
        return await _event(info, write, input.client_mutation_id)

    @strawberry.mutation(description="Archive an event for good: it leaves every list.")
    async def archive_event(self, info: Info, input: ArchiveEventInput) -> Event:
        write = Retire(EVENTS, record_key(EVENTS, input.id), RecordStatus.ARCHIVED)
        return await _event(info, write, input.client_mutation_id)
