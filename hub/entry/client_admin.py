"""What the CLI does with API clients and the audit trail (as the database owner)."""

from __future__ import annotations

from sqlalchemy import select, update

from hub.authentication import create_api_client
from hub.config import Settings
from hub.db import models as m
from hub.db.engine import make_engine, make_sessionmaker
from hub.db.types import utcnow
from hub.errors import ConfigurationError


async def create(settings: Settings, tenant: str, name: str, scopes: list[str],
                 origins: list[str]) -> tuple[int, str]:
    engine = make_engine(settings.database_url)
    try:
        async with make_sessionmaker(engine)() as session, session.begin():
            tenant_id = await session.scalar(select(m.Tenant.id).where(
                m.Tenant.slug == tenant, m.Tenant.active))
            if tenant_id is None:
                raise ConfigurationError(f"there is no active tenant {tenant!r}")
            client, key = await create_api_client(session, tenant_id=tenant_id, name=name,
                                                  scopes=scopes, origins=origins)
            return client.id, key
    finally:
        await engine.dispose()


async def listing(settings: Settings) -> list[str]:
    engine = make_engine(settings.database_url)
    try:
        async with make_sessionmaker(engine)() as session:
            rows = (await session.execute(
                select(m.ApiClient, m.Tenant.slug).join(m.Tenant).order_by(m.ApiClient.id)
            )).all()
    finally:
        await engine.dispose()
    return [f"{c.id:>4} {slug:<16} {c.prefix} {'revoked' if c.revoked_at else 'active ':<7} "
            f"{','.join(c.scopes):<12} {' '.join(c.allowed_origins) or '-':<30} {c.name}"
            for c, slug in rows]


async def revoke(settings: Settings, client_id: int) -> bool:
    engine = make_engine(settings.database_url)
    try:
        async with make_sessionmaker(engine)() as session, session.begin():
            result = await session.execute(update(m.ApiClient).where(
                m.ApiClient.id == client_id, m.ApiClient.revoked_at.is_(None)
            ).values(revoked_at=utcnow()))
            return bool(result.rowcount)  # type: ignore[attr-defined]
    finally:
        await engine.dispose()


async def audit_lines(settings: Settings, count: int, tenant: str | None) -> list[str]:
    engine = make_engine(settings.database_url)
    try:
        async with make_sessionmaker(engine)() as session:
            stmt = select(m.AuditEvent, m.Tenant.slug).outerjoin(
                m.Tenant, m.Tenant.id == m.AuditEvent.tenant_id)
            if tenant:
                stmt = stmt.where(m.Tenant.slug == tenant)
            rows = (await session.execute(
                stmt.order_by(m.AuditEvent.at.desc(), m.AuditEvent.id.desc()).limit(count)
            )).all()
    finally:
        await engine.dispose()
    return [f"{e.at.isoformat(timespec='seconds')} {e.request_id[:12]:<12} "
            f"{e.principal_kind:<10} {e.subject or '-':<28} {slug or '-':<14} {e.action:<20} "
            f"{e.object_type}:{e.object_id or '-'} {e.details or ''}"
            for e, slug in reversed(rows)]
