"""Per-request DataLoaders named `<Entity>By<Key>Loader`: one bulk query each, results in key
order. They are created fresh for every request, so nothing cached crosses principals; and
only when a resolver first asks for one (`LoaderGroup`), so a request pays for the loaders
(and the read scope's clauses) it uses, not for all of them.

They return plain, read-only rows (`record_of`): every mapped attribute of the models is
named like its column (tests/hub/db/test_models.py checks it), so a row reads like the entity.

Their statements are built once, with the batch's keys as an expanding bound parameter
(`keys_in`): once per process when the statement carries no scope, once per loader (that
is, per request) when it carries the caller's scope. A batch binds its keys at execution
(`RequestDatabase.rows(statement, {BATCH_KEYS: keys})`): no new statement, no copy, no new
cache key (`with_keys`, a copy with the keys bound, remains for statements that need it)."""

from __future__ import annotations

import asyncio
from collections import defaultdict
from collections.abc import Awaitable, Callable
from functools import cached_property
from typing import Any, TypeAlias, TypeVar

from aiodataloader import DataLoader
from sqlalchemy import ColumnElement, Select, bindparam, func, select
from sqlalchemy.orm import InstrumentedAttribute

from resolvers.core.database import RequestDatabase

R = TypeVar("R")
# A loader's SELECT, of whatever columns.
Statement: TypeAlias = Select[*tuple[Any, ...]]
S = TypeVar("S", bound=Statement)

# The name of the batch's keys in the loaders' statements.
BATCH_KEYS = "batch_keys"
# A request's read scope: the WHERE clause a query of a model must carry (`ReadScope.rows`).
ScopeFor = Callable[[Any], ColumnElement[bool]]


def keys_in(column: Any) -> ColumnElement[bool]:
    """`column IN (the batch's keys)`, the keys bound at execution (`with_keys`)."""
    return column.in_(bindparam(BATCH_KEYS, expanding=True))  # type: ignore[no-any-return]


def with_keys(statement: S, keys: list[Any], **values: Any) -> S:
    """The statement with this batch's keys (and any other named `values`) bound: a light
    copy (SQLAlchemy's statement-level `params`), whose compiled form is cached."""
    return statement.params({BATCH_KEYS: keys, **values})


class LoaderGroup:
    """What a request's loaders are made of: its database, its read scope and the signed-in
    volunteer. Each domain's group declares its loaders as `cached_property`s, made the
    first time a resolver asks for them, with the clause of `scope(model)`, asked of the
    request's read scope once per model and only for the models a loader of the request
    reads."""

    def __init__(self, db: RequestDatabase, scope_for: ScopeFor,
                 volunteer_id: int | None) -> None:
        self.db, self._scope_for, self.volunteer_id = db, scope_for, volunteer_id
        self._scopes: dict[Any, ColumnElement[bool]] = {}

    def scope(self, model: Any) -> ColumnElement[bool]:
        clause = self._scopes.get(model)
        if clause is None:
            clause = self._scopes[model] = self._scope_for(model)
        return clause


def record_of(column: InstrumentedAttribute[Any]) -> Any:
    """The table of `column`'s entity: loaders read plain rows (SQLAlchemy `Row`s, read-only,
    their attributes named like the entity's), not ORM objects, whose construction was a
    third of a 100-item page's CPU. Writes go through the session's entities."""
    return column.class_.__table__


class KeyedLoader(DataLoader[Any, Any]):
    """A DataLoader that can say, without awaiting, whether a key's value is already here
    (loaded by an earlier batch, for example a page's prefetch: schema/core/prefetch.py).

    `fill(keys)` loads many keys without a future per key (a page's prefetch of 100 rows
    made 100 futures, callbacks and queue entries for values nobody awaits one by one): the
    keys of every `fill` of one tick go in one batch, as `load`s of one tick do, and the
    values wait in a plain dict until a field asks (`ready`, or `load`, which then makes
    the one future it returns)."""

    def __init__(self) -> None:
        self._futures: dict[Any, Any] = {}
        self._values: dict[Any, Any] = {}
        # The keys of the tick's fill batch, and the future its fills wait on.
        self._filling: tuple[dict[Any, None], asyncio.Future[None]] | None = None
        # Keys of a fill batch under way, to its future: a `load` of one waits for it.
        self._in_flight: dict[Any, asyncio.Future[None]] = {}
        self._fill_tasks: set[asyncio.Future[None]] = set()
        super().__init__(cache_map=self._futures)

    def load(self, key: Any) -> Any:
        """As DataLoader's, but a cached future that was cancelled (its awaiting resolver
        was, for example a prefetch under a nulled parent) is loaded again, not re-raised;
        a filled key is answered from the fill's values."""
        future = self._futures.get(key)
        if future is not None:
            if not future.cancelled():
                return future
            del self._futures[key]
        if key in self._values:
            future = self._futures[key] = self.loop.create_future()
            future.set_result(self._values[key])
            return future
        batch = self._in_flight.get(key)
        if batch is not None:
            return self._after_fill(key, batch)
        return super().load(key)

    def ready(self, key: Any) -> tuple[bool, Any]:
        values = self._values
        if key in values:
            return True, values[key]
        future = self._futures.get(key)
        if future is None or not future.done() or future.cancelled() \
                or future.exception() is not None:
            return False, None
        return True, future.result()

    def fill(self, keys: list[Any]) -> asyncio.Future[None] | None:
        """Load the keys not known yet, with the other fills of this tick, into `ready`'s
        values: the future to await, or None when every key is known or on its way. A
        failed batch leaves its keys unknown: each field that asks loads it again and
        reports its own error at its own path."""
        known, futures, flying = self._values, self._futures, self._in_flight
        new = [key for key in keys
               if key not in known and key not in futures and key not in flying]
        if not new:
            waits = {flying[key] for key in keys if key in flying}
            return next(iter(waits)) if len(waits) == 1 else (
                asyncio.ensure_future(_all(waits)) if waits else None)
        if self._filling is None:
            self._filling = ({}, self.loop.create_future())
            self.loop.call_soon(self._dispatch_fill)
        pending, done = self._filling
        pending.update(dict.fromkeys(new))
        return done

    def _dispatch_fill(self) -> None:
        assert self._filling is not None
        pending, done = self._filling
        self._filling = None
        keys = list(pending)
        for key in keys:
            self._in_flight[key] = done
        task = asyncio.ensure_future(self._run_fill(keys, done))
        self._fill_tasks.add(task)  # held until done: the loop keeps only a weak reference
        task.add_done_callback(self._fill_tasks.discard)

    async def _run_fill(self, keys: list[Any], done: asyncio.Future[None]) -> None:
        try:
            values = await self.batch_load_fn(keys)
        except Exception:  # the fields load again and report it (see fill)
            values = None
        for key in keys:
            self._in_flight.pop(key, None)
        if values is not None and len(values) == len(keys):
            for key, value in zip(keys, values, strict=True):
                if not isinstance(value, Exception):
                    self._values[key] = value
        if not done.done():
            done.set_result(None)

    async def _after_fill(self, key: Any, batch: asyncio.Future[None]) -> Any:
        await asyncio.shield(batch)
        return await self.load(key)

    def clear(self, key: Any) -> KeyedLoader:
        self._values.pop(key, None)
        super().clear(key)
        return self

    def clear_all(self) -> KeyedLoader:
        self._values.clear()
        super().clear_all()
        return self

    def prime(self, key: Any, value: Any) -> KeyedLoader:
        if key not in self._values:
            super().prime(key, value)
        return self


async def _all(waits: set[asyncio.Future[None]]) -> None:
    await asyncio.gather(*waits)


def now_or_later(loader: KeyedLoader, key: Any, then: Callable[[Any], R]) -> R | Awaitable[R]:
    """`then(value)` at once when the loader holds the key's value, else an awaitable of it:
    a field over prefetched rows completes without a task or a future per item."""
    ok, value = loader.ready(key)
    if ok:
        return then(value)

    async def later() -> R:
        return then(await loader.load(key))

    return later()


_BY_KEY: dict[tuple[Any, str], Statement] = {}


def rows_by_key(column: InstrumentedAttribute[Any], scope: ColumnElement[bool] | None
                ) -> Statement:
    """`SELECT <column's table> WHERE column IN (keys) AND scope`: built once per process
    for an unscoped column, once per call (a loader's, that is once per request) with a
    scope."""
    if scope is not None:
        return select(record_of(column)).where(keys_in(column), scope)
    key = (column.class_, column.key)
    statement = _BY_KEY.get(key)
    if statement is None:
        statement = _BY_KEY[key] = select(record_of(column)).where(keys_in(column))
    return statement


class RowByKeyLoader(KeyedLoader):
    """One row (or None) per key, from `column IN keys`, under the caller's scope."""

    def __init__(
        self,
        db: RequestDatabase,
        column: InstrumentedAttribute[Any],
        scope: ColumnElement[bool] | None = None,
    ) -> None:
        super().__init__()
        self.db, self.column, self.scope = db, column, scope

    @cached_property
    def statement(self) -> Statement:
        return rows_by_key(self.column, self.scope)

    async def batch_load_fn(self, keys: list[Any]) -> list[Any]:
        rows = await self.db.rows(self.statement, {BATCH_KEYS: keys})
        found = {getattr(row, self.column.key): row for row in rows}
        return [found.get(key) for key in keys]


_NARROW_BY_KEY: dict[tuple[Any, str, frozenset[str]], Statement] = {}


class RowsByKeyLoader(KeyedLoader):
    """All rows per key (a list, maybe empty), from `column IN keys`.

    `narrowed(names)` is a loader of the same rows (same key, same scope) with only the
    columns `names` and the key column: a page whose nodes ask for their titles reads the
    titles of its translation rows, not their descriptions too. Its rows lack the other
    attributes: reading one fails loudly (AttributeError), it never reads a wrong value."""

    def __init__(self, db: RequestDatabase, column: InstrumentedAttribute[Any],
                 scope: ColumnElement[bool] | None = None,
                 names: frozenset[str] | None = None) -> None:
        super().__init__()
        self.db, self.column, self.scope, self.names = db, column, scope, names
        self._narrowed: dict[frozenset[str], RowsByKeyLoader] = {}

    @cached_property
    def statement(self) -> Statement:
        names = self.names
        if names is None:
            return rows_by_key(self.column, self.scope)
        table = record_of(self.column)
        columns = [table.c[name] for name in (self.column.key, *sorted(names - {
            self.column.key}))]
        if self.scope is not None:
            return select(*columns).where(keys_in(self.column), self.scope)
        key = (self.column.class_, self.column.key, names)
        statement = _NARROW_BY_KEY.get(key)
        if statement is None:
            statement = _NARROW_BY_KEY[key] = select(*columns).where(keys_in(self.column))
        return statement

    def narrowed(self, names: frozenset[str]) -> RowsByKeyLoader:
        """The request's loader of these rows with only the columns `names`."""
        assert self.names is None, "narrow the whole rows' loader"
        loader = self._narrowed.get(names)
        if loader is None:
            loader = self._narrowed[names] = RowsByKeyLoader(self.db, self.column,
                                                             self.scope, names)
        return loader

    def narrowed_holding(self, name: str, key: Any) -> tuple[bool, Any]:
        """(True, rows) when a narrowed loader that reads column `name` holds the key's
        rows already, else (False, None)."""
        for names, loader in self._narrowed.items():
            if name in names and key in loader._values:  # filled only (schema/core/prefetch.py)
                return True, loader._values[key]
        return False, None

    async def batch_load_fn(self, keys: list[Any]) -> list[list[Any]]:
        rows = await self.db.rows(self.statement, {BATCH_KEYS: keys})
        grouped: dict[Any, list[Any]] = defaultdict(list)
        for row in rows:
            grouped[getattr(row, self.column.key)].append(row)
        return [grouped.get(key, []) for key in keys]


_COUNT_BY_KEY: dict[tuple[Any, str], Statement] = {}


class CountByKeyLoader(DataLoader[Any, Any]):
    """How many rows per key, in one grouped statement (built once per process)."""

    def __init__(self, db: RequestDatabase, column: InstrumentedAttribute[Any]) -> None:
        super().__init__()
        self.db, self.column = db, column

    @cached_property
    def statement(self) -> Statement:
        key = (self.column.class_, self.column.key)
        statement = _COUNT_BY_KEY.get(key)
        if statement is None:
            statement = _COUNT_BY_KEY[key] = (select(self.column, func.count())
                                              .where(keys_in(self.column))
                                              .group_by(self.column))
        return statement

    async def batch_load_fn(self, keys: list[Any]) -> list[int]:
        found = {key: int(n) for key, n in await self.db.rows(self.statement, {BATCH_KEYS: keys})}
        return [found.get(key, 0) for key in keys]
