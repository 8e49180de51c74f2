"""Budgets counted in process: windows restart from zero, memory stays bounded."""

from __future__ import annotations

import asyncio

from hub.limits.memory import MemoryCounts


def test_a_window_counts_what_was_charged_and_the_next_starts_from_zero() -> None:
    async def run() -> None:
        counts = MemoryCounts()
        assert await counts.charge("ip:a", 5, 3, 120) == 3
        assert await counts.charge("ip:a", 5, 4, 120) == 7
        assert await counts.spent("ip:a", 5) == 7
        assert await counts.spent("ip:a", 6) == 0
        assert await counts.charge("ip:a", 6, 1, 120) == 1
        assert await counts.spent("ip:b", 6) == 0

    asyncio.run(run())


def test_a_flood_of_callers_evicts_the_least_recent_not_the_memory() -> None:
    async def run() -> None:
        counts = MemoryCounts(max_entries=100)
        await counts.charge("ip:busy", 1, 50, 120)
        for n in range(10_000):
            await counts.charge(f"ip:flood-{n}", 1, 1, 120)
            if n % 50 == 0:
                await counts.spent("ip:busy", 1)  # used recently: kept
        assert len(counts) == 100
        assert await counts.spent("ip:busy", 1) == 50
        assert await counts.spent("ip:flood-0", 1) == 0  # evicted: forgotten
        assert await counts.spent("ip:flood-9999", 1) == 1

    asyncio.run(run())
