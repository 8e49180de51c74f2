"""The node registry: how each type with a global id is fetched by its key.

Each domain registers its types (`register`) next to their definitions, fetching through the
same scoped loaders as the type's own lookup, so `node(id:)` (and federation's `_entities`)
obey the same row policy as every other road to the record.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from hub.ids import decode_id
from resolvers.core.loaders import KeyedLoader
from resolvers.loaders import Loaders
from schema.core.common import Node
from schema.core.info import Info

N = TypeVar("N", bound=Node)
Fetch = Callable[[Info, int], Awaitable[Node | None]]

_FETCH: dict[str, Fetch] = {}


def register(type_name: str, fetch: Fetch) -> None:
    if type_name in _FETCH:
        raise ValueError(f"node type {type_name} is registered twice")
    _FETCH[type_name] = fetch


def by_loader(loader: Callable[[Loaders], KeyedLoader], make: Callable[[Any], N]) -> Fetch:
    """Fetch through one of the request's (scoped) loaders: None when the caller may not
    read the row, exactly as the type's own lookup answers."""

    async def fetch(info: Info, key: int) -> Node | None:
        row = await loader(info.context.loaders).load(key)
        return make(row) if row is not None else None

    return fetch


def registered_types() -> frozenset[str]:
    return frozenset(_FETCH)


async def fetch_node(info: Info, type_name: str, key: int) -> Node | None:
    fetch = _FETCH.get(type_name)
    return await fetch(info, key) if fetch is not None else None


async def lookup(info: Info, global_id: str, cls: type[N]) -> N | None:
    """A root lookup such as `opportunity(id:)`: the id must be of `cls`'s type; the object
    comes through the same registry (and so the same scope) as `node(id:)`."""
    _, key = decode_id(global_id, cls.__name__)
    found = await fetch_node(info, cls.__name__, key)
    assert found is None or isinstance(found, cls)
    return found


async def resolve_node(info: Info, global_id: str) -> Node | None:
    """Any object by its global id; an id of an unknown type is simply not found."""
    type_name, key = decode_id(global_id)
    return await fetch_node(info, type_name, key)
