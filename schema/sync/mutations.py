"""The sync domain's root mutations (a part of the root type: schema/root.py)."""

from __future__ import annotations


class SyncMutations:
    """Fields added by the sync work."""
