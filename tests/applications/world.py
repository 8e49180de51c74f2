"""A hub over a fresh database (tenants synced) with helpers to make the records these tests need: an
opportunity with a capacity, an acceptance mode and a minimum age; volunteers who are
members of a tenant; tokens for any of them."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, func, insert, select
from starlette.testclient import TestClient

from hub.auth import DevKey, mint_dev_token
from hub.db import models as m
from hub.entry.app import create_app
from hub.ids import encode_id
from tests.conftest import Database, HubClient, StatementCounter, make_database, prepare
from tests.dbtools import fetch
from tests.principals import OTHER_TENANT, TENANT

_serial = itertools.count(1)


@dataclass
class World:
    database: Database
    client: HubClient
    app: Any
    key: DevKey
    tenants: dict[str, int] = field(default_factory=dict)

    @property
    def backend(self) -> str:
        return self.database.backend

    # --- principals ------------------------------------------------------------------

    def bearer(self, **claims: Any) -> dict[str, str]:
        token = mint_dev_token(self.key, subject=str(claims.pop("subject")), **claims)
        return {"Authorization": f"Bearer {token}", "Accept-Language": "en"}

    def staff(self, role: str, tenant: str = TENANT) -> dict[str, str]:
        return self.bearer(subject=f"staff-{tenant}-{role}", tenant=tenant, roles=[role],
                           volunteer_id=None, federation=False)

    def volunteer(self, vid: int) -> dict[str, str]:
        return self.bearer(subject=f"volunteer-{vid}", tenant=None, roles=[],
                           volunteer_id=vid, federation=False)

    # --- records -----------------------------------------------------------------------

    def new_volunteer(self, tenant: str = TENANT, *, birth_date: date | None = None,
                      birth_year: int | None = 1990) -> int:
        n = next(_serial)
        vid = int(fetch(self.database.settings, insert(m.Volunteer).values(
            subject=f"test|volunteer-{n}-{self.backend}", first_name=f"Test{n}",
            last_name="Volunteer", languages=["ar"], shares_with_network=False,
            verified_hours=0.0, birth_date=birth_date, birth_year=birth_year,
            created_at=datetime.now(UTC), updated_at=datetime.now(UTC),
        ).returning(m.Volunteer.id))[0][0])
        fetch(self.database.settings, insert(m.Membership).values(
            tenant_id=self.tenants[tenant], volunteer_id=vid, joined_at=datetime.now(UTC),
            status="ACTIVE"))
        return vid

    def new_opportunity(self, *, capacity: int | None = 1, acceptance: str = "AUTOMATIC",
                        min_age: int | None = None, status: str = "PUBLISHED",
                        starts_at: datetime | None = None, ends_at: datetime | None = None,
                        tenant: str = TENANT) -> int:
        o = m.Opportunity
        now = datetime.now(UTC)
        return int(fetch(self.database.settings, insert(o).values(
            tenant_id=self.tenants[tenant], format="REMOTE", category_code="test-category",
            is_ongoing=True, capacity=capacity, filled_spots=0, is_emergency=False,
            visibility="PUBLIC", status=status, published_at=now, min_age=min_age,
            acceptance=acceptance, starts_at=starts_at or now - timedelta(days=30),
            ends_at=ends_at, created_at=now, updated_at=now,
        ).returning(o.id))[0][0])

    def filled(self, opportunity_id: int) -> int:
        o = m.Opportunity
        return int(fetch(self.database.settings, select(o.filled_spots).where(
            o.id == opportunity_id))[0][0])

    def statuses(self, opportunity_id: int) -> dict[int, str]:
        a = m.Application
        return dict(fetch(self.database.settings, select(a.volunteer_id, a.status).where(
            a.opportunity_id == opportunity_id)))

    def notifications(self, volunteer_id: int) -> list[tuple[str, dict[str, Any]]]:
        n = m.Notification
        return [(r[0], r[1]) for r in fetch(self.database.settings, select(n.kind, n.params)
                .where(n.volunteer_id == volunteer_id).order_by(n.id))]

    def count(self, model: Any, *where: Any) -> int:
        return int(fetch(self.database.settings,
                         select(func.count()).select_from(model).where(*where))[0][0])

    def verified_hours(self, volunteer_id: int) -> float:
        v = m.Volunteer
        return float(fetch(self.database.settings, select(v.verified_hours).where(
            v.id == volunteer_id))[0][0])

    # --- the API ------------------------------------------------------------------------

    def call(self, query: str, variables: dict[str, Any], headers: dict[str, str]
             ) -> dict[str, Any]:
        return self.client.post(query, variables, headers)

    def ok(self, query: str, variables: dict[str, Any], headers: dict[str, str]
           ) -> dict[str, Any]:
        return self.client.data(query, variables, headers)


def code_of(body: dict[str, Any]) -> str:
    assert body.get("errors"), body
    code: str = body["errors"][0]["extensions"]["code"]
    return code


def gid(type_name: str, key: int) -> str:
    return encode_id(type_name, key)


def open_world(backend: str, folder: Path) -> Iterator[World]:
    database = make_database(backend, folder)
    try:
        # Not the demo data: other work changes it; these tests make their own records.
        prepare(database, demo=False)
        fetch(database.settings, insert(m.Category).values(
            code="test-category", labels={"en": "Test"}, position=0))
        app = create_app(database.settings)
        counter = StatementCounter()
        with TestClient(app) as http:
            event.listen(app.state.hub.engine.sync_engine, "before_cursor_execute", counter)
            tenants = dict(fetch(database.settings, select(m.Tenant.slug, m.Tenant.id)))
            yield World(database, HubClient(http, backend, counter), app,
                        DevKey.load_or_create(database.settings.dev_key_file), tenants)
    finally:
        database.drop()


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def world(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
          ) -> Iterator[World]:
    """One database per backend for a test module; each test makes its own records."""
    yield from open_world(request.param, tmp_path_factory.mktemp(f"apps-{request.param}"))


__all__ = ["OTHER_TENANT", "TENANT", "World", "code_of", "gid", "world"]
