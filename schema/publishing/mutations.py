"""What every editorial mutation does around its write: the record's key from its global
id, the write performed (one transaction, retried safely with the client's key), and the
changed record read back through its kind's loader, as the caller now sees it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from hub.errors import NotFound
from hub.i18n import messages as hub_msg
from resolvers.core.writes import Write, perform
from resolvers.publishing.statuses import Kind
from schema.applications.inputs import client_key, key_of
from schema.core.info import Info

T = TypeVar("T")


def record_key(kind: Kind, global_id: str) -> int:
    """The key of a record of `kind` named by the input's `id`."""
    return key_of(global_id, kind.name, "input.id")


async def written(info: Info, kind: Kind, of: Callable[[Any], T], write: Write[Any, int],
                  client_mutation_id: str | None) -> T:
    """`write` performed (the record's id), then the record as `of` builds its type."""
    key = client_key(client_mutation_id)
    record_id = await perform(info.context, write, key=key)
    row = await kind.loader(info.context.loaders).load(record_id)
    if row is None:  # pragma: no cover - the caller's own record
        raise NotFound(hub_msg.NOT_FOUND, type=kind.name)
    return of(row)
