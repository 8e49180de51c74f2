"""Hand-written SQL access for the raw baseline: asyncpg for PostgreSQL, aiosqlite for SQLite.

SQL is written once with `?` placeholders; PostgreSQL gets them renumbered as `$1, $2, ...`.
Values come back normalised (aware UTC datetimes, dates, booleans, decoded JSON), so the
handlers do not care which database answered.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from datetime import UTC, date, datetime
from functools import lru_cache
from typing import Any, Protocol

import orjson

Row = Sequence[Any]


class Connection(Protocol):
    async def fetch(self, sql: str, *args: Any) -> list[Row]: ...

    async def execute(self, sql: str, *args: Any) -> None:
        """A write, committed when it returns."""


class Database(Protocol):
    def connection(self) -> Any: ...  # an async context manager yielding a Connection

    async def close(self) -> None: ...


def placeholders(n: int) -> str:
    """`(?, ?, ?)` for an IN list of n values."""
    return "(" + ", ".join("?" * n) + ")"


@lru_cache(maxsize=256)
def _numbered(sql: str) -> str:
    """`?` in order becomes `$1, $2, ...`; an explicit `?N` (reused arguments) becomes `$N`."""
    counter = iter(range(1, 10_000))
    return re.sub(r"\?(\d*)", lambda m: f"${m.group(1) or next(counter)}", sql)


class _PgConnection:
    def __init__(self, conn: Any) -> None:
        self._conn = conn

    async def fetch(self, sql: str, *args: Any) -> list[Row]:
        return list(await self._conn.fetch(_numbered(sql), *args))

    async def execute(self, sql: str, *args: Any) -> None:
        await self._conn.execute(_numbered(sql), *args)


class PgDatabase:
    def __init__(self, pool: Any) -> None:
        self._pool = pool

    @classmethod
    async def open(cls, dsn: str) -> PgDatabase:
        import asyncpg

        return cls(await asyncpg.create_pool(dsn, min_size=1, max_size=10, timeout=10))

    @asynccontextmanager
    async def connection(self) -> AsyncIterator[Connection]:
        async with self._pool.acquire() as conn:
            yield _PgConnection(conn)

    async def close(self) -> None:
        await self._pool.close()


class _LiteConnection:
    def __init__(self, conn: Any) -> None:
        self._conn = conn

    async def fetch(self, sql: str, *args: Any) -> list[Row]:
        async with self._conn.execute(sql, args) as cursor:
            return list(await cursor.fetchall())

    async def execute(self, sql: str, *args: Any) -> None:
        await self._conn.execute(sql, args)
        await self._conn.commit()


class LiteDatabase:
    """A small pool of aiosqlite connections (each has its own thread), like the hub's."""

    SIZE = 4

    def __init__(self, conns: list[Any]) -> None:
        self._all = conns
        self._free: asyncio.Queue[Any] = asyncio.Queue()
        for conn in conns:
            self._free.put_nowait(conn)

    @classmethod
    async def open(cls, path: str) -> LiteDatabase:
        import aiosqlite

        conns = []
        for _ in range(cls.SIZE):
            conn = await aiosqlite.connect(path, timeout=30)
            await conn.execute("PRAGMA journal_mode=WAL")
            await conn.execute("PRAGMA synchronous=NORMAL")
            conns.append(conn)
        return cls(conns)

    @asynccontextmanager
    async def connection(self) -> AsyncIterator[Connection]:
        conn = await self._free.get()
        try:
            yield _LiteConnection(conn)
        finally:
            self._free.put_nowait(conn)

    async def close(self) -> None:
        for conn in self._all:
            await conn.close()


async def open_database(url: str) -> PgDatabase | LiteDatabase:
    """From the hub's SQLAlchemy URL (`postgresql+asyncpg://...`, `sqlite+aiosqlite:///...`)."""
    if url.startswith("postgresql+asyncpg://"):
        return await PgDatabase.open("postgresql://" + url.split("://", 1)[1])
    if url.startswith("sqlite+aiosqlite:///"):
        return await LiteDatabase.open(url.split(":///", 1)[1])
    raise ValueError(f"unsupported database URL scheme: {url.split('://', 1)[0]}")


def moment(value: Any) -> datetime | None:
    """An aware UTC datetime from asyncpg (aware) or SQLite (naive UTC text)."""
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    result: datetime = value
    return result.replace(tzinfo=UTC) if result.tzinfo is None else result.astimezone(UTC)


def day(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def json_value(value: Any) -> Any:
    """JSON columns: text on both drivers."""
    return orjson.loads(value) if isinstance(value, str | bytes) else value
