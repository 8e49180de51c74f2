"""The webhooks domain's writes through the API: an API client registers and removes its
own webhooks.

Who may: an API client (principal kind CLIENT) whose key has the `webhooks` scope; anyone
else is FORBIDDEN before anything is read. A client manages only its own webhooks: another
client's webhook id (of its tenant or another) is NOT_FOUND, as an id that does not exist.
The webhook's tenant is the client's own, always: it receives events of that tenant only.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from sqlalchemy import select

from hub.access import Principal, PrincipalKind
from hub.errors import Forbidden, NotFound
from hub.ids import encode_id
from resolvers.context import RequestContext
from resolvers.core.writes import Tx, Write
from resolvers.webhooks import messages as msg
from resolvers.webhooks.registry import SCOPE, W, add_webhook, check_events, remove_webhook
from resolvers.webhooks.urls import check_url


@dataclass(frozen=True, slots=True)
class WebhookClient:
    """The calling API client."""

    client_id: int
    tenant_id: int


def webhook_client(principal: Principal) -> WebhookClient:
    """The caller as an API client with the `webhooks` scope, or FORBIDDEN."""
    if principal.kind != PrincipalKind.CLIENT or principal.client_id is None \
            or principal.tenant_id is None or SCOPE not in principal.scopes:
        raise Forbidden(msg.WEBHOOK_CLIENTS_ONLY)
    return WebhookClient(principal.client_id, principal.tenant_id)


@dataclass(frozen=True, slots=True)
class Registering:
    client: WebhookClient
    url: str
    events: tuple[str, ...]
    production: bool


@dataclass(frozen=True)
class RegisterWebhook(Write[Registering, int]):
    """A new webhook of the calling client for `url` and `events`; its id."""

    url: str
    events: tuple[str, ...]

    async def allow(self, ctx: RequestContext) -> Registering:
        client = webhook_client(ctx.scope.principal)
        return Registering(client, self.url, self.events, production=not ctx.settings.is_dev)

    def validate(self, target: Registering) -> Registering:
        return Registering(target.client, check_url(target.url, production=target.production),
                           check_events(target.events), target.production)

    async def apply(self, tx: Tx, target: Registering) -> int:
        async with tx.as_system() as session:
            webhook_id, _ = await add_webhook(
                session, client_id=target.client.client_id, tenant_id=target.client.tenant_id,
                url=target.url, events=target.events)
        # The host only: a receiver's address may carry a token in its path or query.
        tx.audit("register_webhook", "Webhook", encode_id("Webhook", webhook_id),
                 tenant_id=target.client.tenant_id, host=urlsplit(target.url).hostname,
                 events=list(target.events))
        return webhook_id


@dataclass(frozen=True)
class RemoveWebhook(Write[tuple[WebhookClient, int], int]):
    """The calling client's active webhook `webhook_id` is removed (disabled); its id."""

    webhook_id: int

    async def allow(self, ctx: RequestContext) -> tuple[WebhookClient, int]:
        client = webhook_client(ctx.scope.principal)
        # The client's own webhook: what it may know, read past the request role (which
        # has no privilege on the webhook tables).
        found = await ctx.db.rows_as_system(select(W.id).where(
            W.id == self.webhook_id, W.client_id == client.client_id,
            W.disabled_at.is_(None)))
        if not found:
            raise NotFound(msg.WEBHOOK_NOT_FOUND, argument="input.id")
        return client, self.webhook_id

    async def apply(self, tx: Tx, target: tuple[WebhookClient, int]) -> int:
        client, webhook_id = target
        async with tx.as_system() as session:
            removed = await remove_webhook(session, webhook_id, client.client_id)
        if not removed:  # removed meanwhile by a concurrent request
            raise NotFound(msg.WEBHOOK_NOT_FOUND, argument="input.id")
        tx.audit("remove_webhook", "Webhook", encode_id("Webhook", webhook_id),
                 tenant_id=client.tenant_id)
        return webhook_id
