"""Live events in this process only: the embedded SQLite mode, where one process serves.
Each `MemoryBus` is its own: two hubs in one process (tests) never hear each other."""

from __future__ import annotations

import asyncio

from hub.live.bus import Bus, Connected, Deliver


class MemoryBus(Bus):
    name = "memory"
    crosses_processes = False

    def __init__(self) -> None:
        self._listeners: list[Deliver] = []

    async def listen(self, deliver: Deliver, connected: Connected) -> None:
        self._listeners.append(deliver)
        try:
            await connected()
            await asyncio.Event().wait()  # until cancelled
        finally:
            self._listeners.remove(deliver)

    async def publish(self, payload: str) -> None:
        for deliver in list(self._listeners):
            deliver(payload)
