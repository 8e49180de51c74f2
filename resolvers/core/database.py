"""One request's access to the database: a lazily opened session, used one statement at a time.

Faults: a pooled connection found dead on the first statement of a transaction (after a
server restart or a terminated backend) is discarded and that statement sent once more on a
fresh connection: nothing of the transaction can have run. Any other loss of the database
answers `DatabaseUnavailable` (code SERVICE_UNAVAILABLE), never a masked internal error, and
the request's session is dropped so that its next statement starts over.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from contextvars import ContextVar
from typing import Any

from sqlalchemy import Executable, Select, text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from hub.db.engine import connection_lost, database_unavailable
from hub.errors import ErrorCode, HubError
from resolvers.core import messages as msg

log = logging.getLogger("tatawwu")

# Set inside `transaction()`: a read through the lock from within it (a loader called in a
# write's `apply`) would wait for the transaction that waits for it, forever.
_IN_TRANSACTION: ContextVar[bool] = ContextVar("in_transaction", default=False)


class ReadInsideTransaction(RuntimeError):
    """A statement was sent through the request's lock from inside its own transaction."""


class DatabaseUnavailable(HubError):
    """The database cannot be reached (restarting, down, connections cut): retry later."""

    code = ErrorCode.SERVICE_UNAVAILABLE


class RequestDatabase:
    """DataLoaders of one request dispatch in the same tick; an AsyncSession allows one
    statement at a time, so statements queue on a lock instead of failing.

    `prelude` (PostgreSQL) runs first in every transaction: it sets the row-security role
    and settings, which last until that transaction ends.
    """

    def __init__(self, sessions: async_sessionmaker[AsyncSession],
                 prelude: Executable | None = None) -> None:
        self._sessions = sessions
        self._prelude = prelude
        self._session: AsyncSession | None = None
        self._ready = False
        self._lock = asyncio.Lock()
        self._system = False  # inside `as_system`: nested blocks change nothing

    async def rows(self, statement: Executable, params: dict[str, Any] | None = None
                   ) -> Sequence[Any]:
        """Result rows as tuples, read through the session's connection (in its transaction):
        a Core result, without the ORM's row loading, which statements filtered by ORM
        attributes would otherwise go through. `params` bind the statement's parameters at
        execution: a statement built once keeps its compiled form and cache key, where a
        copy with its values bound (`statement.params`) would need a new cache key."""
        self._not_inside_transaction()
        async with self._lock, self._reported():
            connection = await (await self._open()).connection()
            result = await connection.execute(statement, params)
            return result.all()

    async def rows_as_system(self, statement: Executable) -> Sequence[Any]:
        """As `rows`, past the caller's row security (PostgreSQL): only for a statement that
        answers with what the caller may know (a count, a position in a queue) computed
        over rows they may not read. The caller's role is back before the lock is released."""
        self._not_inside_transaction()
        async with self._lock, self._reported():
            session = await self._open()
            if self._prelude is None:
                return (await (await session.connection()).execute(statement)).all()
            connection = await session.connection()
            await connection.execute(text("SET LOCAL ROLE NONE"))
            # Not in a `finally`: after a failed statement (a statement timeout) the
            # transaction is aborted, and the prelude would fail too, hiding the cause.
            rows = (await connection.execute(statement)).all()
            await connection.execute(self._prelude)
            return rows

    async def scalar(self, statement: Select[Any]) -> Any:
        self._not_inside_transaction()
        async with self._lock, self._reported():
            connection = await (await self._open()).connection()
            return await connection.scalar(statement)

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncSession]:
        """Writes: everything inside commits together or not at all. Inside, read through
        the session it yields: the loaders' statements would wait for this transaction."""
        self._not_inside_transaction()
        async with self._lock, self._reported():
            session = await self._open()
            marker = _IN_TRANSACTION.set(True)
            try:
                yield session
                await session.commit()
            except BaseException:
                await self._roll_back(session)
                raise
            finally:
                _IN_TRANSACTION.reset(marker)
                self._ready = False  # the settings ended with the transaction

    @asynccontextmanager
    async def as_system(self, session: AsyncSession) -> AsyncIterator[AsyncSession]:
        """Inside a write's transaction, statements the hub makes on its own account rather
        than the caller's, outside the caller's row security (PostgreSQL): moving the next
        volunteer up a waiting list after someone else's withdrawal, a notification for
        another person. Only what the command decided; the caller's role is back after the
        outermost block (a block inside another stays on the hub's account until then)."""
        if self._prelude is None or self._system:
            yield session
            return
        await session.execute(text("SET LOCAL ROLE NONE"))
        self._system = True
        try:
            yield session
        finally:
            self._system = False
            await session.execute(self._prelude)

    @staticmethod
    def _not_inside_transaction() -> None:
        if _IN_TRANSACTION.get():
            raise ReadInsideTransaction(
                "read through the transaction's session (tx.session), not the request's "
                "loaders, inside a write")

    async def _open(self) -> AsyncSession:
        if self._session is None:
            self._session = self._sessions()
        if not self._ready:
            if self._prelude is not None:
                await self._begin(self._prelude)
            self._ready = True
        return self._session

    async def _begin(self, prelude: Executable) -> None:
        """The first statement of a transaction (the row-security prelude): on a connection
        that turns out dead, once more on a fresh one. Safe because nothing of the
        transaction has run; cheap because only a dead connection costs the second try (no
        pre-ping round trip on every checkout). The dead connection's pool generation is
        invalidated with it, so the retry reconnects."""
        assert self._session is not None
        try:
            await self._session.execute(prelude)
        except Exception as exc:
            if not connection_lost(exc):
                raise
            log.info("database connection found dead; retrying on a fresh one: %s", exc)
            await self._discard()
            self._session = self._sessions()
            await self._session.execute(prelude)

    @asynccontextmanager
    async def _reported(self) -> AsyncIterator[None]:
        """A lost database becomes `DatabaseUnavailable`, and the session (holding a dead
        connection, or a transaction that must be rolled back) is dropped: the request's
        next statement opens a new one. Called with the lock held."""
        try:
            yield
        except DatabaseUnavailable:
            raise
        except Exception as exc:
            if not database_unavailable(exc):
                raise
            log.warning("database unavailable: %s: %s", type(exc).__name__, exc)
            await self._discard()
            raise DatabaseUnavailable(msg.DATABASE_UNAVAILABLE) from exc

    async def _roll_back(self, session: AsyncSession) -> None:
        """Roll back after a failure; on a dead connection the server already has (the
        original failure is the one to report)."""
        try:
            await session.rollback()
        except Exception as exc:
            if not database_unavailable(exc):
                raise
            await self._discard()

    async def _discard(self) -> None:
        session, self._session = self._session, None
        self._ready = False
        if session is not None:
            try:
                await session.close()
            except Exception as exc:  # its connection is gone: nothing left to release
                if not database_unavailable(exc):
                    raise

    async def close(self) -> None:
        """Return the connection to the pool once the statement in flight (a straggling
        loader's, when another field failed first) has ended: closing under it would cut it
        off (PostgreSQL: "another operation is in progress")."""
        async with self._lock:
            await self._discard()
