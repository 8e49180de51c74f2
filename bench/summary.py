"""A run's results as one JSON document: each cell's medians and CPU per request, the hub's
ratios to the other targets, the versions and machine measured on, and the hub's commit."""

from __future__ import annotations

import statistics
import sys
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bench import load, sysinfo
from bench.proc import BenchError
from bench.targets import peer_versions
from bench.wire import admin

if TYPE_CHECKING:
    from bench.runner import Run


@dataclass
class Cell:
    """One operation on one target."""

    rounds: list[load.Measurement] = field(default_factory=list)
    cpu_seconds: float = 0.0
    db_cpu_seconds: float | None = None
    info: dict[str, Any] = field(default_factory=dict)
    failed: str | None = None

    def summary(self) -> dict[str, Any]:
        out: dict[str, Any] = dict(self.info)
        if self.failed:
            out["failed"] = self.failed
        if self.rounds:
            requests = sum(m.requests for m in self.rounds)
            out.update(
                rps=round(statistics.median(m.rps for m in self.rounds), 1),
                p50_ms=round(statistics.median(m.p50_ms for m in self.rounds), 2),
                p99_ms=round(statistics.median(m.p99_ms for m in self.rounds), 2),
                cpu_ms_per_req=round(1000 * self.cpu_seconds / requests, 3) if requests
                else None,
                db_cpu_ms_per_req=round(1000 * self.db_cpu_seconds / requests, 3)
                if requests and self.db_cpu_seconds is not None else None,
                total_cpu_ms_per_req=round(1000 * (self.cpu_seconds + self.db_cpu_seconds)
                                           / requests, 3)
                if requests and self.db_cpu_seconds is not None else None,
                requests=requests, errors=sum(m.errors for m in self.rounds),
                rounds=[m.as_json() for m in self.rounds],
            )
        return out


def versions(run: Run) -> dict[str, Any]:
    found: dict[str, Any] = sysinfo.python_versions()
    found["wrk"] = sysinfo.wrk_version()
    found.update(peer_versions())
    found["postgres"] = None
    if run.dataset is not None and run.dataset.backend == "postgresql":
        try:
            found["postgres"] = admin(run.opts.admin_url, "SHOW server_version")
        except Exception as exc:  # a version is informative only
            found["postgres"] = f"unknown ({exc.__class__.__name__})"
    return found


def queries(run: Run) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for op in run.operations:
        entry: dict[str, Any] = {"title": op.title, "available": op.unavailable is None}
        if op.note:
            entry["note"] = op.note
        if op.unavailable:
            entry["reason"] = op.unavailable
            out[op.key] = entry
            continue
        results = {name: run.cell(op, name).summary() for name in run.opts.targets
                   if (op.key, name) in run.cells}
        for name, result in results.items():
            result.setdefault("peak_rss_mib", run.targets[name].get("peak_rss_mib"))
        entry["results"] = results
        entry["ratios"] = {f"hub/{o}": ratios(results.get("hub"), results.get(o))
                           for o in ("raw", "peer") if o in results}
        out[op.key] = entry
    return out


def document(run: Run, hub_git: dict[str, Any] | None) -> dict[str, Any]:
    """The whole run as the JSON document `bench.report` writes and tabulates."""
    opts = run.opts
    return {
        "format": 1, "mode": opts.mode, "started_at": run.started.isoformat(),
        "finished_at": datetime.now().isoformat(),
        "seconds": round((datetime.now() - run.started).total_seconds(), 1),
        "command": ["python", "-m", "bench", *sys.argv[1:]],
        "machine": {**sysinfo.machine(), "load_average_at_start": run.load_at_start},
        "versions": versions(run),
        "hub_source": {"path": str(opts.hub_source), "git": hub_git},
        "settings": {"driver": run.driver, "duration_s": opts.duration,
                     "warmup_s": opts.warmup, "rounds": opts.rounds,
                     "connections": opts.connections, "locale": opts.locale,
                     "scale": opts.scale if run.dataset and run.dataset.seed_seconds
                     is not None else None, "tenants": opts.tenants or "repository",
                     "targets": list(opts.targets), "hub_workers": opts.hub_workers,
                     "trusted_documents": opts.trusted},
        "dataset": {**(run.dataset.describe() if run.dataset else {}),
                    "facts": {"q3_opportunity_id": run.facts.opportunity_id,
                              "q4_staff_tenant": run.facts.staff_tenant,
                              "q5_country_tenant_ids": list(run.facts.country_tenant_ids)}
                    if run.facts else None},
        "targets": run.targets, "queries": queries(run), "profile": run.profile or None,
        "problems": run.problems, "notes": run.notes, "work_dir": str(run.work),
    }


def ratios(hub: dict[str, Any] | None, other: dict[str, Any] | None) -> dict[str, Any] | None:
    """hub ÷ other for throughput, latency and CPU per request (None when either is missing)."""
    if not hub or not other:
        return None
    out: dict[str, Any] = {}
    for key in ("rps", "p50_ms", "p99_ms", "cpu_ms_per_req", "total_cpu_ms_per_req"):
        a, b = hub.get(key), other.get(key)
        out[key] = round(a / b, 3) if a is not None and b else None
    return out


def hub_git(source: Path) -> dict[str, Any] | None:
    from bench.proc import run

    if not (source / ".git").exists():
        return None
    try:
        head = run(["git", "-C", str(source), "rev-parse", "HEAD"], timeout=20).strip()
        dirty = run(["git", "-C", str(source), "status", "--porcelain", "--", "hub", "schema",
                     "resolvers"], timeout=20).strip()
    except BenchError:
        return None
    return {"commit": head, "uncommitted_changes_in_hub_schema_resolvers": bool(dirty)}
