"""Delivering webhooks: due deliveries are claimed, checked, signed, POSTed, and marked.

One pass (`deliver_due`), as the database owner (the loop acts for no caller):

1. claim    one statement, `UPDATE webhook_delivery SET attempts = attempts + 1,
            next_attempt_at = now + lease WHERE id IN (SELECT id ... due ... LIMIT n
            FOR UPDATE SKIP LOCKED) RETURNING id`, committed at once. Due: not delivered,
            not failed, fewer attempts than the maximum, and its time has come (a scheduled
            publication's deliveries wait for it). A second process's claim skips the rows
            the first has locked and, once it commits, no longer finds them due (the lease
            lies ahead): no delivery is sent by two processes at once. SQLite takes its
            write lock when the UPDATE starts, so the claim is atomic there too. The same
            transaction first gives up on deliveries whose last attempt was interrupted (a
            crash) and whose lease has run out.
2. check    one statement for the batch: the webhook (still active, of the delivery's
            tenant, its client's key not revoked), the tenant's slug; and one more for the
            opportunities of scheduled publications: still published at the time announced,
            else the delivery is cancelled (unpublished, archived or rescheduled meanwhile:
            a rescheduled publication has its own delivery, due at its new time).
3. send     outside any transaction, up to `concurrency` at once, each within the time
            limit: POST the JSON body, signed (resolvers/webhooks/signing.py), redirects not
            followed (resolvers/webhooks/transport.py).
4. mark     each right after its answer, only if it is still this pass's claim (`attempts`
            unchanged): a 2xx is delivered; anything else keeps the status and a short
            excerpt of the answer, and the next attempt's time, with exponential back-off
            and jitter; after the last attempt the delivery is failed (kept, listed by
            `tatawwu webhooks deliveries --failed`, retried by `tatawwu webhooks retry`).

At least once: a crash between the receiver's answer and the mark leaves the delivery
claimed, and it is sent again once the lease runs out, with the same delivery id in
`Tatawwu-Webhook-Id` for the receiver to recognise it.
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Final, cast

import orjson
from sqlalchemy import Table, and_, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from hub.config import Settings
from hub.db import models as m
from hub.db.models import RecordStatus
from hub.db.types import utcnow
from hub.errors import BadUserInput
from hub.ids import decode_id, encode_id
from resolvers.webhooks.outbox import WebhookEvent, iso
from resolvers.webhooks.signing import (
    EVENT_HEADER,
    ID_HEADER,
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    signature,
)
from resolvers.webhooks.transport import Answer, NotDelivered, post
from resolvers.webhooks.urls import check_url, target_of

log = logging.getLogger("tatawwu.webhooks")

D, W, C, T, Opp = m.WebhookDelivery, m.Webhook, m.ApiClient, m.Tenant, m.Opportunity
TABLE = cast(Table, m.WebhookDelivery.__table__)
# `last_error` of a delivery that will not be sent, and is no failure of the receiver's.
CANCELLED: Final = "cancelled: "
INTERRUPTED: Final = "interrupted during its last attempt"


@dataclass(frozen=True, slots=True)
class DeliveryPolicy:
    max_attempts: int = 8
    backoff_seconds: float = 30  # before the 2nd attempt; doubled each time after
    max_backoff_seconds: float = 6 * 3600
    timeout_seconds: float = 10  # per attempt, everything included
    batch_size: int = 50
    concurrency: int = 10  # attempts in flight at once, per pass
    production: bool = False  # https only, public addresses only

    @property
    def lease_seconds(self) -> float:
        """How long a claimed delivery is left to its process before another may take it:
        twice as long as a whole batch can take, and a minute more."""
        rounds = -(-self.batch_size // self.concurrency)
        return 2 * rounds * self.timeout_seconds + 60

    @classmethod
    def from_settings(cls, settings: Settings, **overrides: Any) -> DeliveryPolicy:
        values: dict[str, Any] = {
            "max_attempts": settings.webhook_max_attempts,
            "backoff_seconds": settings.webhook_backoff_seconds,
            "timeout_seconds": settings.webhook_timeout_seconds,
            "production": not settings.is_dev}
        return cls(**{**values, **overrides})

    def retry_delay(self, attempts: int, rng: random.Random) -> timedelta:
        """After the `attempts`-th failed attempt: half the exponential delay, plus up to as
        much again at random, so that the deliveries of one outage do not all come back at
        the same moment."""
        ceiling = min(self.max_backoff_seconds, self.backoff_seconds * 2 ** (attempts - 1))
        return timedelta(seconds=ceiling / 2 + rng.uniform(0, ceiling / 2))


@dataclass(slots=True)
class DeliveryReport:
    claimed: int = 0
    delivered: int = 0
    retrying: int = 0  # not delivered this time, will be tried again
    failed: int = 0  # not delivered at the last attempt: stays, marked failed
    cancelled: int = 0  # not to be sent (webhook removed, publication called off...)
    errors: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (f"{self.claimed} due: {self.delivered} delivered, {self.retrying} to retry, "
                f"{self.failed} failed, {self.cancelled} cancelled")

    def add(self, other: DeliveryReport) -> None:
        for name in ("claimed", "delivered", "retrying", "failed", "cancelled"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.errors.extend(other.errors)


def due(now: datetime, policy: DeliveryPolicy) -> Any:
    return and_(D.delivered_at.is_(None), D.failed_at.is_(None),
                D.attempts < policy.max_attempts,
                or_(D.next_attempt_at.is_(None), D.next_attempt_at <= now))


async def give_up_interrupted(session: AsyncSession, now: datetime,
                              policy: DeliveryPolicy) -> None:
    """Deliveries whose last attempt never came back (its process died) are failed once its
    lease has run out: they would never be due again."""
    await session.execute(
        update(TABLE).where(TABLE.c.delivered_at.is_(None), TABLE.c.failed_at.is_(None),
                            TABLE.c.attempts >= policy.max_attempts,
                            TABLE.c.next_attempt_at <= now)
        .values(failed_at=now, next_attempt_at=None,
                last_error=func.coalesce(TABLE.c.last_error, INTERRUPTED)))


async def claim(session: AsyncSession, now: datetime, policy: DeliveryPolicy) -> list[int]:
    """Take up to a batch of due deliveries for this process (see the module's docstring)."""
    chosen = (select(D.id).where(due(now, policy)).order_by(D.next_attempt_at, D.id)
              .limit(policy.batch_size).with_for_update(skip_locked=True))
    stmt = (update(TABLE).where(TABLE.c.id.in_(chosen.scalar_subquery()))
            .values(attempts=TABLE.c.attempts + 1,
                    next_attempt_at=now + timedelta(seconds=policy.lease_seconds))
            .returning(TABLE.c.id))
    return sorted((await session.execute(stmt)).scalars().all())


@dataclass(frozen=True, slots=True)
class Claimed:
    id: int
    attempts: int  # this attempt's number: the mark is made only if it is still the row's
    event: str
    url: str
    secret: str = field(repr=False)  # never in a log line or a traceback
    body: bytes = field(repr=False)
    cancel: str | None = None  # why it will not be sent

    @property
    def delivery_id(self) -> str:
        return encode_id("WebhookDelivery", self.id)


async def prepare(session: AsyncSession, ids: Sequence[int], now: datetime,
                  policy: DeliveryPolicy) -> list[Claimed]:
    """The claimed deliveries with their bodies, or why each is cancelled (two statements
    for any batch)."""
    rows = (await session.execute(
        select(D.id, D.attempts, D.event, D.payload, D.created_at, D.tenant_id,
               W.tenant_id.label("webhook_tenant"), W.url, W.secret, W.disabled_at,
               C.tenant_id.label("client_tenant"), C.revoked_at, T.slug)
        .join(W, W.id == D.webhook_id).join(C, C.id == W.client_id)
        .join(T, T.id == D.tenant_id).where(D.id.in_(ids)).order_by(D.id))).all()
    published = await _publications(session, [r for r in rows if _scheduled(r)])
    claimed = []
    for r in rows:
        body = {"id": r.payload.get("id"), "type": r.event, "tenant": r.slug,
                "occurredAt": r.payload.get("occurredAt"), "data": r.payload.get("data", {})}
        claimed.append(Claimed(r.id, r.attempts, r.event, r.url, r.secret, orjson.dumps(body),
                               _why_not(r, published, now, policy)))
    return claimed


def _scheduled(row: Any) -> bool:
    """An opportunity's publication announced ahead of its time (see `_why_not`)."""
    data = row.payload.get("data") or {}
    return row.event == WebhookEvent.OPPORTUNITY_PUBLISHED and \
        str(data.get("publishedAt", "")) > iso(row.created_at)


def _opportunity_key(row: Any) -> int | None:
    try:
        return decode_id(str((row.payload.get("data") or {}).get("opportunity")),
                         "Opportunity")[1]
    except BadUserInput:
        return None


async def _publications(session: AsyncSession, rows: Sequence[Any]) -> dict[int, Any]:
    keys = {k for r in rows if (k := _opportunity_key(r)) is not None}
    if not keys:
        return {}
    found = await session.execute(select(Opp.id, Opp.status, Opp.published_at)
                                  .where(Opp.id.in_(sorted(keys))))
    return {r.id: r for r in found.all()}


def _why_not(row: Any, published: dict[int, Any], now: datetime,
             policy: DeliveryPolicy) -> str | None:
    """Why this delivery is not to be sent, if it is not."""
    if not row.tenant_id == row.webhook_tenant == row.client_tenant:  # never: defence
        return CANCELLED + "the webhook belongs to another tenant"
    if row.disabled_at is not None:
        return CANCELLED + "the webhook was removed"
    if row.revoked_at is not None:
        return CANCELLED + "the API client's key was revoked"
    try:
        check_url(row.url, production=policy.production, argument="url")
    except BadUserInput as error:
        return CANCELLED + error.message
    if _scheduled(row):
        key = _opportunity_key(row)
        found = published.get(key) if key is not None else None
        announced = (row.payload.get("data") or {}).get("publishedAt")
        if found is None or found.status != RecordStatus.PUBLISHED or \
                found.published_at is None or iso(found.published_at) != announced or \
                found.published_at > now:
            return CANCELLED + ("the scheduled publication did not happen: the opportunity "
                                "was unpublished, archived or rescheduled")
    return None


async def send(item: Claimed, policy: DeliveryPolicy) -> Answer:
    """One attempt: the signed POST (raises NotDelivered when there is no answer)."""
    timestamp = int(time.time())
    headers = [("Content-Type", "application/json"), (ID_HEADER, item.delivery_id),
               (EVENT_HEADER, item.event), (TIMESTAMP_HEADER, str(timestamp)),
               (SIGNATURE_HEADER, signature(item.secret, timestamp, item.body))]
    return await post(target_of(item.url), item.body, headers,
                      seconds=policy.timeout_seconds, public_only=policy.production)


async def _mark(sessions: async_sessionmaker[AsyncSession], item: Claimed,
                **values: Any) -> None:
    async with sessions() as session, session.begin():
        await session.execute(update(TABLE).where(
            TABLE.c.id == item.id, TABLE.c.attempts == item.attempts,
            TABLE.c.delivered_at.is_(None)).values(**values))


def _problem(answer: Answer) -> str:
    text = f"HTTP {answer.status}"
    if 300 <= answer.status < 400:
        text += " (a redirect: not followed)"
    return f"{text}: {answer.excerpt}" if answer.excerpt else text


async def deliver_due(sessions: async_sessionmaker[AsyncSession],
                      policy: DeliveryPolicy | None = None, *, now: datetime | None = None,
                      rng: random.Random | None = None) -> DeliveryReport:
    """One pass: claim a batch of due deliveries, send them, mark each."""
    policy = policy or DeliveryPolicy()
    now = now or utcnow()
    rng = rng or random.Random()
    report = DeliveryReport()
    async with sessions() as session, session.begin():
        await give_up_interrupted(session, now, policy)
        ids = await claim(session, now, policy)
    report.claimed = len(ids)
    if not ids:
        return report
    async with sessions() as session:
        claimed = await prepare(session, ids, now, policy)
    gate = asyncio.Semaphore(policy.concurrency)

    async def attempt(item: Claimed) -> None:
        if item.cancel is not None:
            await _mark(sessions, item, failed_at=utcnow(), next_attempt_at=None,
                        last_error=item.cancel)
            report.cancelled += 1
            return
        answer: Answer | None
        problem: str | None
        async with gate:
            try:
                answer = await send(item, policy)
            except NotDelivered as error:
                answer, problem = None, str(error)
            except Exception as error:  # a bug of ours: this delivery waits, the others go
                log.exception("webhook delivery %s: unexpected error", item.id)
                answer, problem = None, f"internal error ({type(error).__name__})"
            else:
                problem = None if answer.ok else _problem(answer)
        status = answer.status if answer is not None else None
        if problem is None:
            # A crash before this mark leaves the delivery claimed: sent again after the
            # lease, with the same id (at least once).
            await _mark(sessions, item, delivered_at=utcnow(), next_attempt_at=None,
                        last_status=status, last_error=None)
            report.delivered += 1
            return
        report.errors.append(problem)
        if item.attempts >= policy.max_attempts:
            await _mark(sessions, item, failed_at=utcnow(), next_attempt_at=None,
                        last_status=status, last_error=problem)
            report.failed += 1
            log.warning("webhook delivery %s failed for good after %s attempts: %s",
                        item.id, item.attempts, problem)
        else:
            await _mark(sessions, item, last_status=status, last_error=problem,
                        next_attempt_at=now + policy.retry_delay(item.attempts, rng))
            report.retrying += 1

    await asyncio.gather(*(attempt(item) for item in claimed))
    return report


async def deliver_forever(sessions: async_sessionmaker[AsyncSession], policy: DeliveryPolicy,
                          *, interval: float,
                          on_pass: Callable[[DeliveryReport], Awaitable[None] | None]
                          | None = None) -> None:
    """Passes until cancelled: at once again after a full batch, else after `interval`
    seconds. A pass that fails (the database is away) is logged and tried again later."""
    while True:
        try:
            report = await deliver_due(sessions, policy)
        except Exception:
            log.exception("webhook delivery pass failed; trying again in %ss", interval)
            await asyncio.sleep(interval)
            continue
        if on_pass is not None:
            result = on_pass(report)
            if result is not None:
                await result
        if report.claimed < policy.batch_size:
            await asyncio.sleep(interval)
