"""How deeply a request's JSON may nest.

GraphQL variables never need more than a few levels; a body nested a thousand levels deep is
an attack on whatever walks it next (Python's own recursion stops near 1,000 frames, and
the json module raised RecursionError: a plain-text 500).
"""

from __future__ import annotations

from typing import Final

MAX_JSON_DEPTH: Final = 64  # the body itself is level 1, its `variables` level 2


def nested_deeper_than(value: object, limit: int = MAX_JSON_DEPTH) -> bool:
    """Whether objects and arrays in `value` nest deeper than `limit`, found without
    recursion and without visiting anything below the limit."""
    stack: list[tuple[object, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: list[object] | tuple[object, ...] = list(item.values())
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children
                     if isinstance(child, dict | list))
    return False
