"""One request's access to the database: a lazily opened session, used one statement at a time."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Executable, Select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker


class RequestDatabase:
    """DataLoaders of one request dispatch in the same tick; an AsyncSession allows one
    statement at a time, so statements queue on a lock instead of failing."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions
        self._session: AsyncSession | None = None
        self._lock = asyncio.Lock()

    async def scalars(self, statement: Select[Any]) -> Sequence[Any]:
        async with self._lock:
            result = await self._open().scalars(statement)
            return result.all()

    async def rows(self, statement: Executable) -> Sequence[Any]:
        """Result rows as tuples."""
        async with self._lock:
            result = await self._open().execute(statement)
            return result.all()

    async def scalar(self, statement: Select[Any]) -> Any:
        async with self._lock:
            return await self._open().scalar(statement)

    def _open(self) -> AsyncSession:
        if self._session is None:
            self._session = self._sessions()
        return self._session

    async def close(self) -> None:
        if self._session is not None:
            session, self._session = self._session, None
            await session.close()
