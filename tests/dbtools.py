"""Direct database access for tests: what the API should answer, computed without it."""

from __future__ import annotations

import asyncio
from typing import Any

from sqlalchemy import Executable

from hub.config import Settings
from hub.db.engine import make_engine


def fetch(settings: Settings, statement: Executable) -> list[Any]:
    async def run() -> list[Any]:
        engine = make_engine(settings.database_url)
        try:
            async with engine.begin() as conn:
                result = await conn.execute(statement)
                return list(result.all()) if result.returns_rows else []
        finally:
            await engine.dispose()

    return asyncio.run(run())
