"""Development tokens: a local Ed25519 key mints tokens that the hub trusts only in dev mode.

Claim contract (dev tokens follow it; OIDC issuers are expected to put the same `tatawwu`
object in their tokens, for example through a protocol mapper)::

    {
      "iss": "tatawwu-dev",          # the issuer (an OIDC issuer's URL for real tokens)
      "aud": "tatawwu-hub",          # a string, or a list that contains the hub's audience
      "sub": "alice",                # the principal's stable id at that issuer
      "iat": 1767225600,             # issued at, seconds since the epoch
      "exp": 1767254400,             # expiry, seconds since the epoch
      "tatawwu": {
        "tenant": "dz-crescent",     # tenant slug the roles apply to, or null
        "roles": ["coordinator"],    # among admin, coordinator, editor, viewer; [] for none
        "volunteer_id": 42,          # the caller's volunteer record (dev issuer only), or null
        "federation": false          # true for a federation analyst (aggregates only)
      }
    }

The verifier accepts `tatawwu-dev` tokens only when it is given a `DevKey`, which the hub
does in dev mode only: in production they are refused as coming from an unknown issuer.
"""

from __future__ import annotations

import json
import os
import secrets
import stat
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet, OKPKey

from hub.auth.algorithms import registry_for
from hub.errors import ConfigurationError

DEV_ISSUER = "tatawwu-dev"
DEV_AUDIENCE = "tatawwu-hub"
DEV_ALGORITHM = "EdDSA"
VALID_ROLES = ("admin", "coordinator", "editor", "viewer")
MAX_TTL_SECONDS = 30 * 24 * 3600


class DevKeyNotFound(ConfigurationError):
    """There is no development key file at the given path (nothing was created)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(f"there is no development key at {path}")


class DevKey:
    """The private Ed25519 JWK of development tokens, kept in a 0600 file."""

    __slots__ = ("_key", "path")

    def __init__(self, key: OKPKey, path: Path) -> None:
        if not key.is_private or key.curve_name != "Ed25519":
            raise ValueError("a development key must be a private Ed25519 key")
        key.ensure_kid()
        self._key = key
        self.path = path

    @classmethod
    def load_or_create(cls, path: Path) -> DevKey:
        """Load the key at `path`, or create it there (mode 0600, parents created) if absent."""
        if path.exists():
            return cls.load(path)
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        key = OKPKey.generate_key("Ed25519", auto_kid=True)
        text = json.dumps(key.as_dict(private=True), indent=2) + "\n"
        # Written whole under a private name, then linked into place: another process starting
        # at the same time either finds no file or a complete one, never a half-written key.
        draft = path.with_name(f".{path.name}.{secrets.token_hex(8)}")
        fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as file:
                file.write(text)
            os.link(draft, path)
        except FileExistsError:
            return cls.load(path)
        finally:
            draft.unlink(missing_ok=True)
        return cls(key, path)

    @classmethod
    def load(cls, path: Path) -> DevKey:
        """Load an existing key file, never creating one (`DevKeyNotFound` if it is absent);
        refuse one that others may read."""
        try:
            mode = path.stat().st_mode
        except FileNotFoundError:
            raise DevKeyNotFound(path) from None
        if os.name == "posix" and mode & (stat.S_IRWXG | stat.S_IRWXO):
            raise ConfigurationError(
                f"{path}: the development key must be readable by its owner only (chmod 600)"
            )
        try:
            key = OKPKey.import_key(json.loads(path.read_text(encoding="utf-8")))
            return cls(key, path)
        except (ValueError, TypeError, JoseError):
            raise ConfigurationError(f"{path}: not a private Ed25519 JWK") from None

    @property
    def kid(self) -> str:
        return str(self._key.kid)

    def public_key_set(self) -> KeySet:
        """The verification key, as a key set of one public key."""
        return KeySet([OKPKey.import_key(self._key.as_dict(private=False))])

    def sign(self, claims: dict[str, Any]) -> str:
        """A compact JWT of `claims` signed with this key."""
        header = {"alg": DEV_ALGORITHM, "kid": self.kid}
        return jwt.encode(header, claims, self._key, registry=registry_for((DEV_ALGORITHM,)))


def mint_dev_token(
    key: DevKey,
    *,
    subject: str,
    tenant: str | None,
    roles: Sequence[str],
    volunteer_id: int | None,
    federation: bool,
    ttl_seconds: int = 8 * 3600,
) -> str:
    """A development token for `subject` with the `tatawwu` claims of the module docstring."""
    if not isinstance(subject, str) or not subject.strip():
        raise ValueError("subject must be a non-empty string")
    if tenant is not None and (not isinstance(tenant, str) or not tenant.strip()):
        raise ValueError("tenant must be a tenant slug or None")
    if isinstance(roles, str):
        raise ValueError("roles must be a list of role names, not one string")
    unknown = [role for role in roles if role not in VALID_ROLES]
    if unknown:
        raise ValueError(f"unknown role(s) {unknown}: valid roles are {', '.join(VALID_ROLES)}")
    if roles and tenant is None:
        raise ValueError("roles apply to a tenant: give tenant with roles")
    if volunteer_id is not None and (
        isinstance(volunteer_id, bool) or not isinstance(volunteer_id, int) or volunteer_id <= 0
    ):
        raise ValueError("volunteer_id must be a positive whole number or None")
    if isinstance(ttl_seconds, bool) or not 0 < ttl_seconds <= MAX_TTL_SECONDS:
        raise ValueError(f"ttl_seconds must be between 1 and {MAX_TTL_SECONDS}")
    now = int(time.time())
    claims: dict[str, Any] = {
        "iss": DEV_ISSUER,
        "aud": DEV_AUDIENCE,
        "sub": subject,
        "iat": now,
        "exp": now + ttl_seconds,
        "tatawwu": {
            "tenant": tenant,
            "roles": list(dict.fromkeys(roles)),
            "volunteer_id": volunteer_id,
            "federation": bool(federation),
        },
    }
    return key.sign(claims)
