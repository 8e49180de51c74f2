"""`tatawwu serve --demo` from nothing: migrates, syncs, seeds and answers over HTTP."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import httpx2 as httpx
import pytest

from tests.conftest import Database
from tests.queries import ACCEPTANCE
from tests.servers import free_port, serving


@pytest.mark.parametrize("fresh_backend", ["sqlite", "postgresql"], indirect=True)
def test_serve_demo_from_an_empty_database(fresh_backend: Database, tmp_path: Path) -> None:
    port = free_port()
    # The development key of a PostgreSQL database lives in the user's data folder: a
    # folder of the test's own, so nothing is left in the real one.
    env = {**os.environ, "HUB_DATABASE_URL": fresh_backend.settings.database_url,
           "HUB_LOG_LEVEL": "warning", "XDG_DATA_HOME": str(tmp_path / "data")}
    command = [sys.executable, "-m", "hub", "serve", "--demo", "--port", str(port)]
    with serving(command, port=port, env=env, cwd=tmp_path, log=tmp_path / "serve.log") as base:
        assert httpx.get(f"{base}/healthz").json() == {"status": "ok"}
        ready = httpx.get(f"{base}/readyz").json()
        assert ready["status"] == "ready" and ready["tenants"] >= 7
        body = httpx.post(f"{base}/graphql", json={"query": ACCEPTANCE}).json()
        assert "errors" not in body
        assert len(body["data"]["opportunities"]["edges"]) == 5
        assert "seeded" in (tmp_path / "serve.log").read_text()
        ide = httpx.get(f"{base}/graphql", headers={"Accept": "text/html"})
        assert ide.status_code == 200 and "graphiql" in ide.text.lower()
