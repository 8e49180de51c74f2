"""The shared Redis of the tests: keys of a test's own prefix, deleted after (never a flush)."""

from __future__ import annotations

import os

import pytest
import redis as sync_redis

from tests.conftest import IN_CI

REDIS_URL = os.environ.get("HUB_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


def redis_or_skip() -> str:
    try:
        sync_redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except sync_redis.RedisError as exc:
        if IN_CI:
            pytest.fail(f"Redis at {REDIS_URL} unreachable: {exc} (CI=true)")
        pytest.skip(f"Redis at {REDIS_URL} unreachable: {exc}")
    return REDIS_URL


def delete_keys(pattern: str) -> None:
    client = sync_redis.Redis.from_url(REDIS_URL)
    try:
        keys = list(client.scan_iter(match=pattern, count=1000))
        if keys:
            client.delete(*keys)
    finally:
        client.close()


def ttl_of(key: str) -> int:
    client = sync_redis.Redis.from_url(REDIS_URL)
    try:
        return int(client.ttl(key))
    finally:
        client.close()
