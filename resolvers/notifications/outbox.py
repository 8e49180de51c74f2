"""Writing a notification: one row in the write's own transaction (a transactional outbox).

A command calls `notify(tx, ...)` inside `apply`; the row commits exactly when the change it
reports does, and `tatawwu notify` delivers it later (at least once). A notification for
someone other than the caller (a volunteer moved up after another's withdrawal) is written
inside `tx.as_system()`: the caller's row security would refuse another person's row.

The row stores what happened (`kind` and ids, codes and numbers in `params`), never text:
it is rendered in the recipient's language when it is read or sent.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from hub.db import models as m
from resolvers.core.writes import Tx


class NotificationKind(StrEnum):
    APPLICATION_RECEIVED = "APPLICATION_RECEIVED"  # applied, waiting for review
    APPLICATION_ACCEPTED = "APPLICATION_ACCEPTED"
    APPLICATION_REJECTED = "APPLICATION_REJECTED"  # params: reason, note
    APPLICATION_WAITLISTED = "APPLICATION_WAITLISTED"
    WAITLIST_PROMOTED = "WAITLIST_PROMOTED"  # moved up from the waiting list: accepted
    APPLICATION_COMPLETED = "APPLICATION_COMPLETED"  # params: status COMPLETED / NO_SHOW
    HOURS_VERIFIED = "HOURS_VERIFIED"  # params: hours, date, approved, note
    INQUIRY_REPLIED = "INQUIRY_REPLIED"  # params: inquiry
    INQUIRY_CLOSED = "INQUIRY_CLOSED"  # params: inquiry
    EMERGENCY_CALL = "EMERGENCY_CALL"  # params: opportunity (resolvers/live/dispatch.py)
    BADGE_AWARDED = "BADGE_AWARDED"  # params: award, badge (code), hours, names (by locale)


def notify(tx: Tx | AsyncSession, *, volunteer_id: int, tenant_id: int,
           kind: NotificationKind, **params: Any) -> None:
    """Queue a notification for `volunteer_id` in the current transaction. `params` must be
    JSON values (ids as global ids, numbers, codes)."""
    session = tx.session if isinstance(tx, Tx) else tx
    session.add(m.Notification(volunteer_id=volunteer_id, tenant_id=tenant_id,
                               kind=kind.value, params=dict(params), attempts=0))
