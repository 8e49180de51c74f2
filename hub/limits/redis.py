"""Budgets counted in Redis, shared by every hub process of a deployment.

A bucket's window is one integer key, `tatawwu:rl:<deployment>:<bucket>:<window>`, added to
with INCRBY and given an expiry in the same MULTI transaction (atomic: two processes
charging at once both count), read with GET. The deployment part is a digest of the
database's URL (without its password): hubs serving the same database share budgets, other
deployments (and test runs) on the same Redis never meet.
"""

from __future__ import annotations

import hashlib
from typing import Final

import redis.asyncio as aioredis
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

KEY_PREFIX: Final = "tatawwu:rl:"
# A Redis that does not answer must not stall requests: the limiter falls back to counting
# in process (hub.limits.limiter) after this long.
SOCKET_TIMEOUT: Final = 0.5
# Connections per process: a burst of requests queues for one (at most POOL_WAIT seconds)
# instead of opening hundreds at once.
POOL_SIZE: Final = 16
POOL_WAIT: Final = 1.0


def deployment_prefix(database_url: str) -> str:
    """`tatawwu:rl:<digest of the database URL>:`."""
    try:
        identity = make_url(database_url).render_as_string(hide_password=True)
    except ArgumentError:  # any text identifies a deployment
        identity = database_url
    return KEY_PREFIX + hashlib.sha256(identity.encode()).hexdigest()[:16] + ":"


class RedisCounts:
    """Spent budgets per bucket and window, in Redis."""

    def __init__(self, url: str, prefix: str) -> None:
        self.prefix = prefix
        pool = aioredis.BlockingConnectionPool.from_url(
            url, max_connections=POOL_SIZE, timeout=POOL_WAIT, socket_timeout=SOCKET_TIMEOUT,
            socket_connect_timeout=SOCKET_TIMEOUT)
        self._client = aioredis.Redis(connection_pool=pool)

    def key(self, key: str, window: int) -> str:
        return f"{self.prefix}{key}:{window}"

    async def spent(self, key: str, window: int) -> int:
        found = await self._client.get(self.key(key, window))
        return int(found) if found is not None else 0

    async def charge(self, key: str, window: int, cost: int, ttl: int) -> int:
        name = self.key(key, window)
        async with self._client.pipeline(transaction=True) as pipe:
            pipe.incrby(name, cost)
            pipe.expire(name, ttl)
            total, _ = await pipe.execute()
        return int(total)

    async def close(self) -> None:
        await self._client.aclose(close_connection_pool=True)
