"""The limiter: refusal once a budget is spent, Retry-After, shared counts in Redis (atomic,
expiring) and what happens when Redis fails."""

from __future__ import annotations

import asyncio
import logging

import pytest

from hub.limits import Bucket, RateLimiter
from hub.limits.limiter import RETRY_REDIS_AFTER, WARN_EVERY
from hub.limits.redis import RedisCounts, deployment_prefix
from tests.hub.limits.redis_keys import REDIS_URL, ttl_of
from tests.servers import free_port

BUCKET = Bucket("ip:192.0.2.1", 100)


class Clock:
    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def test_a_spent_budget_is_refused_until_the_next_window() -> None:
    clock = Clock(6_000_020.0)  # 20 s into a 60 s window

    async def run() -> None:
        limiter = RateLimiter(60, clock=clock)
        assert await limiter.refusal(BUCKET) is None
        await limiter.charge(BUCKET, 60)
        assert await limiter.refusal(BUCKET) is None  # 60 of 100 spent: may still ask
        await limiter.charge(BUCKET, 60)  # the request that crosses the budget runs
        assert await limiter.refusal(BUCKET) == 40
        assert await limiter.refusal(Bucket("ip:192.0.2.2", 100)) is None
        clock.now = 6_000_040.5
        assert await limiter.refusal(BUCKET) == 20  # rounded up
        clock.now = 6_000_080.0  # the next window
        assert await limiter.refusal(BUCKET) is None

    asyncio.run(run())


def test_two_limiters_on_one_redis_share_the_budget(redis_prefix: str) -> None:
    clock = Clock(6_000_010.0)

    async def run() -> None:
        first = RateLimiter(60, RedisCounts(REDIS_URL, redis_prefix), clock=clock)
        second = RateLimiter(60, RedisCounts(REDIS_URL, redis_prefix), clock=clock)
        try:
            await first.charge(BUCKET, 50)
            assert await second.refusal(BUCKET) is None
            await second.charge(BUCKET, 50)
            assert await first.refusal(BUCKET) == 50
            assert await second.refusal(BUCKET) == 50
        finally:
            await first.close()
            await second.close()

    asyncio.run(run())


def test_concurrent_charges_all_count_and_keys_expire(redis_prefix: str) -> None:
    clock = Clock(6_000_000.0)

    async def run() -> int:
        limiters = [RateLimiter(60, RedisCounts(REDIS_URL, redis_prefix), clock=clock)
                    for _ in range(4)]
        try:
            await asyncio.gather(*(limiters[n % 4].charge(BUCKET, 3) for n in range(200)))
            counts = limiters[0].shared
            assert counts is not None
            return await counts.spent(BUCKET.key, 6_000_000 // 60)
        finally:
            for limiter in limiters:
                await limiter.close()

    assert asyncio.run(run()) == 600
    key = f"{redis_prefix}{BUCKET.key}:{6_000_000 // 60}"
    assert 0 < ttl_of(key) <= 120  # two windows: nothing stays behind


def test_deployments_are_told_apart_by_their_database_not_its_password() -> None:
    one = deployment_prefix("postgresql+asyncpg://hub:secret@db/hub")
    assert one == deployment_prefix("postgresql+asyncpg://hub:other@db/hub")
    assert one != deployment_prefix("postgresql+asyncpg://hub:secret@db/hub2")
    assert one.startswith("tatawwu:rl:") and "secret" not in one


def test_without_redis_budgets_are_counted_in_process_and_warned_once_a_minute(
        caplog: pytest.LogCaptureFixture) -> None:
    clock = Clock(6_000_000.0)
    monotonic = Clock(100.0)
    down = f"redis://127.0.0.1:{free_port()}/0"  # nothing listens there

    async def run() -> None:
        limiter = RateLimiter(60, RedisCounts(down, "tatawwu:rl:down:"), clock=clock,
                              monotonic=monotonic, label=down)
        try:
            await limiter.charge(BUCKET, 100)
            assert await limiter.refusal(BUCKET) == 60  # still limited, in this process
            for _ in range(5):
                monotonic.now += RETRY_REDIS_AFTER  # Redis tried again, fails again
                await limiter.refusal(BUCKET)
            monotonic.now += WARN_EVERY
            await limiter.refusal(BUCKET)
        finally:
            await limiter.close()

    with caplog.at_level(logging.WARNING, logger="tatawwu.limits"):
        asyncio.run(run())
    warnings = [r.getMessage() for r in caplog.records if r.name == "tatawwu.limits"]
    assert len(warnings) == 2, warnings  # the first failure, then a minute later
    assert "counting in this process" in warnings[0]
