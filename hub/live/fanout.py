"""This process's subscribers to emergency calls, fed by the bus once per process.

Each subscription has an `Inbox` (a bounded queue). The bus delivers every payload to
`Fanout.deliver`, which puts the event into every open inbox, once: an event heard twice
(on the bus, then again when the runtime looks up what a reconnection may have missed) is
put in once. A subscriber that does not keep up loses its oldest events, never the
process's memory.
"""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict

from hub.live.events import CallEvent

log = logging.getLogger("tatawwu.live")

INBOX_SIZE = 64  # events waiting for one subscriber
REMEMBERED = 4096  # call ids already delivered, newest kept


class Inbox:
    """One subscription's events, in the order heard. Iterate it; `close()` when done."""

    def __init__(self, fanout: Fanout, size: int) -> None:
        self._fanout = fanout
        self._queue: asyncio.Queue[CallEvent] = asyncio.Queue(maxsize=size)
        self.closed = False

    def put(self, event: CallEvent) -> None:
        if self._queue.full():
            dropped = self._queue.get_nowait()
            log.warning("live: a subscriber is behind; dropped call %s", dropped.call)
        self._queue.put_nowait(event)

    def __aiter__(self) -> Inbox:
        return self

    async def __anext__(self) -> CallEvent:
        return await self._queue.get()

    def close(self) -> None:
        if not self.closed:
            self.closed = True
            self._fanout.inboxes.discard(self)


class Fanout:
    def __init__(self, *, inbox_size: int = INBOX_SIZE, remembered: int = REMEMBERED) -> None:
        self.inboxes: set[Inbox] = set()
        self._inbox_size = inbox_size
        self._remembered = remembered
        self._seen: OrderedDict[int, None] = OrderedDict()

    def open(self) -> Inbox:
        inbox = Inbox(self, self._inbox_size)
        self.inboxes.add(inbox)
        return inbox

    def deliver(self, payload: str) -> None:
        """A payload heard on the bus."""
        event = CallEvent.decode(payload)
        if event is not None:
            self.deliver_event(event)

    def deliver_event(self, event: CallEvent) -> bool:
        """Put `event` into every open inbox, unless it was delivered already."""
        if event.call in self._seen:
            return False
        self._seen[event.call] = None
        while len(self._seen) > self._remembered:
            self._seen.popitem(last=False)
        for inbox in list(self.inboxes):
            inbox.put(event)
        return True
