"""Bearer tokens from configured issuers: the keys (file and URL, cache, rotation), what is
accepted, and every way a token is refused."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import json
import socket
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


# --- accepted ------------------------------------------------------------------------------


@pytest.mark.parametrize("alg", ALGORITHMS)
def test_accepts_each_algorithm_from_a_jwks_file(
    verifier: TokenVerifier, file_keys: dict[str, Key], alg: str
) -> None:
    token = sign(claims(), file_keys[alg], alg)
    result = verify(verifier, token)
    assert result.issuer == FILE_ISSUER
    assert result.subject == "volunteer-7"
    assert result.is_dev is False
    assert result.claims["tatawwu"]["volunteer_id"] == 7
    with pytest.raises(TypeError):
        result.claims["sub"] = "someone-else"  # type: ignore[index]


@pytest.mark.parametrize("alg", ALGORITHMS)
def test_accepts_each_algorithm_from_a_jwks_url(
    verifier: TokenVerifier, url_keys: dict[str, Key], server: JwksServer, alg: str
) -> None:
    result = verify(verifier, sign(claims(URL_ISSUER), url_keys[alg], alg))
    assert (result.issuer, result.subject) == (URL_ISSUER, "volunteer-7")
    assert server.requests == 1


def test_accepts_an_audience_list_that_contains_ours(
    verifier: TokenVerifier, file_keys: dict[str, Key]
) -> None:
    token = sign(claims(aud=["account", AUDIENCE]), file_keys["ES256"], "ES256")
    assert verify(verifier, token).claims["aud"] == ["account", AUDIENCE]


def test_accepts_a_token_expired_within_the_leeway(
    verifier: TokenVerifier, file_keys: dict[str, Key]
) -> None:
    token = sign(claims(exp=int(time.time()) - 30), file_keys["RS256"], "RS256")
    assert verify(verifier, token).subject == "volunteer-7"


# --- refused -------------------------------------------------------------------------------


def test_refuses_an_expired_token(verifier: TokenVerifier, file_keys: dict[str, Key]) -> None:
    token = sign(claims(exp=int(time.time()) - 120), file_keys["RS256"], "RS256")
    assert_refused(verifier, token, "expired")


def test_refuses_a_token_not_yet_valid(verifier: TokenVerifier, file_keys: dict[str, Key]) -> None:
    token = sign(claims(nbf=int(time.time()) + 3600), file_keys["ES256"], "ES256")
    assert_refused(verifier, token, "not valid yet")


@pytest.mark.parametrize("audience", ["another-api", ["account", "another-api"]])
def test_refuses_a_wrong_audience(
    verifier: TokenVerifier, file_keys: dict[str, Key], audience: str | list[str]
) -> None:
    token = sign(claims(aud=audience), file_keys["ES256"], "ES256")
    assert_refused(verifier, token, "audience")


def test_refuses_a_token_claiming_another_configured_issuer(
    verifier: TokenVerifier, file_keys: dict[str, Key], url_keys: dict[str, Key]
) -> None:
    # Signed by the file issuer's key, claims the URL issuer and names one of its key ids:
    # it is checked against the URL issuer's key and fails.
    token = sign(claims(URL_ISSUER), file_keys["ES256"], "ES256", kid=url_keys["ES256"].kid)
    assert_refused(verifier, token, "signature is invalid")


def test_refuses_an_unknown_issuer(verifier: TokenVerifier) -> None:
    key = make_key("ES256")
    assert_refused(verifier, sign(claims("https://evil.example"), key, "ES256"), "not trusted")


def test_refuses_a_token_without_issuer(verifier: TokenVerifier, file_keys: dict[str, Key]) -> None:
    token = sign(claims(iss=DROP), file_keys["ES256"], "ES256")
    assert_refused(verifier, token, "names no issuer")


def test_refuses_alg_none(verifier: TokenVerifier) -> None:
    header = b64(json.dumps({"alg": "none", "typ": "JWT"}).encode())
    payload = b64(json.dumps(claims()).encode())
    assert_refused(verifier, f"{header}.{payload}.", "algorithm is not allowed")


@pytest.mark.parametrize("secret_form", ["pem", "jwk"])
def test_refuses_hs256_signed_with_the_public_key(
    verifier: TokenVerifier, file_keys: dict[str, Key], secret_form: str
) -> None:
    # The classic confusion attack: HMAC keyed with the issuer's *public* key.
    rsa = file_keys["RS256"]
    assert isinstance(rsa, RSAKey)
    secret = rsa.as_pem(private=False) if secret_form == "pem" else jwks(rsa)
    header = b64(json.dumps({"alg": "HS256", "typ": "JWT", "kid": rsa.kid}).encode())
    payload = b64(json.dumps(claims()).encode())
    mac = hmac.new(secret, f"{header}.{payload}".encode(), hashlib.sha256).digest()
    assert_refused(verifier, f"{header}.{payload}.{b64(mac)}", "algorithm is not allowed")


def test_refuses_an_algorithm_the_issuer_does_not_allow(
    jwks_file: Path, file_keys: dict[str, Key]
) -> None:
    only_rsa = TokenVerifier(
        (IssuerConfig(FILE_ISSUER, AUDIENCE, None, jwks_file, algorithms=("RS256",)),), None
    )
    assert verify(only_rsa, sign(claims(), file_keys["RS256"], "RS256")).subject == "volunteer-7"
    token = sign(claims(), file_keys["ES256"], "ES256")
    assert_refused(only_rsa, token, "algorithm is not allowed")


def test_refuses_a_tampered_payload(verifier: TokenVerifier, file_keys: dict[str, Key]) -> None:
    header, _, signature = sign(claims(), file_keys["RS256"], "RS256").split(".")
    forged = b64(json.dumps(claims(sub="admin-of-everything")).encode())
    assert_refused(verifier, f"{header}.{forged}.{signature}", "signature is invalid")


def test_refuses_a_tampered_header(verifier: TokenVerifier, file_keys: dict[str, Key]) -> None:
    key = file_keys["EdDSA"]
    _, payload, signature = sign(claims(), key, "EdDSA").split(".")
    forged = b64(json.dumps({"alg": "EdDSA", "kid": key.kid, "typ": "at+jwt"}).encode())
    assert_refused(verifier, f"{forged}.{payload}.{signature}", "signature is invalid")


def test_refuses_a_token_without_exp(verifier: TokenVerifier, file_keys: dict[str, Key]) -> None:
    token = sign(claims(exp=DROP), file_keys["ES256"], "ES256")
    assert_refused(verifier, token, "lacks a required claim (exp)")


def test_refuses_a_token_without_sub(verifier: TokenVerifier, file_keys: dict[str, Key]) -> None:
    token = sign(claims(sub=DROP), file_keys["ES256"], "ES256")
    assert_refused(verifier, token, "lacks a required claim (sub)")


def test_refuses_an_unencoded_payload_header(
    verifier: TokenVerifier, file_keys: dict[str, Key]
) -> None:
    # RFC 7797 ("b64", with "crit") has no place in a JWT; joserfc would otherwise honour it.
    token = sign(claims(), file_keys["ES256"], "ES256", b64=True)
    assert_refused(verifier, token, "header is not supported")


@pytest.mark.parametrize(
    "token", ["", "abc", "a.b", "a.b.c", "é.é.é", "x" * 20_000], ids=lambda t: f"len{len(t)}"
)
def test_refuses_malformed_tokens(verifier: TokenVerifier, token: str) -> None:
    with pytest.raises(Unauthenticated, match="Malformed token"):
        verify(verifier, token)


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
