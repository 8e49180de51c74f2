"""Alembic migrations are the only way the schema changes, and they match the models."""

from __future__ import annotations

import asyncio

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from hub.db.engine import make_engine
from hub.db.migrate import current_revision, head_revision
from hub.db.models import Base
from hub.db.models.search import include_name
from hub.entry import setup_steps
from tests.conftest import Database


def differences(database: Database) -> list[object]:
    async def run() -> list[object]:
        engine = make_engine(database.settings.database_url)
        try:
            async with engine.connect() as conn:
                return await conn.run_sync(lambda c: compare_metadata(
                    MigrationContext.configure(c, opts={"compare_type": True, "include_name": include_name}),
                    Base.metadata))
        finally:
            await engine.dispose()

    return asyncio.run(run())


def revision(database: Database) -> str | None:
    async def run() -> str | None:
        engine = make_engine(database.settings.database_url)
        try:
            return await current_revision(engine)
        finally:
            await engine.dispose()

    return asyncio.run(run())


@pytest.mark.parametrize("fresh_backend", ["sqlite", "postgresql"], indirect=True)
def test_migrations_build_exactly_the_models(fresh_backend: Database) -> None:
    setup_steps.migrate(fresh_backend.settings)
    assert revision(fresh_backend) == head_revision()
    assert differences(fresh_backend) == []
    setup_steps.migrate(fresh_backend.settings)  # a second run changes nothing
    assert revision(fresh_backend) == head_revision()


# The queues the hub's loops walk across tenants: `tatawwu notify`, emergency calls waiting to
# be broadcast, webhook deliveries (and one webhook's deliveries, `webhooks deliveries`).
QUEUES = {("notification", "sent_at"), ("emergency_call", "broadcast_at"),
          ("webhook_delivery", "delivered_at"), ("webhook_delivery", "webhook_id")}


def test_tenant_indexes_lead_with_tenant_id() -> None:
    for table in Base.metadata.tables.values():
        if "tenant_id" not in table.columns or table.name == "membership":
            continue
        for index in table.indexes:
            columns = [c.name for c in index.columns]
            if columns[0] in ("status", "volunteer_id"):
                continue  # the cross-tenant feed and a person's own rows
            if (table.name, columns[0]) == ("audit_event", "at"):
                continue  # `tatawwu audit tail` across all tenants
            if (table.name, columns[0]) in QUEUES:
                continue  # a delivery queue of all tenants, walked by the hub's own loops
            assert columns[0] == "tenant_id", (table.name, columns)
