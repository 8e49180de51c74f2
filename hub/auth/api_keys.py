"""API keys of widgets and system-to-system clients: made once, stored as a digest, matched.

A key reads `tw_` followed by 43 URL-safe base64 characters (32 random bytes). The hub
stores its `prefix` (the 8 characters after `tw_`, to find the row) and its `digest`; the
plaintext is shown once, when the key is made, and never stored.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

MARKER = "tw_"
PREFIX_LENGTH = 8
KEY_BYTES = 32
_SHAPE = re.compile(r"tw_[A-Za-z0-9_-]{43}")
_DEFAULT_PORTS = {"http": 80, "https": 443}


@dataclass(frozen=True, slots=True)
class NewApiKey:
    """A freshly made key: show `plaintext` once, store `prefix` and `digest`."""

    plaintext: str
    prefix: str
    digest: str

    def __repr__(self) -> str:  # keep the secret out of logs and tracebacks
        return f"NewApiKey(prefix={self.prefix!r}, digest={self.digest!r})"


def new_api_key() -> NewApiKey:
    """A new random key."""
    plaintext = MARKER + secrets.token_urlsafe(KEY_BYTES)
    prefix = plaintext[len(MARKER) : len(MARKER) + PREFIX_LENGTH]
    return NewApiKey(plaintext=plaintext, prefix=prefix, digest=digest_of(plaintext))


def digest_of(plaintext: str) -> str:
    """The hex SHA-256 of the whole key, as stored.

    A fast unsalted hash is right here, unlike for passwords: the key is 256 bits from
    `secrets`, so there is nothing to guess by brute force, and a slow hash would only make
    every API call slower.
    """
    return hashlib.sha256(plaintext.encode("utf-8")).hexdigest()


def prefix_of(plaintext: str) -> str | None:
    """The lookup prefix of a key, or None for anything not shaped like one of our keys."""
    if not isinstance(plaintext, str) or _SHAPE.fullmatch(plaintext) is None:
        return None
    return plaintext[len(MARKER) : len(MARKER) + PREFIX_LENGTH]


def matches(plaintext: str, digest: str) -> bool:
    """Whether `plaintext` is the key stored as `digest`, compared in constant time."""
    if prefix_of(plaintext) is None or not isinstance(digest, str):
        return False
    return hmac.compare_digest(digest_of(plaintext).encode("ascii"), digest.encode("utf-8"))


def origin_allowed(origin: str | None, allowed: Sequence[str]) -> bool:
    """Whether a browser `Origin` may use a key allowed for `allowed` origins.

    Scheme, host and port must match exactly (default ports made explicit, case ignored in
    scheme and host); "*" allows any origin. No Origin at all means a server-to-server call,
    which the origin list does not restrict.
    """
    if origin is None:
        return True
    if "*" in allowed:
        return True
    wanted = _origin(origin)
    return wanted is not None and any(_origin(entry) == wanted for entry in allowed)


def _origin(value: str) -> tuple[str, str, int] | None:
    try:
        parts = urlsplit(value)
        port = parts.port
    except ValueError:
        return None
    scheme, host = parts.scheme.lower(), parts.hostname
    if scheme not in _DEFAULT_PORTS or not host:
        return None
    if parts.username is not None or parts.path not in ("", "/") or parts.query or parts.fragment:
        return None
    return scheme, host.lower(), port if port is not None else _DEFAULT_PORTS[scheme]
