"""Rate limits: refuse a caller whose budget is spent, charge a request's cost afterwards.

With `HUB_REDIS_URL` the budgets are counted in Redis, shared by all hub processes; without,
in this process. When Redis fails (down, unreachable, too slow), the limiter fails over to
counting in this process for a second at a time, and logs a warning at most once a minute:
every process then enforces each budget on its own (a caller spread over n processes may
spend up to n budgets). Neither open (no limit while Redis is down would let a flood that
took Redis down through) nor closed (one cache failure would refuse every society's
requests).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from typing import Final, Protocol, TypeVar

from hub.config import Settings, redact_url
from hub.limits.memory import MemoryCounts
from hub.limits.windows import Bucket, Window

log = logging.getLogger("tatawwu.limits")

RETRY_REDIS_AFTER: Final = 1.0  # seconds counted in process after a Redis failure
WARN_EVERY: Final = 60.0  # seconds between two warnings that Redis fails

T = TypeVar("T")


class Counts(Protocol):
    async def spent(self, key: str, window: int) -> int: ...

    async def charge(self, key: str, window: int, cost: int, ttl: int) -> int: ...

    async def close(self) -> None: ...


class RateLimiter:
    def __init__(self, window_seconds: int, shared: Counts | None = None, *,
                 local: MemoryCounts | None = None, label: str = "",
                 clock: Callable[[], float] = time.time,
                 monotonic: Callable[[], float] = time.monotonic) -> None:
        self.window = Window(window_seconds)
        self.shared = shared
        self.local = local or MemoryCounts()
        self.label = label  # where the shared counts are, for the warning
        self.clock = clock
        self.monotonic = monotonic
        self._shared_again_at = 0.0
        self._warned_at: float | None = None

    async def refusal(self, bucket: Bucket) -> int | None:
        """None if the bucket may spend, else the seconds until its budget returns."""
        now = self.clock()
        window = self.window.index(now)
        spent = await self._counted(lambda counts: counts.spent(bucket.key, window))
        if spent < bucket.budget:
            return None
        return self.window.retry_after(now)

    async def charge(self, bucket: Bucket, cost: int) -> int:
        """Add a request's cost to its bucket's current window; the window's total."""
        window = self.window.index(self.clock())
        ttl = 2 * self.window.seconds
        return await self._counted(lambda counts: counts.charge(bucket.key, window, cost, ttl))

    async def _counted(self, operation: Callable[[Counts], Awaitable[T]]) -> T:
        if self.shared is not None and self.monotonic() >= self._shared_again_at:
            try:
                return await operation(self.shared)
            except Exception as exc:  # any failure of the shared store
                self._failed(exc)
        return await operation(self.local)

    def _failed(self, exc: Exception) -> None:
        now = self.monotonic()
        self._shared_again_at = now + RETRY_REDIS_AFTER
        if self._warned_at is None or now - self._warned_at >= WARN_EVERY:
            self._warned_at = now
            log.warning("rate limits: Redis at %s failed (%s: %s); counting in this process "
                        "until it answers", self.label, type(exc).__name__, exc)

    async def close(self) -> None:
        if self.shared is not None:
            await self.shared.close()
        await self.local.close()


def limiter_for(settings: Settings) -> RateLimiter:
    """In Redis when `redis_url` is set, else in this process. The Redis client (~9 MB of a
    worker's memory, with the OpenTelemetry modules it loads) is imported only then."""
    if not settings.redis_url:
        return RateLimiter(settings.rate_limit_window_seconds)
    from hub.limits.redis import RedisCounts, deployment_prefix

    shared = RedisCounts(settings.redis_url, deployment_prefix(settings.database_url))
    return RateLimiter(settings.rate_limit_window_seconds, shared,
                       label=redact_url(settings.redis_url))
