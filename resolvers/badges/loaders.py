"""The badges domain's loaders (one request's, scoped by the caller's read scope): a
volunteer's live awards, and the categories of the opportunities they completed (levels).
One statement per batch, whatever the number of volunteers on the page."""

from __future__ import annotations

from collections import defaultdict
from functools import cached_property
from typing import Any

from sqlalchemy import ColumnElement, func, select

from hub.db import models as m
from hub.db.models.enums import ApplicationStatus
from resolvers.core.database import RequestDatabase
from resolvers.core.loaders import (
    KeyedLoader,
    LoaderGroup,
    Statement,
    keys_in,
    record_of,
    with_keys,
)


class LiveAwardsByVolunteerLoader(KeyedLoader):
    """A volunteer's live (not revoked) awards that the caller may read, by volunteer id:
    the volunteer sees all theirs; staff, those of their own tenant (`ReadScope.rows`, and
    row security on PostgreSQL); anyone else, none."""

    def __init__(self, db: RequestDatabase, scope: ColumnElement[bool]) -> None:
        super().__init__()
        self.db, self.scope = db, scope

    @cached_property
    def statement(self) -> Statement:
        ba = m.BadgeAward
        return select(record_of(ba.id)).where(
            keys_in(ba.volunteer_id), ba.revoked_at.is_(None), self.scope,
        ).order_by(ba.tenant_id, ba.awarded_at, ba.badge_code)

    async def batch_load_fn(self, keys: list[int]) -> list[list[Any]]:
        rows = await self.db.rows(with_keys(self.statement, keys))
        grouped: dict[int, list[Any]] = defaultdict(list)
        for row in rows:
            grouped[row.volunteer_id].append(row)
        return [grouped.get(key, []) for key in keys]


class CompletedCategoriesByVolunteerLoader(KeyedLoader):
    """The categories (lower-case codes) of the opportunities each volunteer completed, per
    tenant ({tenant id: codes}), from the COMPLETED applications the caller may read. The
    opportunity itself may be one the caller can no longer read (archived, or a volunteer
    reading a closed one): its category is still what the volunteer did, so the join runs
    past row security (`rows_as_system`) while the applications keep the caller's scope."""

    def __init__(self, db: RequestDatabase, scope: ColumnElement[bool]) -> None:
        super().__init__()
        self.db, self.scope = db, scope

    @cached_property
    def statement(self) -> Statement:
        a, o = m.Application, m.Opportunity
        return (select(a.volunteer_id, a.tenant_id, func.lower(o.category_code))
                .join(o, o.id == a.opportunity_id)
                .where(keys_in(a.volunteer_id), self.scope,
                       a.status == ApplicationStatus.COMPLETED.value)
                .distinct())

    async def batch_load_fn(self, keys: list[int]) -> list[dict[int, frozenset[str]]]:
        stmt = with_keys(self.statement, keys)
        found: dict[int, dict[int, set[str]]] = defaultdict(lambda: defaultdict(set))
        for volunteer_id, tenant_id, code in await self.db.rows_as_system(stmt):
            found[volunteer_id][tenant_id].add(code)
        return [{t: frozenset(codes) for t, codes in found.get(key, {}).items()}
                for key in keys]


class BadgeLoaders(LoaderGroup):
    # Volunteer.badges, and the badges done toward a level.
    @cached_property
    def badge_awards_by_volunteer(self) -> LiveAwardsByVolunteerLoader:
        return LiveAwardsByVolunteerLoader(self.db, self.scope(m.BadgeAward))

    # The categories done toward a level.
    @cached_property
    def completed_categories_by_volunteer(self) -> CompletedCategoriesByVolunteerLoader:
        return CompletedCategoriesByVolunteerLoader(self.db, self.scope(m.Application))
