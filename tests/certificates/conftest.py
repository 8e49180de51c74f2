"""One hub per backend for the whole package (tests/applications/world.py): each test makes
its own volunteers and opportunities, so they share it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.applications.world import World, open_world


@pytest.fixture(scope="package", params=["sqlite", "postgresql"])
def world(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
          ) -> Iterator[World]:
    yield from open_world(request.param, tmp_path_factory.mktemp(f"certs-{request.param}"))
