"""Who may sync, and the limits of a batch and of its keys.

Only an API client whose key has the `sync` scope syncs, and only into its own tenant (the
key's): the tenant is never taken from the input, so an item cannot name another society's
record, even with an external id that society also uses (keys are per tenant). Staff,
volunteers, analysts, anonymous callers and clients without the scope are refused as a
whole (FORBIDDEN) before anything is read.
"""

from __future__ import annotations

from typing import Final

from hub.access import PrincipalKind
from hub.errors import BadUserInput, Forbidden
from resolvers.context import RequestContext
from resolvers.sync import messages as msg

SYNC_SCOPE: Final = "sync"
MAX_EXTERNAL_ID: Final = 128  # opportunity.external_id holds 128 characters


def sync_tenant(ctx: RequestContext) -> int:
    """The tenant the caller syncs into: its own, if it is an API client with the `sync`
    scope of an active tenant; FORBIDDEN otherwise."""
    p = ctx.scope.principal
    if p.kind != PrincipalKind.CLIENT or p.tenant_id is None or SYNC_SCOPE not in p.scopes \
            or p.tenant_id in ctx.scope.inactive_tenants:
        raise Forbidden(msg.SYNC_CLIENTS_ONLY)
    return p.tenant_id


def check_batch_size(ctx: RequestContext, size: int) -> None:
    """A batch of at most HUB_SYNC_MAX_BATCH items, refused as a whole when larger."""
    limit = ctx.settings.sync_max_batch
    if size > limit:
        raise BadUserInput(msg.BATCH_TOO_LARGE, argument="input.items", count=limit)


def check_external_id(external_id: str) -> None:
    """The system's own id of an item: not blank, at most MAX_EXTERNAL_ID characters, kept
    exactly as sent (it is compared as it is)."""
    if not external_id.strip():
        raise BadUserInput(msg.EXTERNAL_ID_REQUIRED, argument="input.externalId")
    if len(external_id) > MAX_EXTERNAL_ID:
        raise BadUserInput(msg.EXTERNAL_ID_TOO_LONG, argument="input.externalId",
                           count=MAX_EXTERNAL_ID)
