"""The statistics benchmark end to end, tiny (`python -m bench.statistics --smoke`, the demo
data): the rollups rebuilt, every question answered without an error and timed beside the
raw SQL over the hours entries, the staff's exact figures equal to the records' own. It
checks that the harness works, never a speed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bench.statistics import QUESTIONS
from tests.conftest import make_database
from tests.paths import ROOT


@pytest.mark.parametrize("backend_name", ["postgresql"])
def test_bench_statistics_smoke(backend_name: str, tmp_path: Path) -> None:
    database = make_database(backend_name, tmp_path)  # PostgreSQL: skip, or fail under CI
    results = tmp_path / "results"
    try:
        done = subprocess.run(
            [sys.executable, "-m", "bench.statistics", "--smoke", "--database-url",
             database.settings.database_url, "--results-dir", str(results)],
            cwd=ROOT, capture_output=True, text=True, timeout=180, check=False)
    finally:
        database.drop()
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    [path] = results.glob("statistics-*.json")
    report = json.loads(path.read_text())
    assert report["backend"] == backend_name and report["problems"] == []
    assert report["rebuild"]["rows"]["statistics_fact"] > 0
    assert report["spread"]["hours_entry"] > 0  # seeded by the run: spread over the year
    assert list(report["questions"]) == list(QUESTIONS)
    for name, row in report["questions"].items():
        assert row["p50_ms"] > 0 and row["raw"]["p50_ms"] > 0 and row["ratio_p50"] > 0, name
        assert row["cells"] > 0 and row["protected"] is name.startswith("analyst"), name
    staff = report["questions"]["staff-month"]
    assert staff["totals"] == staff["raw"]["totals"]  # exact: the records' own figures
    assert staff["totals"]["VERIFIED_HOURS"] > 0
    assert "analyst-month-tenant" in done.stdout and "ratio p50" in done.stdout
