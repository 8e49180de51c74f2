"""Waking this process's dispatchers at once after a commit that queued an emergency call
for now, instead of at their next look (a fraction of a second later).

Process-wide and thread-safe: a commit in one event loop may wake a dispatcher running in
another (each app of a test process runs in a thread of its own). A wake-up is only a
hint: a dispatcher woken for nothing looks, finds nothing due, and waits again.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading

_lock = threading.Lock()
_waiting: set[tuple[asyncio.AbstractEventLoop, asyncio.Event]] = set()


def register() -> asyncio.Event:
    """An event set by every `wake_dispatchers()` from now on (call in the dispatcher's
    running loop; `unregister` it when done)."""
    event = asyncio.Event()
    with _lock:
        _waiting.add((asyncio.get_running_loop(), event))
    return event


def unregister(event: asyncio.Event) -> None:
    with _lock:
        for entry in [e for e in _waiting if e[1] is event]:
            _waiting.discard(entry)


def wake_dispatchers() -> None:
    with _lock:
        waiting = list(_waiting)
    for loop, event in waiting:
        with contextlib.suppress(RuntimeError):  # a loop that has just closed
            loop.call_soon_threadsafe(event.set)
