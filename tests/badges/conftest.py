"""One hub per backend shared by the badge tests that only add records (each test makes its
own volunteers); the recompute tests, which change the tenant files, open their own."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.badges.world import BadgeWorld, open_badge_world


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def world(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
          ) -> Iterator[BadgeWorld]:
    yield from open_badge_world(request.param,
                                tmp_path_factory.mktemp(f"badges-{request.param}"))
