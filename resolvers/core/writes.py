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

Retries (resolvers/core/idempotency.py): with a client key (`perform(ctx, write, key=...)`
from an input's `clientMutationId`, else the request's `Idempotency-Key` header), the key
row is inserted first in the transaction and given apply's result (`write.remember`) before
the commit. A key already stored answers at once with that result (`write.recall`), before
`allow`: nothing runs twice; the same key with another operation or input is a CONFLICT. A
concurrent retry waits on the key's unique index, then finds it stored. apply's result must
then be JSON data (ids, lists of ids); the default `remember`/`recall` pass it through.

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
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from hub.audit import AuditLog
from hub.db import models as m
from hub.errors import Conflict, HubError
from resolvers.core import messages as msg
from resolvers.core.idempotency import fingerprint, key_subject

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

    @property
    def subject(self) -> str | None:
        """Who writes: the principal's subject (a reviewer's, recorded on what they decide)."""
        return self._log.principal.subject

    def audit(self, action: str, object_type: str, object_id: str | None, *,
              tenant_id: int | None = None, anonymous: bool = False, **details: Any) -> None:
        """The mutation's audit event (every write records one), written in this
        transaction; `tenant_id` defaults to the principal's. `anonymous`: the event does
        not name the caller's subject (an account's erasure)."""
        self._log.record(action, object_type, object_id, tenant_id=tenant_id,
                         anonymous=anonymous, **details)

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

    def remember(self, result: R) -> Any:
        """apply's result as JSON data, stored with a client's idempotency key."""
        return result

    def recall(self, stored: Any) -> R:
        """The result of a retry: what `remember` stored for the first attempt."""
        return stored  # type: ignore[no-any-return]


class _KeyTaken(Exception):
    """A concurrent attempt with the same idempotency key committed first."""


@dataclass(frozen=True, slots=True)
class _Attempt:
    subject: str
    key: str
    operation: str
    fingerprint: str

    async def stored(self, ctx: RequestContext) -> Any:
        k = m.IdempotencyKey
        found = (await ctx.db.rows(select(k.operation, k.fingerprint, k.result).where(
            k.subject == self.subject, k.key == self.key)))
        if not found:
            return None
        operation, digest, result = found[0]
        if operation != self.operation or digest != self.fingerprint:
            raise Conflict(msg.IDEMPOTENCY_KEY_REUSED, argument="clientMutationId")
        return result


def _attempt(ctx: RequestContext, write: Write[Any, Any], key: str | None) -> _Attempt | None:
    key = key if key is not None else ctx.next_idempotency_key()
    subject = key_subject(ctx.scope.principal) if key is not None else None
    if key is None or subject is None:
        return None
    operation = type(write).__name__
    return _Attempt(subject, key, operation, fingerprint(operation, write))


async def perform(ctx: RequestContext, write: Write[T, R], *, key: str | None = None) -> R:
    """Run `write`: allowed, validated, applied and audited in one transaction, then the
    loaders of what changed cleared. With a client `key` (or the request's idempotency
    header), a retry returns the first attempt's result. See the module's docstring."""
    attempt = _attempt(ctx, write, key)
    if attempt is not None:
        stored = await attempt.stored(ctx)
        if stored is not None:
            return write.recall(stored["value"])
    try:
        target = write.validate(await write.allow(ctx))
    except HubError:
        # A concurrent attempt with the same key may have committed between the look-up
        # above and the checks (which then see its effect: "already applied"): its result is
        # this retry's answer.
        if attempt is not None and (stored := await attempt.stored(ctx)) is not None:
            return write.recall(stored["value"])
        raise
    # The write's own event log: the request's log holds the events of its reads, which are
    # written when the operation ends, whether or not this transaction commits.
    log = AuditLog(ctx.audit.principal, ctx.audit.request_id)
    try:
        async with ctx.db.transaction() as session:
            tx = Tx(session, log, ctx.db)
            kept = await _claim(session, attempt)
            result = await write.apply(tx, target)
            if not log.pending:
                raise RuntimeError(f"{type(write).__name__} recorded no audit event")
            if kept is not None:
                kept.result = {"value": write.remember(result)}
            await session.flush()
            for step in tx._steps:
                await step(session)
            await log.flush(session)
    except _KeyTaken:
        assert attempt is not None
        stored = await attempt.stored(ctx)
        if stored is None:  # pragma: no cover - the key's holder committed it
            raise RuntimeError("idempotency key taken but not stored") from None
        return write.recall(stored["value"])
    for loader, changed in tx._changed:
        loader(ctx.loaders).clear(changed)
    return result


async def _claim(session: AsyncSession, attempt: _Attempt | None) -> m.IdempotencyKey | None:
    """The attempt's key row, inserted before the write's change: a concurrent attempt with
    the same key waits here (the primary key) until this transaction ends."""
    if attempt is None:
        return None
    row = m.IdempotencyKey(subject=attempt.subject, key=attempt.key,
                           operation=attempt.operation, fingerprint=attempt.fingerprint,
                           result={})
    session.add(row)
    try:
        await session.flush()
    except IntegrityError:
        raise _KeyTaken from None
    return row
