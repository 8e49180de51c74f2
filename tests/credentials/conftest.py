"""One hub per backend for the whole credentials package (tests/applications/world.py's
pattern: a fresh database, tenants synced, no demo data), and helpers that make what the
certificates and badges work would: a certificate or a badge award row, its credential
issued through `issue_credentials` in a transaction, as those writes do."""

from __future__ import annotations

import asyncio
import base64
import json
from collections.abc import Awaitable, Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, TypeVar

import pytest
from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from hub.access import ANONYMOUS
from hub.audit import AuditLog
from hub.db import models as m
from hub.db.engine import make_engine, make_sessionmaker
from resolvers.core.writes import Tx
from resolvers.credentials import issue as issuing
from tests.applications.world import World, open_world
from tests.conftest import BACKENDS
from tests.dbtools import fetch

T = TypeVar("T")
ISSUER = "dz-crescent"  # A: issues the credentials
RECEIVER = "eg-crescent"  # B: the volunteer presents them here
THIRD = "lb-redcross"  # C: neither


@pytest.fixture(scope="package", params=BACKENDS)
def hub(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
        ) -> Iterator[World]:
    """One database per backend for the package; each test makes its own records."""
    yield from open_world(request.param,
                          tmp_path_factory.mktemp(f"credentials-{request.param}"))


def as_owner(world: World, work: Callable[[AsyncSession], Awaitable[T]]) -> T:
    """`work(session)` in one committed transaction, as the database's owner."""
    async def run() -> T:
        engine = make_engine(world.database.settings.database_url)
        try:
            async with make_sessionmaker(engine)() as session, session.begin():
                return await work(session)
        finally:
            await engine.dispose()

    return asyncio.run(run())


def new_holder(world: World, *tenants: str) -> int:
    """A volunteer who is a member of these tenants (one connection, where
    `World.new_volunteer` and `member_of` take one per row)."""
    async def work(session: AsyncSession) -> int:
        now = datetime.now(UTC)
        made = int((await session.execute(insert(m.Volunteer).values(
            subject=None, first_name="Zubaida", last_name="Qarawi", languages=["ar"],
            shares_with_network=False, verified_hours=0.0, birth_year=1990, created_at=now,
            updated_at=now).returning(m.Volunteer.id))).scalar_one())
        for tenant in tenants:
            await session.execute(insert(m.Membership).values(
                tenant_id=world.tenants[tenant], volunteer_id=made, joined_at=now,
                status="ACTIVE"))
        return made

    return as_owner(world, work)


def certificate(world: World, volunteer_id: int, tenant: str = ISSUER, *, hours: float = 12.5,
                title: str | None = "Blood drive", locale: str = "fr") -> int:
    """A certificate row (as the certificates work issues them), of a new opportunity."""
    tenant_id = world.tenants[tenant]

    async def work(session: AsyncSession) -> int:
        now = datetime.now(UTC)
        o = m.Opportunity
        opportunity = int((await session.execute(insert(o).values(
            tenant_id=tenant_id, format="REMOTE", category_code="test-category",
            is_ongoing=True, capacity=None, filled_spots=0, is_emergency=False,
            visibility="PUBLIC", status="PUBLISHED", published_at=now, acceptance="AUTOMATIC",
            starts_at=now, created_at=now, updated_at=now).returning(o.id))).scalar_one())
        if title:
            await session.execute(insert(m.OpportunityTranslation).values(
                opportunity_id=opportunity, tenant_id=tenant_id, locale=locale,
                is_source=True, title=title, updated_at=now))
        return int((await session.execute(insert(m.Certificate).values(
            code=f"c{opportunity}-{volunteer_id}", tenant_id=tenant_id,
            volunteer_id=volunteer_id, opportunity_id=opportunity, hours=hours,
            started_on=date(2026, 10, 1), completed_on=date(2026, 10, 30), locale=locale,
            issued_at=now).returning(m.Certificate.id))).scalar_one())

    return as_owner(world, work)


def badge_award(world: World, volunteer_id: int, tenant: str = ISSUER, *,
                code: str = "bronze", hours: float = 14.0) -> int:
    return int(fetch(world.database.settings, insert(m.BadgeAward).values(
        tenant_id=world.tenants[tenant], volunteer_id=volunteer_id, badge_code=code,
        hours=hours, awarded_at=datetime.now(UTC)).returning(m.BadgeAward.id))[0][0])


def tx_of(session: AsyncSession) -> Tx:
    """The transaction a write hands its helpers (the owner's session: no row security)."""
    return Tx(session, AuditLog(ANONYMOUS, "test"))


@dataclass(frozen=True)
class Issued:
    id: int
    jti: str
    token: str
    status_index: int
    kind: str


def issue(world: World, *, certificates: Sequence[int] = (), awards: Sequence[int] = (),
          valid_from: datetime | None = None) -> list[Issued]:
    """Issue the credentials of these rows as the certificates and badges writes do
    (`issue_credentials` in their transaction), or with a `valid_from` of the test's."""
    async def work(session: AsyncSession) -> list[Issued]:
        if valid_from is None:
            await issuing.issue_credentials(tx_of(session), certificate_ids=certificates,
                                            award_ids=awards)
        else:
            await issuing.issue(session, world.database.settings.public_url,
                                certificate_ids=certificates, award_ids=awards,
                                valid_from=valid_from)
        return await credentials_of(session, certificates=certificates, awards=awards)

    return as_owner(world, work)


async def credentials_of(session: AsyncSession, *, certificates: Sequence[int] = (),
                         awards: Sequence[int] = ()) -> list[Issued]:
    c = m.Credential
    rows = list((await session.execute(select(
        c.id, c.jti, c.token, c.status_index, c.kind, c.certificate_id, c.award_id).where(
        c.certificate_id.in_(list(certificates)) | c.award_id.in_(list(awards))))).all())
    order = {("CERTIFICATE", i): n for n, i in enumerate(certificates)}
    order.update({("BADGE", i): len(certificates) + n for n, i in enumerate(awards)})
    rows.sort(key=lambda r: order[(r.kind, r.certificate_id or r.award_id)])
    return [Issued(r.id, r.jti, r.token, r.status_index, r.kind) for r in rows]


def revoke(world: World, *, certificates: Sequence[int] = (), awards: Sequence[int] = ()
           ) -> None:
    async def work(session: AsyncSession) -> None:
        await issuing.revoke_credentials(tx_of(session), certificate_ids=certificates,
                                         award_ids=awards)

    as_owner(world, work)


def part(token: str, index: int) -> dict[str, Any]:
    """A JWS part (0: header, 1: payload) as JSON, read without verifying."""
    segment = token.split(".")[index]
    found: dict[str, Any] = json.loads(base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4)))
    return found


def tampered(token: str, change: Callable[[dict[str, Any]], None]) -> str:
    """The token with its payload changed and its signature kept."""
    header, _, signature = token.split(".")
    claims = part(token, 1)
    change(claims)
    encoded = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
    return f"{header}.{encoded}.{signature}"


def published(world: World, path: str) -> Any:
    """A public document the hub serves (JSON or a JWT's text)."""
    response = world.client.http.get(path)
    assert response.status_code == 200, (path, response.status_code, response.text)
    if response.headers["content-type"].startswith("application/jwt"):
        return response.text
    return response.json()
