"""Writing events: an editor creates a draft in their society, edits it, publishes it (now or
scheduled) or archives it with the moves of every editorial record
(resolvers/publishing/statuses.py), or cancels it.

An event is of one of the known kinds (the EventKind labels of hub/i18n/labels.py), starts
at a moment with a time zone offset and, if it says when it ends, ends after it starts; its
place has coordinates in range; its online link is http(s). A cancelled event stays visible
to whoever could see it, marked cancelled, so that those who planned to come learn of it;
it cannot be cancelled again, edited or published again (archiving it is still possible).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from hub.db import models as m
from hub.db.models import RecordStatus
from hub.db.types import utcnow
from hub.errors import BadUserInput, Conflict
from hub.i18n.labels import ENUM_LABELS
from resolvers.content import messages as msg
from resolvers.content.commands import EVENTS, Checked, Edit, NewDraft
from resolvers.context import RequestContext
from resolvers.core.writes import Tx, Write
from resolvers.publishing.rules import Place, check_url, check_window, under_input
from resolvers.publishing.statuses import (
    change,
    create_draft,
    editable,
    editors_tenant,
    update_record,
)
from resolvers.publishing.texts import TextEntries, check_texts
from resolvers.publishing.updates import KEEP, Keep, given

KINDS: tuple[str, ...] = tuple(ENUM_LABELS["EventKind"])
MAX_NOTE = 1000
FIELDS: tuple[str, ...] = m.EventTranslation.text_fields
PLACE_COLUMNS = ("country", "region", "city", "latitude", "longitude")


def checked_kind(kind: str) -> str:
    value = kind.strip().upper()
    if value not in KINDS:
        raise BadUserInput(msg.UNKNOWN_EVENT_KIND, argument="input.kind",
                           kinds=", ".join(KINDS))
    return value


def place_columns(place: Place | None) -> dict[str, Any]:
    """The event's place columns; an empty or absent place clears them."""
    with under_input():
        checked = place.checked() if place is not None else None
    if checked is None or checked.is_empty:
        return dict.fromkeys(PLACE_COLUMNS)
    return {c: getattr(checked, c) for c in PLACE_COLUMNS}


def window(starts: datetime, ends: datetime | None) -> None:
    check_window(starts, ends, names=("input.startsAt", "input.endsAt"))


# --- creating ------------------------------------------------------------------------------

@dataclass(frozen=True)
class CreateEvent(Write[NewDraft, int]):
    """A draft event in the editor's tenant; its id."""

    texts: TextEntries
    kind: str
    starts_at: datetime
    ends_at: datetime | None = None
    place: Place | None = None
    online_url: str | None = None
    visibility: str = "PUBLIC"

    async def allow(self, ctx: RequestContext) -> NewDraft:
        return NewDraft(editors_tenant(ctx))

    def validate(self, new: NewDraft) -> NewDraft:
        texts = check_texts(self.texts, FIELDS, creating=True, argument="input.texts")
        window(self.starts_at, self.ends_at)
        columns = {"kind": checked_kind(self.kind), "starts_at": self.starts_at,
                   "ends_at": self.ends_at, **place_columns(self.place),
                   "online_url": check_url(self.online_url, "input.onlineUrl"),
                   "visibility": self.visibility}
        return NewDraft(new.tenant_id, Checked(texts, columns))

    async def apply(self, tx: Tx, new: NewDraft) -> int:
        assert new.values is not None
        key = await create_draft(tx, EVENTS, new.tenant_id, new.values.texts,
                                 cancelled_at=None, **new.values.columns)
        tx.audit("create_event", EVENTS.name, EVENTS.gid(key), tenant_id=new.tenant_id,
                 kind=new.values.columns["kind"], locales=[t.locale for t in new.values.texts])
        return key


# --- updating ------------------------------------------------------------------------------

@dataclass(frozen=True)
class UpdateEvent(Write[Edit, int]):
    """Changes of an event that is neither archived nor cancelled: texts of some languages,
    and each column given (KEEP: unchanged; None clears the end, the place and the link;
    the kind, the start and the visibility cannot be cleared, so None keeps them)."""

    key: int
    texts: TextEntries = ()
    kind: str | Keep | None = KEEP
    starts_at: datetime | Keep | None = KEEP
    ends_at: datetime | Keep | None = KEEP
    place: Place | Keep | None = KEEP
    online_url: str | Keep | None = KEEP
    visibility: str | Keep | None = KEEP

    async def allow(self, ctx: RequestContext) -> Edit:
        return Edit(await editable(ctx, EVENTS, self.key))

    def validate(self, edit: Edit) -> Edit:
        row = edit.row
        texts = check_texts(self.texts, FIELDS, creating=False, argument="input.texts")
        columns: dict[str, Any] = {}
        kind = given(self.kind, None)
        if kind is not None:
            columns["kind"] = checked_kind(kind)
        starts = given(self.starts_at, None) or row.starts_at
        ends = given(self.ends_at, row.ends_at)
        window(starts, ends)
        columns["starts_at"], columns["ends_at"] = starts, ends
        if not isinstance(self.place, Keep):
            columns.update(place_columns(self.place))
        if not isinstance(self.online_url, Keep):
            columns["online_url"] = check_url(self.online_url, "input.onlineUrl")
        visibility = given(self.visibility, None)
        if visibility is not None:
            columns["visibility"] = visibility
        return Edit(row, Checked(texts, columns))

    async def apply(self, tx: Tx, edit: Edit) -> int:
        assert edit.values is not None
        row = edit.row
        await update_record(tx, EVENTS, row, edit.values.texts, **edit.values.columns)
        given_fields = [name for name in ("kind", "starts_at", "ends_at", "place", "online_url",
                                          "visibility")
                        if not isinstance(getattr(self, name), Keep)]
        tx.audit("update_event", EVENTS.name, EVENTS.gid(row.id), tenant_id=row.tenant_id,
                 fields=given_fields, locales=[t.locale for t in edit.values.texts])
        return int(row.id)


# --- cancelling ----------------------------------------------------------------------------

@dataclass(frozen=True)
class CancelEvent(Write[Any, int]):
    """A published event is called off: it stays visible, marked cancelled. The note (why,
    at most MAX_NOTE characters) is kept in the audit event."""

    key: int
    note: str | None = None

    async def allow(self, ctx: RequestContext) -> Any:
        row = await editable(ctx, EVENTS, self.key)  # not cancelled already
        if row.status != RecordStatus.PUBLISHED:
            raise Conflict(msg.CANCEL_ONLY_PUBLISHED)
        return row

    def validate(self, row: Any) -> Any:
        note = (self.note or "").strip()
        if len(note) > MAX_NOTE:
            raise BadUserInput(msg.CANCEL_NOTE_TOO_LONG, argument="input.note", count=MAX_NOTE)
        return row

    async def apply(self, tx: Tx, row: Any) -> int:
        now = utcnow()
        await change(tx, EVENTS, row, cancelled_at=now)
        tx.audit("cancel_event", EVENTS.name, EVENTS.gid(row.id), tenant_id=row.tenant_id,
                 note=(self.note or "").strip() or None)
        return int(row.id)
