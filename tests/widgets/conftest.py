"""The feed world of each backend (tests/feeds/world.py, shared with tests/feeds): its API
keys (for SITE, and a system's key) were made before any request, as a preflight reads the
set of every key's origins."""

from __future__ import annotations

import pytest

from tests.feeds.world import FeedWorld, shared_world


@pytest.fixture(params=["sqlite", "postgresql"])
def widgets(request: pytest.FixtureRequest) -> FeedWorld:
    return shared_world(request, request.param)
