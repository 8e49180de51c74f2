"""A hub over a fresh database with a survey of volunteering made for the statistics: three
tenants (dz-crescent T, eg-crescent U, setif-youth P which publishes its hours and active
volunteers), categories, opportunities in several places and formats, volunteers of every
group with applications and hours from July to October 2026, pending and rejected entries
that must not count, and the small groups the protection is about:

- T "relief" (emergency, remote): one volunteer, the lone volunteer of the attack;
- U "education": two volunteers.

The deployment's keys are fixed (tests are repeatable); the rollups are rebuilt once the
records are in (as the lead's demo seeding does), before the app starts."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, func, insert, select, text, update
from sqlalchemy.ext.asyncio import AsyncConnection
from starlette.testclient import TestClient

from hub.auth import DevKey, mint_dev_token
from hub.db import models as m
from hub.db.engine import make_engine, make_sessionmaker
from hub.db.models.statistics import StatisticsSecret
from hub.entry.app import create_app
from resolvers.statistics.keys import Secret
from resolvers.statistics.rollups import rebuild_rollups
from tests.conftest import Database, HubClient, StatementCounter, make_database, prepare

T, U, P = "dz-crescent", "eg-crescent", "setif-youth"
SECRET = Secret(multiplier=1_234_567_891 % (2**31 - 1), offset=987_654_321,
                square_offset=192_837_465)
MONTHS = (date(2026, 7, 1), date(2026, 8, 1), date(2026, 9, 1), date(2026, 10, 1))
PERIOD = {"from": "2026-07-01", "to": "2026-10-31"}
CATEGORIES = {"health": {"en": "Health", "fr": "Santé", "ar": "الصحة"},
              "relief": {"en": "Relief", "fr": "Secours", "ar": "الإغاثة"},
              "education": {"en": "Education", "fr": "Éducation", "ar": "التعليم"}}
GROUPS = ("UNIVERSITY_STUDENT", "EMPLOYED", "RETIREE")
_serial = itertools.count(1)


@dataclass
class Survey:
    """The records made, by name."""

    opportunities: dict[str, int] = field(default_factory=dict)
    volunteers: dict[str, list[int]] = field(default_factory=dict)  # by opportunity name
    lone: int = 0  # the one volunteer of T's relief


@dataclass
class StatsWorld:
    database: Database
    client: HubClient
    key: DevKey
    tenants: dict[str, int]
    survey: Survey
    sql: _Sql

    def fetch(self, statement: Any) -> list[Any]:
        """Rows of a statement sent straight to the database (as its owner)."""
        return self.sql.fetch(statement)

    @property
    def backend(self) -> str:
        return self.database.backend

    @property
    def settings(self) -> Any:
        return self.database.settings

    # --- principals ---------------------------------------------------------------------

    def bearer(self, **claims: Any) -> dict[str, str]:
        token = mint_dev_token(self.key, subject=str(claims.pop("subject")), **claims)
        return {"Authorization": f"Bearer {token}", "Accept-Language": "en"}

    def staff(self, tenant: str = T, role: str = "viewer") -> dict[str, str]:
        return self.bearer(subject=f"staff-{tenant}-{role}", tenant=tenant, roles=[role],
                           volunteer_id=None, federation=False)

    def analyst(self) -> dict[str, str]:
        return self.bearer(subject="analyst", tenant=None, roles=[], volunteer_id=None,
                           federation=True)

    def volunteer(self, vid: int) -> dict[str, str]:
        return self.bearer(subject=f"volunteer-{vid}", tenant=None, roles=[],
                           volunteer_id=vid, federation=False)

    # --- the API ------------------------------------------------------------------------

    def ask(self, headers: dict[str, str], metrics: list[str],
            group_by: list[str] | None = None, /, **filter_: Any) -> dict[str, Any]:
        body = self.client.post(STATISTICS, {"metrics": metrics, "groupBy": group_by or [],
                                             "filter": {**PERIOD, **filter_}}, headers)
        return body

    def stats(self, headers: dict[str, str], metrics: list[str],
              group_by: list[str] | None = None, /, **filter_: Any) -> dict[str, Any]:
        body = self.ask(headers, metrics, group_by, **filter_)
        assert "errors" not in body, body["errors"]
        result: dict[str, Any] = body["data"]["statistics"]
        return result

    # --- the truth, from the records --------------------------------------------------

    def true_hours(self, *where: Any) -> float:
        e = m.HoursEntry
        rows = self.fetch(select(func.coalesce(func.sum(e.hours), 0))
                     .select_from(e).join(m.Application, m.Application.id == e.application_id)
                     .join(m.Opportunity, m.Opportunity.id == m.Application.opportunity_id)
                     .where(e.status == "APPROVED", *where))
        return round(float(rows[0][0]), 2)

    def true_volunteers(self, *where: Any) -> int:
        e = m.HoursEntry
        rows = self.fetch(select(func.count(func.distinct(e.volunteer_id)))
                     .select_from(e).join(m.Application, m.Application.id == e.application_id)
                     .join(m.Opportunity, m.Opportunity.id == m.Application.opportunity_id)
                     .where(e.status == "APPROVED", *where))
        return int(rows[0][0])


STATISTICS = """query($metrics: [StatisticsMetric!]!, $groupBy: [StatisticsDimension!]!,
                      $filter: StatisticsFilter) {
  statistics(metrics: $metrics, groupBy: $groupBy, filter: $filter) {
    metrics groupBy protected minimumCell suppressedCells from to
    cells { key { dimension value label } values { metric value display } suppressed isOther }
    totals { metric value display } } }"""


def value(values: list[dict[str, Any]], metric: str) -> Any:
    return next(v["value"] for v in values if v["metric"] == metric)


def cells_by(result: dict[str, Any]) -> dict[tuple[str, ...], dict[str, Any]]:
    """The answer's cells by their keys' values (the "other" cell under ("*",))."""
    out = {}
    for cell in result["cells"]:
        name = ("*",) if cell["isOther"] else tuple(k["value"] for k in cell["key"])
        out[name] = {v["metric"]: v["value"] for v in cell["values"]}
    return out


# --- making the survey ---------------------------------------------------------------------

def _now() -> datetime:
    return datetime.now(UTC)


def _at(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 10, tzinfo=UTC)


class _Sql:
    """One engine and event loop for the tests' own statements: an engine per statement
    costs a connection and its set-up each time (tens of milliseconds on PostgreSQL)."""

    def __init__(self, url: str) -> None:
        self.runner = asyncio.Runner()
        self.engine = self.runner.run(self._engine(url))

    @staticmethod
    async def _engine(url: str) -> Any:
        return make_engine(url)

    def fetch(self, statement: Any) -> list[Any]:
        async def run() -> list[Any]:
            async with self.engine.begin() as conn:
                result = await conn.execute(statement)
                return list(result.all()) if result.returns_rows else []

        return self.runner.run(run())

    def close(self) -> None:
        self.runner.run(self.engine.dispose())
        self.runner.close()


class _Maker:
    """Inserts through one connection (one per survey: a connection per row costs seconds
    on PostgreSQL)."""

    def __init__(self, conn: AsyncConnection, tenants: dict[str, int]) -> None:
        self.conn, self.tenants = conn, tenants

    async def one(self, statement: Any) -> int:
        return int((await self.conn.execute(statement)).scalar_one())

    async def opportunity(self, tenant: str, category: str, fmt: str, country: str | None,
                          region: str | None, emergency: bool = False) -> int:
        o = m.Opportunity
        now = _now()
        return await self.one(insert(o).values(
            tenant_id=self.tenants[tenant], format=fmt, category_code=category,
            country=country, region=region, is_ongoing=True, capacity=None, filled_spots=0,
            is_emergency=emergency, visibility="PUBLIC", status="PUBLISHED", published_at=now,
            acceptance="AUTOMATIC", starts_at=datetime(2026, 1, 1, tzinfo=UTC),
            created_at=now, updated_at=now).returning(o.id))

    async def volunteer(self, tenant: str, group: str | None) -> int:
        n = next(_serial)
        now = _now()
        vid = await self.one(insert(m.Volunteer).values(
            subject=f"test|stats-{n}", first_name=f"Stat{n}", last_name="Volunteer",
            languages=["ar"], shares_with_network=False, verified_hours=0.0, group=group,
            birth_year=1995, created_at=now, updated_at=now).returning(m.Volunteer.id))
        await self.conn.execute(insert(m.Membership).values(
            tenant_id=self.tenants[tenant], volunteer_id=vid, joined_at=now, status="ACTIVE"))
        return vid

    async def application(self, tenant: str, opportunity: int, vid: int, status: str,
                          applied: date, completed: date | None = None) -> int:
        a = m.Application
        return await self.one(insert(a).values(
            tenant_id=self.tenants[tenant], opportunity_id=opportunity, volunteer_id=vid,
            status=status, applied_at=_at(applied), updated_at=_now(),
            completed_at=_at(completed) if completed else None).returning(a.id))

    async def hours(self, tenant: str, application: int, vid: int,
                    entries: list[tuple[date, float]], status: str = "APPROVED") -> None:
        rows = [{"tenant_id": self.tenants[tenant], "application_id": application,
                 "volunteer_id": vid, "date": day, "hours": hours, "status": status,
                 "verified": status == "APPROVED", "created_at": _now()}
                for day, hours in entries]
        await self.conn.execute(insert(m.HoursEntry).values(rows))


def make_survey(sql: _Sql, tenants: dict[str, int]) -> Survey:
    async def run() -> Survey:
        async with sql.engine.begin() as conn:
            return await _survey(_Maker(conn, tenants))

    return sql.runner.run(run())


async def _survey(make: _Maker) -> Survey:
    await make.conn.execute(insert(m.Category).values([
        {"code": code, "labels": labels, "position": i}
        for i, (code, labels) in enumerate(CATEGORIES.items(), start=1)]))
    survey = Survey()
    plan = (  # name, tenant, category, format, country, region, emergency, people, months
        ("t-health", T, "health", "ONSITE", "DZ", "Oran", False, 12, MONTHS),
        ("t-relief", T, "relief", "REMOTE", None, None, True, 1, MONTHS[1:3]),
        ("u-health", U, "health", "ONSITE", "EG", "Giza Governorate", False, 8, MONTHS[1:]),
        ("u-education", U, "education", "HYBRID", "EG", "Cairo", False, 2, MONTHS[2:3]),
        ("p-health", P, "health", "ONSITE", "DZ", "Sétif", False, 6, MONTHS[2:]),
    )
    for name, tenant, category, fmt, country, region, emergency, people, months in plan:
        oid = await make.opportunity(tenant, category, fmt, country, region, emergency)
        survey.opportunities[name] = oid
        survey.volunteers[name] = []
        for i in range(people):
            vid = await make.volunteer(tenant, GROUPS[i % len(GROUPS)] if i % 5 else None)
            survey.volunteers[name].append(vid)
            completed = months[-1].replace(day=25) if i % 2 == 0 else None
            app = await make.application(tenant, oid, vid,
                                         "COMPLETED" if completed else "ACCEPTED",
                                         months[0].replace(day=2), completed)
            entries = []
            for month in months:
                entries += [(month.replace(day=5 + i % 3), 2.0 + (i % 4)),
                            (month.replace(day=20), 1.5 + (i % 3))]
            await make.hours(tenant, app, vid, entries)
            if i == 0:  # never counted
                await make.hours(tenant, app, vid, [(months[0].replace(day=12), 7.0)],
                                 "PENDING")
                await make.hours(tenant, app, vid, [(months[0].replace(day=13), 9.0)],
                                 "REJECTED")
    survey.lone = survey.volunteers["t-relief"][0]
    for i in range(3):  # applicants turned down: applications without hours
        vid = await make.volunteer(T, "PUPIL")
        await make.application(T, survey.opportunities["t-health"], vid, "REJECTED",
                               date(2026, 8, 3 + i))
    return survey


def set_secret(sql: _Sql, secret: Secret = SECRET) -> None:
    s = StatisticsSecret
    sql.fetch(update(s).where(s.id == 1).values(
        multiplier=secret.multiplier, offset=secret.offset,
        square_offset=secret.square_offset))


def rebuild(sql: _Sql) -> dict[str, int]:
    async def run() -> dict[str, int]:
        async with make_sessionmaker(sql.engine)() as session, session.begin():
            return await rebuild_rollups(session)

    return sql.runner.run(run())


def publish(sql: _Sql, slug: str, metrics: list[str]) -> None:
    """The tenant publishes these metrics (as `public_statistics` in its file would)."""
    tenant = m.Tenant
    [(settings,)] = sql.fetch(select(tenant.settings).where(tenant.slug == slug))
    sql.fetch(update(tenant).where(tenant.slug == slug).values(
        settings={**settings, "public_statistics": metrics}))


def open_stats_world(backend: str, folder: Path) -> Iterator[StatsWorld]:
    database = make_database(backend, folder)
    try:
        prepare(database, demo=False)
        sql = _Sql(database.settings.database_url)
        try:
            tenants = dict(sql.fetch(select(m.Tenant.slug, m.Tenant.id)))
            set_secret(sql)
            for slug in tenants:  # whatever the tenant files say: P alone publishes
                publish(sql, slug, ["VERIFIED_HOURS", "ACTIVE_VOLUNTEERS"] if slug == P else [])
            survey = make_survey(sql, tenants)
            rebuild(sql)
            app = create_app(database.settings)
            counter = StatementCounter()
            with TestClient(app) as http:
                event.listen(app.state.hub.engine.sync_engine, "before_cursor_execute",
                             counter)
                yield StatsWorld(database, HubClient(http, backend, counter),
                                 DevKey.load_or_create(database.settings.dev_key_file),
                                 tenants, survey, sql)
        finally:
            sql.close()
    finally:
        database.drop()


@pytest.fixture(scope="package", params=["sqlite", "postgresql"])
def world(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
          ) -> Iterator[StatsWorld]:
    """One surveyed database per backend for the tests that only read it (a module that
    writes makes its own)."""
    yield from open_stats_world(request.param, tmp_path_factory.mktemp(f"stats-{request.param}"))


def rollup_tables(world: StatsWorld) -> dict[str, list[tuple[Any, ...]]]:
    """Every rollup row, sorted: to compare an incremental state with a rebuild."""
    out = {}
    for table in ("statistics_fact", "statistics_tenant_week", "statistics_recurrence"):
        rows = world.fetch(text(f"SELECT * FROM {table}"))
        out[table] = sorted(tuple(str(v) for v in row) for row in rows)
    return out


__all__ = [
    "MONTHS",
    "PERIOD",
    "SECRET",
    "P",
    "StatsWorld",
    "T",
    "U",
    "cells_by",
    "rebuild",
    "rollup_tables",
    "value",
    "world",
]
