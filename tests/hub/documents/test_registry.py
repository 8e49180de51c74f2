"""`tatawwu documents push|list|remove` over the registry, on both databases: a push is all
or nothing and idempotent, an id keeps its text, a client's documents are its own."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from sqlalchemy import func, select, text

from hub.authentication import create_api_client
from hub.db import models as m
from hub.db.engine import make_engine, make_sessionmaker
from hub.documents import registry
from hub.entry.cli import main
from tests.conftest import Database, make_database, prepare
from tests.dbtools import fetch

MANIFESTS = Path(__file__).parent / "manifests"
RELAY = MANIFESTS / "persisted_queries.json"
INVALID = MANIFESTS / "invalid_persisted_queries.json"


class Registry:
    def __init__(self, database: Database, folder: Path) -> None:
        self.database, self.folder = database, folder
        self.env = {"HUB_DATABASE_URL": database.settings.database_url, "HUB_MODE": "dev",
                    "HUB_DEV_KEY_FILE": str(database.settings.dev_key_file)}

    def run(self, *args: str) -> Result:
        return CliRunner().invoke(main, ["documents", *args], env=self.env)

    def rows(self) -> list[tuple[Any, ...]]:
        d = m.TrustedDocument
        return [tuple(r) for r in fetch(self.database.settings, select(
            d.document_id, d.client_id, d.body, d.sha256, d.created_at, d.retired_at
        ).order_by(d.id))]

    def manifest(self, name: str, documents: dict[str, str]) -> Path:
        path = self.folder / name
        path.write_text(json.dumps(documents), encoding="utf-8")
        return path


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def hub(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
        ) -> Iterator[Registry]:
    folder = tmp_path_factory.mktemp(f"registry-{request.param}")
    database = make_database(request.param, folder)
    try:
        prepare(database, demo=False)
        yield Registry(database, folder)
    finally:
        database.drop()


def client(hub: Registry, name: str) -> int:
    async def create() -> int:
        engine = make_engine(hub.database.settings.database_url)
        try:
            async with make_sessionmaker(engine)() as session, session.begin():
                tenant = await session.scalar(select(m.Tenant.id).where(
                    m.Tenant.slug == "dz-crescent"))
                assert tenant is not None
                created, _ = await create_api_client(session, tenant_id=tenant, name=name,
                                                     scopes=["read"], origins=[])
                return created.id
        finally:
            await engine.dispose()

    return asyncio.run(create())


def test_a_push_with_one_bad_document_stores_nothing_and_names_each_problem(hub: Registry
                                                                           ) -> None:
    before = hub.rows()
    result = hub.run("push", str(INVALID))
    assert result.exit_code == 1
    assert "invalid_persisted_queries.json:3 (entry 2" in result.output
    assert "nickname" in result.output
    assert "invalid_persisted_queries.json:4 (entry 3" in result.output
    assert "nothing was stored" in result.output
    assert hub.rows() == before  # not even the valid first entry


def test_pushing_the_same_file_twice_changes_nothing(hub: Registry) -> None:
    first = hub.run("push", str(RELAY))
    assert first.exit_code == 0, first.output
    assert "relay manifest" in first.output
    stored = hub.rows()
    again = hub.run("push", str(RELAY))
    assert again.exit_code == 0 and "0 new, 0 restored, 2 unchanged" in again.output
    assert hub.rows() == stored
    listed = hub.run("list")
    assert "query TenantListQuery" in listed.output


def test_an_id_keeps_its_text(hub: Registry) -> None:
    relay = json.loads(RELAY.read_text())
    taken = next(iter(relay))
    before = hub.rows()
    changed = hub.manifest("changed.json", {"fresh-id": "{ tenants { slug } }",
                                            taken: "query Changed { tenants { name } }"})
    result = hub.run("push", str(changed))
    assert result.exit_code == 1 and "already used by another document" in result.output
    assert hub.rows() == before


def test_a_removed_document_can_be_restored_by_its_own_text_only(hub: Registry) -> None:
    document = hub.manifest("once.json", {"once": "query Once { locales { __typename } }"})
    assert hub.run("push", str(document)).exit_code == 0
    assert hub.run("remove", "once").exit_code == 0
    assert "(removed)" in hub.run("list", "--retired").output
    assert "once " not in hub.run("list").output
    again = hub.run("remove", "once")
    assert again.exit_code == 1 and "no trusted document" in again.output
    restored = hub.run("push", str(document))
    assert "0 new, 1 restored" in restored.output


def test_a_clients_documents_are_found_for_it_first_and_for_no_other(hub: Registry) -> None:
    own, other = client(hub, "society-app"), client(hub, "other-app")
    shared = hub.manifest("shared.json", {"home": "query Home { tenants { slug } }"})
    mine = hub.manifest("mine.json", {"home": "query MyHome { tenants { name } }",
                                      "mine-only": "query Mine { locales { __typename } }"})
    assert hub.run("push", str(shared)).exit_code == 0
    pushed = hub.run("push", str(mine), "--client", "society-app")
    assert pushed.exit_code == 0 and "2 new" in pushed.output, pushed.output
    assert "there is no active API client" in hub.run(
        "push", str(mine), "--client", "nobody").output
    listed = hub.run("list", "--client", str(own)).output
    assert "query MyHome" in listed and "query Home " not in listed

    async def find(document_id: str, client_id: int | None) -> str | None:
        engine = make_engine(hub.database.settings.database_url)
        try:
            async with make_sessionmaker(engine)() as session:
                found = await registry.find(session, document_id, client_id)
                return found.operation_name if found else None
        finally:
            await engine.dispose()

    assert asyncio.run(find("home", own)) == "MyHome"
    assert asyncio.run(find("home", other)) == "Home"
    assert asyncio.run(find("home", None)) == "Home"
    assert asyncio.run(find("mine-only", other)) is None
    assert asyncio.run(find("mine-only", None)) is None
    count = fetch(hub.database.settings, select(func.count()).select_from(m.TrustedDocument)
                  .where(m.TrustedDocument.client_id == own))
    assert count == [(2,)]


def test_requests_cannot_touch_the_registry(hub: Registry) -> None:
    """On PostgreSQL the request role has no privilege on it (0003's default privileges
    would have granted some): requests look documents up as the owner, beforehand."""
    if hub.database.backend == "sqlite":
        assert "trusted_document" in m.Base.metadata.tables  # SQLite has no roles
        return
    privileges = fetch(hub.database.settings, text(
        "SELECT has_table_privilege('tatawwu_request', 'trusted_document', 'SELECT'), "
        "has_table_privilege('tatawwu_request', 'trusted_document', 'INSERT'), "
        "has_table_privilege('tatawwu_request', 'trusted_document', 'UPDATE')"))
    assert privileges == [(False, False, False)]
