"""Bearer tokens from configured issuers: the keys (file and URL, cache, rotation, one fetch
in flight), an unknown kid, unreachable keys and a symmetric key that is never trusted."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import socket
from pathlib import Path

import pytest
from joserfc.jwk import Key

from hub.auth import IssuerConfig, TokenVerifier, Unauthenticated, VerifiedToken
from tests.issuer_keys import (
    AUDIENCE,
    FILE_ISSUER,
    URL_ISSUER,
    FakeClock,
    JwksServer,
    assert_refused,
    b64,
    claims,
    jwks,
    make_key,
    sign,
    verify,
)


def test_refuses_an_unknown_kid_after_a_refetch(
    verifier: TokenVerifier, url_keys: dict[str, Key], server: JwksServer, clock: FakeClock
) -> None:
    stranger = make_key("ES256")
    known = sign(claims(URL_ISSUER), url_keys["ES256"], "ES256")

    async def scenario() -> None:
        await verifier.verify(known)
        clock.now += 100  # the first fetch is long past: the unknown kid may refetch
        await verifier.verify(sign(claims(URL_ISSUER), stranger, "ES256"))

    with pytest.raises(Unauthenticated, match="signing key is unknown"):
        asyncio.run(scenario())
    assert server.requests == 2  # the first fetch, then one refetch for the unknown kid


# --- keys: file read once, URL cached, rotation, one fetch in flight -----------------------


def test_a_jwks_file_is_read_once(
    verifier: TokenVerifier, jwks_file: Path, file_keys: dict[str, Key], clock: FakeClock
) -> None:
    token = sign(claims(), file_keys["RS256"], "RS256")
    verify(verifier, token)
    jwks_file.unlink()
    clock.now += 100_000
    assert verify(verifier, token).subject == "volunteer-7"


def test_a_jwks_file_is_not_reread_for_an_unknown_kid(
    verifier: TokenVerifier, jwks_file: Path, file_keys: dict[str, Key], clock: FakeClock
) -> None:
    added = make_key("ES256")

    verify(verifier, sign(claims(), file_keys["ES256"], "ES256"))
    jwks_file.write_bytes(jwks(*file_keys.values(), added))
    clock.now += 100_000
    with pytest.raises(Unauthenticated, match="signing key is unknown"):
        verify(verifier, sign(claims(), added, "ES256"))


def test_url_keys_are_cached_for_cache_seconds(
    verifier: TokenVerifier, url_keys: dict[str, Key], server: JwksServer, clock: FakeClock
) -> None:
    token = sign(claims(URL_ISSUER), url_keys["ES256"], "ES256")

    async def scenario() -> list[int]:
        counts = []
        for step in (0, 300, 299, 2):  # t = 0, 300, 599, 601
            clock.now += step
            await verifier.verify(token)
            counts.append(server.requests)
        return counts

    assert asyncio.run(scenario()) == [1, 1, 1, 2]


def test_concurrent_callers_share_one_fetch(
    verifier: TokenVerifier, url_keys: dict[str, Key], server: JwksServer
) -> None:
    server.delay = 0.3
    token = sign(claims(URL_ISSUER), url_keys["EdDSA"], "EdDSA")

    async def scenario() -> list[VerifiedToken | BaseException]:
        return await asyncio.gather(
            *(verifier.verify(token) for _ in range(8)), return_exceptions=True
        )

    server.status = 503  # the first wave fails together, on one fetch
    results = asyncio.run(scenario())
    assert all(isinstance(r, Unauthenticated) for r in results), results
    assert server.requests == 1
    server.status = 200  # the next wave, from another event loop, succeeds on one fetch
    results = asyncio.run(scenario())
    assert [getattr(r, "subject", r) for r in results] == ["volunteer-7"] * 8
    assert server.requests == 2


def test_key_rotation_refetches_at_most_once_per_30_seconds(
    verifier: TokenVerifier, url_keys: dict[str, Key], server: JwksServer, clock: FakeClock
) -> None:
    rotated = make_key("RS256")
    old = sign(claims(URL_ISSUER), url_keys["RS256"], "RS256")
    new = sign(claims(URL_ISSUER), rotated, "RS256")

    async def scenario() -> None:
        await verifier.verify(old)
        assert server.requests == 1
        server.body = jwks(*url_keys.values(), rotated)  # the issuer publishes a new key
        for _ in range(5):  # within 30 s of the last fetch: no refetch, however many tries
            with pytest.raises(Unauthenticated, match="signing key is unknown"):
                await verifier.verify(new)
        assert server.requests == 1
        clock.now += 31
        assert (await verifier.verify(new)).subject == "volunteer-7"
        assert server.requests == 2
        assert (await verifier.verify(old)).subject == "volunteer-7"
        assert server.requests == 2

    asyncio.run(scenario())


def test_a_failed_refetch_keeps_the_previous_keys(
    verifier: TokenVerifier, url_keys: dict[str, Key], server: JwksServer, clock: FakeClock
) -> None:
    token = sign(claims(URL_ISSUER), url_keys["ES256"], "ES256")

    async def scenario() -> None:
        await verifier.verify(token)
        server.status, server.body = 500, b"{}"
        clock.now += 601
        assert (await verifier.verify(token)).subject == "volunteer-7"
        assert server.requests == 2
        clock.now += 10  # the failure is retried after 30 s, not on every request
        await verifier.verify(token)
        assert server.requests == 2

    asyncio.run(scenario())


def test_unreachable_keys_refuse_the_token(url_keys: dict[str, Key]) -> None:
    with socket.socket() as probe:  # a port that nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = IssuerConfig(URL_ISSUER, AUDIENCE, f"http://127.0.0.1:{port}/jwks", None)
    verifier = TokenVerifier((config,), None)
    token = sign(claims(URL_ISSUER), url_keys["ES256"], "ES256")
    assert_refused(verifier, token, "keys are unavailable")


def test_a_jwks_with_only_a_symmetric_key_is_not_trusted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An "oct" key in a JWKS would let anyone holding it mint tokens: it is ignored.
    path = tmp_path / "oct.json"
    path.write_text(json.dumps({"keys": [{"kty": "oct", "k": b64(b"s" * 32), "kid": "k1"}]}))
    verifier = TokenVerifier((IssuerConfig(FILE_ISSUER, AUDIENCE, None, path),), None)
    header = b64(json.dumps({"alg": "HS256", "kid": "k1"}).encode())
    payload = b64(json.dumps(claims()).encode())
    mac = hmac.new(b"s" * 32, f"{header}.{payload}".encode(), hashlib.sha256).digest()
    assert_refused(verifier, f"{header}.{payload}.{b64(mac)}", "algorithm is not allowed")
    token = sign(claims(), make_key("ES256"), "ES256")
    assert_refused(verifier, token, "keys are unavailable")
