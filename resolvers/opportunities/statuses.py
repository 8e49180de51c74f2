"""Publishing, closing and archiving opportunities and campaigns: the moves of the editorial
status machine (resolvers/publishing/rules.py STATUS_MOVES), by the owning tenant's editors.

Publishing may be scheduled: a PUBLISHED record whose `published_at` lies ahead is hidden
by the read scope (and PostgreSQL's row security) from all but its tenant's staff until
then. Publishing a scheduled record again moves its time (or publishes it now); a record
already live cannot be published again (a CONFLICT, as any move the machine forbids).

Every move is a compare-and-set UPDATE on the status the caller saw: of two concurrent
moves of the same record, the second is a CONFLICT rather than a silent overwrite.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import update

from hub.access import EDITOR_ROLES
from hub.db import models as m
from hub.db.models import RecordStatus
from hub.db.types import utcnow
from hub.errors import BadUserInput, Conflict, Forbidden, NotFound
from hub.i18n import messages as hub_msg
from hub.ids import encode_id
from resolvers.context import RequestContext
from resolvers.core.loaders import RowByKeyLoader
from resolvers.core.writes import Tx, Write
from resolvers.loaders import Loaders
from resolvers.opportunities import messages as msg
from resolvers.publishing import messages as pub_msg
from resolvers.publishing.rules import aware, check_move, check_owner

NO_SYNC: dict[str, Any] = {"synchronize_session": False}


@dataclass(frozen=True, slots=True)
class Kind:
    """A kind of editorial record written here: its API name, model and scoped loader."""

    name: str
    model: Any
    loader: Callable[[Loaders], RowByKeyLoader]
    action: str  # the audit events' noun: publish_<action>, ...


OPPORTUNITY = Kind("Opportunity", m.Opportunity, lambda loaders: loaders.opportunity_by_id,
                   "opportunity")
CAMPAIGN = Kind("Campaign", m.Campaign, lambda loaders: loaders.campaign_by_id, "campaign")


@contextmanager
def under_input() -> Iterator[None]:
    """Refusals name the input's field (`place.latitude`, as the shared rules do); as an
    argument of a mutation's input it is `input.place.latitude`, as in every domain."""
    try:
        yield
    except BadUserInput as error:
        if error.argument is None or error.argument.startswith("input."):
            raise
        raise BadUserInput(error.msgid, argument=f"input.{error.argument}",
                           **error.params) from None


def is_scheduled(row: Any, now: datetime | None = None) -> bool:
    """Published, but not yet: its `published_at` lies ahead."""
    return bool(row.status == RecordStatus.PUBLISHED and row.published_at is not None
                and row.published_at > (now or utcnow()))


async def owned(ctx: RequestContext, kind: Kind, key: int,
                roles: frozenset[str] = EDITOR_ROLES) -> Any:
    """The record `key` of `kind`, which the caller may write: staff of its tenant in one of
    `roles`. A record the caller cannot read is NOT_FOUND (as an id that does not exist);
    one they can read but not write (another tenant's public record) is FORBIDDEN."""
    if not ctx.scope.principal.is_staff:
        raise Forbidden(pub_msg.STAFF_ONLY)
    row = await kind.loader(ctx.loaders).load(key)
    if row is None:
        raise NotFound(hub_msg.NOT_FOUND, argument="input.id", type=kind.name)
    check_owner(ctx, row.tenant_id, roles, pub_msg.EDITORS_ONLY)
    return row


async def editable(ctx: RequestContext, kind: Kind, key: int) -> Any:
    """As `owned`, and not archived: an archived record is kept as it was."""
    row = await owned(ctx, kind, key)
    if row.status == RecordStatus.ARCHIVED:
        raise Conflict(msg.ARCHIVED)
    return row


async def move(tx: Tx, kind: Kind, row: Any, **values: Any) -> None:
    """`row` changed from the status it was read in, or a CONFLICT if it was moved meanwhile."""
    model = kind.model
    result: Any = await tx.session.execute(
        update(model).where(model.id == row.id, model.status == row.status)
        .values(updated_at=utcnow(), **values).execution_options(**NO_SYNC))
    if result.rowcount != 1:
        raise Conflict(msg.RECORD_CHANGED)
    tx.changed(kind.loader, row.id)


@dataclass(frozen=True)
class Publish(Write[Any, int]):
    """Publish the record now, or at `publish_at` (ahead: scheduled); a scheduled record
    published again is rescheduled."""

    kind: Kind
    key: int
    publish_at: datetime | None = None

    async def allow(self, ctx: RequestContext) -> Any:
        row = await owned(ctx, self.kind, self.key)
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
        await move(tx, self.kind, row, status=RecordStatus.PUBLISHED.value, published_at=when)
        tx.audit(f"publish_{self.kind.action}", self.kind.name, encode_id(self.kind.name, row.id),
                 tenant_id=row.tenant_id, was=row.status, published_at=when.isoformat(),
                 scheduled=self.publish_at is not None)
        return int(row.id)


@dataclass(frozen=True)
class Retire(Write[Any, int]):
    """Close (the record stays readable; an opportunity takes no more applications) or
    archive (hidden from lists for good) the record."""

    kind: Kind
    key: int
    to: RecordStatus

    async def allow(self, ctx: RequestContext) -> Any:
        row = await owned(ctx, self.kind, self.key)
        check_move(ctx, row.status, self.to)
        return row

    async def apply(self, tx: Tx, row: Any) -> int:
        await move(tx, self.kind, row, status=self.to.value)
        verb = "close" if self.to == RecordStatus.CLOSED else "archive"
        tx.audit(f"{verb}_{self.kind.action}", self.kind.name, encode_id(self.kind.name, row.id),
                 tenant_id=row.tenant_id, was=row.status)
        return int(row.id)
