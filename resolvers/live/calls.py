"""Emergency calls queued by their opportunity's publication.

`OpportunityKind.on_published` (resolvers/opportunities/statuses.py) calls
`queue_emergency_call` in the publishing transaction when the opportunity is an emergency:
the call row commits exactly when the publication does (an outbox). A scheduled
publication queues its call for its `published_at`; publishing again (rescheduling) drops
the call still pending and queues the new one, so one publication is called once.

The row is the hub's own (the request role has no privilege on `emergency_call`): it is
written inside `tx.as_system()`. A call due now wakes this process's dispatchers as soon
as the transaction commits (`hub/live/wake.py`), so that it goes out at once rather than at
their next look.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, event, insert
from sqlalchemy.orm import Session

from hub.db import models as m
from hub.db.types import utcnow
from hub.live.wake import wake_dispatchers
from resolvers.core.writes import Tx

# A call due within this much is "now": the publishing transaction wakes the dispatchers.
SOON = timedelta(seconds=1)


async def queue_emergency_call(tx: Tx, row: Any, due_at: datetime) -> None:
    """Queue the broadcast of the emergency opportunity `row`, published at `due_at` (now or
    ahead), in the publishing transaction."""
    now = utcnow()
    call = m.EmergencyCall
    async with tx.as_system() as session:
        await session.execute(delete(call).where(
            call.opportunity_id == row.id, call.broadcast_at.is_(None)))
        await session.execute(insert(call).values(
            opportunity_id=row.id, tenant_id=row.tenant_id, due_at=due_at, created_at=now))
    if due_at <= now + SOON:
        event.listen(tx.session.sync_session, "after_commit", _wake, once=True)


def _wake(_session: Session) -> None:
    wake_dispatchers()
