"""The taxonomy's request loaders: every row of a taxonomy (one statement per taxonomy per
request, which also fills the request's `<taxonomy>_by_code` loader, so the labels of the
records on the same page cost nothing more), and the published opportunities per category
the caller may see (one grouped statement for any number of categories).

They are made per request (when first asked for), like every loader: nothing cached
crosses principals, and a label changed by a federation admin is served by the next
request. Their statements are built once: per process for a taxonomy's rows, per loader
for the counts, which carry the caller's scope."""

from __future__ import annotations

from functools import cached_property
from typing import Any

from sqlalchemy import ColumnElement, bindparam, func, or_, select

from hub.db import models as m
from hub.db.models import RecordStatus
from hub.db.types import utcnow
from resolvers.core.database import RequestDatabase
from resolvers.core.loaders import (
    CountByKeyLoader,
    KeyedLoader,
    LoaderGroup,
    RowByKeyLoader,
    Statement,
    keys_in,
    record_of,
    with_keys,
)
from resolvers.taxonomy.kinds import Taxonomy

ALL = "all"  # the one key of a taxonomy's list loader
NOW = "now"  # the bound time of a count's "already due"

_ROWS: dict[Any, Statement] = {}


def taxonomy_rows(model: Any) -> Statement:
    """Every row of a taxonomy, in `position` then code order (built once per process)."""
    statement = _ROWS.get(model)
    if statement is None:
        statement = _ROWS[model] = (select(record_of(model.code))
                                    .order_by(model.position, model.code))
    return statement


class TaxonomyRowsLoader(KeyedLoader):
    """Every row of one taxonomy, retired ones included (the query filters them), in
    `position` then code order; each row is primed into the taxonomy's by-code loader."""

    def __init__(self, db: RequestDatabase, model: Any, by_code: RowByKeyLoader) -> None:
        super().__init__()
        self.db, self.model, self.by_code = db, model, by_code

    async def batch_load_fn(self, keys: list[str]) -> list[list[Any]]:
        rows = list(await self.db.rows(taxonomy_rows(self.model)))
        for row in rows:
            self.by_code.prime(row.code, row)
        return [rows for _ in keys]


class PublishedCountByCategoryLoader(CountByKeyLoader):
    """Published opportunities per category code, counting only those the caller may read
    (the read scope's clause) and already due (not scheduled for later)."""

    def __init__(self, db: RequestDatabase, scope: ColumnElement[bool]) -> None:
        super().__init__(db, m.Opportunity.category_code)
        self.scope = scope

    @cached_property
    def statement(self) -> Statement:
        o = m.Opportunity
        return (select(o.category_code, func.count())
                .where(keys_in(o.category_code), self.scope,
                       o.status == RecordStatus.PUBLISHED.value,
                       or_(o.published_at.is_(None), o.published_at <= bindparam(NOW)))
                .group_by(o.category_code))

    async def batch_load_fn(self, keys: list[str]) -> list[int]:
        stmt = with_keys(self.statement, keys, **{NOW: utcnow()})
        found = {code: int(n) for code, n in await self.db.rows(stmt)}
        return [found.get(key, 0) for key in keys]


class TaxonomyLoaders(LoaderGroup):
    """The request's taxonomy loaders; composed after `OpportunityLoaders`, whose by-code
    loaders they prime."""

    @cached_property
    def taxonomy_rows(self) -> dict[str, TaxonomyRowsLoader]:
        return {}  # by taxonomy name, filled as they are asked for

    @cached_property
    def published_count_by_category(self) -> PublishedCountByCategoryLoader:
        return PublishedCountByCategoryLoader(self.db, self.scope(m.Opportunity))

    def taxonomy_rows_of(self, kind: Taxonomy) -> TaxonomyRowsLoader:
        loader = self.taxonomy_rows.get(kind.name)
        if loader is None:
            by_code = kind.by_code(self)  # type: ignore[arg-type]
            loader = self.taxonomy_rows[kind.name] = TaxonomyRowsLoader(
                self.db, kind.model, by_code)
        return loader
