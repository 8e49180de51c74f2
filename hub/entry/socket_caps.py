"""Websockets per address: at most HUB_MAX_SOCKETS_PER_ADDRESS open at once from one
address (an IPv4 address, an IPv6 /64) in one hub process; the next handshake is refused
(HTTP 403, before the socket is accepted), so that one client cannot hold a process's
memory and file descriptors with sockets it never uses (each must also send
`connection_init` within 10 s: hub/entry/live.py). A school's or a society's office behind
one NAT shares an address: the default, 100, leaves room for a classroom.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager

from hub.limits.windows import network_of


class SocketsPerAddress:
    """Open websockets by address, in this process; `limit` 0: unlimited."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.open: Counter[str] = Counter()

    @contextmanager
    def holding(self, peer: str | None) -> Iterator[bool]:
        """Yields whether the socket may open; counted while inside when it may."""
        address = network_of(peer)
        if self.limit and self.open[address] >= self.limit:
            yield False
            return
        self.open[address] += 1
        try:
            yield True
        finally:
            self.open[address] -= 1
            if not self.open[address]:
                del self.open[address]
