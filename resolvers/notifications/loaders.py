"""The notifications domain's loaders (one request's, scoped by the caller's read scope)."""

from __future__ import annotations

from functools import cached_property

from hub.db import models as m
from resolvers.core.loaders import LoaderGroup, RowByKeyLoader


class NotificationLoaders(LoaderGroup):
    @cached_property
    def notification_by_id(self) -> RowByKeyLoader:
        return RowByKeyLoader(self.db, m.Notification.id, self.scope(m.Notification))

    # The inquiry thread a notification reports on, for its opportunity's title.
    @cached_property
    def notified_inquiry_by_id(self) -> RowByKeyLoader:
        return RowByKeyLoader(self.db, m.Inquiry.id, self.scope(m.Inquiry))
