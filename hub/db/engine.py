"""The async engine and session factory for SQLite (embedded) or PostgreSQL (production),
and what tells a lost database from any other failure."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from hub.db.models.search import register_sqlite_functions

# Seconds to open a PostgreSQL connection (asyncpg waits 60 by default): a server that does
# not answer (a host gone, packets dropped) fails a request instead of holding it.
CONNECT_TIMEOUT = 5.0

# SQLSTATEs of a server going away or not there yet: the connection class (08), an
# administrator or crash shutdown cutting sessions (57P01, 57P02), "the database system is
# starting up / shutting down" (57P03).
_UNAVAILABLE_STATES = ("57P01", "57P02", "57P03")


def make_engine(url: str, **kw: Any) -> AsyncEngine:
    """An engine with per-backend settings: foreign keys, WAL and the search index's functions
    (its triggers call them) on SQLite, a pool on PostgreSQL.

    No `pool_pre_ping` on PostgreSQL: it would cost a round trip on every checkout to guard
    against what happens after a server restart only. Instead a connection found dead is
    invalidated with every pooled connection of its generation (SQLAlchemy does this on a
    disconnect), and the request's first statement is retried once on a fresh connection
    (`resolvers.core.database.RequestDatabase`)."""
    if url.startswith("sqlite"):
        engine = create_async_engine(url, connect_args={"timeout": 30}, **kw)

        @event.listens_for(engine.sync_engine, "connect")
        def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()
            register_sqlite_functions(dbapi_connection)

        return engine
    kw.setdefault("pool_size", 10)
    kw.setdefault("max_overflow", 10)
    kw.setdefault("pool_pre_ping", False)
    connect_args = dict(kw.pop("connect_args", {}))
    connect_args.setdefault("timeout", CONNECT_TIMEOUT)
    return create_async_engine(url, connect_args=connect_args, **kw)


def make_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False, autoflush=False)


def connection_lost(exc: BaseException) -> bool:
    """The connection died under a statement (server restarted, backend terminated); it is
    already invalidated, with every pooled connection opened before it."""
    return isinstance(exc, DBAPIError) and exc.connection_invalidated


def database_unavailable(exc: BaseException) -> bool:
    """The database cannot be reached right now, as opposed to a bug or a bad statement: a
    lost connection, a refused or timed-out connect, a server shutting down or starting up.
    A caller may retry later; nothing of the failed transaction was committed, except when
    the connection died during COMMIT itself (then a retry with the same idempotency key
    finds out)."""
    if connection_lost(exc):
        return True
    # A server error (wrapped by SQLAlchemy, or asyncpg's own while connecting).
    origin = exc.orig if isinstance(exc, DBAPIError) else exc
    state = getattr(origin, "sqlstate", None)
    if isinstance(state, str):
        return state.startswith("08") or state in _UNAVAILABLE_STATES
    # Connecting: the socket's errors are not wrapped by SQLAlchemy there (refused, reset,
    # unreachable, a connect timeout).
    return not isinstance(exc, DBAPIError) and isinstance(exc, OSError)
