"""Prefetch for pages: what the items of a connection will ask for, loaded once before the
items resolve, so their fields complete at once (`resolvers.core.loaders.now_or_later`).

The loads are the ones the items would have made; the same loaders batch them into the same
statements, under the same scope. A field read through another road (a single lookup, a
nested list) still loads on demand: prefetching only saves work, it never decides anything.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable, Sequence
from typing import Any

from strawberry.types.nodes import FragmentSpread, InlineFragment, SelectedField, Selection

from resolvers.core.loaders import KeyedLoader
from schema.core.info import Info

TEXT_FIELDS = frozenset({"title", "titleI18n", "summary", "description", "body"})


def _fields(selections: Iterable[Selection]) -> Iterable[SelectedField]:
    for selection in selections:
        if isinstance(selection, SelectedField):
            yield selection
        elif isinstance(selection, FragmentSpread | InlineFragment):
            yield from _fields(selection.selections)


def node_fields(info: Info) -> frozenset[str]:
    """The field names selected on `edges { node { ... } }` of the current connection field,
    through fragments and aliases (directives are not evaluated: at worst, one batch more)."""
    names: set[str] = set()
    for connection in info.selected_fields:
        for edges in _fields(connection.selections):
            if edges.name != "edges":
                continue
            for node in _fields(edges.selections):
                if node.name == "node":
                    names.update(f.name for f in _fields(node.selections))
    return frozenset(names)


async def prefetch(*loads: tuple[KeyedLoader, Sequence[Any]]) -> None:
    """Fill every (loader, keys) in the same tick, so each loader sends one batch (with the
    fills of other pages of the same tick), without a future per key (`KeyedLoader.fill`).

    A failed batch is not this page's error: its keys stay unknown, so each node field loads
    again and reports its own error at its own path, as without prefetch. Waiting is
    shielded: a page cancelled under a nulled parent does not cancel the batch that other
    pages of the tick wait on.
    """
    pending = [asyncio.shield(waiting) for waiting in
               (loader.fill(list(keys)) for loader, keys in loads if keys)
               if waiting is not None]
    if pending:
        await asyncio.gather(*pending, return_exceptions=True)


# The translation column each text field serves (`titleI18n` serves `title`).
TEXT_COLUMNS = {"title": "title", "titleI18n": "title", "summary": "summary",
                "description": "description", "body": "body"}
assert frozenset(TEXT_COLUMNS) == TEXT_FIELDS


def text_loader(wanted: frozenset[str], loader: KeyedLoader) -> KeyedLoader:
    """What a page prefetches its translations with: rows with only the text columns its
    nodes' selected text fields serve (and `locale`), or the whole rows when a node field
    may read more of them (`translations`, an editor's list of every translation)."""
    narrowed = getattr(loader, "narrowed", None)
    if narrowed is None or "translations" in wanted:
        return loader
    columns = frozenset(TEXT_COLUMNS[name] for name in wanted & TEXT_FIELDS)
    result: KeyedLoader = narrowed(columns | {"locale"})
    return result


async def prefetch_texts(info: Info, loader: KeyedLoader, rows: Sequence[Any]) -> None:
    """A page's translation rows, when any text field of its nodes is selected."""
    wanted = node_fields(info)
    if wanted & TEXT_FIELDS:
        await prefetch((text_loader(wanted, loader), [row.id for row in rows]))


def distinct(values: Iterable[Any]) -> list[Any]:
    return list(dict.fromkeys(v for v in values if v is not None))
