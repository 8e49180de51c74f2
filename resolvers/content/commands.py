"""News items and events as kinds of editorial record, written, published and archived by
the one status machine of every editorial record (resolvers/publishing/statuses.py: who
may, the compare-and-set change, Publish, Retire), and what their creations and updates
share (a field an update leaves out is resolvers/publishing/updates.py `KEEP`).

An event has one rule of its own: once cancelled it is held still. It cannot be edited,
published again or cancelled again (archiving it is still possible), and every change of
an event read before its cancellation is a compare-and-set on its not being cancelled, so
that an edit racing a cancellation is a CONFLICT.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement

from hub.db import models as m
from hub.errors import Conflict
from resolvers.publishing import messages as pub_msg
from resolvers.publishing.statuses import Kind
from resolvers.publishing.texts import Texts
from resolvers.translations.commands import TRANSLATABLE


@dataclass(frozen=True, slots=True)
class Checked:
    """A record's checked input: texts, and the columns to set (absent: unchanged)."""

    texts: list[Texts]
    columns: dict[str, Any]


@dataclass(frozen=True, slots=True)
class NewDraft:
    """A record to create in the editor's society; its input once checked."""

    tenant_id: int
    values: Checked | None = None


@dataclass(frozen=True, slots=True)
class Edit:
    """A record being changed, as the editor found it; the input once checked."""

    row: Any
    values: Checked | None = None


class EventKind(Kind):
    """Events: a cancelled one is held still (archiving aside)."""

    __slots__ = ()

    def check_open(self, row: Any) -> None:
        if row.cancelled_at is not None:
            raise Conflict(pub_msg.EVENT_CANCELLED)

    def as_seen(self, row: Any) -> list[ColumnElement[bool]]:
        seen = super().as_seen(row)
        if row.cancelled_at is None:
            seen.append(self.model.cancelled_at.is_(None))
        return seen


NEWS = Kind("NewsItem", m.NewsItem, lambda loaders: loaders.news_item_by_id,
            TRANSLATABLE["NewsItem"], "news_item")
EVENTS = EventKind("Event", m.Event, lambda loaders: loaders.event_by_id,
                   TRANSLATABLE["Event"], "event")
