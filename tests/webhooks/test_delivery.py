"""Deliveries to a real receiver on a loopback port, on SQLite and PostgreSQL: signed (checked
here with a few lines of HMAC, independently of the hub's code), retried with back-off until
delivered once, failed after the last attempt, never followed through a redirect, cut at the
time limit, sent by one of two concurrent passes only, and started by the lifespan's loop."""

from __future__ import annotations

import asyncio
import dataclasses
import hashlib
import hmac
import json
import time
from datetime import timedelta

from sqlalchemy import update

from hub.db import models as m
from hub.db.engine import make_engine, make_sessionmaker
from hub.db.types import utcnow
from hub.ids import decode_id, encode_id
from resolvers.webhooks import worker
from resolvers.webhooks.delivery import DeliveryPolicy, DeliveryReport, deliver_due
from resolvers.webhooks.history import retry_delivery
from resolvers.webhooks.outbox import WebhookEvent
from tests.applications.world import gid
from tests.dbtools import fetch
from tests.webhooks.receiver import Received, receiving
from tests.webhooks.world import POLICY, TENANT, WebhookWorld


def verify(secret: str, received: Received, tolerance: int = 300) -> bool:
    """What a receiver does (docs/webhooks.md): HMAC-SHA256 of "<timestamp>.<body>"."""
    timestamp = received.headers["tatawwu-webhook-timestamp"]
    expected = hmac.new(secret.encode(), timestamp.encode() + b"." + received.body,
                        hashlib.sha256).hexdigest()
    given = [s.removeprefix("v1=") for s in
             received.headers["tatawwu-webhook-signature"].split(",") if s.startswith("v1=")]
    fresh = abs(time.time() - int(timestamp)) <= tolerance
    return fresh and any(hmac.compare_digest(expected, s) for s in given)


def test_a_signed_delivery_reaches_the_receiver_once(world: WebhookWorld) -> None:
    client = world.client("crm")
    with receiving() as receiver:
        registered = world.register(client, receiver.url, ["APPLICATION_RECEIVED"])
        secret, webhook = registered["secret"], registered["webhook"]
        _, oid, application = world.applied()
        [row] = world.deliveries(webhook["id"])
        assert (row.event, row.attempts, row.delivered_at) == ("APPLICATION_RECEIVED", 0, None)
        report = world.deliver()
        assert (report.claimed, report.delivered) == (1, 1), report
        [got] = receiver.received
    assert got.path == "/hooks/tatawwu"
    assert got.headers["content-type"] == "application/json"
    assert got.headers["tatawwu-webhook-event"] == "APPLICATION_RECEIVED"
    assert got.headers["tatawwu-webhook-id"] == encode_id("WebhookDelivery", row.id)
    assert verify(secret, got)
    assert not verify(secret, dataclasses.replace(got, body=got.body.replace(b"}", b" }", 1)))
    assert not verify("whsec_not-the-secret", got)
    body = json.loads(got.body)
    assert set(body) == {"id", "type", "tenant", "occurredAt", "data"}
    assert body["type"] == "APPLICATION_RECEIVED" and body["tenant"] == TENANT
    assert body["id"].startswith("evt_") and body["occurredAt"].endswith("Z")
    assert body["data"] == {"application": application,
                            "opportunity": gid("Opportunity", oid), "status": "ACCEPTED"}
    [row] = world.deliveries(webhook["id"])
    assert row.attempts == 1 and row.delivered_at is not None and row.last_status == 200
    assert world.deliver().claimed == 0, "delivered: never again"


def test_three_failures_then_success_is_delivered_once(world: WebhookWorld) -> None:
    client = world.client("crm")
    with receiving([500, 503, 502]) as receiver:
        webhook = world.register(client, receiver.url, ["APPLICATION_RECEIVED"])["webhook"]
        world.applied()
        now = utcnow()
        waits = []
        for _ in range(4):
            report = world.deliver(now=now)
            assert report.claimed == 1, report
            [row] = world.deliveries(webhook["id"])
            if row.delivered_at is None:
                assert world.deliver(now=now).claimed == 0, "not due before its back-off"
                waits.append(row.next_attempt_at - now)
                now = row.next_attempt_at
        attempts = receiver.by_delivery()
    [(delivery_id, sent)] = attempts.items()
    assert len(sent) == 4 and len({r.body for r in sent}) == 1, "one delivery, one body"
    assert delivery_id == encode_id("WebhookDelivery", row.id)
    assert row.attempts == 4 and row.delivered_at is not None and row.failed_at is None
    assert row.last_status == 200 and row.last_error is None
    # Exponential back-off with jitter: within [d/2, d] of 30 s, 60 s, 120 s.
    for wait, ceiling in zip(waits, (30, 60, 120), strict=True):
        assert timedelta(seconds=ceiling / 2) <= wait <= timedelta(seconds=ceiling), waits


def test_failed_after_the_last_attempt_then_retried_by_an_operator(
        world: WebhookWorld) -> None:
    client = world.client("crm")
    policy = dataclasses.replace(POLICY, max_attempts=3, backoff_seconds=0)
    with receiving([302, 500, 500]) as receiver:
        webhook = world.register(client, receiver.url, ["APPLICATION_RECEIVED"])["webhook"]
        world.applied()
        reports = [world.deliver(policy=policy) for _ in range(4)]
        assert [(r.retrying, r.failed) for r in reports] == [(1, 0), (1, 0), (0, 1), (0, 0)]
        [row] = world.deliveries(webhook["id"])
        assert row.attempts == 3 and row.failed_at is not None and row.delivered_at is None
        assert row.last_status == 500
        assert row.last_error.startswith("HTTP 500: receiver says no"), row.last_error
        assert "\x00" not in row.last_error
        assert "HTTP 302 (a redirect: not followed)" in reports[0].errors[0]
        assert all(r.path == "/hooks/tatawwu" for r in receiver.received), "no redirect"
        # An operator's retry: due again, attempts counted anew.
        assert asyncio.run(_retry(world, row.id)) is None
        assert world.deliver(policy=policy).delivered == 1
        assert asyncio.run(_retry(world, row.id)) == "it was delivered already"
    [row] = world.deliveries(webhook["id"])
    assert row.attempts == 1 and row.delivered_at is not None and row.failed_at is None


async def _retry(world: WebhookWorld, delivery_id: int) -> str | None:
    engine = make_engine(world.base.database.settings.database_url)
    try:
        async with make_sessionmaker(engine)() as session, session.begin():
            return await retry_delivery(session, delivery_id)
    finally:
        await engine.dispose()


def test_a_receiver_too_slow_or_away_is_retried(world: WebhookWorld) -> None:
    client = world.client("crm")
    with receiving(delay=1) as slow:
        webhook = world.register(client, slow.url, ["APPLICATION_RECEIVED"])["webhook"]
        world.applied()
        report = world.deliver(policy=dataclasses.replace(POLICY, timeout_seconds=0.2))
    assert report.retrying == 1 and report.errors == ["no answer within 0.2 s"]
    [row] = world.deliveries(webhook["id"])
    assert row.last_status is None and row.next_attempt_at > utcnow()
    # The receiver is gone now: refused at once.
    report = world.deliver(now=row.next_attempt_at)
    assert report.retrying == 1 and report.errors[0].startswith("connection: "), report.errors


def test_two_concurrent_passes_never_send_a_delivery_twice(world: WebhookWorld) -> None:
    clients = [world.client(f"crm-{n}") for n in range(3)]
    with receiving(delay=0.05) as receiver:
        webhooks = [world.register(c, receiver.url + f"/{n}", ["HOURS_VERIFIED"])
                    for n, c in enumerate(clients)]
        world.queue(WebhookEvent.HOURS_VERIFIED, 4)
        expected = 3 * 4

        async def two_passes() -> list[DeliveryReport]:
            engines = [make_engine(world.base.database.settings.database_url) for _ in "ab"]
            try:
                policy = dataclasses.replace(POLICY, batch_size=8, concurrency=4)
                return list(await asyncio.gather(*(
                    deliver_due(make_sessionmaker(e), policy) for e in engines)))
            finally:
                for e in engines:
                    await e.dispose()

        reports = asyncio.run(two_passes())
        reports.append(world.deliver())  # what neither had room for
        sent = receiver.by_delivery()
    assert sum(r.claimed for r in reports) == expected, reports
    assert sum(r.delivered for r in reports) == expected
    assert len(sent) == expected and all(len(v) == 1 for v in sent.values())
    for w in webhooks:
        assert all(r.delivered_at is not None and r.attempts == 1
                   for r in world.deliveries(w["webhook"]["id"]))


def test_the_lifespan_loop_delivers(world: WebhookWorld) -> None:
    client = world.client("crm")
    with receiving() as receiver:
        world.register(client, receiver.url, ["APPLICATION_RECEIVED"])
        world.applied()

        async def loop() -> None:
            engine = make_engine(world.base.database.settings.database_url)
            task = worker.start(world.base.database.settings, make_sessionmaker(engine),
                                interval=0.1)
            try:
                deadline = time.monotonic() + 20
                while not receiver.received:
                    assert time.monotonic() < deadline, "the loop did not deliver"
                    assert not task.done(), task
                    await asyncio.sleep(0.05)
            finally:
                task.cancel()
                await asyncio.gather(task, return_exceptions=True)
                await engine.dispose()

        asyncio.run(loop())
    assert len(receiver.received) == 1


def test_an_interrupted_last_attempt_is_failed_once_its_lease_ends(world: WebhookWorld) -> None:
    """A process that died during a delivery's last attempt: the row stays claimed; once the
    lease has run out, a pass marks it failed (it would never be due again)."""
    client = world.client("crm")
    webhook = world.register(client, "http://127.0.0.1:9/never", ["HOURS_VERIFIED"])["webhook"]
    world.queue(WebhookEvent.HOURS_VERIFIED, 1)
    now = utcnow()
    fetch(world.base.database.settings, update(m.WebhookDelivery).where(
        m.WebhookDelivery.webhook_id == decode_id(webhook["id"], "Webhook")[1]).values(
        attempts=POLICY.max_attempts,
        next_attempt_at=now + timedelta(seconds=POLICY.lease_seconds)))
    assert world.deliver(now=now).claimed == 0
    world.deliver(now=now + timedelta(seconds=POLICY.lease_seconds + 1))
    [row] = world.deliveries(webhook["id"])
    assert row.failed_at is not None and row.last_error == "interrupted during its last attempt"


def test_policy_from_settings(world: WebhookWorld) -> None:
    settings = world.base.database.settings
    policy = DeliveryPolicy.from_settings(settings, batch_size=7)
    assert (policy.max_attempts, policy.backoff_seconds, policy.timeout_seconds,
            policy.batch_size, policy.production) == (8, 30, 10, 7, False)
    assert policy.lease_seconds >= policy.timeout_seconds * policy.batch_size / \
        policy.concurrency
