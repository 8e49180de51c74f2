"""Webhooks as their API clients and the operators keep them: added, listed, removed.

Shared by the API (an API client with the `webhooks` scope manages its own, in its request
transaction, inside `tx.as_system()`) and the CLI (an operator, for any client, as the
database owner). A webhook belongs to one API client and to that client's tenant, always:
it receives events of that tenant only. Removing one keeps its row (disabled, with its
deliveries' history); its deliveries not yet sent are cancelled when they come due.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from hub.db import models as m
from hub.db.types import utcnow
from hub.errors import BadUserInput, Conflict
from resolvers.webhooks import messages as msg
from resolvers.webhooks.outbox import WebhookEvent
from resolvers.webhooks.signing import new_secret

SCOPE: Final = "webhooks"  # the API client scope that lets a client manage its webhooks
MAX_WEBHOOKS_PER_CLIENT: Final = 10
W = m.Webhook


@dataclass(frozen=True, slots=True)
class WebhookRow:
    """A webhook as it is shown (never its secret)."""

    id: int
    tenant_id: int
    client_id: int
    url: str
    events: tuple[str, ...]
    created_at: datetime
    disabled_at: datetime | None

    @classmethod
    def of(cls, row: Any) -> WebhookRow:
        return cls(row.id, row.tenant_id, row.client_id, row.url,
                   tuple(e for e in row.events if e in WebhookEvent.__members__),
                   row.created_at, row.disabled_at)


SHOWN = (W.id, W.tenant_id, W.client_id, W.url, W.events, W.created_at, W.disabled_at)


def check_events(events: Iterable[str], argument: str = "input.events") -> tuple[str, ...]:
    """The events, each once, in the order given; at least one."""
    chosen = tuple(dict.fromkeys(WebhookEvent(e).value for e in events))
    if not chosen:
        raise BadUserInput(msg.NO_EVENTS, argument=argument)
    return chosen


async def add_webhook(session: AsyncSession, *, client_id: int, tenant_id: int, url: str,
                      events: Sequence[str]) -> tuple[int, str]:
    """A new webhook of `client_id` (of `tenant_id`) for a checked `url` and `events`: its
    id and its secret (to show once). At most MAX_WEBHOOKS_PER_CLIENT active ones per client,
    and one per address."""
    active = (await session.execute(select(W.url).where(
        W.client_id == client_id, W.disabled_at.is_(None)))).scalars().all()
    if url in active:
        raise Conflict(msg.SAME_URL, argument="input.url")
    if len(active) >= MAX_WEBHOOKS_PER_CLIENT:
        raise Conflict(msg.TOO_MANY_WEBHOOKS, count=MAX_WEBHOOKS_PER_CLIENT)
    secret = new_secret()
    row = W(tenant_id=tenant_id, client_id=client_id, url=url, events=list(events),
            secret=secret, created_at=utcnow())
    session.add(row)
    await session.flush()
    return int(row.id), secret


async def remove_webhook(session: AsyncSession, webhook_id: int,
                         client_id: int | None = None) -> bool:
    """Disable an active webhook (of `client_id` only, when given); whether one was."""
    stmt = update(W).where(W.id == webhook_id, W.disabled_at.is_(None))
    if client_id is not None:
        stmt = stmt.where(W.client_id == client_id)
    result = await session.execute(stmt.values(disabled_at=utcnow())
                                   .execution_options(synchronize_session=False))
    return bool(result.rowcount)  # type: ignore[attr-defined]
