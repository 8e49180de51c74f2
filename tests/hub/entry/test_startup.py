"""What the lifespan leaves ready before the first request."""

from __future__ import annotations

import gc

from starlette.testclient import TestClient

from hub.entry.app import create_app
from tests.conftest import Database


def test_startup_objects_are_kept_out_of_the_collectors_way(backend: Database) -> None:
    """A full collection over the schema and the languages' data stalled every request for
    ~180 ms once after start (tests/hub/entry/test_dos.py saw it): they are frozen."""
    gc.unfreeze()
    with TestClient(create_app(backend.settings)) as http:
        assert gc.get_freeze_count() > 10_000  # the schema alone is many more objects
        assert http.get("/readyz").status_code == 200
    assert gc.get_freeze_count() == 0  # and collectable again once the app has stopped
