"""Certificates for the demo: one for each completed application with verified hours,
issued as the hub itself (no staff subject) on the day it was completed.

`seed_demo_certificates(session)` runs after the demo is seeded (`tatawwu serve --demo`,
the tests' demo database), in the seeding transaction, on the owner's session (no row
security); it issues what is missing only, so it may run again.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from hub.access import ANONYMOUS
from hub.audit import AuditLog
from hub.db import models as m
from hub.db.models.enums import ApplicationStatus
from resolvers.certificates.issue import issue_for
from resolvers.core.writes import Tx


async def seed_demo_certificates(session: AsyncSession) -> int:
    """Issue the demo's certificates; how many were new."""
    a = m.Application
    completed = (await session.execute(select(a.__table__).where(
        a.status == ApplicationStatus.COMPLETED.value).order_by(a.id))).all()
    # The hub's own writes: nothing is audited for the demo (the log is never written).
    tx = Tx(session, AuditLog(ANONYMOUS, "demo"))
    issued = 0
    for application in completed:
        found = await issue_for(tx, application, issued_by=None, at=application.completed_at)
        issued += int(found is not None and found.new)
    return issued
