"""Marking notifications read. The write is
`resolvers.notifications.commands.MarkNotificationsRead`."""

from __future__ import annotations

import strawberry

from resolvers.notifications import commands
from schema.core.info import Info
from schema.core.policy import EVERYONE, policy
from schema.notifications.types import NotificationsMarked


@policy(reach=EVERYONE, open=("markNotificationsRead",))
@strawberry.type
class NotificationMutations:
    @strawberry.mutation(description="Mark your notifications read (all of them when `ids` "
                                      "is left out). Marking one again changes nothing.")
    async def mark_notifications_read(self, info: Info, ids: list[strawberry.ID] | None = None
                                      ) -> NotificationsMarked:
        done = await commands.mark_notifications_read(
            info.context, [str(i) for i in ids] if ids is not None else None)
        return NotificationsMarked(marked=done.marked, unread_count=done.unread)
