"""Inputs of the news and event writes. In an update, a field left out is unchanged and null
clears it where it can be cleared (an image, an author, an end, a place, a link); the kind,
the start and the visibility are kept when null. Every input takes an optional
`clientMutationId`, the client's idempotency key for retries."""

from __future__ import annotations

from datetime import datetime

import strawberry

from resolvers.publishing.updates import Keep
from schema.applications.inputs import RETRY
from schema.core.enums import Visibility
from schema.publishing.inputs import PlaceInput, TextsInput, settable

TEXTS = ("One entry per language (title, summary and body for news; title and description "
         "for events). The first language a record is written in is its source.")
TAGS = "At most 10, each at most 40 characters; stored trimmed, lower case, spaces as '-'."
KINDS = "EXHIBITION, SEMINAR, TRAINING, CAMPAIGN_DAY, AWARENESS_DAY or MEETING."
HTTP = "An http(s) link."


def kept_tags(tags: list[str] | None) -> tuple[str, ...] | Keep:
    """Tags left out or null are kept; a list (maybe empty) replaces them."""
    kept = settable(tags)
    return kept if isinstance(kept, Keep) else tuple(kept)


# --- news ----------------------------------------------------------------------------------

@strawberry.input
class CreateNewsItemInput:
    texts: list[TextsInput] = strawberry.field(description=TEXTS)
    tags: list[str] | None = strawberry.field(default=None, description=TAGS)
    image_url: str | None = strawberry.field(default=None, description=HTTP)
    visibility: Visibility = Visibility.PUBLIC
    author: str | None = strawberry.field(
        default=None, description="The byline, shown to staff only; at most 200 characters.")
    client_mutation_id: str | None = strawberry.field(default=None, description=RETRY)


@strawberry.input
class UpdateNewsItemInput:
    id: strawberry.ID
    texts: list[TextsInput] | None = strawberry.field(
        default=None, description="The languages to change; others are unchanged.")
    tags: list[str] | None = strawberry.field(default=strawberry.UNSET,
                                              description=TAGS + " [] removes them all.")
    image_url: str | None = strawberry.field(default=strawberry.UNSET, description=HTTP)
    visibility: Visibility | None = strawberry.UNSET
    author: str | None = strawberry.UNSET
    client_mutation_id: str | None = strawberry.field(default=None, description=RETRY)


# --- events --------------------------------------------------------------------------------

@strawberry.input
class CreateEventInput:
    texts: list[TextsInput] = strawberry.field(description=TEXTS)
    kind: str = strawberry.field(description=KINDS)
    starts_at: datetime = strawberry.field(description="With a time zone offset.")
    ends_at: datetime | None = strawberry.field(default=None,
                                                description="After the start, if given.")
    place: PlaceInput | None = None
    online_url: str | None = strawberry.field(default=None, description=HTTP)
    visibility: Visibility = Visibility.PUBLIC
    client_mutation_id: str | None = strawberry.field(default=None, description=RETRY)


@strawberry.input
class UpdateEventInput:
    id: strawberry.ID
    texts: list[TextsInput] | None = strawberry.field(
        default=None, description="The languages to change; others are unchanged.")
    kind: str | None = strawberry.field(default=strawberry.UNSET, description=KINDS)
    starts_at: datetime | None = strawberry.UNSET
    ends_at: datetime | None = strawberry.UNSET
    place: PlaceInput | None = strawberry.field(default=strawberry.UNSET,
                                                description="Replaces the whole place.")
    online_url: str | None = strawberry.field(default=strawberry.UNSET, description=HTTP)
    visibility: Visibility | None = strawberry.UNSET
    client_mutation_id: str | None = strawberry.field(default=None, description=RETRY)


# --- moves ---------------------------------------------------------------------------------

@strawberry.input
class PublishNewsItemInput:
    id: strawberry.ID
    publish_at: datetime | None = strawberry.field(
        default=None, description="Later than now: scheduled, seen only by the society's "
                                  "staff until then. Left out: now (a record already "
                                  "out cannot be published again).")
    client_mutation_id: str | None = strawberry.field(default=None, description=RETRY)


@strawberry.input
class PublishEventInput(PublishNewsItemInput):
    pass


@strawberry.input
class ArchiveNewsItemInput:
    id: strawberry.ID
    client_mutation_id: str | None = strawberry.field(default=None, description=RETRY)


@strawberry.input
class ArchiveEventInput(ArchiveNewsItemInput):
    pass


@strawberry.input
class CancelEventInput:
    id: strawberry.ID
    note: str | None = strawberry.field(
        default=None, description="Why, for the record (audit); at most 1000 characters.")
    client_mutation_id: str | None = strawberry.field(default=None, description=RETRY)
