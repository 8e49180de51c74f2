"""Budgets counted in this process: bounded memory, whatever the number of callers.

One entry per bucket holds the window it counts and what was spent in it. At most
`max_entries` are kept, least recently used first out: a flood from a million addresses
evicts the quiet ones (forgetting what they spent) instead of growing without end.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Final

MAX_ENTRIES: Final = 65_536  # ~ 10 MB of keys and counts


class MemoryCounts:
    """Spent budgets per bucket and window, in this process."""

    def __init__(self, max_entries: int = MAX_ENTRIES) -> None:
        self.max_entries = max_entries
        self._spent: OrderedDict[str, tuple[int, int]] = OrderedDict()  # key -> window, spent

    def __len__(self) -> int:
        return len(self._spent)

    async def spent(self, key: str, window: int) -> int:
        found = self._spent.get(key)
        if found is None or found[0] != window:
            return 0
        self._spent.move_to_end(key)
        return found[1]

    async def charge(self, key: str, window: int, cost: int, ttl: int) -> int:
        """Add `cost` to the bucket's window (a new window starts from 0); the new total."""
        found = self._spent.pop(key, None)
        total = cost + (found[1] if found is not None and found[0] == window else 0)
        self._spent[key] = (window, total)
        while len(self._spent) > self.max_entries:
            self._spent.popitem(last=False)
        return total

    async def close(self) -> None:
        """Nothing to release: the counts stay while the process lives (an app restarted in
        the same process keeps what its callers spent)."""
