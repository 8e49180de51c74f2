"""Running webhook delivery: one pass or a loop for `tatawwu webhooks deliver`, and the loop
an app's lifespan starts beside the API (`start`). It reads and writes the deliveries as the
database owner (no request's row security): it acts for no caller."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from hub.config import Settings
from hub.db.engine import make_engine, make_sessionmaker
from resolvers.webhooks.delivery import (
    DeliveryPolicy,
    DeliveryReport,
    deliver_due,
    deliver_forever,
)

Echo = Callable[[str], None]
INTERVAL = 10  # seconds between passes of the loop, when the last found less than a batch


async def run(settings: Settings, *, watch: bool, interval: float, batch_size: int,
              echo: Echo) -> DeliveryReport:
    """Deliver what is due (with `watch`, until cancelled); the totals of the passes."""
    policy = DeliveryPolicy.from_settings(settings, batch_size=batch_size)
    engine = make_engine(settings.database_url)
    sessions = make_sessionmaker(engine)
    total = DeliveryReport()

    def passed(report: DeliveryReport) -> None:
        total.add(report)
        if report.claimed or not watch:
            echo(f"webhooks: {report.summary()}")
        for error in dict.fromkeys(report.errors):
            echo(f"  error: {error}")

    try:
        if watch:
            echo(f"delivering webhooks every {interval:g}s; Ctrl-C stops")
            await deliver_forever(sessions, policy, interval=interval, on_pass=passed)
        while True:  # once: pass after pass while full batches come back
            report = await deliver_due(sessions, policy)
            passed(report)
            if report.claimed < policy.batch_size:
                return total
    finally:
        await engine.dispose()


def start(settings: Settings, sessions: async_sessionmaker[AsyncSession], *,
          interval: float = INTERVAL) -> asyncio.Task[None]:
    """The delivery loop as a task of the running event loop (the app's lifespan cancels
    it when the app stops)."""
    return asyncio.create_task(deliver_forever(
        sessions, DeliveryPolicy.from_settings(settings), interval=interval),
        name="tatawwu-webhooks")
