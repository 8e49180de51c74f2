"""The statistics domain's root queries (a part of the root type: schema/root.py)."""

from __future__ import annotations


class StatisticsQueries:
    """Fields added by the statistics work."""
