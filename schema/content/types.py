"""Events and news items that tenants publish."""

from __future__ import annotations

from datetime import UTC, datetime

import strawberry

from hub.db import models as m
from hub.i18n import enum_label, format_moment, format_relative
from hub.ids import encode_id
from resolvers.core.loaders import KeyedLoader
from resolvers.core.pages import Page
from resolvers.loaders import Loaders
from schema.core.common import Node, Place, row_field
from schema.core.connections import Connection, Edge
from schema.core.enums import OpportunityStatus, Visibility
from schema.core.federation import by_global_id
from schema.core.info import Info
from schema.core.localize import TranslatedText, display_locale, localized_field, text_field
from schema.core.node import by_loader, register
from schema.core.permissions import OwningTenantEditor, Staff
from schema.core.policy import EVERYONE, policy
from schema.core.prefetch import prefetch_texts
from schema.tenants.types import Tenant, tenant_of
from schema.translations.types import Translation, translations_of


@policy(reach=EVERYONE,
        open=("id", "kind", "startsAt", "endsAt", "onlineUrl", "visibility", "tenant", "title",
              "description", "startsAtDisplay", "kindLabel", "place", "status", "publishedAt",
              "isCancelled", "cancelledAt"),
        note="reach is for a PUBLIC, PUBLISHED event; drafts, scheduled ones (publishedAt "
             "ahead) and other visibilities: see the visibility table")
@strawberry.federation.type(keys=["id"])
class Event(TranslatedText, Node):
    """Exhibitions, seminars, trainings, campaign and awareness days."""

    def translations_loader(self, loaders: Loaders) -> KeyedLoader:
        return loaders.translations_by_event
    row: strawberry.Private[m.Event]

    kind = row_field("kind", str)
    starts_at = row_field("starts_at", datetime)
    ends_at = row_field("ends_at", datetime | None)
    online_url = row_field("online_url", str | None)
    visibility = row_field("visibility", Visibility, Visibility)
    status = row_field("status", OpportunityStatus, OpportunityStatus, description=(
        "DRAFT and ARCHIVED events are seen by their society's staff only."))

    published_at = row_field("published_at", datetime | None, description=(
        "When it was or will be published (later than now: scheduled)."))

    cancelled_at = row_field("cancelled_at", datetime | None, description=(
        "When it was called off; a cancelled event stays visible."))

    @classmethod
    def of(cls, row: m.Event) -> Event:
        """The id and the row: fields read the row when they are asked for."""
        return cls(id=strawberry.ID(encode_id("Event", row.id)), row=row)

    @strawberry.field
    def is_cancelled(self) -> bool:
        return self.row.cancelled_at is not None

    @classmethod
    async def resolve_reference(cls, info: Info, id: str) -> Event | None:
        """Federation's `_entities`: as `node(id:)` answers this id."""
        return await by_global_id(info, cls, "Event", id)

    @strawberry.field
    def tenant(self, info: Info) -> Tenant:
        return tenant_of(info, self.row.tenant_id)

    title = text_field("title", required=True)

    description = text_field("description")

    @strawberry.field(permission_classes=[OwningTenantEditor],
                      description="Every language's texts, with the source and the stale "
                                  "translations.")
    async def translations(self, info: Info) -> list[Translation] | None:
        rows = await info.context.loaders.translations_by_event.load(self.row.id)
        return translations_of(rows, m.EventTranslation.text_fields)

    @strawberry.field
    def starts_at_display(self, info: Info) -> str:
        tenant = info.context.tenants.by_id[self.row.tenant_id]
        locale, digits = display_locale(info.context, tenant)
        return format_moment(self.row.starts_at, locale, tenant.time_zone, digits=digits,
                             hijri=tenant.hijri_dates)

    @strawberry.field
    def kind_label(self, info: Info) -> str:
        locale, _ = display_locale(info.context, info.context.tenants.by_id[self.row.tenant_id])
        return enum_label(locale, "EventKind", self.row.kind)

    @strawberry.field
    def place(self) -> Place | None:
        return Place.of(self.row)


@policy(reach=EVERYONE,
        open=("id", "tags", "imageUrl", "publishedAt", "visibility", "tenant", "title",
              "titleI18n", "summary", "body", "publishedAtDisplay", "status"),
        note="reach is for a PUBLIC, PUBLISHED news item; drafts, scheduled ones "
             "(publishedAt ahead) and other visibilities: see the visibility table")
@strawberry.federation.type(keys=["id"])
class NewsItem(TranslatedText, Node):
    def translations_loader(self, loaders: Loaders) -> KeyedLoader:
        return loaders.translations_by_news_item
    row: strawberry.Private[m.NewsItem]

    tags = row_field("tags", list[str], list)
    image_url = row_field("image_url", str | None)
    published_at = row_field("published_at", datetime | None)
    visibility = row_field("visibility", Visibility, Visibility)
    status = row_field("status", OpportunityStatus, OpportunityStatus, description=(
        "DRAFT and ARCHIVED news items are seen by their society's staff only."))

    @classmethod
    def of(cls, row: m.NewsItem) -> NewsItem:
        """The id and the row: fields read the row when they are asked for."""
        return cls(id=strawberry.ID(encode_id("NewsItem", row.id)), row=row)

    @classmethod
    async def resolve_reference(cls, info: Info, id: str) -> NewsItem | None:
        """Federation's `_entities`: as `node(id:)` answers this id."""
        return await by_global_id(info, cls, "NewsItem", id)

    @strawberry.field
    def tenant(self, info: Info) -> Tenant:
        return tenant_of(info, self.row.tenant_id)

    title = text_field("title", required=True)

    title_i18n = localized_field("title")

    summary = text_field("summary")

    body = text_field("body")

    @strawberry.field(permission_classes=[OwningTenantEditor],
                      description="Every language's texts, with the source and the stale "
                                  "translations.")
    async def translations(self, info: Info) -> list[Translation] | None:
        rows = await info.context.loaders.translations_by_news_item.load(self.row.id)
        return translations_of(rows, m.NewsItemTranslation.text_fields)

    @strawberry.field(description='Relative publication time: "قبل 3 أيام", "il y a 3 jours".')
    def published_at_display(self, info: Info) -> str | None:
        if self.row.published_at is None:
            return None
        locale, digits = display_locale(info.context,
                                        info.context.tenants.by_id[self.row.tenant_id])
        return format_relative(self.row.published_at, datetime.now(UTC), locale, digits=digits)

    @strawberry.field(permission_classes=[Staff])
    def author(self) -> str | None:
        return self.row.author_name


@strawberry.type(name="NewsEdge")
class NewsEdge(Edge[NewsItem]):
    pass


@strawberry.type
class NewsConnection(Connection[NewsItem]):
    """Named after the list (`news`), not the node type (`NewsItem`)."""

    # The GraphQL name only (the items are plain `Edge`s): mypy sees a narrower list.
    edges: list[NewsEdge]  # type: ignore[assignment]
    node_type = NewsItem

    @classmethod
    async def prefetched(cls, info: Info, page: Page[m.NewsItem]) -> NewsConnection:
        """The connection, with its items' texts loaded in one go when any is selected."""
        await prefetch_texts(info, info.context.loaders.translations_by_news_item, page.rows)
        return cls.of(page)


@strawberry.type
class EventConnection(Connection[Event]):
    node_type = Event

    @classmethod
    async def prefetched(cls, info: Info, page: Page[m.Event]) -> EventConnection:
        """The connection, with its events' texts loaded in one go when any is selected."""
        await prefetch_texts(info, info.context.loaders.translations_by_event, page.rows)
        return cls.of(page)


register("Event", by_loader(lambda loaders: loaders.event_by_id, Event.of))
register("NewsItem", by_loader(lambda loaders: loaders.news_item_by_id, NewsItem.of))
