"""The write benchmark end to end, tiny (`python -m bench.writes --smoke`): every phase of the
journey answered without an error, its statements counted and bounded. It checks that the
harness works, never a speed. PostgreSQL only (row security and the role switches are
where a write can go wrong; every write test runs on SQLite too): ~24 s a run."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bench.writes import PHASES
from tests.conftest import make_database
from tests.paths import ROOT

# The statements of one request of each phase, as the write tests bound them: a bound is
# a property of the code, not of the data (verify25 verifies 25 entries in one request).
# Measured on 2026-12-07: register 8, apply 19 (its webhook deliveries and the statistics'
# rollups included), decide 16, log 11, verify 21 (badges and rollups included), verify25 21.
SQL_BOUND = 21


@pytest.mark.parametrize("backend_name", ["postgresql"])
def test_bench_writes_smoke(backend_name: str, tmp_path: Path) -> None:
    database = make_database(backend_name, tmp_path)  # PostgreSQL: skip, or fail under CI
    results = tmp_path / "results"
    try:
        done = subprocess.run(
            [sys.executable, "-m", "bench.writes", "--smoke", "--database-url",
             database.settings.database_url, "--results-dir", str(results)],
            cwd=ROOT, capture_output=True, text=True, timeout=240, check=False)
    finally:
        database.drop()
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    [path] = results.glob("writes-*.json")
    report = json.loads(path.read_text())
    assert report["backend"] == backend_name and report["problems"] == []
    assert list(report["phases"]) == list(PHASES)
    for name, phase in report["phases"].items():
        assert phase["errors"] == 0 and phase["requests"] > 0, name
        assert phase["p50_ms"] is not None and phase["p50_ms"] > 0, name
        assert 0 < phase["sql_per_request"] <= SQL_BOUND, (name, phase["sql_per_request"])
    # Verifying 25 entries at once costs the statements of verifying one.
    phases = report["phases"]
    assert phases["verify25"]["sql_per_request"] == phases["verify"]["sql_per_request"]
    assert report["volunteers"] == 12 and phases["register"]["requests"] == 12
