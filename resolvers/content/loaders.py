"""The content domain's loaders: events and news items, and their texts."""

from __future__ import annotations

from functools import cached_property

from hub.db import models as m
from resolvers.core.loaders import LoaderGroup, RowByKeyLoader, RowsByKeyLoader


class ContentLoaders(LoaderGroup):
    @cached_property
    def event_by_id(self) -> RowByKeyLoader:
        return RowByKeyLoader(self.db, m.Event.id, self.scope(m.Event))

    @cached_property
    def news_item_by_id(self) -> RowByKeyLoader:
        return RowByKeyLoader(self.db, m.NewsItem.id, self.scope(m.NewsItem))

    @cached_property
    def translations_by_event(self) -> RowsByKeyLoader:
        return RowsByKeyLoader(self.db, m.EventTranslation.event_id)

    @cached_property
    def translations_by_news_item(self) -> RowsByKeyLoader:
        return RowsByKeyLoader(self.db, m.NewsItemTranslation.news_item_id)
