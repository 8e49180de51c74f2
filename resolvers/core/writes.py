"""The one write path: every mutation is a `Write` command run by `perform`.

    perform(ctx, write)
      1. write.allow(ctx)          who may: a coded error (Forbidden, NotFound, ...) before
                                   anything is written; returns what the write is about
      2. write.validate(target)    the input, into typed errors (`BadUserInput(argument=)`);
                                   returns the target with its input cleaned
      3. one transaction           write.apply(tx, target), the domain change through
                                   `tx.session`; then the session is flushed, the steps
                                   queued with `tx.before_commit` run (outbox rows), the
                                   audit event is written, and all of it commits together
      4. after the commit          the loaders named with `tx.changed` forget their keys
      5. apply's result            what the schema needs to build the changed object

When anything in step 3 raises, the transaction rolls back: no row changed, no audit event
written or left pending, no loader cleared (what they hold is still the database's).

Inside the transaction read through `tx.session`, never through the loaders: they share
the request's one connection, which the transaction holds until it ends.

A mutation written on it (the command lives next to its domain's queries, in
`resolvers/<domain>/commands.py`; the schema only parses input and builds types):

    @dataclass(frozen=True)
    class SetNetworkSharing(Write[int, int]):
        share: bool

        async def allow(self, ctx: RequestContext) -> int:
            if ctx.scope.principal.volunteer_id is None:
                raise Forbidden(msg.VOLUNTEER_ONLY)
            return ctx.scope.principal.volunteer_id

        async def apply(self, tx: Tx, volunteer_id: int) -> int:
            await tx.session.execute(update(...).values(shares_with_network=self.share))
            tx.audit("set_network_sharing", "Volunteer", encode_id("Volunteer", volunteer_id))
            tx.changed(lambda loaders: loaders.volunteer_by_id, volunteer_id)
            return volunteer_id

    volunteer_id = await perform(ctx, SetNetworkSharing(share=True))
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from hub.audit import AuditLog

if TYPE_CHECKING:
    from resolvers.context import RequestContext
    from resolvers.core.database import RequestDatabase
    from resolvers.loaders import Loaders

T = TypeVar("T")  # what the write is about: found by `allow`, cleaned by `validate`
R = TypeVar("R")  # what `apply` returns to the schema

# A loader of the request, named by a typed accessor (`lambda loaders: loaders.x_by_id`).
LoaderOf = Callable[["Loaders"], Any]
# A step run inside the write's transaction, before its audit event and the commit.
Step = Callable[[AsyncSession], Awaitable[None]]


class Tx:
    """What a command's `apply` writes with: the transaction's session, its audit event,
    the loaders to clear after the commit and the steps to run before it."""

    def __init__(self, session: AsyncSession, log: AuditLog,
                 db: RequestDatabase | None = None) -> None:
        self.session = session
        self._log = log
        self._db = db
        self._changed: list[tuple[LoaderOf, Any]] = []
        self._steps: list[Step] = []

    def audit(self, action: str, object_type: str, object_id: str | None, *,
              tenant_id: int | None = None, **details: Any) -> None:
        """The mutation's audit event (every write records one), written in this
        transaction; `tenant_id` defaults to the principal's."""
        self._log.record(action, object_type, object_id, tenant_id=tenant_id, **details)

    @asynccontextmanager
    async def as_system(self) -> AsyncIterator[AsyncSession]:
        """`async with tx.as_system() as session:` statements the hub makes on its own
        account, past the caller's row security (PostgreSQL; nothing changes on SQLite):
        promoting another volunteer from a waiting list, notifying them. The command has
        already decided that the caller may cause this; keep the block to those writes."""
        if self._db is None:
            yield self.session
            return
        async with self._db.as_system(self.session) as session:
            yield session

    def changed(self, loader: LoaderOf, key: Any) -> None:
        """After the commit, the request's `loader` forgets `key`: the next read sees the
        change. Not on failure: then the cached value is still the database's."""
        self._changed.append((loader, key))

    def before_commit(self, step: Step) -> None:
        """Run `step(session)` in this transaction once `apply` has returned: where rows for
        later delivery go (the outbox of notifications and webhooks), so that they are
        written exactly when the change is."""
        self._steps.append(step)


class Write(ABC, Generic[T, R]):
    """One write command of a domain, run by `perform`."""

    @abstractmethod
    async def allow(self, ctx: RequestContext) -> T:
        """Who may: raise a coded error (Forbidden, NotFound, ...) for a caller who may not.
        Reads only (through the loaders); return what the write is about."""

    def validate(self, target: T) -> T:
        """The input, checked into typed errors (`BadUserInput(..., argument=...)`); return
        the target with the input cleaned. Nothing to check by default."""
        return target

    @abstractmethod
    async def apply(self, tx: Tx, target: T) -> R:
        """The domain change, inside the one transaction: writes through `tx.session`,
        records the audit event with `tx.audit`, names stale loaders with `tx.changed`."""


async def perform(ctx: RequestContext, write: Write[T, R]) -> R:
    """Run `write`: allowed, validated, applied and audited in one transaction, then the
    loaders of what changed cleared. See the module's docstring."""
    target = write.validate(await write.allow(ctx))
    # The write's own event log: the request's log holds the events of its reads, which are
    # written when the operation ends, whether or not this transaction commits.
    log = AuditLog(ctx.audit.principal, ctx.audit.request_id)
    async with ctx.db.transaction() as session:
        tx = Tx(session, log, ctx.db)
        result = await write.apply(tx, target)
        if not log.pending:
            raise RuntimeError(f"{type(write).__name__} recorded no audit event")
        await session.flush()
        for step in tx._steps:
            await step(session)
        await log.flush(session)
    for loader, key in tx._changed:
        loader(ctx.loaders).clear(key)
    return result
