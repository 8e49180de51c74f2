"""Keyset pages of any list, batched: all pages asked for in one request tick load in one
statement (a UNION ALL of per-owner `LIMIT` queries, each served by a tenant-leading index),
and all their counts in one grouped statement.

A page may name the columns its rows need (`page_of(..., columns=...)`: what its nodes'
selected fields read, schema/core/columns.py); its statement then selects those and the
ordering's, not whole rows. The pages of one batch get the union of their columns (any page
without a list of columns: whole rows), so a batch stays one statement. A row read for a
column it does not have raises (SQLAlchemy `Row`: AttributeError): never a wrong value."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Awaitable, Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from aiodataloader import DataLoader
from sqlalchemy import (
    ColumnElement,
    FromClause,
    Select,
    Table,
    func,
    literal,
    select,
    tuple_,
    union_all,
)
from sqlalchemy.orm import InstrumentedAttribute

from hub.paging import PageRequest, encode_cursor, page_request
from resolvers.core.database import RequestDatabase

if TYPE_CHECKING:
    from resolvers.context import RequestContext

T = TypeVar("T")

# Builds the filter clauses of one list from its hashable filter value.
Filters = Callable[[Any], Sequence[ColumnElement[bool]]]


@dataclass(frozen=True, slots=True)
class Joined:
    """Where sort columns that are not the rows' own come from, joined to the rows: a
    relevance list sorts by scores computed per record (resolvers/search/ranking.py)."""

    target: FromClause
    on: ColumnElement[bool]
    columns: tuple[ColumnElement[Any], ...]  # selected beside the rows' columns
    # The page's filters when the join already restricts the rows as some filter would
    # (a relevance list joins exactly its search's hits); counts keep the list's filters.
    filters: Callable[[Any], Sequence[ColumnElement[bool]]] | None = None


@dataclass(frozen=True, slots=True)
class Ordering:
    """The sort of a list: its columns (the last one unique) in one direction."""

    kind: str  # written into cursors, so a cursor of one list is refused by another
    columns: tuple[InstrumentedAttribute[Any] | ColumnElement[Any], ...]
    descending: bool
    joined: Joined | None = None

    @property
    def shape(self) -> tuple[type, ...]:
        return tuple(
            datetime if c.type.python_type is datetime else int for c in self.columns
        )

    def values(self, row: Any) -> tuple[Any, ...]:
        return tuple(getattr(row, str(c.key)) for c in self.columns)

    def cursor(self, row: Any) -> str:
        return encode_cursor(self.kind, self.values(row))

    def order_by(self) -> list[Any]:
        return [c.desc() if self.descending else c.asc() for c in self.columns]

    def after(self, values: tuple[Any, ...]) -> ColumnElement[bool]:
        left = tuple_(*self.columns) if len(self.columns) > 1 else self.columns[0]
        right = tuple_(*values) if len(values) > 1 else values[0]
        clause: ColumnElement[bool] = left < right if self.descending else left > right
        return clause

    def sort(self, rows: list[Any]) -> list[Any]:
        return sorted(rows, key=self.values, reverse=self.descending)


@dataclass(frozen=True, slots=True)
class PageList:
    """One list the API pages through: its rows, order, filters and (for nested lists) the
    column that names its owner. Its pages of one request share one `PageLoader`."""

    name: str
    model: Any
    ordering: Ordering
    filters: Filters
    owner: InstrumentedAttribute[Any] | None = None


@dataclass(slots=True)
class Page(Generic[T]):
    # Plain read-only rows of T's table, attributes named like T's (loaders.py): whole rows,
    # or the columns the page was asked for and the ordering's (`page_of`).
    rows: list[T]
    has_next: bool
    has_previous: bool
    ordering: Ordering
    count: Callable[[], Awaitable[int]]

    def cursor(self, row: T) -> str:
        return self.ordering.cursor(row)


@dataclass(frozen=True, slots=True)
class PageKey:
    owner: Hashable  # the value of the owner column (tenant id, campaign id), or None
    request: PageRequest
    filters: Hashable
    # The table columns its rows must have (besides the ordering's); None: whole rows.
    columns: frozenset[str] | None = None


# Distinct (table, columns) statements kept per process: a few lists times the selections
# of the documents that page through them.
ROW_STATEMENTS = 256


@lru_cache(maxsize=ROW_STATEMENTS)
def rows_of(table: Table, columns: frozenset[str] | None) -> Select[Any]:
    """`SELECT <columns> FROM table` (in the table's order), or the whole row for None or
    every column: built once per process and (table, columns), each page adds its WHERE.
    A name that is not a column of the table is refused."""
    if columns is None:
        return select(table)
    unknown = columns - set(table.c.keys())
    if unknown:
        raise ValueError(f"{table.name} has no column {', '.join(sorted(unknown))}")
    if len(columns) == len(table.c):
        return select(table)
    return select(*(column for column in table.c if column.key in columns))


def union_of(keys: Iterable[PageKey], always: frozenset[str]) -> frozenset[str] | None:
    """The columns a batch of pages selects: every key's and `always`; None (whole rows) as
    soon as one key has no list of columns."""
    wanted = set(always)
    for key in keys:
        if key.columns is None:
            return None
        wanted.update(key.columns)
    return frozenset(wanted)


class PageLoader(DataLoader[Any, Any]):
    """Pages of `model` by owner, in `ordering`, scoped by `scope` and each key's filters."""

    def __init__(
        self,
        db: RequestDatabase,
        model: Any,
        ordering: Ordering,
        scope: ColumnElement[bool],
        filters: Filters,
        owner: InstrumentedAttribute[Any] | None = None,
    ) -> None:
        super().__init__()
        self.db, self.model, self.ordering = db, model, ordering
        self.scope, self.filters, self.owner = scope, filters, owner
        self.counts = CountLoader(db, model, scope, filters, owner)
        # The table's columns that cursors and the merge of a batch's rows read.
        self.sorted_by = frozenset(str(c.key) for c in ordering.columns
                                   if c.key in model.__table__.c)

    def _select(self, key: PageKey, rows: Select[Any], *extra: Any) -> Select[Any]:
        joined, filters = self.ordering.joined, self.filters
        if joined is None:
            stmt = rows.add_columns(*extra) if extra else rows
        else:
            stmt = rows.add_columns(*joined.columns, *extra).join_from(
                self.model.__table__, joined.target, joined.on)
            filters = joined.filters or filters
        stmt = stmt.where(self.scope, *filters(key.filters))
        if self.owner is not None:
            stmt = stmt.where(self.owner == key.owner)
        if key.request.after is not None:
            stmt = stmt.where(self.ordering.after(key.request.after))
        return stmt.order_by(*self.ordering.order_by()).limit(key.request.first + 1)

    async def batch_load_fn(self, asked: list[PageKey]) -> list[Page[Any]]:
        # One branch per page: the same page asked with other columns is the same branch.
        wide = {key: replace(key, columns=None) for key in asked}
        keys = list(dict.fromkeys(wide.values()))
        rows_stmt = rows_of(self.model.__table__, union_of(asked, self.sorted_by))
        grouped: dict[int, list[Any]] = defaultdict(list)
        if len(keys) == 1:
            grouped[0] = list(await self.db.rows(self._select(keys[0], rows_stmt)))
        else:
            branches = [
                self._select(key, rows_stmt, literal(i).label("page_key")).subquery().select()
                for i, key in enumerate(keys)
            ]
            union = union_all(*branches).subquery()
            for row in await self.db.rows(select(union)):
                grouped[row.page_key].append(row)
        pages: dict[PageKey, Page[Any]] = {}
        for i, key in enumerate(keys):
            rows = self.ordering.sort(grouped[i])
            first = key.request.first
            pages[key] = Page(
                rows=rows[:first],
                has_next=len(rows) > first,
                has_previous=key.request.after is not None,
                ordering=self.ordering,
                count=_counter(self.counts, (key.owner, key.filters)),
            )
        return [pages[wide[key]] for key in asked]


async def page_of(ctx: RequestContext, of: PageList, *, first: int | None, after: str | None,
                  owner: Any = None, filter: Any = None,
                  columns: frozenset[str] | None = None) -> Page[Any]:
    """`ctx.page(...)`, whose rows need only `columns` (and the ordering's) of the list's
    table: the same request's loader of the list (pages of it asked in one tick, with or
    without columns, still load in one statement), made as `ctx.page` makes it."""
    request = page_request(first, after, kind=of.ordering.kind, shape=of.ordering.shape,
                           max_size=ctx.settings.max_page_size)
    loader = ctx.page_loaders.get(of.name)
    if loader is None:
        loader = PageLoader(ctx.db, of.model, of.ordering, ctx.scope.rows(of.model),
                            of.filters, of.owner)
        ctx.page_loaders[of.name] = loader
    page: Page[Any] = await loader.load(PageKey(owner, request, filter, columns))
    return page


def _counter(loader: CountLoader, key: tuple[Hashable, Hashable]) -> Callable[[], Awaitable[int]]:
    async def count() -> int:
        return int(await loader.load(key))

    return count


class CountLoader(DataLoader[Any, Any]):
    """Row counts by (owner, filters): one grouped statement per distinct filter value."""

    def __init__(
        self,
        db: RequestDatabase,
        model: Any,
        scope: ColumnElement[bool],
        filters: Filters,
        owner: InstrumentedAttribute[Any] | None,
    ) -> None:
        super().__init__()
        self.db, self.model, self.scope, self.filters, self.owner = db, model, scope, filters, owner

    async def batch_load_fn(self, keys: list[tuple[Hashable, Hashable]]) -> list[int]:
        by_filters: dict[Hashable, list[Hashable]] = defaultdict(list)
        for owner, filters in keys:
            by_filters[filters].append(owner)
        counts: dict[tuple[Hashable, Hashable], int] = {}
        for filters, owners in by_filters.items():
            where = [self.scope, *self.filters(filters)]
            if self.owner is None:
                stmt = select(func.count()).select_from(self.model).where(*where)
                total = await self.db.scalar(stmt)
                counts[(None, filters)] = int(total or 0)
                continue
            stmt = (
                select(self.owner, func.count())
                .where(self.owner.in_(owners), *where)
                .group_by(self.owner)
            )
            found: dict[Hashable, int] = dict(await self.db.rows(stmt))
            for owner in owners:
                counts[(owner, filters)] = int(found.get(owner, 0))
        return [counts[key] for key in keys]
