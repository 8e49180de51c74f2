"""A hub served for real (uvicorn, from a thread of the test process) for the dashboard's browser tests, one per
backend and module, over the demo data made richer for statistics:

- the tenant files are copied and four societies publish their verified hours and active
  volunteers (`public_statistics`), so the public form has figures to show;
- the demo is seeded relative to today (so its hours fall in the statistics' default period,
  the last twelve months, whenever the tests run) and its verified hours are spread over the
  six months up to today's, so the month chart has several bars;
- the rollups are rebuilt once the records are in, and the dashboard's trusted document is
  pushed: the hub runs with HUB_TRUSTED_DOCUMENTS=only, as in production.

The demo's small societies give suppressed cells in the protected views.
"""

from __future__ import annotations

import asyncio
import json
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

import httpx2 as httpx
import pytest
from sqlalchemy import select, update

from hub.auth import DevKey, mint_dev_token
from hub.db import models as m
from hub.db.engine import make_engine, make_sessionmaker
from hub.entry import dashboard, setup_steps
from hub.entry.app import create_app
from hub.entry.dashboard_documents import dashboard_document, push_dashboard_documents
from resolvers.statistics.rollups import rebuild_rollups
from tests.conftest import BACKENDS, Database, make_database
from tests.hub.entry.test_graphiql_browser import browser_missing
from tests.hub.entry.test_ide import need
from tests.hub.entry.test_timeouts import served_in_thread
from tests.paths import ROOT

PUBLISHING = ("arco", "dz-crescent", "eg-crescent", "sa-crescent", "setif-youth")
PUBLIC_METRICS = ["VERIFIED_HOURS", "ACTIVE_VOLUNTEERS"]
SPREAD_MONTHS = 6


@dataclass
class Dashboard:
    base: str  # the hub's address
    database: Database
    key: DevKey

    @property
    def backend(self) -> str:
        return self.database.backend

    def analyst(self) -> str:
        return mint_dev_token(self.key, subject="dashboard-analyst", tenant=None, roles=[],
                              volunteer_id=None, federation=True)

    def staff(self, tenant: str) -> str:
        return mint_dev_token(self.key, subject=f"dashboard-staff-{tenant}", tenant=tenant,
                              roles=["viewer"], volunteer_id=None, federation=False)

    def statistics(self, lang: str, metrics: list[str], group_by: list[str],
                   filter_: dict[str, Any], token: str | None = None) -> dict[str, Any]:
        """The answer the page's script gets for one section, asked directly over HTTP
        with the same trusted document and variables."""
        document_id, text = dashboard_document()
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        response = httpx.post(f"{self.base}/graphql?lang={lang}", headers=headers, json={
            "documentId": document_id, "query": text,
            "variables": {"metrics": metrics, "groupBy": group_by, "filter": filter_}})
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body


def publishing_tenants(folder: Path) -> Path:
    """A copy of the tenant files where PUBLISHING, and only they, publish PUBLIC_METRICS."""
    target = folder / "tenants"
    shutil.copytree(ROOT / "tenants", target,
                    ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    line = f"public_statistics = {json.dumps(PUBLIC_METRICS)}"
    for path in target.glob("*.toml"):
        if path.stem not in PUBLISHING:
            text = path.read_text(encoding="utf-8")
            path.write_text(re.sub(r"^public_statistics\s*=.*$", "", text, flags=re.MULTILINE),
                            encoding="utf-8")
    for slug in PUBLISHING:
        path = target / f"{slug}.toml"
        text = path.read_text(encoding="utf-8")
        if re.search(r"^public_statistics\s*=", text, flags=re.MULTILINE):
            text = re.sub(r"^public_statistics\s*=.*$", line, text, flags=re.MULTILINE)
        else:  # a top-level key: before the file's first table
            text = f"{line}\n{text}"
        path.write_text(text, encoding="utf-8")
    return target


def months_back(day: date, months: int) -> date:
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    return date(year, month + 1, min(day.day, 28))


async def spread_hours_and_roll_up(database: Database) -> None:
    """Move each hours entry 0 to SPREAD_MONTHS - 1 months back (by its id), then rebuild
    the statistics' rollups from the records."""
    engine = make_engine(database.settings.database_url)
    try:
        async with make_sessionmaker(engine)() as session, session.begin():
            entries = (await session.execute(select(m.HoursEntry.id, m.HoursEntry.date))).all()
            await session.execute(update(m.HoursEntry), [
                {"id": entry_id, "date": months_back(day, entry_id % SPREAD_MONTHS)}
                for entry_id, day in entries])
            await rebuild_rollups(session)
    finally:
        await engine.dispose()


def charts_missing() -> str | None:
    if dashboard.ASSETS[dashboard.CHART_LIBRARY].path.is_file():
        return None
    return ("the dashboard's chart library is not installed: run `npm ci` in "
            "hub/dashboard_assets (make install / make test)")


@pytest.fixture(scope="module", params=BACKENDS)
def served(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
           ) -> Iterator[Dashboard]:
    need(browser_missing() or charts_missing())
    folder = tmp_path_factory.mktemp(f"dashboard-{request.param}")
    database = make_database(request.param, folder, tenants_dir=publishing_tenants(folder))
    try:
        settings = database.settings
        setup_steps.migrate(settings)
        asyncio.run(setup_steps.sync(settings, setup_steps.load_tenants(settings)))
        asyncio.run(setup_steps.seed(settings, date.today()))
        asyncio.run(spread_hours_and_roll_up(database))
        asyncio.run(push_dashboard_documents(settings))
        app = create_app(replace(settings, trusted_documents="only"))
        with served_in_thread(app) as base:
            yield Dashboard(base, database, DevKey.load_or_create(settings.dev_key_file))
    finally:
        database.drop()
