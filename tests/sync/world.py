"""A hub over a fresh database (tenants synced, no demo data) for society systems' syncs: the
taxonomy items name (a retired category and skill among it), API keys of two tenants with
and without the `sync` scope, the mutation and what these tests read of the records."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import func, insert, select

from hub.authentication import create_api_client
from hub.db import models as m
from hub.db.engine import make_engine, make_sessionmaker
from tests.applications.world import OTHER_TENANT, TENANT, World, code_of, open_world
from tests.dbtools import fetch

RESULT = """results { externalId outcome opportunityId errors { code message argument }
  opportunity { id title status visibility } } created updated unchanged rejected"""
UPSERT = ("mutation($input: UpsertOpportunitiesInput!) { upsertOpportunities(input: $input) "
          "{ %s } }" % RESULT)
# What one item's write touches, counted by `snapshot` (the outbox tables included).
TOUCHED = (m.Opportunity, m.OpportunityTranslation, m.OpportunitySkill, m.AuditEvent,
           m.IdempotencyKey, m.EmergencyCall, m.WebhookDelivery)

_serial = itertools.count(1)


class SyncWorld(World):
    """The applications' world, with API keys and this domain's reads."""

    keys: dict[str, str]  # "<tenant>:<scopes>" -> API key

    def system(self, tenant: str = TENANT, scopes: str = "sync") -> dict[str, str]:
        """The headers of an API client of `tenant` with `scopes` (comma separated)."""
        name = f"{tenant}:{scopes}"
        if name not in self.keys:
            self.keys[name] = asyncio.run(self._new_key(tenant, scopes.split(",")))
        return {"X-Api-Key": self.keys[name], "Accept-Language": "en"}

    def subject(self, tenant: str = TENANT, scopes: str = "sync") -> str:
        """The audit subject of that client (`client|<id>`)."""
        prefix = self.system(tenant, scopes)["X-Api-Key"][3:11]
        found = fetch(self.database.settings, select(m.ApiClient.id).where(
            m.ApiClient.prefix == prefix))
        return f"client|{found[0][0]}"

    async def _new_key(self, tenant: str, scopes: list[str]) -> str:
        engine = make_engine(self.database.settings.database_url)
        try:
            async with make_sessionmaker(engine)() as session, session.begin():
                _, key = await create_api_client(
                    session, tenant_id=self.tenants[tenant], name=f"system of {tenant}",
                    scopes=scopes, origins=[])
                return key
        finally:
            await engine.dispose()

    # --- the mutation --------------------------------------------------------------------

    def send(self, items: list[dict[str, Any]], headers: dict[str, str] | None = None,
             **input: Any) -> dict[str, Any]:
        """The whole answer of one batch."""
        return self.call(UPSERT, {"input": {"items": items, **input}},
                         headers if headers is not None else self.system())

    def sync(self, items: list[dict[str, Any]], headers: dict[str, str] | None = None,
             **input: Any) -> dict[str, Any]:
        """The payload of a batch that must be answered (items may still be rejected)."""
        body = self.send(items, headers, **input)
        assert "errors" not in body, body["errors"]
        payload: dict[str, Any] = body["data"]["upsertOpportunities"]
        return payload

    # --- the records ---------------------------------------------------------------------

    def record(self, external_id: str, tenant: str = TENANT) -> dict[str, Any] | None:
        """The opportunity row of `tenant` with `external_id`."""
        o = m.Opportunity
        found = fetch(self.database.settings, select(o.__table__).where(
            o.tenant_id == self.tenants[tenant], o.external_id == external_id))
        return dict(found[0]._mapping) if found else None

    def snapshot(self, *external_ids: str) -> dict[str, Any]:
        """Everything these records are made of (rows with their `updated_at`, texts,
        skills), and the row counts of every table a write touches."""
        o, t, s = m.Opportunity, m.OpportunityTranslation, m.OpportunitySkill
        settings = self.database.settings
        rows = fetch(settings, select(o.__table__).where(o.external_id.in_(external_ids))
                     .order_by(o.id))
        ids = [r.id for r in rows]
        texts = fetch(settings, select(t.__table__).where(t.opportunity_id.in_(ids))
                      .order_by(t.opportunity_id, t.locale))
        skills = fetch(settings, select(s.__table__).where(s.opportunity_id.in_(ids))
                       .order_by(s.opportunity_id, s.skill_code))
        counts = fetch(settings, select(*(
            select(func.count()).select_from(model).scalar_subquery().label(model.__name__)
            for model in TOUCHED)))[0]
        return {"rows": [dict(r._mapping) for r in rows],
                "texts": [dict(r._mapping) for r in texts],
                "skills": [dict(r._mapping) for r in skills],
                "counts": dict(counts._mapping)}

    def audit(self, global_id: str) -> list[tuple[str, str, str | None]]:
        """(action, principal kind, subject) of a record's audit events, oldest first."""
        a = m.AuditEvent
        return [(r.action, r.principal_kind, r.subject) for r in fetch(
            self.database.settings, select(a.action, a.principal_kind, a.subject)
            .where(a.object_id == global_id).order_by(a.id))]


def unique(prefix: str) -> str:
    """An external id no other test of the module uses."""
    return f"{prefix}-{next(_serial)}"


def item(external_id: str, **fields: Any) -> dict[str, Any]:
    """A valid item (REMOTE, DRAFT, in the test category), changed by `fields`."""
    base: dict[str, Any] = {
        "externalId": external_id, "status": "DRAFT",
        "texts": [{"locale": "ar", "title": "إسعافات أولية", "summary": "تدريب"},
                  {"locale": "en", "title": "First aid", "description": "Two days"}],
        "format": "REMOTE", "category": "test-category",
    }
    return {**base, **fields}


def seed(world: SyncWorld) -> None:
    settings = world.database.settings
    fetch(settings, insert(m.Category).values([
        {"code": "retired-category", "labels": {"en": "Old"}, "position": 1, "active": False},
        {"code": "first-aid", "labels": {"en": "First aid"}, "position": 2, "active": True}]))
    fetch(settings, insert(m.Skill).values([
        {"code": "driving", "labels": {"en": "Driving"}, "position": 0, "active": True},
        {"code": "nursing", "labels": {"en": "Nursing"}, "position": 1, "active": True},
        {"code": "telex", "labels": {"en": "Telex"}, "position": 2, "active": False}]))


def open_sync_world(backend: str, folder: Any) -> Iterator[SyncWorld]:
    for opened in open_world(backend, folder):
        opened.__class__ = SyncWorld  # the same data, this domain's helpers
        assert isinstance(opened, SyncWorld)
        opened.keys = {}
        seed(opened)
        yield opened


@pytest.fixture(scope="package", params=["sqlite", "postgresql"])
def world(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
          ) -> Iterator[SyncWorld]:
    """One database per backend for the sync tests (tests/sync/conftest.py); each test
    syncs its own external ids (`unique`) and compares only its own records."""
    yield from open_sync_world(request.param,
                               tmp_path_factory.mktemp(f"sync-{request.param}"))


__all__ = ["OTHER_TENANT", "RESULT", "TENANT", "UPSERT", "SyncWorld", "code_of", "item",
           "unique", "world"]
