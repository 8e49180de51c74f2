"""The signing keys of one issuer: a JWKS file read once, or a JWKS URL fetched and cached.

A URL is fetched with the standard library in a worker thread (timeout 5 s), kept for the
issuer's `cache_seconds`, and fetched again early, at most once per 30 s, when a token names a
key id the cached set lacks (key rotation). One asyncio.Lock per issuer keeps a single fetch in
flight; callers that waited on it use its result instead of fetching again. Only the current
key set is kept. When a refetch fails the previous keys stay in use (and it is retried after
30 s), so an identity provider's outage does not log every user out.
"""

from __future__ import annotations

import asyncio
import json
import logging
import math
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from joserfc.errors import JoseError
from joserfc.jwk import Key, KeySet, import_key

from hub.auth.errors import Unauthenticated
from hub.auth.issuers import IssuerConfig

log = logging.getLogger(__name__)

FETCH_TIMEOUT_SECONDS = 5.0
MIN_REFETCH_SECONDS = 30.0
MAX_JWKS_BYTES = 1 << 20
ASYMMETRIC_KEY_TYPES = frozenset({"RSA", "EC", "OKP"})

Clock = Callable[[], float]


class KeySource(Protocol):
    """Where a verifier gets the keys of one issuer."""

    async def key_set(self) -> KeySet: ...

    async def refresh_for_unknown_kid(self) -> KeySet | None:
        """A newer key set, or None when none may be fetched now."""
        ...


class StaticKeys:
    """A fixed key set (the development key)."""

    def __init__(self, keys: KeySet) -> None:
        self._keys = keys

    async def key_set(self) -> KeySet:
        return self._keys

    async def refresh_for_unknown_kid(self) -> KeySet | None:
        return None


class JwksSource:
    """The key set of one configured issuer, from its `jwks_file` or `jwks_url`."""

    def __init__(
        self,
        config: IssuerConfig,
        *,
        clock: Clock = time.monotonic,
        fetch_url: Callable[[str], bytes] | None = None,
    ) -> None:
        if (config.jwks_url is None) == (config.jwks_file is None):
            raise ValueError(f"{config.issuer}: give exactly one of jwks_url and jwks_file")
        self._config = config
        self._clock = clock
        self._fetch_url = fetch_url or fetch_jwks_url
        self._lock: tuple[asyncio.AbstractEventLoop, asyncio.Lock] | None = None
        self._keys: KeySet | None = None
        self._fetched_at = -math.inf  # last success
        self._attempted_at = -math.inf  # last try, success or not
        self._attempts = 0  # finished fetches, successful or not

    async def key_set(self) -> KeySet:
        keys = self._keys
        if keys is not None and not self._stale():
            return keys
        return await self._reload(self._attempts, min_interval=0.0)

    async def refresh_for_unknown_kid(self) -> KeySet | None:
        if self._config.jwks_url is None:
            return None  # a file is read once: restart the hub to take new keys
        if self._clock() - self._attempted_at < MIN_REFETCH_SECONDS:
            return None
        attempts = self._attempts
        keys = await self._reload(attempts, min_interval=MIN_REFETCH_SECONDS)
        return keys if self._attempts != attempts else None

    def _stale(self) -> bool:
        if self._config.jwks_url is None:
            return False
        now = self._clock()
        return (
            now - self._fetched_at >= self._config.cache_seconds
            and now - self._attempted_at >= MIN_REFETCH_SECONDS
        )

    async def _reload(self, seen_attempts: int, *, min_interval: float) -> KeySet:
        async with self._lock_of_this_loop():
            if self._attempts != seen_attempts:
                # Another caller fetched (or tried) while this one waited: use its result.
                return self._current()
            if self._keys is not None and self._clock() - self._attempted_at < min_interval:
                return self._keys
            self._attempted_at = self._clock()
            try:
                keys = parse_jwks(await self._load())
            except (OSError, ValueError) as exc:
                log.warning("keys of issuer %s unavailable: %s", self._config.issuer, exc)
                return self._current()
            finally:
                self._attempts += 1  # counted when done, so that waiters see it
            self._keys = keys
            self._fetched_at = self._attempted_at
            return keys

    def _lock_of_this_loop(self) -> asyncio.Lock:
        # An asyncio.Lock belongs to one event loop; a verifier outliving its loop (one test
        # client after another) gets a fresh lock rather than a "different loop" error.
        loop = asyncio.get_running_loop()
        if self._lock is None or self._lock[0] is not loop:
            self._lock = (loop, asyncio.Lock())
        return self._lock[1]

    def _current(self) -> KeySet:
        if self._keys is None:
            raise Unauthenticated("The token issuer's keys are unavailable")
        return self._keys

    async def _load(self) -> bytes:
        if self._config.jwks_url is not None:
            return await asyncio.to_thread(self._fetch_url, self._config.jwks_url)
        assert self._config.jwks_file is not None
        return await asyncio.to_thread(_read_file, self._config.jwks_file)


def fetch_jwks_url(url: str) -> bytes:
    """GET `url` (blocking; run it in a thread), at most MAX_JWKS_BYTES."""
    request = urllib.request.Request(
        url, headers={"Accept": "application/json", "User-Agent": "tatawwu-hub"}
    )
    with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT_SECONDS) as response:
        body: bytes = response.read(MAX_JWKS_BYTES + 1)
    if len(body) > MAX_JWKS_BYTES:
        raise ValueError(f"JWKS larger than {MAX_JWKS_BYTES} bytes")
    return body


def _read_file(path: Path) -> bytes:
    with path.open("rb") as file:
        body = file.read(MAX_JWKS_BYTES + 1)
    if len(body) > MAX_JWKS_BYTES:
        raise ValueError(f"JWKS larger than {MAX_JWKS_BYTES} bytes")
    return body


def parse_jwks(body: bytes) -> KeySet:
    """The asymmetric keys of a JWKS document; ValueError if it has none."""
    try:
        data = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise ValueError("JWKS is not JSON") from None
    if not isinstance(data, dict) or not isinstance(data.get("keys"), list):
        raise ValueError('JWKS must be an object with a "keys" list')
    keys: list[Key] = []
    for entry in data["keys"]:
        # A symmetric ("oct") key never belongs in a public key set: drop it rather than trust
        # it. A key that fails to import is skipped, so one odd key does not disable the rest.
        if not isinstance(entry, dict) or entry.get("kty") not in ASYMMETRIC_KEY_TYPES:
            continue
        try:
            keys.append(import_key(entry))
        except (JoseError, ValueError, TypeError, KeyError) as exc:
            log.warning("skipping a JWKS key (kid %r): %s", entry.get("kid"), exc)
    if not keys:
        raise ValueError("JWKS has no usable RSA, EC or OKP key")
    return KeySet(keys)
