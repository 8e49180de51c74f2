"""The demo's badges: awarded from the demo's verified hours by the tenants' rules, once the
demo is seeded (the entry layer calls `seed_demo_badges` after `hub.demo.seeder`, which
sits below the resolvers and cannot award them itself)."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from hub.db import models as m
from hub.db.types import utcnow
from resolvers.badges.recompute import recompute


@dataclass(slots=True)
class DemoBadges:
    """Awards made per tenant slug."""

    awarded: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.awarded.values())


async def seed_demo_badges(session: AsyncSession) -> DemoBadges:
    """Award every active tenant's badges from the verified hours already stored, in the
    caller's transaction (as the database owner). Their BADGE_AWARDED notifications are
    marked as already sent: the delivery worker must not e-mail the demo's fictitious
    addresses. Running it again awards nothing more."""
    report = DemoBadges()
    tenants = (await session.execute(select(m.Tenant.id, m.Tenant.slug).where(
        m.Tenant.active.is_(True)).order_by(m.Tenant.id))).all()
    now = utcnow()
    for tenant_id, slug in tenants:
        planned = await recompute(session, int(tenant_id), dry_run=False,
                                  request_id="seed-demo-badges", delivered_at=now,
                                  audit=False)  # seeding is not audited
        if planned.added:
            report.awarded[str(slug)] = len(planned.added)
    return report
