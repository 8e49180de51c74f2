"""What `tatawwu documents ...` does, as the database owner: each call one transaction on
an engine of its own (the CLI is a short process)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from hub.config import Settings
from hub.db import models as m
from hub.db.engine import make_engine, make_sessionmaker
from hub.documents import registry
from hub.documents.manifests import Manifest, ManifestError, read_manifest
from hub.documents.registry import Check, PushReport, StoredDocument


class UnknownClient(Exception):
    """`--client` names no active API client, or several."""


@asynccontextmanager
async def _transaction(settings: Settings) -> AsyncIterator[AsyncSession]:
    engine = make_engine(settings.database_url)
    try:
        async with make_sessionmaker(engine)() as session, session.begin():
            yield session
    finally:
        await engine.dispose()


async def client_id_of(session: AsyncSession, name_or_id: str | None) -> int | None:
    """The active API client named by its id or its (unique) name; None for no client."""
    if name_or_id is None:
        return None
    wanted = name_or_id.strip()
    stmt = select(m.ApiClient.id, m.ApiClient.name).where(m.ApiClient.revoked_at.is_(None))
    stmt = stmt.where(m.ApiClient.id == int(wanted)) if wanted.isdigit() \
        else stmt.where(m.ApiClient.name == wanted)
    rows = (await session.execute(stmt)).all()
    if not rows:
        raise UnknownClient(f"there is no active API client {wanted!r} (`tatawwu clients "
                            "list` shows them)")
    if len(rows) > 1:
        raise UnknownClient(f"several active API clients are named {wanted!r} (ids "
                            f"{', '.join(str(r.id) for r in rows)}): give its id")
    return int(rows[0].id)


def read_file(path: Path) -> Manifest:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ManifestError(f"{path}: cannot be read ({exc})") from None
    return read_manifest(text, path.name)


async def push_file(settings: Settings, path: Path, client: str | None, check: Check
                    ) -> tuple[Manifest, PushReport]:
    manifest = read_file(path)
    async with _transaction(settings) as session:
        client_id = await client_id_of(session, client)
        return manifest, await registry.push(session, manifest, client_id=client_id,
                                             check=check)


async def listing(settings: Settings, client: str | None, *, every_owner: bool,
                  retired: bool) -> list[StoredDocument]:
    async with _transaction(settings) as session:
        client_id = await client_id_of(session, client)
        return await registry.listing(session, client_id=client_id, every_owner=every_owner,
                                      retired=retired)


async def remove(settings: Settings, document_id: str, client: str | None) -> bool:
    async with _transaction(settings) as session:
        client_id = await client_id_of(session, client)
        return await registry.retire(session, document_id, client_id)
