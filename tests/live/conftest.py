"""The live world of this package's tests: one database and one hub with live calls per
backend, shared by the modules (each test makes its own records)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.live.world import LiveWorld, open_live_world


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """`@pytest.mark.postgresql_only` as tests/conftest.py has it, for the live world: not
    collected for SQLite (deselected, not skipped)."""
    kept, dropped = [], []
    for item in items:
        params = getattr(getattr(item, "callspec", None), "params", {})
        if item.get_closest_marker("postgresql_only") and params.get("world") == "sqlite":
            dropped.append(item)
        else:
            kept.append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept


@pytest.fixture(scope="package", params=["sqlite", "postgresql"])
def world(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
          ) -> Iterator[LiveWorld]:
    yield from open_live_world(request.param, tmp_path_factory.mktemp(f"live-{request.param}"))
