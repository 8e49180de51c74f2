"""Running delivery: one pass or a loop for `tatawwu notify`, and the loop `tatawwu serve
--notify` starts beside the API. The worker reads and writes the outbox as the database
owner (no request's row security): it acts for no caller."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from hub.config import Settings
from hub.db.engine import make_engine, make_sessionmaker
from resolvers.notifications.delivery import (
    DeliveryPolicy,
    DeliveryReport,
    OutboxStatus,
    deliver_due,
    deliver_forever,
    failed_notifications,
    outbox_status,
)
from resolvers.notifications.mailers import Mailer, mailer_for

Echo = Callable[[str], None]


async def run(settings: Settings, *, watch: bool, interval: float, batch_size: int,
              echo: Echo, mailer: Mailer | None = None) -> DeliveryReport:
    """Deliver what is due (with `watch`, until cancelled); the totals of the passes."""
    mailer = mailer or mailer_for(settings)
    policy = DeliveryPolicy.from_settings(settings, batch_size=batch_size)
    engine = make_engine(settings.database_url)
    sessions = make_sessionmaker(engine)
    total = DeliveryReport()

    def passed(report: DeliveryReport) -> None:
        for name in ("claimed", "sent", "retrying", "failed", "skipped"):
            setattr(total, name, getattr(total, name) + getattr(report, name))
        if report.claimed or not watch:
            echo(f"notifications: {report.summary()}")
        for error in dict.fromkeys(report.errors):
            echo(f"  error: {error}")

    try:
        if watch:
            echo(f"delivering notifications every {interval:g}s ({settings.mail_delivery}); "
                 "Ctrl-C stops")
            await deliver_forever(sessions, mailer, mail_from=settings.mail_from,
                                  policy=policy, interval=interval, on_pass=passed)
        while True:  # once: pass after pass while full batches come back
            report = await deliver_due(sessions, mailer, mail_from=settings.mail_from,
                                       policy=policy)
            passed(report)
            if report.claimed < policy.batch_size:
                return total
    finally:
        await engine.dispose()


async def status(settings: Settings) -> tuple[OutboxStatus, list[str]]:
    """Counts by state, and the latest notifications that failed for good."""
    policy = DeliveryPolicy.from_settings(settings)
    engine = make_engine(settings.database_url)
    try:
        async with make_sessionmaker(engine)() as session:
            counts = await outbox_status(session, policy)
            failed = await failed_notifications(session, policy)
    finally:
        await engine.dispose()
    return counts, [f"{r.id:>8} volunteer {r.volunteer_id:<8} {r.kind:<24} "
                    f"{r.attempts} attempts, {r.created_at:%Y-%m-%d %H:%M}: "
                    f"{r.last_error or '(interrupted)'}" for r in failed]


def start(settings: Settings, sessions: async_sessionmaker[AsyncSession], *,
          interval: float = 30) -> asyncio.Task[None]:
    """The delivery loop as a task of the running event loop (the app's lifespan cancels
    it); raises ConfigurationError at once when mail is not configured."""
    mailer = mailer_for(settings)
    return asyncio.create_task(deliver_forever(
        sessions, mailer, mail_from=settings.mail_from,
        policy=DeliveryPolicy.from_settings(settings), interval=interval),
        name="tatawwu-notify")
