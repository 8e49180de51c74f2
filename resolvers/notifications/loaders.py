"""The notifications domain's loaders (one request's, scoped by the caller's read scope)."""

from __future__ import annotations

from typing import Any

from hub.db import models as m
from resolvers.core.database import RequestDatabase
from resolvers.core.loaders import RowByKeyLoader


class NotificationLoaders:
    def __init__(self, db: RequestDatabase, scope_for: Any, volunteer_id: int | None) -> None:
        self.notification_by_id = RowByKeyLoader(db, m.Notification.id,
                                                 scope_for(m.Notification))
        # The inquiry thread a notification reports on, for its opportunity's title.
        self.notified_inquiry_by_id = RowByKeyLoader(db, m.Inquiry.id, scope_for(m.Inquiry))
