"""A hub over a fresh database whose tenant files are the packaged ones, except dz-crescent's
badge rules and levels, which are the tests' own (`RULES`), so that these tests do not
move when the demo's rules change (the recompute tests change setif-youth's file). Helpers store hours the quick way (the rows as the
hub writes them) and verify them the real way (the `verifyHours` mutation)."""

from __future__ import annotations

import asyncio
import itertools
import shutil
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import event, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection
from starlette.testclient import TestClient

from hub.auth import DevKey
from hub.db import models as m
from hub.db.engine import make_engine
from hub.entry.app import create_app
from resolvers.applications.rules import local_today
from tenants import packaged_dir
from tests.applications.documents import VERIFY
from tests.applications.world import World, gid
from tests.conftest import HubClient, StatementCounter, make_database, prepare
from tests.dbtools import fetch
from tests.principals import OTHER_TENANT, TENANT

T = TypeVar("T")
_serial = itertools.count(1)
CATEGORY = "test-category"  # as tests/applications/world.py makes its opportunities
RESCUE = "RESCUE_TEST"  # upper case in the taxonomy, `rescue_test` in the rules

RULES = '''
[[badge_rules]]
code = "ten"
threshold_hours = 10
names = { ar = "شارة العشر", "ar-DZ" = "شارة العشرة", en = "Ten hours", fr = "Dix heures" }
descriptions = { ar = "عشر ساعات موثقة.", en = "Ten verified hours.", fr = "Dix heures vérifiées." }
benefits = [
    { code = "bus-pass", texts = { ar = "اشتراك الحافلة", en = "A bus pass", fr = "Un abonnement de bus" } },
]

[[badge_rules]]
code = "rescuer"
threshold_hours = 5
category = "rescue_test"
names = { ar = "شارة المسعف", en = "Rescuer", fr = "Secouriste" }
benefits = [
    { code = "bus-pass", texts = { ar = "اشتراك الحافلة", en = "A bus pass", fr = "Un abonnement de bus" } },
    { code = "first-aid-kit", texts = { ar = "حقيبة إسعاف", en = "A first aid kit", fr = "Une trousse de secours" } },
]

[[badge_rules]]
code = "recent"
threshold_hours = 20
period_months = 12
names = { ar = "نشيط", en = "Active lately", fr = "Actif récemment" }

[[badge_rules]]
code = "pupil"
threshold_hours = 3
group = "PUPIL"
names = { ar = "التلميذ المتطوع", en = "Pupil volunteer", fr = "Élève volontaire" }

[[levels]]
code = "starter"
hours = 2
names = { ar = "مبتدئ", en = "Starter", fr = "Débutant" }

[[levels]]
code = "trained"
hours = 10
badges = ["ten"]
categories = ["rescue_test"]
names = { ar = "مؤهل", en = "Trained", fr = "Formé" }

[[levels]]
code = "expert"
hours = 40
badges = ["ten", "rescuer"]
categories = ["rescue_test", "test-category"]
names = { ar = "خبير", en = "Expert", fr = "Expert" }
'''


def tenants_dir(folder: Path, rules: str = RULES) -> Path:
    """The packaged tenant files, dz-crescent's badge rules and levels replaced by `rules`."""
    target = folder / "tenants"
    shutil.copytree(packaged_dir(), target,
                    ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    write_rules(target, rules)
    return target


def write_rules(directory: Path, rules: str, tenant: str = TENANT) -> None:
    """The tenant's file with `rules` instead of its badge rules and levels (the rest of it,
    before and after them, as packaged)."""
    kept, skipping = [], False
    text = (packaged_dir() / f"{tenant}.toml").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.startswith("["):
            skipping = line.strip() in ("[[badge_rules]]", "[[levels]]")
        if not skipping:
            kept.append(line)
    (directory / f"{tenant}.toml").write_text("\n".join(kept) + "\n" + rules,
                                              encoding="utf-8")


@dataclass
class BadgeWorld(World):
    folder: Path = Path()

    # --- records -----------------------------------------------------------------------

    def sql(self, work: Callable[[AsyncConnection], Awaitable[T]]) -> T:
        """`work` on one connection, in one transaction (quicker than a `fetch` each)."""
        async def run() -> T:
            engine = make_engine(self.database.settings.database_url)
            try:
                async with engine.begin() as conn:
                    return await work(conn)
            finally:
                await engine.dispose()

        return asyncio.run(run())

    def new_volunteer(self, tenant: str = TENANT, *, birth_date: date | None = None,
                      birth_year: int | None = 1990) -> int:
        """A volunteer, member of `tenant` (as World's, on one connection)."""
        n, now = next(_serial), datetime.now(UTC)

        async def work(conn: AsyncConnection) -> int:
            vid = int((await conn.execute(insert(m.Volunteer).values(
                subject=f"test|badges-{n}-{self.backend}", first_name=f"Test{n}",
                last_name="Volunteer", languages=["ar"], shares_with_network=False,
                verified_hours=0.0, birth_date=birth_date, birth_year=birth_year,
                created_at=now, updated_at=now).returning(m.Volunteer.id))).scalar_one())
            await conn.execute(insert(m.Membership).values(
                tenant_id=self.tenants[tenant], volunteer_id=vid, joined_at=now,
                status="ACTIVE"))
            return vid

        return self.sql(work)

    def join(self, vid: int, tenant: str) -> None:
        fetch(self.database.settings, insert(m.Membership).values(
            tenant_id=self.tenants[tenant], volunteer_id=vid, joined_at=datetime.now(UTC),
            status="ACTIVE"))

    def set_volunteer(self, vid: int, **values: Any) -> None:
        fetch(self.database.settings, update(m.Volunteer).where(m.Volunteer.id == vid)
              .values(**values))

    def opportunity(self, *, tenant: str = TENANT, category: str = CATEGORY,
                    status: str = "PUBLISHED", ends_at: datetime | None = None) -> int:
        return self.sql(lambda conn: self._opportunity(conn, tenant, category, status,
                                                       ends_at))

    async def _opportunity(self, conn: AsyncConnection, tenant: str, category: str,
                           status: str = "PUBLISHED", ends_at: datetime | None = None) -> int:
        o, now = m.Opportunity, datetime.now(UTC)
        return int((await conn.execute(insert(o).values(
            tenant_id=self.tenants[tenant], format="REMOTE", category_code=category,
            is_ongoing=True, capacity=None, filled_spots=0, is_emergency=False,
            visibility="PUBLIC", status=status, published_at=now - timedelta(days=900),
            acceptance="AUTOMATIC", starts_at=now - timedelta(days=900), ends_at=ends_at,
            created_at=now, updated_at=now).returning(o.id))).scalar_one())

    def served(self, vid: int, *entries: tuple[int, float, str], tenant: str = TENANT,
               category: str = CATEGORY, completed: bool = False) -> list[int]:
        """An application of `vid` (ACCEPTED, or COMPLETED) to a new opportunity, and hours
        entries on it: (days ago, hours, PENDING | APPROVED | REJECTED). Their ids."""
        tenant_id, now, today = self.tenants[tenant], datetime.now(UTC), \
            local_today("Africa/Algiers")

        async def work(conn: AsyncConnection) -> list[int]:
            opportunity = await self._opportunity(conn, tenant, category)
            application = int((await conn.execute(insert(m.Application).values(
                tenant_id=tenant_id, opportunity_id=opportunity, volunteer_id=vid,
                status="COMPLETED" if completed else "ACCEPTED", applied_at=now,
                completed_at=now if completed else None, updated_at=now,
            ).returning(m.Application.id))).scalar_one())
            ids = []
            for days_ago, hours, status in entries:
                approved = status == "APPROVED"
                ids.append(int((await conn.execute(insert(m.HoursEntry).values(
                    tenant_id=tenant_id, application_id=application, volunteer_id=vid,
                    date=today - timedelta(days=days_ago), hours=hours, status=status,
                    verified=approved, verified_at=now if approved else None,
                    created_at=now).returning(m.HoursEntry.id))).scalar_one()))
            return ids

        return self.sql(work)

    def verify(self, ids: list[int], *, approve: bool = True, tenant: str = TENANT,
               headers: dict[str, str] | None = None) -> dict[str, Any]:
        body = self.call(VERIFY, {"input": {"entryIds": [gid("HoursEntry", i) for i in ids],
                                            "approve": approve}},
                         {**self.staff("coordinator", tenant), **(headers or {})})
        assert "errors" not in body, body
        return body

    # --- what is stored ----------------------------------------------------------------

    def awards(self, vid: int, *, live: bool = True) -> set[tuple[str, str]]:
        """(tenant slug, badge code) of the volunteer's awards, live (or revoked)."""
        ba, slugs = m.BadgeAward, {v: k for k, v in self.tenants.items()}
        clause = ba.revoked_at.is_(None) if live else ba.revoked_at.is_not(None)
        return {(slugs[t], code) for t, code in fetch(self.database.settings, select(
            ba.tenant_id, ba.badge_code).where(ba.volunteer_id == vid, clause))}

    def badge_notifications(self, vid: int) -> list[dict[str, Any]]:
        return [p for k, p in self.notifications(vid) if k == "BADGE_AWARDED"]


def open_badge_world(backend: str, folder: Path) -> Iterator[BadgeWorld]:
    database = make_database(backend, folder, tenants_dir=tenants_dir(folder))
    try:
        prepare(database, demo=False)
        fetch(database.settings, insert(m.Category).values([
            {"code": CATEGORY, "labels": {"en": "Test"}, "position": 0},
            {"code": RESCUE, "labels": {"en": "Rescue", "fr": "Secours", "ar": "إنقاذ"},
             "position": 1}]))
        app = create_app(database.settings)
        counter = StatementCounter()
        with TestClient(app) as http:
            event.listen(app.state.hub.engine.sync_engine, "before_cursor_execute", counter)
            tenants = dict(fetch(database.settings, select(m.Tenant.slug, m.Tenant.id)))
            yield BadgeWorld(database, HubClient(http, backend, counter), app,
                             DevKey.load_or_create(database.settings.dev_key_file), tenants,
                             folder)
    finally:
        database.drop()


__all__ = ["CATEGORY", "OTHER_TENANT", "RESCUE", "RULES", "TENANT", "BadgeWorld",
           "open_badge_world", "tenants_dir", "write_rules"]
