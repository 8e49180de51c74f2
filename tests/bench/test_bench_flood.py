"""The flood scenario end to end, tiny (`python -m bench.flood --smoke` over the tests' demo
database), as bench/RESULTS.md runs it: PostgreSQL, two hub processes, the production rate
limits, the flooding client at the lowest CPU priority. Q1 measured quiet and flooded, every
flood document sent and answered, the JSON report written with its keys. It checks the
harness, never the ratio (~10 s)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from sqlalchemy import text

from bench.flood import FLOODS
from tests.conftest import make_database, prepare
from tests.dbtools import fetch
from tests.paths import ROOT

REPORT_KEYS = {"format", "mode", "backend", "seconds", "rounds", "connections", "machine",
               "dataset", "quiet", "flooded", "flood", "flood_per_second",
               "flooder_cpu_percent", "workers", "flooder_nice", "ratio_p50", "ratio_p99",
               "acceptance_met", "problems", "load_average_at_end"}


def test_bench_flood_smoke(tmp_path: Path) -> None:
    database = make_database("postgresql", tmp_path)  # under CI=true: fails if missing
    try:
        prepare(database, demo=True)
        results = tmp_path / "results"
        done = subprocess.run(
            [sys.executable, "-m", "bench.flood", "--smoke", "--connections", "2",
             "--workers", "2", "--flooder-nice", "19", "--rate-limits",
             "--database-url", database.settings.database_url, "--results-dir", str(results)],
            cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
        assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
        assert fetch(database.settings, text("SELECT count(*) FROM tenant"))[0][0] > 0  # kept
    finally:
        database.drop()
    [path] = results.glob("flood-*.json")
    report = json.loads(path.read_text())
    assert set(report) >= REPORT_KEYS and report["problems"] == []
    assert report["mode"] == "smoke" and report["backend"] == "postgresql"
    assert report["workers"] == 2 and report["flooder_nice"] == 19 and report["rate_limits"]
    for window in ("quiet", "flooded"):
        assert report[window]["requests"] > 0 and report[window]["p99_ms"] > 0, window
        assert report[window]["hub_cpu_percent"] is not None, window
    assert report["flood_per_second"] > 0
    assert report["ratio_p99"] > 0 and isinstance(report["acceptance_met"], bool)
    assert list(report["flood"]) == list(FLOODS)
    for kind, row in report["flood"].items():
        assert row["requests"] > 0 and row["p50_ms"] is not None, kind
        assert sum(row["statuses"].values()) == row["requests"], kind
    assert "ratio p50" in done.stdout and "aliases-500" in done.stdout
