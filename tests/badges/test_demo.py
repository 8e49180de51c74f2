"""The demo's badges (`seed_demo_badges`), on the session's demo database of each backend,
in a transaction rolled back at the end (the demo stays as the other tests read it)."""

from __future__ import annotations

import asyncio

from sqlalchemy import func, select

from hub.db import models as m
from hub.db.engine import make_engine, make_sessionmaker
from resolvers.badges.demo import seed_demo_badges
from tests.conftest import Database


def test_several_volunteers_of_several_tenants_earn_demo_badges(backend: Database) -> None:
    async def run() -> tuple[dict[str, set[str]], int, int]:
        engine = make_engine(backend.settings.database_url)
        try:
            async with make_sessionmaker(engine)() as session:
                transaction = await session.begin()
                try:
                    await seed_demo_badges(session)
                    ba, t, v = m.BadgeAward, m.Tenant, m.Volunteer
                    rows = (await session.execute(
                        select(t.slug, v.subject, ba.badge_code).join(t, t.id == ba.tenant_id)
                        .join(v, v.id == ba.volunteer_id).where(ba.revoked_at.is_(None))
                    )).all()
                    unsent = await session.scalar(select(func.count()).select_from(
                        m.Notification).where(m.Notification.kind == "BADGE_AWARDED",
                                              m.Notification.sent_at.is_(None)))
                    again = (await seed_demo_badges(session)).total
                finally:
                    await transaction.rollback()
        finally:
            await engine.dispose()
        holders: dict[str, set[str]] = {}
        for slug, subject, code in rows:
            holders.setdefault(slug, set()).add(f"{subject}:{code}")
        return holders, int(unsent or 0), again

    holders, unsent, again = asyncio.run(run())
    # Several volunteers with badges in each of several tenants.
    several = {slug for slug, held in holders.items()
               if len({h.split(":")[0] for h in held}) >= 2}
    assert {"setif-youth", "dz-crescent", "arco", "eg-crescent"} <= several, holders
    assert {"demo|amina-benali:student-volunteer", "demo|amina-benali:tutor",
            "demo|abdelkader-mebarki:tutor"} <= holders["setif-youth"]
    assert "demo|houari-benaouda:elderly-companion" in holders["dz-crescent"]
    assert "demo|salma-benjelloun:digital-volunteer" in holders["arco"]
    assert unsent == 0  # the demo's addresses are fictitious: nothing left to e-mail
    assert again == 0
