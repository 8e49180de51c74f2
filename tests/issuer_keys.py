"""Signing keys, tokens and a JWKS server for the bearer-token tests, with their fixtures
(`file_keys`, `url_keys`, `server`, `jwks_file`, `clock`, `verifier`: a plugin of
tests/conftest.py, so every test module may ask for them)."""

from __future__ import annotations

import asyncio
import base64
import json
import threading
import time
import warnings
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from joserfc import jwt
from joserfc.errors import SecurityWarning
from joserfc.jwk import ECKey, Key, KeySet, OKPKey, RSAKey

from hub.auth import IssuerConfig, TokenVerifier, Unauthenticated, VerifiedToken
from hub.errors import ErrorCode, HubError

FILE_ISSUER = "https://id.example.org/realms/arco"
URL_ISSUER = "https://login.example.dz"
AUDIENCE = "tatawwu-hub"
ALGORITHMS = ("RS256", "ES256", "EdDSA")
DROP = object()  # a claim left out


# --- keys, tokens and key servers ---------------------------------------------------------


def make_key(alg: str) -> Key:
    if alg == "RS256":
        return RSAKey.generate_key(2048, auto_kid=True)
    if alg == "ES256":
        return ECKey.generate_key("P-256", auto_kid=True)
    return OKPKey.generate_key("Ed25519", auto_kid=True)


@pytest.fixture(scope="module")
def file_keys() -> dict[str, Key]:
    return {alg: make_key(alg) for alg in ALGORITHMS}


@pytest.fixture(scope="module")
def url_keys() -> dict[str, Key]:
    return {alg: make_key(alg) for alg in ALGORITHMS}


def jwks(*keys: Key) -> bytes:
    return json.dumps(KeySet(list(keys)).as_dict(private=False)).encode()


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def sign(claims: dict[str, Any], key: Key, alg: str, **header: Any) -> str:
    with warnings.catch_warnings():
        # joserfc flags the algorithm name "EdDSA" as deprecated by RFC 9864; issuers use it.
        warnings.simplefilter("ignore", SecurityWarning)
        return jwt.encode({"alg": alg, "kid": key.kid, **header}, claims, key, algorithms=[alg])


def claims(issuer: str = FILE_ISSUER, **changes: Any) -> dict[str, Any]:
    now = int(time.time())
    values: dict[str, Any] = {
        "iss": issuer,
        "aud": AUDIENCE,
        "sub": "volunteer-7",
        "iat": now,
        "exp": now + 600,
        "tatawwu": {"tenant": "dz-crescent", "roles": [], "volunteer_id": 7, "federation": False},
    }
    values.update(changes)
    return {name: value for name, value in values.items() if value is not DROP}


class FakeClock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class JwksServer:
    """A JWKS endpoint on 127.0.0.1 that counts the requests it answers."""

    def __init__(self, body: bytes) -> None:
        self.body = body
        self.status = 200
        self.delay = 0.0
        self.requests = 0
        self._count_lock = threading.Lock()
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                with owner._count_lock:
                    owner.requests += 1
                time.sleep(owner.delay)
                self.send_response(owner.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(owner.body)))
                self.end_headers()
                self.wfile.write(owner.body)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )
        self._thread.start()

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}/jwks.json"

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


@pytest.fixture
def server(url_keys: dict[str, Key], monkeypatch: pytest.MonkeyPatch) -> Iterator[JwksServer]:
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    served = JwksServer(jwks(*url_keys.values()))
    yield served
    served.close()


@pytest.fixture
def jwks_file(tmp_path: Path, file_keys: dict[str, Key]) -> Path:
    path = tmp_path / "jwks.json"
    path.write_bytes(jwks(*file_keys.values()))
    return path


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def verifier(jwks_file: Path, server: JwksServer, clock: FakeClock) -> TokenVerifier:
    return TokenVerifier(
        (
            IssuerConfig(FILE_ISSUER, AUDIENCE, jwks_url=None, jwks_file=jwks_file),
            IssuerConfig(URL_ISSUER, AUDIENCE, jwks_url=server.url, jwks_file=None),
        ),
        None,
        clock=clock,
    )


def verify(verifier: TokenVerifier, token: str) -> VerifiedToken:
    return asyncio.run(verifier.verify(token))


def assert_refused(verifier: TokenVerifier, token: str, reason: str) -> Unauthenticated:
    with pytest.raises(Unauthenticated) as info:
        verify(verifier, token)
    error = info.value
    assert isinstance(error, HubError)
    assert error.code is ErrorCode.UNAUTHENTICATED
    assert error.detail is not None
    assert reason in error.detail, error.detail
    for part in token.split("."):
        if len(part) > 8:
            assert part not in str(error)
    return error
