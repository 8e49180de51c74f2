"""The badges domain's root queries (a part of the root type: schema/root.py)."""

from __future__ import annotations


class BadgeQueries:
    """Fields added by the badges work."""
