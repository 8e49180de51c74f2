"""Probes: /healthz (the process answers) and /readyz (database reachable and migrated,
tenants loaded).

/readyz answers 503 "database unavailable" while the database cannot be reached and 200
again as soon as it can, by itself: a connection found dead is retried once on a fresh one
(the pool forgets the dead generation), and the check gives up after READY_TIMEOUT seconds
so that a probe never hangs on a server that does not answer."""

from __future__ import annotations

import asyncio
import logging

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from hub.db.engine import connection_lost
from hub.db.migrate import current_revision, head_revision
from hub.entry.state import Startup

log = logging.getLogger("tatawwu")

READY_TIMEOUT = 2.0  # seconds: well under the usual probe timeouts (Kubernetes: 1-5 s)


async def healthz(request: Request) -> Response:
    return JSONResponse({"status": "ok"})


async def _revision(engine: AsyncEngine) -> str | None:
    async with engine.connect() as conn:
        await conn.execute(text("SELECT 1"))
    return await current_revision(engine)


async def _revision_retried(engine: AsyncEngine) -> str | None:
    """The database's migration revision; a pooled connection found dead is tried once more
    (after a server restart every pooled connection is)."""
    try:
        return await _revision(engine)
    except Exception as exc:
        if not connection_lost(exc):
            raise
    return await _revision(engine)


def routes(startup: Startup) -> list[BaseRoute]:
    async def readyz(request: Request) -> Response:
        state = startup.state
        if state is None:
            return JSONResponse({"status": "starting"}, status_code=503)
        try:
            async with asyncio.timeout(READY_TIMEOUT):
                revision = await _revision_retried(state.engine)
        except Exception as exc:  # the probe reports any database failure, never raises
            log.warning("readiness check failed: %s: %s", type(exc).__name__, exc)
            return JSONResponse({"status": "database unavailable"}, status_code=503)
        if revision != head_revision():
            return JSONResponse({"status": "migrations pending", "revision": revision},
                                status_code=503)
        return JSONResponse({"status": "ready", "revision": revision,
                             "tenants": len(state.tenants.active)})

    return [Route("/healthz", healthz), Route("/readyz", readyz)]
