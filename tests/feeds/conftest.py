"""The feed world of each backend (tests/feeds/world.py, shared with tests/widgets)."""

from __future__ import annotations

import pytest

from tests.feeds.world import FeedWorld, shared_world


@pytest.fixture(params=["sqlite", "postgresql"])
def feeds(request: pytest.FixtureRequest) -> FeedWorld:
    return shared_world(request, request.param)
