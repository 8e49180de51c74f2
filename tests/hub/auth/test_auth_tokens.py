"""Bearer tokens from configured issuers: what is accepted, and every way a token is refused
(the keys themselves, file and URL, cache and rotation: test_auth_token_keys.py)."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from pathlib import Path

import pytest
from joserfc.jwk import Key, RSAKey

from hub.auth import IssuerConfig, TokenVerifier, Unauthenticated
from tests.issuer_keys import (
    ALGORITHMS,
    AUDIENCE,
    DROP,
    FILE_ISSUER,
    URL_ISSUER,
    JwksServer,
    assert_refused,
    b64,
    claims,
    jwks,
    make_key,
    sign,
    verify,
)

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
