"""The content domain's loaders: events and news items, and their texts."""

from __future__ import annotations

from typing import Any

from hub.db import models as m
from resolvers.core.database import RequestDatabase
from resolvers.core.loaders import RowByKeyLoader, RowsByKeyLoader


class ContentLoaders:
    def __init__(self, db: RequestDatabase, scope_for: Any, volunteer_id: int | None) -> None:
        self.event_by_id = RowByKeyLoader(db, m.Event.id, scope_for(m.Event))
        self.news_item_by_id = RowByKeyLoader(db, m.NewsItem.id, scope_for(m.NewsItem))
        self.translations_by_event = RowsByKeyLoader(db, m.EventTranslation.event_id)
        self.translations_by_news_item = RowsByKeyLoader(db, m.NewsItemTranslation.news_item_id)
