"""Delivery of the outbox to a real SMTP server (an aiosmtpd sink on a free port), on
SQLite and PostgreSQL: in each recipient's language, marked sent once, retried with
back-off on a failing server, kept as failed after the last attempt, skipped without an
address, and sent again (never lost) after a crash between sending and marking."""

from __future__ import annotations

import asyncio
import random
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import event

from hub.db.engine import make_engine, make_sessionmaker
from hub.ids import encode_id
from resolvers.notifications.delivery import (
    DeliveryPolicy,
    DeliveryReport,
    claim,
    deliver_due,
    outbox_status,
)
from resolvers.notifications.mailers import Mailer, PrintMailer
from resolvers.notifications.outbox import NotificationKind
from tests.notifications.sink import smtp_sink
from tests.notifications.world import TITLES, World

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
FROM = "Tatawwu Hub <no-reply@hub.example>"


def deliver(world: World, mailer: Mailer, *, now: datetime, policy: DeliveryPolicy | None = None,
            statements: list[str] | None = None) -> DeliveryReport:
    async def run() -> DeliveryReport:
        engine = make_engine(world.database.settings.database_url)
        if statements is not None:
            event.listen(engine.sync_engine, "before_cursor_execute",
                         lambda *args: statements.append(args[2]))
        try:
            return await deliver_due(make_sessionmaker(engine), mailer, mail_from=FROM,
                                     policy=policy or DeliveryPolicy(), now=now,
                                     rng=random.Random(7))
        finally:
            await engine.dispose()

    return asyncio.run(run())


def status(world: World, policy: DeliveryPolicy) -> Any:
    async def run() -> Any:
        engine = make_engine(world.database.settings.database_url)
        try:
            async with make_sessionmaker(engine)() as session:
                return await outbox_status(session, policy)
        finally:
            await engine.dispose()

    return asyncio.run(run())


def test_delivers_each_in_the_recipients_language_once(world: World) -> None:
    ids = {name: world.accepted(name) for name in ("amina", "karim", "sara", "nomail", "erased")}
    with smtp_sink() as sink:
        statements: list[str] = []
        report = deliver(world, sink.mailer(), now=T0, statements=statements)
        assert (report.claimed, report.sent, report.skipped, report.failed) == (5, 3, 2, 0)
        got = {m["To"].addresses[0].addr_spec: m for m in sink.received}
        assert set(got) == {"amina@example.org", "karim@example.org", "sara@example.org"}
        # Amina chose Arabic; Karim speaks Kabyle (no catalog) then French; Sara English.
        for address, locale in (("amina", "ar"), ("karim", "fr"), ("sara", "en")):
            message = got[f"{address}@example.org"]
            assert message["Content-Language"] == locale
            assert TITLES[locale] in message.get_content(), "the title in their language"
            assert message["Message-ID"] == (
                f"<notification.{encode_id('Notification', ids[address])}@hub.example>")
            assert message["From"] == FROM
        sara = got["sara@example.org"]
        assert sara["Subject"] == "Your application was accepted"
        assert sara.get_content().replace("\r\n", "\n").startswith("Hello Sara,\n\nYour application to “Blood "
                                              "donation drive” was accepted.")
        # claim, the batch's rows, the applications and the titles, then one mark per row
        # (each its own short transaction: BEGIN is implicit on both drivers).
        writes = [s for s in statements if s.lstrip().upper().startswith("UPDATE")]
        reads = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
        assert len(writes) == 1 + 5 and len(reads) == 3, statements
        rows = world.rows()
        for name in ("amina", "karim", "sara"):
            row = rows[ids[name]]
            assert row.sent_at is not None and row.attempts == 1 and row.last_error is None
        assert rows[ids["nomail"]].sent_at is None
        assert rows[ids["nomail"]].last_error.startswith("skipped: ")
        assert "erased" in rows[ids["erased"]].last_error
        # Nothing is due any more, now or much later: each was sent (or skipped) once.
        later = deliver(world, sink.mailer(), now=T0 + timedelta(days=30))
        assert later.claimed == 0 and len(sink.received) == 3
        counts = status(world, DeliveryPolicy())
        assert (counts.pending, counts.sent, counts.failed, counts.skipped) == (0, 3, 0, 2)


def test_failing_server_backs_off_then_keeps_the_failure(world: World) -> None:
    policy = DeliveryPolicy(max_attempts=3, backoff_seconds=60)
    nid = world.accepted("sara")
    with smtp_sink(refuse="451 4.3.0 Try again later") as sink:
        first = deliver(world, sink.mailer(), now=T0, policy=policy)
        assert (first.claimed, first.retrying, first.failed) == (1, 1, 0)
        row = world.rows()[nid]
        assert row.sent_at is None and row.attempts == 1 and "451" in row.last_error
        # Half the delay plus up to as much again at random: 30..60 s after the 1st attempt.
        assert T0 + timedelta(seconds=30) <= row.next_attempt_at <= T0 + timedelta(seconds=60)
        assert deliver(world, sink.mailer(), now=T0 + timedelta(seconds=29),
                       policy=policy).claimed == 0, "not before its time"
        second_at = row.next_attempt_at
        deliver(world, sink.mailer(), now=second_at, policy=policy)
        row = world.rows()[nid]
        assert row.attempts == 2
        assert second_at + timedelta(seconds=60) <= row.next_attempt_at \
            <= second_at + timedelta(seconds=120), "the delay doubles"
        last = deliver(world, sink.mailer(), now=row.next_attempt_at, policy=policy)
        assert (last.failed, last.retrying) == (1, 0)
    row = world.rows()[nid]
    assert row.sent_at is None and row.attempts == 3 and row.next_attempt_at is None
    assert "451" in row.last_error, "kept, with why"
    assert deliver(world, PrintMailer(), now=T0 + timedelta(days=365),
                   policy=policy).claimed == 0, "no attempt after the last"
    counts = status(world, policy)
    assert (counts.failed, counts.pending, counts.sent) == (1, 0, 0)


def test_no_server_at_all_is_a_failure_to_retry(world: World) -> None:
    nid = world.accepted("sara")
    with smtp_sink() as sink:
        mailer = sink.mailer()
    report = deliver(world, mailer, now=T0)  # the sink is gone: connection refused
    assert (report.claimed, report.retrying, report.sent) == (1, 1, 0)
    row = world.rows()[nid]
    assert row.sent_at is None and row.attempts == 1 and row.next_attempt_at > T0
    assert row.last_error


class Crash(BaseException):
    """The worker dies (killed, power cut): nothing of it runs any more."""


class CrashAfterSending:
    """A mailer whose worker dies right after the server accepted the message, before the
    hub could mark it sent."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner

    def session(self) -> Any:
        inner = self.inner

        class Session:
            async def __aenter__(self) -> Any:
                self.cm = inner.session()
                sender = await self.cm.__aenter__()

                class Dying:
                    async def send(self, message: Any) -> None:
                        await sender.send(message)
                        raise Crash

                return Dying()

            async def __aexit__(self, *exc: Any) -> None:
                await self.cm.__aexit__(*exc)

        return Session()


def test_a_crash_between_send_and_mark_sends_again(world: World) -> None:
    policy = DeliveryPolicy(lease_seconds=600)
    nid = world.accepted("sara")
    with smtp_sink() as sink:
        with pytest.raises(Crash):
            deliver(world, CrashAfterSending(sink.mailer()), now=T0, policy=policy)
        assert len(sink.received) == 1, "the server took it"
        row = world.rows()[nid]
        assert row.sent_at is None, "the crash came before the mark"
        # While its lease runs no other pass takes it (no double send in flight)...
        assert deliver(world, sink.mailer(), now=T0 + timedelta(seconds=599),
                       policy=policy).claimed == 0
        # ...then it is due again, and sent again: at least once, never lost.
        report = deliver(world, sink.mailer(), now=T0 + timedelta(seconds=601), policy=policy)
        assert (report.claimed, report.sent) == (1, 1)
        assert len(sink.received) == 2
        first, second = sink.received
        assert first["Message-ID"] == second["Message-ID"], "recognisably the same message"
    row = world.rows()[nid]
    assert row.sent_at is not None and row.attempts == 2


def test_print_mode_prints_instead_of_sending(world: World) -> None:
    import io

    world.notify("sara", NotificationKind.HOURS_VERIFIED, hours=3, date="2026-11-20",
                 approved=True, application=encode_id("Application", world.applications["sara"]))
    out = io.StringIO()
    report = deliver(world, PrintMailer(out), now=T0)
    assert report.sent == 1
    text = out.getvalue().replace("\r\n", "\n")
    assert "To: Sara <sara@example.org>" in text and "Subject: Your hours were verified" in text
    assert "Your 3 hours of November 20, 2026 on “Blood donation drive” were verified" in text


@pytest.mark.postgresql_only
@pytest.mark.parametrize("world", ["postgresql"], indirect=True)
def test_concurrent_workers_never_claim_the_same_row(world: World) -> None:
    """Two workers claim at the same moment: the second skips the rows the first holds
    (FOR UPDATE SKIP LOCKED) and, after the first commits, finds them leased."""
    for _ in range(10):
        world.accepted("sara")
    policy = DeliveryPolicy(batch_size=6)

    async def race() -> tuple[list[int], list[int], list[int]]:
        engine = make_engine(world.database.settings.database_url)
        sessions = make_sessionmaker(engine)
        try:
            async with sessions() as a, a.begin():
                first = await claim(a, T0, policy)  # locked, not yet committed
                async with sessions() as b, b.begin():
                    second = await claim(b, T0, policy)
            async with sessions() as c, c.begin():
                third = await claim(c, T0, policy)
            return first, second, third
        finally:
            await engine.dispose()

    first, second, third = asyncio.run(race())
    assert len(first) == 6 and len(second) == 4 and not set(first) & set(second)
    assert third == [], "all leased"
