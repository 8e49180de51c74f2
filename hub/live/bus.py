"""The carrier of live events between hub processes: one interface, three backends, chosen
by `HUB_LIVE_BACKEND` (docs/live.md).

- `memory`: in this process only (the embedded SQLite default; one process);
- `postgres`: LISTEN/NOTIFY on the hub's own database (no other server); the notification
  is sent by the transaction that claims the call, so it leaves exactly when that commits;
- `redis`: pub/sub on `HUB_REDIS_URL`, published after the commit.

`auto` is Redis when `HUB_REDIS_URL` is set, else PostgreSQL on PostgreSQL, else memory.

A bus is at most once: a process whose connection was down when a message went out misses
it. Each backend says when it has (re)connected, and the runtime then asks the database for
the calls broadcast meanwhile (`resolvers/live/dispatch.py` `broadcast_since`).
"""

from __future__ import annotations

import hashlib
import random
from abc import ABC, abstractmethod
from collections.abc import Awaitable, Callable
from typing import ClassVar

from sqlalchemy import Executable
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from hub.config import Settings
from hub.errors import ConfigurationError

# Every message of the bus, in this process's event loop.
Deliver = Callable[[str], None]
# Called after each (re)connection, the first included.
Connected = Callable[[], Awaitable[None]]

# Seconds between two checks that an idle connection is still alive, and how long a check
# may take: a connection cut without a word (a network gone) is noticed within both.
HEARTBEAT_SECONDS = 5.0
HEARTBEAT_TIMEOUT = 3.0


class Bus(ABC):
    """Carries payloads (short text: ids) from any hub process to every hub process."""

    name: ClassVar[str]
    crosses_processes: ClassVar[bool] = True

    @abstractmethod
    async def listen(self, deliver: Deliver, connected: Connected) -> None:
        """Until cancelled: each payload published by any process to `deliver`, and
        `connected()` after each (re)connection. Reconnects by itself, with back-off."""

    @abstractmethod
    async def publish(self, payload: str) -> None:
        """Send `payload` now (after the commit of what it announces)."""

    def in_transaction(self, payload: str) -> Executable | None:
        """A statement that sends `payload` when the transaction that runs it commits
        (PostgreSQL's NOTIFY), or None: then `publish` it after the commit."""
        return None

    async def close(self) -> None:  # noqa: B027 - most buses hold nothing
        """Release what `publish` holds (`listen` ends when it is cancelled)."""


class Backoff:
    """Delays between reconnection attempts: doubled from `first` up to `most`, with
    jitter (so that processes cut off together do not come back all at once)."""

    def __init__(self, first: float = 0.1, most: float = 5.0) -> None:
        self.first, self.most = first, most
        self._next = first

    def reset(self) -> None:
        self._next = self.first

    def delay(self) -> float:
        delay = self._next * random.uniform(0.8, 1.2)  # jitter, not a secret
        self._next = min(self._next * 2, self.most)
        return delay


def channel_for(database_url: str) -> str:
    """The Redis channel of one deployment: `tatawwu:live:<digest of the database URL>`, so
    that hubs of different databases sharing a Redis never hear each other."""
    try:
        identity = make_url(database_url).render_as_string(hide_password=True)
    except ArgumentError:
        identity = database_url
    return "tatawwu:live:" + hashlib.sha256(identity.encode()).hexdigest()[:16]


def backend_of(settings: Settings) -> str:
    """The backend `settings` asks for, `auto` resolved; ConfigurationError for one that
    cannot work with these settings."""
    chosen = settings.live_backend
    if chosen == "auto":
        return "redis" if settings.redis_url else ("memory" if settings.is_sqlite
                                                   else "postgres")
    if chosen == "postgres" and settings.is_sqlite:
        raise ConfigurationError("HUB_LIVE_BACKEND=postgres needs a PostgreSQL "
                                 "HUB_DATABASE_URL (LISTEN/NOTIFY)")
    if chosen == "redis" and not settings.redis_url:
        raise ConfigurationError("HUB_LIVE_BACKEND=redis needs HUB_REDIS_URL")
    return chosen


def bus_for(settings: Settings, *, heartbeat: float = HEARTBEAT_SECONDS) -> Bus:
    """The bus of these settings (`backend_of`)."""
    backend = backend_of(settings)
    if backend == "postgres":
        from hub.live.postgres import PostgresBus

        return PostgresBus(settings.database_url, heartbeat=heartbeat)
    if backend == "redis":
        from hub.live.redis import RedisBus

        return RedisBus(settings.redis_url, channel_for(settings.database_url),
                        heartbeat=heartbeat)
    from hub.live.memory import MemoryBus

    return MemoryBus()

