"""The search benchmark end to end, tiny (`python -m bench.search --smoke`, the demo data):
every search answered without an error, with hits, timed, beside the LIKE baseline. It
checks that the harness works, never a speed: ~7 s on PostgreSQL."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bench.search import SEARCHES
from tests.conftest import make_database
from tests.paths import ROOT


@pytest.mark.parametrize("backend_name", ["postgresql"])
def test_bench_search_smoke(backend_name: str, tmp_path: Path) -> None:
    database = make_database(backend_name, tmp_path)  # PostgreSQL: skip, or fail under CI
    results = tmp_path / "results"
    try:
        done = subprocess.run(
            [sys.executable, "-m", "bench.search", "--smoke", "--database-url",
             database.settings.database_url, "--results-dir", str(results)],
            cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    finally:
        database.drop()
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    [path] = results.glob("search-*.json")
    report = json.loads(path.read_text())
    assert report["backend"] == backend_name and report["problems"] == []
    assert list(report["searches"]) == [words for _, words in SEARCHES]
    for words, row in report["searches"].items():
        for kind in ("relevance", "newest", "like"):
            assert row[kind]["p50_ms"] > 0 and row[kind]["p95_ms"] > 0, (words, kind)
        # Both orders find the same records; search finds at least what LIKE did.
        assert row["relevance"]["hits"] == row["newest"]["hits"] > 0, words
        assert row["relevance"]["hits"] >= row["like"]["hits"], words
    assert "اسعاف" in done.stdout and "like p50" in done.stdout
