"""What the news and event writes share: who may write a record, the record as its editor
sees it, a compare-and-set change of its row, and publishing and archiving, which are the
same moves of the status machine (resolvers/publishing/rules.py) for both.

Who may: admins, coordinators and editors of the record's tenant (EDITOR_ROLES). Anyone else
is refused before the record is looked up (FORBIDDEN), so a caller who is no editor learns
nothing of which ids exist; an editor of another tenant gets NOT_FOUND for a record they
cannot see (a draft, a TENANT one) and FORBIDDEN for one they can.

Every change is a compare-and-set UPDATE on the status the editor saw (and, for events, on
not being cancelled): two concurrent moves of one record cannot both happen; the second is
a CONFLICT. Arguments of refusals name the input field (`input.tags`, `input.place.latitude`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Any, ClassVar, TypeVar

from sqlalchemy import update

from hub.access import EDITOR_ROLES
from hub.db import models as m
from hub.db.models import RecordStatus
from hub.db.types import utcnow
from hub.errors import BadUserInput, Conflict, NotFound
from hub.i18n import messages as hub_msg
from hub.ids import encode_id
from resolvers.content import messages as msg
from resolvers.context import RequestContext
from resolvers.core.loaders import RowByKeyLoader, RowsByKeyLoader
from resolvers.core.writes import Tx, Write
from resolvers.loaders import Loaders
from resolvers.publishing import messages as pub_msg
from resolvers.publishing.rules import aware, check_move, check_owner, writing_tenant
from resolvers.publishing.texts import Texts
from resolvers.translations.commands import TRANSLATABLE, Translatable

NO_SYNC: dict[str, Any] = {"synchronize_session": False}
T = TypeVar("T")


class Keep(Enum):
    """An update's field left out of its input: the record keeps its value (None clears)."""

    KEEP = "KEEP"


KEEP = Keep.KEEP


@dataclass(frozen=True, slots=True)
class Kind:
    """A content record type: its API name, model, scoped loader and translation rows."""

    name: str
    model: Any
    record: Callable[[Loaders], RowByKeyLoader]
    texts: Translatable

    @property
    def translations(self) -> Callable[[Loaders], RowsByKeyLoader]:
        return self.texts.translations

    def gid(self, key: int) -> str:
        return encode_id(self.name, key)


NEWS = Kind("NewsItem", m.NewsItem, lambda loaders: loaders.news_item_by_id,
            TRANSLATABLE["NewsItem"])
EVENTS = Kind("Event", m.Event, lambda loaders: loaders.event_by_id, TRANSLATABLE["Event"])


@contextmanager
def under_input() -> Iterator[None]:
    """Refusals of the shared rules name their field (`place.latitude`); as an argument of
    a mutation's input it is `input.place.latitude`."""
    try:
        yield
    except BadUserInput as error:
        if error.argument is None or error.argument.startswith("input."):
            raise
        raise BadUserInput(error.msgid, argument=f"input.{error.argument}",
                           **error.params) from None


def editor_of(ctx: RequestContext) -> int:
    """The caller's tenant, if they are one of its admins, coordinators or editors."""
    return writing_tenant(ctx, EDITOR_ROLES, pub_msg.EDITORS_ONLY)


async def editable(ctx: RequestContext, kind: Kind, key: int) -> Any:
    """The record `key` of `kind`, which the caller may write; refused otherwise."""
    editor_of(ctx)
    row = await kind.record(ctx.loaders).load(key)
    if row is None:
        raise NotFound(hub_msg.NOT_FOUND, argument="input.id", type=kind.name)
    check_owner(ctx, row.tenant_id, EDITOR_ROLES, pub_msg.EDITORS_ONLY)
    if row.status == RecordStatus.ARCHIVED:
        raise Conflict(msg.ARCHIVED)
    return row


def not_cancelled(kind: Kind, row: Any) -> None:
    if kind is EVENTS and row.cancelled_at is not None:
        raise Conflict(pub_msg.EVENT_CANCELLED)


async def change(tx: Tx, kind: Kind, row: Any, /, **values: Any) -> None:
    """The record's row as the caller saw it (its status; an event not cancelled) gets
    `values`, or a CONFLICT: someone else moved it first."""
    model = kind.model
    where = [model.id == row.id, model.status == row.status]
    if kind is EVENTS and row.cancelled_at is None:
        where.append(model.cancelled_at.is_(None))
    result: Any = await tx.session.execute(
        update(model).where(*where).values(updated_at=utcnow(), **values)
        .execution_options(**NO_SYNC))
    if result.rowcount != 1:
        raise Conflict(msg.RECORD_CHANGED)
    tx.changed(kind.record, row.id)


@dataclass(frozen=True, slots=True)
class Editing:
    """An existing record and the languages it already has texts in."""

    row: Any
    locales: frozenset[str]


async def editing(ctx: RequestContext, kind: Kind, key: int) -> Editing:
    row = await editable(ctx, kind, key)
    not_cancelled(kind, row)
    rows = await kind.translations(ctx.loaders).load(key)
    return Editing(row, frozenset(r.locale for r in rows))


def new_languages_titled(texts: list[Texts], locales: frozenset[str]) -> None:
    """A language the record has no texts in yet starts with its title."""
    for entry in texts:
        if entry.locale not in locales and not entry.values.get("title"):
            raise BadUserInput(pub_msg.TITLE_REQUIRED, argument="input.texts.title",
                               locale=entry.locale)


def given(value: T | Keep, keep: T) -> T:
    return keep if isinstance(value, Keep) else value


# --- publishing and archiving ----------------------------------------------------------------

@dataclass(frozen=True)
class Publish(Write[Any, int]):
    """Publish now (no `publish_at`) or at `publish_at` (scheduled: until then only the
    tenant's staff see it). A published record published again is rescheduled; one already
    out keeps its publication time when no new one is given (its place in the news)."""

    kind: ClassVar[Kind]
    key: int
    publish_at: datetime | None = None

    async def allow(self, ctx: RequestContext) -> Any:
        row = await editable(ctx, self.kind, self.key)
        not_cancelled(self.kind, row)
        if row.status != RecordStatus.PUBLISHED:
            check_move(ctx, row.status, RecordStatus.PUBLISHED)
        return row

    def validate(self, row: Any) -> Any:
        with under_input():
            aware(self.publish_at, "publishAt")
        if self.publish_at is not None and self.publish_at <= utcnow():
            raise BadUserInput(msg.PUBLISH_AT_PAST, argument="input.publishAt")
        return row

    async def apply(self, tx: Tx, row: Any) -> int:
        now = utcnow()
        out = row.status == RecordStatus.PUBLISHED and (
            row.published_at is None or row.published_at <= now)
        when = self.publish_at or (row.published_at if out and row.published_at else now)
        await change(tx, self.kind, row, status=RecordStatus.PUBLISHED.value, published_at=when)
        tx.audit(f"publish_{_action(self.kind)}", self.kind.name, self.kind.gid(row.id),
                 tenant_id=row.tenant_id, was=row.status, published_at=when.isoformat(),
                 scheduled=when > now)
        return int(row.id)


@dataclass(frozen=True)
class Archive(Write[Any, int]):
    """Archived for good: gone from every list and lookup but the tenant's staff's."""

    kind: ClassVar[Kind]
    key: int

    async def allow(self, ctx: RequestContext) -> Any:
        row = await editable(ctx, self.kind, self.key)
        check_move(ctx, row.status, RecordStatus.ARCHIVED)
        return row

    async def apply(self, tx: Tx, row: Any) -> int:
        await change(tx, self.kind, row, status=RecordStatus.ARCHIVED.value)
        tx.audit(f"archive_{_action(self.kind)}", self.kind.name, self.kind.gid(row.id),
                 tenant_id=row.tenant_id, was=row.status)
        return int(row.id)


def _action(kind: Kind) -> str:
    return {"NewsItem": "news_item", "Event": "event"}[kind.name]


class PublishNewsItem(Publish):
    kind = NEWS


class ArchiveNewsItem(Archive):
    kind = NEWS


class PublishEvent(Publish):
    kind = EVENTS


class ArchiveEvent(Archive):
    kind = EVENTS
