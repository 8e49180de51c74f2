"""Fixtures of the limits tests."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest

from hub.limits.redis import KEY_PREFIX
from tests.hub.limits.redis_keys import delete_keys, redis_or_skip


@pytest.fixture
def redis_prefix() -> Iterator[str]:
    """`tatawwu:rl:test-<random>:`, its keys deleted afterwards (never a flush)."""
    redis_or_skip()
    prefix = f"{KEY_PREFIX}test-{uuid.uuid4().hex[:12]}:"
    try:
        yield prefix
    finally:
        delete_keys(prefix + "*")

