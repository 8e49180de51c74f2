"""PostgreSQL's share of a request: the CPU time of the server backends connected to the
benchmark database (one target runs at a time, so they all serve that target)."""

from __future__ import annotations

from bench.proc import cpu_seconds
from bench.wire import admin


class BackendCpu:
    def __init__(self, admin_url: str, database: str) -> None:
        self.admin_url = admin_url
        self.database = database.replace("'", "''")

    def snapshot(self) -> dict[int, float]:
        """CPU seconds so far of every backend on the database (unreadable ones left out)."""
        pids = admin(self.admin_url, "SELECT coalesce(string_agg(pid::text, ','), '') FROM "
                     f"pg_stat_activity WHERE datname = '{self.database}'") or ""
        found: dict[int, float] = {}
        for pid in (int(p) for p in pids.split(",") if p):
            try:
                found[pid] = cpu_seconds(pid)
            except (OSError, IndexError, ValueError):
                continue
        return found

    @staticmethod
    def used(before: dict[int, float], after: dict[int, float]) -> float:
        """CPU seconds spent between two snapshots (a backend that appeared counts whole)."""
        return sum(max(0.0, t - before.get(pid, 0.0)) for pid, t in after.items())
