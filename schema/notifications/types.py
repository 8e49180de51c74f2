"""A volunteer's notification in-app: its words rendered in the language the request is
served in (the same words the e-mail has in the recipient's language)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import strawberry

from hub.ids import encode_id
from resolvers.notifications.outbox import NotificationKind
from resolvers.notifications.queries import opportunity_titles
from resolvers.notifications.render import Rendered, render
from schema.core.connections import Connection
from schema.core.info import Info
from schema.core.localize import display_locale
from schema.core.policy import INHERITED, policy

# The stored enum itself, registered under its API name (as schema/core/enums.py does).
strawberry.enum(NotificationKind, name="NotificationKind",
                description="What a notification reports.")


@policy(reach=INHERITED,
        open=("id", "kind", "title", "text", "createdAt", "readAt", "read"),
        note="listed only through Volunteer.notifications: the volunteer themself")
@strawberry.type
class Notification:
    row: strawberry.Private[Any]  # a read-only row of the notification table
    id: strawberry.ID
    kind: NotificationKind
    created_at: datetime
    read_at: datetime | None

    @classmethod
    def of(cls, row: Any) -> Notification:
        return cls(row=row, id=strawberry.ID(encode_id("Notification", row.id)),
                   kind=NotificationKind(row.kind), created_at=row.created_at, read_at=row.read_at)

    @strawberry.field
    def read(self) -> bool:
        return self.read_at is not None

    def _render(self, info: Info, titles: dict[str, str] | None) -> Rendered:
        ctx = info.context
        tenant = ctx.tenants.by_id.get(self.row.tenant_id)
        locale, digits = display_locale(ctx, tenant)
        default = tenant.default_locale if tenant is not None else "en"
        picked = ctx.locales.pick(titles, default) if titles else None
        return render(self.row.kind, self.row.params, locale=locale, digits=digits,
                      opportunity_title=picked[1] if picked else None)

    @strawberry.field(description="One line (an e-mail's subject).")
    def title(self, info: Info) -> str:
        return self._render(info, None).title

    @strawberry.field(description="What happened, naming the opportunity in your language.")
    async def text(self, info: Info) -> str:
        titles = await opportunity_titles(info.context, self.row.params)
        return self._render(info, titles).text


@strawberry.type
class NotificationConnection(Connection[Notification]):
    node_type = Notification


@policy(reach=INHERITED, open=("marked", "unreadCount"),
        note="what markNotificationsRead answers the volunteer themself")
@strawberry.type
class NotificationsMarked:
    marked: int = strawberry.field(description="How many were unread and are read now.")
    unread_count: int = strawberry.field(description="How many of yours are still unread.")
