"""What an API client reads of its own webhooks (never another client's, never a secret but
in the answer to its own registration).

The webhook table is the hub's own (no privilege for the request role on PostgreSQL): the
client's own rows are read past it (`rows_as_system`), always filtered by the calling
client's id and tenant. One statement for the whole list, whatever its length.
"""

from __future__ import annotations

from sqlalchemy import select

from resolvers.context import RequestContext
from resolvers.webhooks.commands import webhook_client
from resolvers.webhooks.registry import SHOWN, W, WebhookRow


async def own_webhooks(ctx: RequestContext) -> list[WebhookRow]:
    """The calling client's active webhooks, oldest first (FORBIDDEN for anyone else)."""
    client = webhook_client(ctx.scope.principal)
    rows = await ctx.db.rows_as_system(select(*SHOWN).where(
        W.client_id == client.client_id, W.tenant_id == client.tenant_id,
        W.disabled_at.is_(None)).order_by(W.id))
    return [WebhookRow.of(r) for r in rows]


async def own_webhook(ctx: RequestContext, webhook_id: int, *, with_secret: bool = False
                      ) -> tuple[WebhookRow, str | None] | None:
    """One of the calling client's webhooks (active or removed) and, for the answer to its
    registration only, its secret."""
    client = webhook_client(ctx.scope.principal)
    rows = await ctx.db.rows_as_system(select(*SHOWN, W.secret).where(
        W.id == webhook_id, W.client_id == client.client_id,
        W.tenant_id == client.tenant_id))
    if not rows:
        return None
    return WebhookRow.of(rows[0]), (rows[0].secret if with_secret else None)
