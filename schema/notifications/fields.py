"""The notification fields of Volunteer, mixed into it as a base."""

from __future__ import annotations

import strawberry

from hub.db import models as m
from resolvers.notifications.queries import notification_page
from schema.core.info import Info
from schema.core.permissions import SelfOnly
from schema.notifications.types import NotificationConnection


@strawberry.type
class VolunteerNotificationFields:
    """Volunteer's notifications, in-app (the volunteer only)."""

    row: strawberry.Private[m.Volunteer]

    @strawberry.field(permission_classes=[SelfOnly],
                      description="Your notifications, newest first (also sent by e-mail).")
    async def notifications(self, info: Info, unread_only: bool = False,
                            first: int | None = 20, after: str | None = None
                            ) -> NotificationConnection | None:
        page = await notification_page(info.context, volunteer_id=self.row.id,
                                       unread_only=unread_only, first=first, after=after)
        return NotificationConnection.of(page)
