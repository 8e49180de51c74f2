"""Credentials for the demo: one for every certificate and badge award the demo has, and
one recognition carried to a second society, as a volunteer of two societies would.

`seed_demo_credentials(session)` runs after the badges and certificates are seeded, in the
seeding transaction, on the owner's session (no row security): it issues what is missing
only, so it may run again. The import is verified as `presentCredentials` verifies one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Executable, select
from sqlalchemy.ext.asyncio import AsyncSession

from hub.db import models as m
from hub.db.types import utcnow
from resolvers.credentials.addresses import hub_public_url, subject_id
from resolvers.credentials.issue import issue
from resolvers.credentials.presented import achievement_record, check_presented
from resolvers.tenants.index import TenantIndex

FEDERATION = "FEDERATION"


async def seed_demo_credentials(session: AsyncSession, *, public_url: str | None = None) -> int:
    """Issue the demo's missing credentials and carry one to a second society; how many
    credentials were issued. `public_url`: the settings' (default: HUB_PUBLIC_URL's)."""
    base = public_url or hub_public_url()
    c = m.Credential
    certificates = (await session.scalars(select(m.Certificate.id).where(
        m.Certificate.revoked_at.is_(None),
        m.Certificate.id.not_in(select(c.certificate_id).where(c.certificate_id.is_not(None))))
        .order_by(m.Certificate.id))).all()
    awards = (await session.scalars(select(m.BadgeAward.id).where(
        m.BadgeAward.revoked_at.is_(None),
        m.BadgeAward.id.not_in(select(c.award_id).where(c.award_id.is_not(None))))
        .order_by(m.BadgeAward.id))).all()
    issued = await issue(session, base, certificate_ids=certificates, award_ids=awards)
    await carry_one(session, base)
    return len(issued)


async def carry_one(session: AsyncSession, public_url: str) -> bool:
    """A live credential of a volunteer of two societies (not the federation), presented
    to the other one with consent, if the demo has such a volunteer and none is imported
    yet. True when one was imported."""
    if await session.scalar(select(m.RecognitionImport.id).limit(1)) is not None:
        return False
    tenants = await TenantIndex.load(session)
    societies = {t.id for t in tenants.active if t.kind != FEDERATION}
    member = m.Membership
    held = (await session.execute(select(member.volunteer_id, member.tenant_id).where(
        member.tenant_id.in_(sorted(societies))))).all()
    memberships: dict[int, set[int]] = {}
    for volunteer_id, tenant_id in held:
        memberships.setdefault(volunteer_id, set()).add(tenant_id)
    c = m.Credential
    candidates = (await session.execute(select(c.volunteer_id, c.tenant_id, c.token).where(
        c.revoked_at.is_(None), c.volunteer_id.in_(
            [v for v, ts in memberships.items() if len(ts) > 1])).order_by(c.id))).all()
    if not candidates:
        return False
    volunteer_id, issuer_tenant, token = candidates[0]
    receiver = min(memberships[volunteer_id] - {issuer_tenant})

    async def run(statement: Executable) -> Sequence[Any]:
        return (await session.execute(statement)).all()

    now = utcnow()
    checked = (await check_presented([token], public_url=public_url, tenants=tenants,
                                     run=run, now=now))[0]
    found = checked.credential
    created = await session.scalar(select(m.Volunteer.created_at).where(
        m.Volunteer.id == volunteer_id))
    if found is None or created is None \
            or found.subject != subject_id(found.issuer, volunteer_id, created):
        return False
    session.add(m.RecognitionImport(
        tenant_id=receiver, volunteer_id=volunteer_id, credential_jti=found.id,
        issuer=found.issuer, issuer_tenant_id=checked.issuer_tenant_id, kind=found.kind,
        achievement=achievement_record(found, tenants.by_id.get(issuer_tenant)),
        hours=found.hours, valid_from=found.valid_from, consented_at=now, imported_at=now,
        token=found.token))
    await session.flush()
    return True
