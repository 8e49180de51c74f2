"""A volunteer's way to a certificate through the API: an opportunity with titles in three
languages, applying (accepted at once), hours logged and verified, completion. And the
documents these tests send."""

from __future__ import annotations

import asyncio
import itertools
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import insert, select

from hub.db import models as m
from hub.db.engine import make_engine
from resolvers.applications.rules import local_today
from tests.applications.documents import APPLY, COMPLETE, LOG, VERIFY
from tests.applications.world import World, gid
from tests.dbtools import fetch

CERTIFICATE_FIELDS = """id code hours hoursDisplay startedOn completedOn issuedAt revokedAt
  volunteerName opportunityTitle pdfUrl verificationUrl tenant { slug }"""
ISSUE = ("mutation($a: ID!) { issueCertificate(application: $a) { " + CERTIFICATE_FIELDS
         + " } }")
REVOKE = ("mutation($c: ID!) { revokeCertificate(certificate: $c) { " + CERTIFICATE_FIELDS
          + " } }")
VERIFY_CODE = """query($code: String!) { verifyCertificate(code: $code) { valid
  volunteerName hours issuedAt startedOn completedOn tenant { slug } } }"""
NODE = ("query($id: ID!) { node(id: $id) { ... on Certificate { " + CERTIFICATE_FIELDS
        + " } } }")
_serial = itertools.count(1)
TITLES = {"ar": "توزيع الطرود الغذائية في وهران", "en": "Food parcels in Oran",
          "fr": "Distribution de colis alimentaires à Oran"}


@dataclass
class Service:
    """A volunteer's accepted application and the hours entries logged on it."""

    volunteer_id: int
    application: str  # global id
    opportunity_id: int
    tenant: str
    entries: list[str]


def today(tenant_zone: str = "Africa/Algiers") -> date:
    return local_today(tenant_zone)


def opportunity(world: World, tenant: str, titles: dict[str, str] | None = None) -> int:
    oid = world.new_opportunity(capacity=None, tenant=tenant,
                                starts_at=datetime.now(UTC) - timedelta(days=30))
    fetch(world.database.settings, insert(m.OpportunityTranslation).values([
        {"opportunity_id": oid, "tenant_id": world.tenants[tenant], "locale": locale,
         "title": title, "is_source": locale == "ar", "updated_at": datetime.now(UTC)}
        for locale, title in (titles or TITLES).items()]))
    return oid


def volunteer(world: World, tenant: str, *, first: str = "Test", last: str = "Volunteer",
              locale: str | None = None, email: str | None = None) -> int:
    """A member of `tenant` (one connection for both rows)."""

    async def make() -> int:
        now = datetime.now(UTC)
        engine = make_engine(world.database.settings.database_url)
        try:
            async with engine.begin() as conn:
                vid = int((await conn.execute(insert(m.Volunteer).values(
                    subject=f"test|certificates-{next(_serial)}-{world.backend}",
                    first_name=first, last_name=last, email=email, locale=locale,
                    languages=["ar"], shares_with_network=False, verified_hours=0.0,
                    birth_year=1990, created_at=now, updated_at=now,
                ).returning(m.Volunteer.id))).scalar_one())
                await conn.execute(insert(m.Membership).values(
                    tenant_id=world.tenants[tenant], volunteer_id=vid, joined_at=now,
                    status="ACTIVE"))
                return vid
        finally:
            await engine.dispose()

    return asyncio.run(make())


def serve(world: World, tenant: str, vid: int, hours: tuple[tuple[int, float], ...],
          oid: int | None = None) -> Service:
    """`vid` applies to a new opportunity of `tenant` (accepted) and logs (days ago, hours)."""
    oid = oid or opportunity(world, tenant)
    application = world.ok(APPLY, {"input": {"opportunityId": gid("Opportunity", oid)}},
                           world.volunteer(vid))["applyToOpportunity"]["id"]
    zone = world_zone(world, tenant)
    entries = [str(world.ok(LOG, {"input": {
        "applicationId": application, "hours": h,
        "date": (today(zone) - timedelta(days=d)).isoformat()}},
        world.volunteer(vid))["logHours"]["id"]) for d, h in hours]
    return Service(vid, str(application), oid, tenant, entries)


def world_zone(world: World, tenant: str) -> str:
    return str(fetch(world.database.settings, select(m.Tenant.time_zone).where(
        m.Tenant.slug == tenant))[0][0])


def verify(world: World, service: Service, entries: list[str] | None = None) -> None:
    world.ok(VERIFY, {"input": {"entryIds": entries or service.entries, "approve": True}},
             world.staff("coordinator", service.tenant))


def complete(world: World, service: Service) -> dict[str, Any]:
    return world.ok(COMPLETE, {"input": {"applicationId": service.application,
                                         "status": "COMPLETED"}},
                    world.staff("admin", service.tenant))


def certificates(world: World, volunteer_id: int) -> list[Any]:
    c = m.Certificate
    return fetch(world.database.settings, select(c.__table__).where(
        c.volunteer_id == volunteer_id).order_by(c.id))
