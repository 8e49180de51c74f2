"""The editorial status machine as every kind of record goes through it (opportunities,
campaigns, news items, events): who may write a record, a new record as a DRAFT, the
record as its editor finds it, a compare-and-set change of its row, and the moves publish,
close and archive (resolvers/publishing/rules.py STATUS_MOVES). A domain keeps only what
is its own (an event's cancellation, an opportunity's capacity) and names its kinds with
`Kind`.

Who may: admins, coordinators and editors of their own society (EDITOR_ROLES). Anyone else
is refused before the record is looked up (FORBIDDEN), so a caller who is no editor learns
nothing of which ids exist; an editor of another society gets NOT_FOUND for a record they
cannot read (a draft, a TENANT one) and FORBIDDEN for one they can.

Publishing may be scheduled: a PUBLISHED record whose `published_at` lies ahead is hidden
by the read scope (and PostgreSQL's row security) from all but its society's staff until
then. One rule for every kind: a scheduled record published again is rescheduled (or
published now, without a time); a record already live cannot be published again, with or
without a time (a CONFLICT, as STATUS_MOVES says: PUBLISHED does not become PUBLISHED).

Every change is a compare-and-set UPDATE on the status the editor saw (and whatever else
the kind holds still, `Kind.as_seen`): of two concurrent moves of one record, the second
is a CONFLICT rather than a silent overwrite.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, update

from hub.access import EDITOR_ROLES
from hub.db.models import RecordStatus
from hub.db.types import utcnow
from hub.errors import BadUserInput, Conflict, NotFound
from hub.i18n import messages as hub_msg
from hub.ids import encode_id
from resolvers.context import RequestContext
from resolvers.core.loaders import RowByKeyLoader
from resolvers.core.writes import Tx, Write
from resolvers.loaders import Loaders
from resolvers.publishing import messages as msg
from resolvers.publishing.rules import aware, check_move, check_owner, under_input, writing_tenant
from resolvers.publishing.texts import Texts, write_texts
from resolvers.translations.commands import Translatable

NO_SYNC: dict[str, Any] = {"synchronize_session": False}


@dataclass(frozen=True, slots=True)
class Kind:
    """A kind of editorial record: its API name, model, scoped loader, translation rows and
    the noun of its audit events (publish_<action>, archive_<action>...). A domain whose
    records can be held still for its own reasons (an event called off) overrides
    `check_open` and `as_seen`.

    A kind is named by its `name` and `action` alone (compared, and fingerprinted for a
    retried write: resolvers/core/idempotency.py `plain`), never by its model or loaders,
    whose forms are not stable across processes."""

    name: str
    model: Any = field(compare=False)
    loader: Callable[[Loaders], RowByKeyLoader] = field(compare=False)
    texts: Translatable = field(compare=False)
    action: str

    def gid(self, key: int) -> str:
        return encode_id(self.name, key)

    def check_open(self, row: Any) -> None:
        """Refuse (CONFLICT) an edit or a publication the kind forbids for its own reasons;
        archiving stays possible. Nothing by default."""

    def as_seen(self, row: Any) -> list[ColumnElement[bool]]:
        """What the compare-and-set UPDATE finds unchanged since `row` was read."""
        return [self.model.id == row.id, self.model.status == row.status]

    async def on_published(self, tx: Tx, row: Any, when: datetime) -> None:
        """What else publishing `row` (live from `when`) sets going, in the same
        transaction: an opportunity's emergency call and webhooks. Nothing by default."""


def is_scheduled(row: Any, now: datetime | None = None) -> bool:
    """Published, but not yet: its `published_at` lies ahead."""
    return bool(row.status == RecordStatus.PUBLISHED and row.published_at is not None
                and row.published_at > (now or utcnow()))


# --- who may -------------------------------------------------------------------------------

def editors_tenant(ctx: RequestContext) -> int:
    """The caller's society, if they are one of its admins, coordinators or editors: where
    they create records."""
    return writing_tenant(ctx, EDITOR_ROLES, msg.EDITORS_ONLY)


async def owned(ctx: RequestContext, kind: Kind, key: int) -> Any:
    """The record `key` of `kind`, which the caller may write; refused otherwise."""
    editors_tenant(ctx)
    row = await kind.loader(ctx.loaders).load(key)
    if row is None:
        raise NotFound(hub_msg.NOT_FOUND, argument="input.id", type=kind.name)
    check_owner(ctx, row.tenant_id, EDITOR_ROLES, msg.EDITORS_ONLY)
    return row


async def editable(ctx: RequestContext, kind: Kind, key: int) -> Any:
    """As `owned`, and open to edits: not archived (kept as it was), nor held by its kind."""
    row = await owned(ctx, kind, key)
    if row.status == RecordStatus.ARCHIVED:
        raise Conflict(msg.ARCHIVED)
    kind.check_open(row)
    return row


async def change(tx: Tx, kind: Kind, row: Any, /, **values: Any) -> None:
    """The record's row as the caller saw it gets `values`, or a CONFLICT: someone else
    moved it first."""
    result: Any = await tx.session.execute(
        update(kind.model).where(*kind.as_seen(row)).values(updated_at=utcnow(), **values)
        .execution_options(**NO_SYNC))
    if result.rowcount != 1:
        raise Conflict(msg.RECORD_CHANGED)
    tx.changed(kind.loader, row.id)


# --- writing -------------------------------------------------------------------------------

async def create_draft(tx: Tx, kind: Kind, tenant_id: int, texts: Sequence[Texts], /,
                       **columns: Any) -> int:
    """A new DRAFT of `kind` in the society `tenant_id`, not published, with `columns` and
    `texts` (its first language is the source); its id."""
    now = utcnow()
    row = kind.model(tenant_id=tenant_id, status=RecordStatus.DRAFT.value, published_at=None,
                     created_at=now, updated_at=now, **columns)
    tx.session.add(row)
    await tx.session.flush()
    await write_texts(tx, kind.texts, row.id, tenant_id, texts, new=True,
                      argument="input.texts")
    return int(row.id)


async def update_record(tx: Tx, kind: Kind, row: Any, texts: Sequence[Texts], /,
                        **columns: Any) -> None:
    """`row`, as the editor saw it, gets `columns` (a compare-and-set `change`) and `texts`
    (a language new to the record needs its title: `input.texts.title`)."""
    await change(tx, kind, row, **columns)
    await write_texts(tx, kind.texts, row.id, row.tenant_id, texts, argument="input.texts")


# --- the moves -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Publish(Write[Any, int]):
    """Publish the record now, or at `publish_at` (ahead: scheduled); a scheduled record
    published again is rescheduled, or published now without a time."""

    kind: Kind
    key: int
    publish_at: datetime | None = None

    async def allow(self, ctx: RequestContext) -> Any:
        row = await owned(ctx, self.kind, self.key)
        self.kind.check_open(row)
        if not is_scheduled(row):
            check_move(ctx, row.status, RecordStatus.PUBLISHED)
        return row

    def validate(self, row: Any) -> Any:
        with under_input():
            aware(self.publish_at, "publishAt")
            if self.publish_at is not None and self.publish_at <= utcnow():
                raise BadUserInput(msg.PUBLISH_AT_PAST, argument="publishAt")
        return row

    async def apply(self, tx: Tx, row: Any) -> int:
        when = self.publish_at or utcnow()
        await change(tx, self.kind, row, status=RecordStatus.PUBLISHED.value, published_at=when)
        tx.audit(f"publish_{self.kind.action}", self.kind.name, self.kind.gid(row.id),
                 tenant_id=row.tenant_id, was=row.status, published_at=when.isoformat(),
                 scheduled=self.publish_at is not None)
        await self.kind.on_published(tx, row, when)
        return int(row.id)


@dataclass(frozen=True)
class Retire(Write[Any, int]):
    """Close (the record stays readable; an opportunity takes no more applications) or
    archive (gone for good from every list but its society's staff's) the record."""

    kind: Kind
    key: int
    to: RecordStatus

    async def allow(self, ctx: RequestContext) -> Any:
        row = await owned(ctx, self.kind, self.key)
        check_move(ctx, row.status, self.to)
        return row

    async def apply(self, tx: Tx, row: Any) -> int:
        await change(tx, self.kind, row, status=self.to.value)
        verb = "close" if self.to == RecordStatus.CLOSED else "archive"
        tx.audit(f"{verb}_{self.kind.action}", self.kind.name, self.kind.gid(row.id),
                 tenant_id=row.tenant_id, was=row.status)
        return int(row.id)
