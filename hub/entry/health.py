"""Probes: /healthz (the process answers) and /readyz (database reachable and migrated,
tenants loaded)."""

from __future__ import annotations

import logging

from sqlalchemy import text
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from hub.db.migrate import current_revision, head_revision
from hub.entry.state import Startup

log = logging.getLogger("tatawwu")


async def healthz(request: Request) -> Response:
    return JSONResponse({"status": "ok"})


def routes(startup: Startup) -> list[BaseRoute]:
    async def readyz(request: Request) -> Response:
        state = startup.state
        if state is None:
            return JSONResponse({"status": "starting"}, status_code=503)
        try:
            async with state.engine.connect() as conn:
                await conn.execute(text("SELECT 1"))
            revision = await current_revision(state.engine)
        except Exception as exc:  # the probe reports any database failure, never raises
            log.warning("readiness check failed: %s", exc)
            return JSONResponse({"status": "database unavailable"}, status_code=503)
        if revision != head_revision():
            return JSONResponse({"status": "migrations pending", "revision": revision},
                                status_code=503)
        return JSONResponse({"status": "ready", "revision": revision,
                             "tenants": len(state.tenants.active)})

    return [Route("/healthz", healthz), Route("/readyz", readyz)]
