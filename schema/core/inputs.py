"""Checks every list argument and search text goes through before it reaches a resolver."""

from __future__ import annotations

from hub.errors import BadUserInput
from hub.i18n import messages as msg
from resolvers.core.search import MAX_SEARCH_LENGTH

MAX_LIST_ARGUMENT = 100


def checked_list(values: list[str] | None, argument: str) -> tuple[str, ...] | None:
    """A list argument as a sorted, distinct, hashable tuple, at most MAX_LIST_ARGUMENT long."""
    if values is None:
        return None
    if len(values) > MAX_LIST_ARGUMENT:
        raise BadUserInput(msg.TOO_MANY_VALUES, argument=argument,
                           count=MAX_LIST_ARGUMENT)
    return tuple(sorted(set(values)))


def checked_search(text: str | None, argument: str = "search") -> str | None:
    """Search words, trimmed (None when blank), at most MAX_SEARCH_LENGTH characters."""
    search = (text or "").strip() or None
    if search is not None and len(search) > MAX_SEARCH_LENGTH:
        raise BadUserInput(msg.SEARCH_TOO_LONG, argument=argument, count=MAX_SEARCH_LENGTH)
    return search
