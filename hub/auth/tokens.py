"""Bearer token verification: a signed JWT from a configured issuer, or a development token.

The token's unverified `iss` picks the issuer, which must be configured; then the header's
`alg` must be one the issuer allows (only RS256, ES256, EdDSA exist here), the signature must
verify with one of the issuer's keys (chosen by `kid`), and the claims must hold: `iss` equal
to the issuer, `aud` (a string, or a list) containing its audience, a non-empty `sub`, an
`exp` in the future and any `nbf`/`iat` not in the future (60 s leeway each way).
Every refusal raises `Unauthenticated` with a short message that never repeats the token.
"""

from __future__ import annotations

import json
import time
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from joserfc import jws, jwt
from joserfc.errors import (
    BadSignatureError,
    ExpiredTokenError,
    InvalidClaimError,
    InvalidKeyIdError,
    JoseError,
    MissingClaimError,
)
from joserfc.jwk import KeySet

from hub.auth.algorithms import SUPPORTED_ALGORITHMS, StrictRegistry, registry_for
from hub.auth.dev_tokens import DEV_ALGORITHM, DEV_AUDIENCE, DEV_ISSUER, DevKey
from hub.auth.errors import Unauthenticated
from hub.auth.issuers import IssuerConfig
from hub.auth.jwks import Clock, JwksSource, KeySource, StaticKeys
from hub.errors import ConfigurationError

LEEWAY_SECONDS = 60
MAX_TOKEN_CHARS = 16_384
#: RFC 7797 unencoded payloads and critical extensions have no place in a JWT we accept.
REFUSED_HEADERS = frozenset({"b64", "crit"})

_PARSER = registry_for(SUPPORTED_ALGORITHMS)  # size limits for the unverified first look


@dataclass(frozen=True, slots=True)
class VerifiedToken:
    """What a verified token says: who issued it, about whom, and all its claims."""

    issuer: str
    subject: str
    claims: Mapping[str, Any]
    is_dev: bool


@dataclass(frozen=True, slots=True)
class _Trusted:
    issuer: str
    audience: str
    registry: StrictRegistry
    algorithms: frozenset[str]
    keys: KeySource
    is_dev: bool


class TokenVerifier:
    """Verifies bearer tokens against the configured issuers (and the dev key, if given)."""

    def __init__(
        self,
        issuers: tuple[IssuerConfig, ...],
        dev_key: DevKey | None,
        *,
        clock: Clock = time.monotonic,
    ) -> None:
        self._trusted: dict[str, _Trusted] = {}
        for config in issuers:
            if config.issuer in self._trusted or config.issuer == DEV_ISSUER:
                raise ConfigurationError(f"token issuer {config.issuer!r} configured twice")
            self._trusted[config.issuer] = _Trusted(
                issuer=config.issuer,
                audience=config.audience,
                registry=registry_for(config.algorithms),
                algorithms=frozenset(config.algorithms),
                keys=JwksSource(config, clock=clock),
                is_dev=False,
            )
        if dev_key is not None:
            self._trusted[DEV_ISSUER] = _Trusted(
                issuer=DEV_ISSUER,
                audience=DEV_AUDIENCE,
                registry=registry_for((DEV_ALGORITHM,)),
                algorithms=frozenset({DEV_ALGORITHM}),
                keys=StaticKeys(dev_key.public_key_set()),
                is_dev=True,
            )

    async def verify(self, token: str) -> VerifiedToken:
        """The verified content of `token`, or `Unauthenticated`."""
        header, unverified = _first_look(token)
        issuer = unverified.get("iss")
        if not isinstance(issuer, str):
            raise Unauthenticated("The token names no issuer")
        trusted = self._trusted.get(issuer)
        if trusted is None:
            raise Unauthenticated("The token's issuer is not trusted")
        if header.get("alg") not in trusted.algorithms:
            raise Unauthenticated("The token's signature algorithm is not allowed")
        claims = await _verified_claims(token, trusted)
        _check_claims(claims, trusted)
        return VerifiedToken(
            issuer=issuer,
            subject=claims["sub"],
            claims=MappingProxyType(claims),
            is_dev=trusted.is_dev,
        )


def _first_look(token: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """The header and the claims of `token`, not yet verified."""
    if not isinstance(token, str) or not token or len(token) > MAX_TOKEN_CHARS:
        raise Unauthenticated("Malformed token")
    try:
        obj = jws.extract_compact(token.encode("ascii"), registry=_PARSER)
        claims = json.loads(obj.payload)
    except (JoseError, ValueError, TypeError):  # UnicodeError and JSONDecodeError included
        raise Unauthenticated("Malformed token") from None
    header = obj.headers()
    if not isinstance(claims, dict):
        raise Unauthenticated("Malformed token")
    if REFUSED_HEADERS & header.keys():
        raise Unauthenticated("The token's header is not supported")
    return header, claims


async def _verified_claims(token: str, trusted: _Trusted) -> dict[str, Any]:
    try:
        return _decode(token, await trusted.keys.key_set(), trusted)
    except InvalidKeyIdError:
        pass  # perhaps a rotated key: look once more, if the issuer's keys may be refetched now
    newer = await trusted.keys.refresh_for_unknown_kid()
    try:
        if newer is not None:
            return _decode(token, newer, trusted)
    except InvalidKeyIdError:
        pass
    raise Unauthenticated("The token's signing key is unknown")


def _decode(token: str, keys: KeySet, trusted: _Trusted) -> dict[str, Any]:
    try:
        return jwt.decode(token, keys, registry=trusted.registry).claims
    except InvalidKeyIdError:
        raise
    except BadSignatureError:
        raise Unauthenticated("The token's signature is invalid") from None
    except (JoseError, ValueError, TypeError):
        raise Unauthenticated("Invalid token") from None


def _check_claims(claims: dict[str, Any], trusted: _Trusted) -> None:
    rules = jwt.JWTClaimsRegistry(
        leeway=LEEWAY_SECONDS,
        iss={"essential": True, "value": trusted.issuer},
        aud={"essential": True, "value": trusted.audience},
        sub={"essential": True},
        exp={"essential": True},
    )
    try:
        rules.validate(claims)
    except ExpiredTokenError:
        raise Unauthenticated("The token has expired") from None
    except MissingClaimError as exc:
        raise Unauthenticated(f"The token lacks a required claim ({exc.claim})") from None
    except InvalidClaimError as exc:
        raise Unauthenticated(_INVALID_CLAIM.get(exc.claim, "Invalid token claims")) from None
    except JoseError:
        raise Unauthenticated("Invalid token claims") from None


_INVALID_CLAIM = {
    "aud": "The token is not meant for this hub (audience)",
    "nbf": "The token is not valid yet",
    "iat": "The token was issued in the future",
    "exp": "The token's expiry is malformed",
    "iss": "The token's issuer is not trusted",
    "sub": "The token's subject is malformed",
}
