"""The benchmark harness end to end, tiny (`python -m bench --smoke`), on SQLite and PostgreSQL.

It checks that the harness works, never a speed: every available query answered without
GraphQL errors, the raw baseline returning the same rows as the hub, the JSON report written
with its keys, and the hub's SQL statements per request constant and within the bounds
documented in `bench/queries.py` (`SQL_BOUNDS`).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bench.queries import SQL_BOUNDS
from tests.conftest import make_database
from tests.paths import ROOT

REPORT_KEYS = {"format", "mode", "started_at", "finished_at", "command", "machine", "versions",
               "hub_source", "settings", "dataset", "targets", "queries", "problems", "notes"}
VERSION_KEYS = {"python", "strawberry-graphql", "graphql-core", "sqlalchemy", "asyncpg",
                "postgres", "node", "postgraphile", "wrk"}


# On PostgreSQL the hub runs as two processes and is sent the documents by id (trusted
# documents: the road of compiled execution); on SQLite one process, ad-hoc documents.
ROADS = {"sqlite": [], "postgresql": ["--trusted", "--hub-workers", "2"]}


@pytest.mark.parametrize("backend_name", ["sqlite", "postgresql"])
def test_bench_smoke(backend_name: str, tmp_path: Path) -> None:
    database = make_database(backend_name, tmp_path)  # PostgreSQL: skip, or fail under CI
    results = tmp_path / "results"
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", "bench", "--smoke", "--database-url",
             database.settings.database_url, "--results-dir", str(results),
             *ROADS[backend_name]],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        try:
            stdout, stderr = process.communicate(timeout=150)
        except subprocess.TimeoutExpired:
            process.terminate()  # the harness stops its servers on SIGTERM
            stdout, stderr = process.communicate(timeout=60)
            pytest.fail(f"the smoke run took over 150 s:\n{stdout[-2000:]}{stderr[-2000:]}")
    finally:
        database.drop()
    assert process.returncode == 0, stdout[-3000:] + stderr[-3000:]
    assert "Q4" in stdout and "not available" not in stdout

    [path] = results.glob("*.json")
    report = json.loads(path.read_text())
    assert set(report) >= REPORT_KEYS
    assert report["mode"] == "smoke" and report["dataset"]["backend"] == backend_name
    trusted = backend_name == "postgresql"
    assert report["settings"]["trusted_documents"] is trusted
    assert report["settings"]["hub_workers"] == (2 if trusted else 1)
    assert {"nproc", "cpu_model", "memory_gib"} <= set(report["machine"])
    assert set(report["versions"]) >= VERSION_KEYS
    assert report["targets"]["hub"]["available"] and report["targets"]["raw"]["available"]

    queries = report["queries"]
    assert set(queries) == {"Q1", "Q2", "Q3", "Q4", "Q5"}
    assert "audit" in queries["Q4"]["note"]  # how the targets' work differs is reported
    for key, entry in queries.items():
        assert entry["available"] is True, key
        hub, raw = entry["results"]["hub"], entry["results"]["raw"]
        assert not hub.get("failed") and not raw.get("failed"), (key, hub, raw)
        assert hub["rows"] > 0 and raw["rows"] == hub["rows"], key
        assert raw["same_rows_as_hub"] is True, key
        assert raw["identical_to_hub"] is True, key  # the same JSON, byte for byte decoded
        assert hub["requests"] > 0 and hub["errors"] == 0 and raw["errors"] == 0, key
        assert hub["rps"] > 0 and hub["cpu_ms_per_req"] is not None, key
        assert set(entry["ratios"]) == {"hub/raw"} and entry["ratios"]["hub/raw"]["rps"], key
        # Constant (a page of 5 needs as many statements as the full page) and bounded.
        assert hub["sql_per_req"] == hub["sql_per_req_page_of_5"], (key, hub["sql_statements"])
        assert hub["sql_per_req"] <= SQL_BOUNDS[key], (key, hub["sql_statements"])
