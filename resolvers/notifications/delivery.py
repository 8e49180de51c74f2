"""Delivering the outbox: notifications due are claimed, sent, and marked sent, at least once.

One pass (`deliver_due`):

1. claim    one statement, `UPDATE notification SET attempts = attempts + 1,
            next_attempt_at = now + lease WHERE id IN (SELECT id ... due ... LIMIT n
            FOR UPDATE SKIP LOCKED) RETURNING id`, committed at once. Due: not sent, not
            skipped, fewer attempts than the maximum, and no retry time or one that has come.
            On PostgreSQL a second worker's claim skips the rows the first has locked and,
            once it commits, no longer finds them due (their lease is in the future): no row
            is claimed twice. SQLite takes its write lock when the UPDATE starts, so the
            claim is atomic there too.
2. send     outside any transaction (an SMTP server may be slow; no lock is held), one
            SMTP connection per batch; each message is rendered in the recipient's language.
3. mark     right after each send: `sent_at = now`. A failure sets `last_error` and the
            next attempt's time, with exponential back-off and jitter; after the last
            attempt the row stays, unsent, with its error: failed, listed by `tatawwu
            notify --status`, never dropped.

A crash between sending and marking leaves the row claimed but not sent: when its lease
runs out it is due again and sent again (at least once; the copy has the same Message-ID).
A volunteer without an e-mail address, or whose account was erased, is skipped: marked so,
never retried.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import ColumnElement, Table, and_, case, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from hub.config import Settings
from hub.db import models as m
from hub.db.types import utcnow
from hub.i18n import gettext, tenant_digits
from hub.ids import encode_id
from resolvers.notifications import messages as msg
from resolvers.notifications.about import opportunity_titles, reference, title_in
from resolvers.notifications.mailers import SEND_ERRORS, Letter, Mailer
from resolvers.notifications.recipient import recipient_locale
from resolvers.notifications.render import render

log = logging.getLogger("tatawwu.notify")

N = m.Notification
TABLE = cast(Table, m.Notification.__table__)
# `last_error` of a notification that will never be sent (no address): not an error to retry.
SKIPPED = "skipped: "
NO_ADDRESS = SKIPPED + "the volunteer has no e-mail address"
ERASED = SKIPPED + "the volunteer's account was erased"


@dataclass(frozen=True, slots=True)
class DeliveryPolicy:
    max_attempts: int = 8
    backoff_seconds: float = 60  # before the 2nd attempt; doubled each time after
    max_backoff_seconds: float = 6 * 3600
    # How long a claimed row is left to its worker before another may take it: longer than
    # a batch can take to send (batch_size x the SMTP timeout, 30 s).
    lease_seconds: float = 30 * 60
    batch_size: int = 50

    @classmethod
    def from_settings(cls, settings: Settings, **overrides: Any) -> DeliveryPolicy:
        return cls(max_attempts=settings.notify_max_attempts,
                   backoff_seconds=settings.notify_backoff_seconds, **overrides)

    def retry_delay(self, attempts: int, rng: random.Random) -> timedelta:
        """After the `attempts`-th failed attempt: half the exponential delay, plus up to as
        much again at random, so that many failures do not all retry at the same moment."""
        ceiling = min(self.max_backoff_seconds, self.backoff_seconds * 2 ** (attempts - 1))
        return timedelta(seconds=ceiling / 2 + rng.uniform(0, ceiling / 2))


@dataclass(slots=True)
class DeliveryReport:
    claimed: int = 0
    sent: int = 0
    retrying: int = 0  # failed this time, will be tried again
    failed: int = 0  # failed for the last time: stays, marked failed
    skipped: int = 0
    errors: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (f"{self.claimed} due: {self.sent} sent, {self.retrying} to retry, "
                f"{self.failed} failed, {self.skipped} skipped")


def skipped() -> ColumnElement[bool]:
    return N.last_error.like(SKIPPED + "%")


def due(now: datetime, policy: DeliveryPolicy) -> ColumnElement[bool]:
    return and_(N.sent_at.is_(None), N.attempts < policy.max_attempts,
                or_(N.next_attempt_at.is_(None), N.next_attempt_at <= now),
                or_(N.last_error.is_(None), ~skipped()))


async def claim(session: AsyncSession, now: datetime, policy: DeliveryPolicy) -> list[int]:
    """Take up to a batch of due rows for this worker (see the module's docstring)."""
    chosen = (select(N.id).where(due(now, policy)).order_by(N.id).limit(policy.batch_size)
              .with_for_update(skip_locked=True))
    stmt = (update(TABLE).where(TABLE.c.id.in_(chosen.scalar_subquery()))
            .values(attempts=TABLE.c.attempts + 1,
                    next_attempt_at=now + timedelta(seconds=policy.lease_seconds))
            .returning(TABLE.c.id))
    return sorted((await session.execute(stmt)).scalars().all())


@dataclass(frozen=True, slots=True)
class Claimed:
    id: int
    attempts: int
    letter: Letter | None  # None: skipped
    skip_reason: str | None = None


async def prepare(session: AsyncSession, ids: Sequence[int]) -> list[Claimed]:
    """The claimed rows as letters in their recipients' languages (three statements more for
    the opportunities' titles, whatever the batch size)."""
    rows = (await session.execute(
        select(N.id, N.kind, N.params, N.attempts, m.Volunteer.email, m.Volunteer.first_name,
               m.Volunteer.locale, m.Volunteer.languages, m.Volunteer.erased_at,
               m.Tenant.default_locale, m.Tenant.digits, m.Tenant.names)
        .join(m.Volunteer, m.Volunteer.id == N.volunteer_id)
        .join(m.Tenant, m.Tenant.id == N.tenant_id)
        .where(N.id.in_(ids)).order_by(N.id))).all()
    titles = await opportunity_titles(session, (reference(r.params) for r in rows))
    claimed = []
    for r in rows:
        if r.erased_at is not None or not r.email:
            reason = ERASED if r.erased_at is not None else NO_ADDRESS
            claimed.append(Claimed(r.id, r.attempts, None, reason))
            continue
        claimed.append(Claimed(r.id, r.attempts, letter_of(r, titles)))
    return claimed


def letter_of(row: Any, titles: dict[tuple[str, int], dict[str, str]]) -> Letter:
    locale = recipient_locale(row.locale, row.languages, row.default_locale)
    ref = reference(row.params)
    title = title_in(titles.get(ref, {}), locale, row.default_locale) if ref else None
    words = render(row.kind, row.params, locale=locale,
                   digits=tenant_digits(locale, row.digits), opportunity_title=title)
    society = title_in(row.names, locale, row.default_locale) or ""
    body = "\n\n".join((
        gettext(locale, msg.GREETING) % {"name": row.first_name},
        words.text,
        gettext(locale, msg.ALSO_IN_APP),
        "-- \n" + gettext(locale, msg.SIGNATURE) % {"society": society},
    ))
    return Letter(row.id, encode_id("Notification", row.id), row.first_name, row.email,
                  locale, words.title, body + "\n")


async def _mark(sessions: async_sessionmaker[AsyncSession], notification_id: int,
                **values: Any) -> None:
    async with sessions() as session, session.begin():
        await session.execute(update(TABLE).where(TABLE.c.id == notification_id,
                                                  TABLE.c.sent_at.is_(None)).values(**values))


async def deliver_due(sessions: async_sessionmaker[AsyncSession], mailer: Mailer, *,
                      mail_from: str, policy: DeliveryPolicy | None = None,
                      now: datetime | None = None, rng: random.Random | None = None
                      ) -> DeliveryReport:
    """One pass over the outbox: claim a batch of due notifications, send them, mark each."""
    policy = policy or DeliveryPolicy()
    now = now or utcnow()
    rng = rng or random.Random()
    report = DeliveryReport()
    async with sessions() as session, session.begin():
        ids = await claim(session, now, policy)
    report.claimed = len(ids)
    if not ids:
        return report
    async with sessions() as session:
        claimed = await prepare(session, ids)

    async def failed(item: Claimed, error: BaseException) -> None:
        text = f"{type(error).__name__}: {error}"[:500]
        report.errors.append(text)
        last = item.attempts >= policy.max_attempts
        retry_at = None if last else now + policy.retry_delay(item.attempts, rng)
        await _mark(sessions, item.id, last_error=text, next_attempt_at=retry_at)
        if last:
            report.failed += 1
            log.warning("notification %s failed for good after %s attempts: %s",
                        item.id, item.attempts, text)
        else:
            report.retrying += 1

    pending = []
    for item in claimed:
        if item.letter is None:
            await _mark(sessions, item.id, last_error=item.skip_reason, next_attempt_at=None)
            report.skipped += 1
        else:
            pending.append(item)
    if not pending:
        return report
    try:
        async with mailer.session() as sender:
            while pending:
                item = pending[0]
                assert item.letter is not None
                try:
                    await sender.send(item.letter.message(mail_from))
                except SEND_ERRORS as error:
                    pending.pop(0)
                    await failed(item, error)
                    continue
                # A crash here (after the server took the message, before the mark) leaves
                # the row claimed and unsent: sent again once the lease runs out.
                pending.pop(0)
                await _mark(sessions, item.id, sent_at=utcnow(), next_attempt_at=None,
                            last_error=None)
                report.sent += 1
    except SEND_ERRORS as error:  # no connection, or it broke: the rest of the batch waits
        for item in pending:
            await failed(item, error)
    return report


async def deliver_forever(sessions: async_sessionmaker[AsyncSession], mailer: Mailer, *,
                          mail_from: str, policy: DeliveryPolicy, interval: float,
                          on_pass: Callable[[DeliveryReport], Awaitable[None] | None]
                          | None = None) -> None:
    """Passes until cancelled: at once again after a full batch, else after `interval`
    seconds. A pass that fails (the database is away) is logged and tried again later."""
    while True:
        try:
            report = await deliver_due(sessions, mailer, mail_from=mail_from, policy=policy)
        except Exception:
            log.exception("notification delivery pass failed; trying again in %ss", interval)
            await asyncio.sleep(interval)
            continue
        if on_pass is not None:
            result = on_pass(report)
            if result is not None:
                await result
        if report.claimed < policy.batch_size:
            await asyncio.sleep(interval)


@dataclass(frozen=True, slots=True)
class OutboxStatus:
    pending: int  # not sent yet, still to be tried (or in flight)
    sent: int
    failed: int  # every attempt failed
    skipped: int  # no address: never to be sent


async def outbox_status(session: AsyncSession, policy: DeliveryPolicy) -> OutboxStatus:
    """How many notifications are in each state, in one statement."""
    unsent = N.sent_at.is_(None)
    is_skipped = and_(unsent, N.last_error.is_not(None), skipped())
    is_failed = and_(unsent, ~is_skipped, N.attempts >= policy.max_attempts)

    def count(clause: ColumnElement[bool]) -> Any:
        return func.coalesce(func.sum(case((clause, 1), else_=0)), 0)

    row = (await session.execute(select(
        count(N.sent_at.is_not(None)), count(is_failed), count(is_skipped), func.count()
    ))).one()
    sent, failed, skipped_count, total = (int(v) for v in row)
    return OutboxStatus(total - sent - failed - skipped_count, sent, failed, skipped_count)


async def failed_notifications(session: AsyncSession, policy: DeliveryPolicy,
                               limit: int = 20) -> list[Any]:
    """The latest notifications that failed for good, with their last error."""
    return list((await session.execute(
        select(N.id, N.volunteer_id, N.kind, N.attempts, N.last_error, N.created_at)
        .where(N.sent_at.is_(None), N.attempts >= policy.max_attempts,
               or_(N.last_error.is_(None), ~skipped()))
        .order_by(N.id.desc()).limit(limit))).all())
