"""Per-request DataLoaders named `<Entity>By<Key>Loader`: one bulk query each, results in key
order. They are created fresh for every request, so nothing cached crosses principals.

They return plain, read-only rows (`record_of`): every mapped attribute of the models is
named like its column (tests/hub/db/test_models.py checks it), so a row reads like the entity."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from aiodataloader import DataLoader
from sqlalchemy import ColumnElement, func, select, true
from sqlalchemy.orm import InstrumentedAttribute

from resolvers.core.database import RequestDatabase

R = TypeVar("R")


def record_of(column: InstrumentedAttribute[Any]) -> Any:
    """The table of `column`'s entity: loaders read plain rows (SQLAlchemy `Row`s, read-only,
    their attributes named like the entity's), not ORM objects, whose construction was a
    third of a 100-item page's CPU. Writes go through the session's entities."""
    return column.class_.__table__


class KeyedLoader(DataLoader[Any, Any]):
    """A DataLoader that can say, without awaiting, whether a key's value is already here
    (loaded by an earlier batch, for example a page's prefetch: schema/prefetch.py)."""

    def __init__(self) -> None:
        self._futures: dict[Any, Any] = {}
        super().__init__(cache_map=self._futures)

    def load(self, key: Any) -> Any:
        """As DataLoader's, but a cached future that was cancelled (its awaiting resolver
        was, for example a prefetch under a nulled parent) is loaded again, not re-raised."""
        future = self._futures.get(key)
        if future is not None and future.cancelled():
            del self._futures[key]
        return super().load(key)

    def ready(self, key: Any) -> tuple[bool, Any]:
        future = self._futures.get(key)
        if future is None or not future.done() or future.cancelled() \
                or future.exception() is not None:
            return False, None
        return True, future.result()


def now_or_later(loader: KeyedLoader, key: Any, then: Callable[[Any], R]) -> R | Awaitable[R]:
    """`then(value)` at once when the loader holds the key's value, else an awaitable of it:
    a field over prefetched rows completes without a task or a future per item."""
    ok, value = loader.ready(key)
    if ok:
        return then(value)

    async def later() -> R:
        return then(await loader.load(key))

    return later()


class RowByKeyLoader(KeyedLoader):
    """One row (or None) per key, from `column IN keys`, under the caller's scope."""

    def __init__(
        self,
        db: RequestDatabase,
        column: InstrumentedAttribute[Any],
        scope: ColumnElement[bool] | None = None,
    ) -> None:
        super().__init__()
        self.db, self.column, self.scope = db, column, scope if scope is not None else true()

    async def batch_load_fn(self, keys: list[Any]) -> list[Any]:
        rows = await self.db.rows(select(record_of(self.column)).where(
            self.column.in_(keys), self.scope))
        found = {getattr(row, self.column.key): row for row in rows}
        return [found.get(key) for key in keys]


class RowsByKeyLoader(KeyedLoader):
    """All rows per key (a list, maybe empty), from `column IN keys`."""

    def __init__(self, db: RequestDatabase, column: InstrumentedAttribute[Any],
                 scope: ColumnElement[bool] | None = None) -> None:
        super().__init__()
        self.db, self.column, self.scope = db, column, scope if scope is not None else true()

    async def batch_load_fn(self, keys: list[Any]) -> list[list[Any]]:
        rows = await self.db.rows(select(record_of(self.column)).where(
            self.column.in_(keys), self.scope))
        grouped: dict[Any, list[Any]] = defaultdict(list)
        for row in rows:
            grouped[getattr(row, self.column.key)].append(row)
        return [grouped.get(key, []) for key in keys]


class CountByKeyLoader(DataLoader[Any, Any]):
    """How many rows per key, in one grouped statement."""

    def __init__(self, db: RequestDatabase, column: InstrumentedAttribute[Any]) -> None:
        super().__init__()
        self.db, self.column = db, column

    async def batch_load_fn(self, keys: list[Any]) -> list[int]:
        stmt = select(self.column, func.count()).where(self.column.in_(keys)).group_by(self.column)
        found = {key: int(n) for key, n in await self.db.rows(stmt)}
        return [found.get(key, 0) for key in keys]
