"""Signing a credential as a VC-JWT, the Open Badges 3.0 (1EdTech) way, and the dates in it.

    header   {"alg": "RS256", "kid": <the key's URL>, "typ": "JWT"}   (no other header)
    payload  the credential's JSON itself, plus
             iss = issuer.id, jti = id, sub = credentialSubject.id,
             nbf = validFrom, exp = validUntil (only when it has one), iat = signing time

`typ` is "JWT" as the 1EdTech profile wants (W3C VC-JOSE-COSE would say "vc+jwt"). Every
date is an aware UTC datetime; in documents it is written `2026-12-07T10:00:00Z`, whole
seconds, so that `nbf` (an integer) equals `validFrom` exactly.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from joserfc import jwt

from hub.auth.algorithms import registry_for
from resolvers.credentials.keys import ALGORITHM, SigningKey

REGISTRY = registry_for((ALGORITHM,))
CREDENTIAL_TYPE = "JWT"


def moment(value: datetime) -> datetime:
    """An aware UTC datetime, to the second (naive datetimes are refused, not guessed)."""
    if value.tzinfo is None:
        raise ValueError("naive datetime: credentials carry aware UTC datetimes only")
    return value.astimezone(UTC).replace(microsecond=0)


def written(value: datetime) -> str:
    """`validFrom`'s form: XML Schema dateTime in UTC, whole seconds."""
    return moment(value).strftime("%Y-%m-%dT%H:%M:%SZ")


def read_moment(text: Any) -> datetime | None:
    """A document's dateTime as an aware UTC datetime; None if it is not one (a date
    without a time zone means nothing definite, and is refused)."""
    if not isinstance(text, str) or len(text) > 40:
        return None
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        return None
    return value.astimezone(UTC) if value.tzinfo is not None else None


def seconds(value: datetime) -> int:
    return int(moment(value).timestamp())


def sign(document: dict[str, Any], key: SigningKey, issuer: str, *, subject: str,
         signed_at: datetime, typ: str = CREDENTIAL_TYPE) -> str:
    """The compact JWS of `document` with its registered claims mirrored from it."""
    claims: dict[str, Any] = {**document, "iss": issuer, "jti": document["id"], "sub": subject,
                              "iat": seconds(signed_at)}
    valid_from = read_moment(document.get("validFrom"))
    if valid_from is not None:
        claims["nbf"] = seconds(valid_from)
    valid_until = read_moment(document.get("validUntil"))
    if valid_until is not None:
        claims["exp"] = seconds(valid_until)
    header = {"alg": ALGORITHM, "kid": key.kid(issuer), "typ": typ}
    return jwt.encode(header, claims, key.key, registry=REGISTRY, default_type=None)
