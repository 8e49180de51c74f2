"""The notifications domain's write: a volunteer marks their notifications read.

Idempotent: marking a read notification again changes nothing (its `read_at` stays the
first reading's). Only one's own: an id of anyone else's notification is not found, and
then nothing is marked.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select, update

from hub.access import PrincipalKind
from hub.db import models as m
from hub.db.types import utcnow
from hub.errors import BadUserInput, Forbidden, NotFound
from hub.i18n import messages as hub_msg
from hub.ids import decode_id, encode_id
from resolvers.context import RequestContext
from resolvers.core.loaders import RowByKeyLoader
from resolvers.core.writes import Tx, Write, perform
from resolvers.loaders import Loaders
from resolvers.notifications import messages as msg

MAX_IDS = 100
N = m.Notification


def notifications(loaders: Loaders) -> RowByKeyLoader:
    return loaders.notification_by_id


@dataclass(frozen=True, slots=True)
class Marking:
    volunteer_id: int
    keys: tuple[int, ...] | None  # None: every unread notification of the volunteer


@dataclass(frozen=True, slots=True)
class Marked:
    marked: int  # read now, unread before
    unread: int  # still unread after


@dataclass(frozen=True)
class MarkNotificationsRead(Write[Marking, Marked]):
    """The signed-in volunteer's notifications `ids` (all of them when None) are read."""

    ids: tuple[str, ...] | None

    async def allow(self, ctx: RequestContext) -> Marking:
        principal = ctx.scope.principal
        if principal.kind != PrincipalKind.VOLUNTEER or principal.volunteer_id is None:
            raise Forbidden(hub_msg.VOLUNTEER_ONLY)
        volunteer_id = principal.volunteer_id
        if self.ids is None:
            return Marking(volunteer_id, None)
        if len(self.ids) > MAX_IDS:
            raise BadUserInput(msg.TOO_MANY_IDS, argument="ids", max=MAX_IDS)
        keys = tuple(dict.fromkeys(decode_id(i, "Notification")[1] for i in self.ids))
        rows = await notifications(ctx.loaders).load_many(list(keys))
        if any(row is None or row.volunteer_id != volunteer_id for row in rows):
            raise NotFound(msg.NOTIFICATIONS_NOT_YOURS, argument="ids")
        return Marking(volunteer_id, keys)

    async def apply(self, tx: Tx, target: Marking) -> Marked:
        mine_unread = (N.volunteer_id == target.volunteer_id, N.read_at.is_(None))
        stmt = update(N).where(*mine_unread).values(read_at=utcnow())
        if target.keys is not None:
            stmt = stmt.where(N.id.in_(target.keys))
        result = await tx.session.execute(stmt.execution_options(synchronize_session=False))
        marked = int(result.rowcount)  # type: ignore[attr-defined]
        unread = int(await tx.session.scalar(select(func.count()).select_from(N)
                                             .where(*mine_unread)) or 0)
        tx.audit("mark_notifications_read", "Volunteer",
                 encode_id("Volunteer", target.volunteer_id), marked=marked)
        for key in target.keys or ():
            tx.changed(notifications, key)
        return Marked(marked, unread)


async def mark_notifications_read(ctx: RequestContext, ids: list[str] | None) -> Marked:
    return await perform(ctx, MarkNotificationsRead(tuple(ids) if ids is not None else None))
