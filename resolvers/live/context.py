"""The context of one subscription on a websocket.

A request's context lives for one answer; a subscription's lives as long as the subscriber
listens, and sends an answer per event. So each delivery gets what a request would: a
fresh database session (no connection is held between events, however long the wait),
fresh loaders (nothing cached from an earlier event), a fresh audit log (written when the
delivery ends). The principal, its read scope and the locale chain stay the connection's.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from hub.audit import AuditLog
from hub.live.subscriptions import Subscriptions
from resolvers.context import RequestContext
from resolvers.core.database import RequestDatabase

log = logging.getLogger("tatawwu.live")


@dataclass
class LiveContext(RequestContext):
    # This process's subscriptions (None: live calls are not running here).
    live: Subscriptions | None = None
    connection_id: int = 0  # the websocket connection, for the per-connection cap
    open_database: Callable[[], RequestDatabase] | None = None
    closers: list[Callable[[], None]] = field(default_factory=list)

    async def renew(self) -> None:
        """End one delivery (its audit events written, its connection back to the pool)
        and make ready for the next."""
        await self._end_delivery()
        if self.open_database is not None:
            self.db = self.open_database()
        self.__dict__.pop("loaders", None)  # the cached property: built again on first use
        self.page_loaders = {}
        self.audit = AuditLog(self.audit.principal, self.request_id)

    def on_close(self, closer: Callable[[], None]) -> None:
        """Run `closer` when the subscription ends, however it ends."""
        self.closers.append(closer)

    async def close(self) -> None:
        closers, self.closers = self.closers, []
        for closer in closers:
            try:
                closer()
            except Exception:  # every closer runs
                log.exception("live: closing a subscription")
        await self._end_delivery()

    async def _end_delivery(self) -> None:
        # Shielded: a subscription is often ended by cancelling it (the subscriber gone, the
        # server stopping), and a cancelled close would leave its connection checked out.
        await asyncio.shield(_finish(self.db, self.audit))


async def _finish(db: RequestDatabase, audit: AuditLog) -> None:
    try:
        if audit.pending:
            async with db.transaction() as session:
                await audit.flush(session)
    finally:
        await db.close()
