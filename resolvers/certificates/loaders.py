"""The certificates domain's loaders (one request's, scoped by the caller's read scope):
a certificate by id or code, a volunteer's certificates, and the holder's name."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any

from aiodataloader import DataLoader
from sqlalchemy import ColumnElement, exists, select

from hub.db import models as m
from resolvers.core.database import RequestDatabase
from resolvers.core.loaders import (
    LoaderGroup,
    RowByKeyLoader,
    RowsByKeyLoader,
    Statement,
    keys_in,
    with_keys,
)


@dataclass(frozen=True, slots=True)
class Holder:
    """The name of a certificate's holder, as stored (blank once they erased their account)."""

    volunteer_id: int
    first_name: str
    last_name: str
    erased: bool

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def display_name(self) -> str:
        """First name and initial: what anyone may see of a person (as Volunteer.displayName)."""
        initial = self.last_name[:1]
        return f"{self.first_name} {initial}." if initial else self.first_name


class HolderByVolunteerLoader(DataLoader[Any, Any]):
    """The holder of certificates the caller may read, by volunteer id, in one statement.

    The issuing society's staff read their certificates but not always the holder's
    volunteer row (a volunteer of another society who served with them and does not share
    with the network): the name is read past row security (`rows_as_system`), and only for
    volunteers who hold a certificate under the caller's scope, which the statement itself
    requires. Which name a caller is shown (full, or first name and initial) the schema
    decides."""

    def __init__(self, db: RequestDatabase, certificates: ColumnElement[bool]) -> None:
        super().__init__()
        self.db, self.certificates = db, certificates

    @cached_property
    def statement(self) -> Statement:
        v, c = m.Volunteer, m.Certificate
        readable = exists(select(c.id).where(c.volunteer_id == v.id, self.certificates))
        return select(v.id, v.first_name, v.last_name, v.erased_at).where(
            keys_in(v.id), readable)

    async def batch_load_fn(self, keys: list[int]) -> list[Holder | None]:
        stmt = with_keys(self.statement, keys)
        found = {row.id: Holder(row.id, row.first_name, row.last_name,
                                row.erased_at is not None)
                 for row in await self.db.rows_as_system(stmt)}
        return [found.get(key) for key in keys]


class CertificateLoaders(LoaderGroup):
    @cached_property
    def certificate_by_id(self) -> RowByKeyLoader:
        return RowByKeyLoader(self.db, m.Certificate.id, self.scope(m.Certificate))

    @cached_property
    def certificate_by_code(self) -> RowByKeyLoader:
        return RowByKeyLoader(self.db, m.Certificate.code, self.scope(m.Certificate))

    @cached_property
    def certificates_by_volunteer(self) -> RowsByKeyLoader:
        return RowsByKeyLoader(self.db, m.Certificate.volunteer_id, self.scope(m.Certificate))

    @cached_property
    def certificate_holder_by_volunteer(self) -> HolderByVolunteerLoader:
        return HolderByVolunteerLoader(self.db, self.scope(m.Certificate))
