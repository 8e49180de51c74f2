"""The webhook tests' world: the applications tests' hub over a fresh database (tenants
synced, no demo data), with API clients, webhooks registered through the API, the events'
writes (apply, log and verify hours, publish) and delivery passes run with a chosen clock."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import strawberry
from sqlalchemy import select, update

from hub.access import ANONYMOUS
from hub.audit import AuditLog
from hub.authentication import create_api_client
from hub.db import models as m
from hub.db.engine import make_engine, make_sessionmaker
from hub.db.types import utcnow
from resolvers.applications.rules import local_today
from resolvers.core.writes import Tx
from resolvers.webhooks.delivery import DeliveryPolicy, DeliveryReport, deliver_due
from resolvers.webhooks.outbox import WebhookEvent, queue_webhooks
from schema import build as schema_build
from schema.core.policy import composed
from schema.webhooks.queries import WebhookQueries
from tests.applications.documents import APPLY, LOG, VERIFY
from tests.applications.world import OTHER_TENANT, TENANT, World, gid, open_world
from tests.dbtools import fetch

ALL_EVENTS = ["OPPORTUNITY_PUBLISHED", "APPLICATION_RECEIVED", "HOURS_VERIFIED"]
WEBHOOK_FIELDS = "id url events createdAt active"
REGISTER = ("mutation($input: RegisterWebhookInput!) { registerWebhook(input: $input) { "
            "secret webhook { " + WEBHOOK_FIELDS + " } } }")
REMOVE = ("mutation($input: RemoveWebhookInput!) { removeWebhook(input: $input) { "
          + WEBHOOK_FIELDS + " } }")
LIST = "{ webhooks { " + WEBHOOK_FIELDS + " } }"
PUBLISH = """mutation($input: PublishOpportunityInput!) { publishOpportunity(input: $input) {
               id status publishedAt } }"""
ARCHIVE = """mutation($input: ArchiveOpportunityInput!) { archiveOpportunity(input: $input) {
               id status } }"""
# Passes in these tests: no jitter, a short time limit, every batch at once.
POLICY = DeliveryPolicy(max_attempts=8, backoff_seconds=30, timeout_seconds=5)


@dataclass
class WebhookWorld:
    base: World
    clients: dict[str, tuple[int, str]] = field(default_factory=dict)

    @property
    def backend(self) -> str:
        return self.base.backend

    # --- principals ------------------------------------------------------------------

    def client(self, name: str, *, tenant: str = TENANT,
               scopes: tuple[str, ...] = ("webhooks",)) -> dict[str, str]:
        """Headers of API client `name` (made on first use) of `tenant` with `scopes`."""
        if name not in self.clients:
            async def create() -> tuple[int, str]:
                engine = make_engine(self.base.database.settings.database_url)
                try:
                    async with make_sessionmaker(engine)() as session, session.begin():
                        client, key = await create_api_client(
                            session, tenant_id=self.base.tenants[tenant], name=name,
                            scopes=list(scopes), origins=[])
                        return int(client.id), key
                finally:
                    await engine.dispose()

            self.clients[name] = asyncio.run(create())
        return {"X-Api-Key": self.clients[name][1], "Accept-Language": "en"}

    def client_id(self, name: str) -> int:
        return self.clients[name][0]

    # --- the API ------------------------------------------------------------------------

    def register(self, headers: dict[str, str], url: str,
                 events: list[str] | None = None) -> dict[str, Any]:
        data = self.base.ok(REGISTER, {"input": {"url": url, "events": events or ALL_EVENTS}},
                            headers)
        registered: dict[str, Any] = data["registerWebhook"]
        return registered

    def applied(self, *, tenant: str = TENANT, starts_days_ago: int = 30
                ) -> tuple[int, int, str]:
        """A new volunteer of `tenant` applied (accepted at once) to a new opportunity of
        it: (volunteer, opportunity, application's global id)."""
        vid = self.base.new_volunteer(tenant)
        oid = self.base.new_opportunity(
            capacity=None, tenant=tenant,
            starts_at=datetime.now(UTC) - timedelta(days=starts_days_ago))
        body = self.base.ok(APPLY, {"input": {"opportunityId": gid("Opportunity", oid)}},
                            self.base.volunteer(vid))
        return vid, oid, str(body["applyToOpportunity"]["id"])

    def verified(self, vid: int, application: str, *, tenant: str = TENANT) -> str:
        """Hours logged yesterday on `application`, approved by an admin of `tenant`."""
        day = (local_today("Africa/Algiers") - timedelta(days=1)).isoformat()
        entry = self.base.ok(LOG, {"input": {"applicationId": application, "date": day,
                                             "hours": 2}},
                             self.base.volunteer(vid))["logHours"]["id"]
        self.base.ok(VERIFY, {"input": {"entryIds": [entry], "approve": True}},
                     self.base.staff("admin", tenant))
        return str(entry)

    def publish(self, opportunity_id: int, *, at: datetime | None = None,
                tenant: str = TENANT) -> dict[str, Any]:
        variables: dict[str, Any] = {"id": gid("Opportunity", opportunity_id)}
        if at is not None:
            variables["publishAt"] = at.isoformat()
        data = self.base.ok(PUBLISH, {"input": variables}, self.base.staff("editor", tenant))
        published: dict[str, Any] = data["publishOpportunity"]
        return published

    # --- the outbox -----------------------------------------------------------------------

    def queue(self, event: WebhookEvent, count: int, *, tenant: str = TENANT) -> None:
        """`count` events of `tenant` queued by the outbox writer, in one transaction (as a
        write's `apply` queues them; quicker than `count` writes through the API)."""
        async def write() -> None:
            engine = make_engine(self.base.database.settings.database_url)
            try:
                async with make_sessionmaker(engine)() as session, session.begin():
                    tx = Tx(session, AuditLog(ANONYMOUS, "tests"))
                    for n in range(count):
                        await queue_webhooks(tx, tenant_id=self.base.tenants[tenant],
                                             event=event,
                                             payload={"entries": [gid("HoursEntry", n + 1)]})
            finally:
                await engine.dispose()

        asyncio.run(write())

    def deliveries(self, webhook_gid: str) -> list[Any]:
        from hub.ids import decode_id

        key = decode_id(webhook_gid, "Webhook")[1]
        d = m.WebhookDelivery
        return fetch(self.base.database.settings,
                     select(d.__table__).where(d.webhook_id == key).order_by(d.id))

    def deliver(self, *, now: datetime | None = None, policy: DeliveryPolicy = POLICY
                ) -> DeliveryReport:
        async def run() -> DeliveryReport:
            engine = make_engine(self.base.database.settings.database_url)
            try:
                return await deliver_due(make_sessionmaker(engine), policy, now=now,
                                         rng=random.Random(7))
            finally:
                await engine.dispose()

        return asyncio.run(run())

    def settle(self) -> None:
        """What a test leaves in the outbox is put aside (failed) and every webhook removed,
        so that the next test's passes find only its own deliveries."""
        now = utcnow()
        settings = self.base.database.settings
        d = m.WebhookDelivery
        fetch(settings, update(d).where(d.delivered_at.is_(None), d.failed_at.is_(None))
              .values(failed_at=now, last_error="put aside by the tests"))
        fetch(settings, update(m.Webhook).where(m.Webhook.disabled_at.is_(None))
              .values(disabled_at=now))


def _query_with_webhooks() -> Any:
    """The root query with `webhooks`, until WebhookQueries joins schema/root.py's Query
    (from then on the schema is used as it is)."""
    fields = schema_build.FederatedQuery.__strawberry_definition__.fields  # type: ignore[attr-defined]
    if "webhooks" in {f.name for f in fields}:
        return None

    @composed(note="every root field answers with what the caller may read")
    @strawberry.type(name="Query")
    class QueryWithWebhooks(schema_build.FederatedQuery, WebhookQueries):
        pass

    return QueryWithWebhooks


def open_webhook_world(backend: str, folder: Path) -> Iterator[WebhookWorld]:
    with pytest.MonkeyPatch.context() as patch:
        patched = _query_with_webhooks()
        if patched is not None:
            patch.setattr(schema_build, "FederatedQuery", patched)
        for base in open_world(backend, folder):
            yield WebhookWorld(base)


@pytest.fixture(scope="package", params=["sqlite", "postgresql"])
def world(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
          ) -> Iterator[WebhookWorld]:
    """One database per backend for the webhook tests (each makes its own records, and what
    it leaves in the outbox is put aside after it: `settle`)."""
    yield from open_webhook_world(request.param,
                                  tmp_path_factory.mktemp(f"webhooks-{request.param}"))


@pytest.fixture(autouse=True)
def settled(request: pytest.FixtureRequest) -> Iterator[None]:
    """After each test that uses the world, its leftovers are put aside."""
    yield
    if "world" in request.fixturenames:
        request.getfixturevalue("world").settle()


__all__ = ["ALL_EVENTS", "OTHER_TENANT", "TENANT", "WebhookWorld", "world"]
