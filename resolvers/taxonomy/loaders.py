"""The taxonomy's request loaders: every row of a taxonomy (one statement per taxonomy per
request, which also fills the request's `<taxonomy>_by_code` loader, so the labels of the
records on the same page cost nothing more), and the published opportunities per category
the caller may see (one grouped statement for any number of categories).

They are made per request, like every loader: nothing cached crosses principals, and a
label changed by a federation admin is served by the next request. Until they are composed
into `resolvers.loaders.Loaders`, `taxonomy_loaders(ctx)` keeps them beside the request's
loaders (weakly: they go with the request)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, or_, select

from hub.db import models as m
from hub.db.models import RecordStatus
from hub.db.types import utcnow
from resolvers.core.database import RequestDatabase
from resolvers.core.loaders import CountByKeyLoader, KeyedLoader, RowByKeyLoader, record_of
from resolvers.taxonomy.kinds import CATEGORIES, SKILLS, Taxonomy

ALL = "all"  # the one key of a taxonomy's list loader


class TaxonomyRowsLoader(KeyedLoader):
    """Every row of one taxonomy, retired ones included (the query filters them), in
    `position` then code order; each row is primed into the taxonomy's by-code loader."""

    def __init__(self, db: RequestDatabase, model: Any, by_code: RowByKeyLoader) -> None:
        super().__init__()
        self.db, self.model, self.by_code = db, model, by_code

    async def batch_load_fn(self, keys: list[str]) -> list[list[Any]]:
        rows = list(await self.db.rows(select(record_of(self.model.code))
                                       .order_by(self.model.position, self.model.code)))
        for row in rows:
            self.by_code.prime(row.code, row)
        return [rows for _ in keys]


class PublishedCountByCategoryLoader(CountByKeyLoader):
    """Published opportunities per category code, counting only those the caller may read
    (the read scope's clause) and already due (not scheduled for later)."""

    def __init__(self, db: RequestDatabase, scope: Any) -> None:
        super().__init__(db, m.Opportunity.category_code)
        self.scope = scope

    async def batch_load_fn(self, keys: list[str]) -> list[int]:
        o = m.Opportunity
        stmt = (select(o.category_code, func.count())
                .where(o.category_code.in_(keys), self.scope,
                       o.status == RecordStatus.PUBLISHED.value,
                       or_(o.published_at.is_(None), o.published_at <= utcnow()))
                .group_by(o.category_code))
        found = {code: int(n) for code, n in await self.db.rows(stmt)}
        return [found.get(key, 0) for key in keys]


class TaxonomyLoaders:
    """The request's taxonomy loaders; composed after `OpportunityLoaders`, whose by-code
    loaders they prime."""

    category_by_code: RowByKeyLoader
    skill_by_code: RowByKeyLoader

    def __init__(self, db: RequestDatabase, scope_for: Any, volunteer_id: int | None) -> None:
        self.taxonomy_rows = {
            kind.name: TaxonomyRowsLoader(db, kind.model, kind.by_code(self))  # type: ignore[arg-type]
            for kind in (CATEGORIES, SKILLS)
        }
        self.published_count_by_category = PublishedCountByCategoryLoader(
            db, scope_for(m.Opportunity))

    def taxonomy_rows_of(self, kind: Taxonomy) -> TaxonomyRowsLoader:
        return self.taxonomy_rows[kind.name]
