"""Each tenant's keys for signing credentials: RSA 2048, RS256 (the algorithm every Open
Badges 3.0 verifier must support).

- A key is known by its RFC 7638 thumbprint (`issuer_key.kid`); credentials name it by a
  URL ending in that thumbprint (`addresses.key_url`), which the hub serves.
- Rotating retires the tenant's active keys (they sign nothing more) and creates a new one.
  Retired keys stay published in the tenant's JWKS, so the credentials they signed keep
  verifying; the hub never deletes a key.
- A tenant with no active key gets one on first use (its first credential, its status
  list, the federation's trust list): the demo and a new society just work, and an
  operator who wants the key made beforehand runs `tatawwu credentials keys create`.
  Two transactions creating a tenant's first key at once leave two active keys: both are
  published, the newer one signs.

Private keys are read only by the hub on its own account: the request role has no privilege
on `issuer_key` (migration 0009), so writes read them inside `tx.as_system()` and routes
and commands as the owner. Only the public members (`kty`, `n`, `e`) are ever published.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from joserfc.errors import JoseError
from joserfc.jwk import Key, KeySet, RSAKey
from sqlalchemy import Select, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from hub.db import models as m
from hub.db.types import utcnow
from resolvers.credentials.addresses import key_url

ALGORITHM = "RS256"
RSA_BITS = 2048
PUBLIC_MEMBERS = ("kty", "n", "e")


@dataclass(frozen=True, slots=True)
class PublicKey:
    """A tenant's key as anyone may see it."""

    tenant_id: int
    thumbprint: str
    members: dict[str, str]  # kty, n, e
    created_at: datetime
    retired_at: datetime | None

    def published(self, issuer: str) -> dict[str, Any]:
        """The JWK a verifier gets: public members, `kid` (the key's URL), `alg`, `use`."""
        return {**self.members, "kid": key_url(issuer, self.thumbprint), "alg": ALGORITHM,
                "use": "sig"}


@dataclass(frozen=True, slots=True)
class SigningKey:
    tenant_id: int
    thumbprint: str
    key: RSAKey

    def kid(self, issuer: str) -> str:
        return key_url(issuer, self.thumbprint)


def jwks(issuer: str, keys: Iterable[PublicKey]) -> dict[str, Any]:
    """A JWKS document of the issuer's keys, newest first."""
    ordered = sorted(keys, key=lambda k: k.created_at, reverse=True)
    return {"keys": [k.published(issuer) for k in ordered]}


def key_set(document: dict[str, Any]) -> KeySet:
    """The RSA public keys of a JWKS document, by `kid` (anything else in it is ignored:
    a verifier of credentials needs nothing but RS256 keys)."""
    found: list[Key] = []
    for jwk in document.get("keys") or []:
        if isinstance(jwk, dict) and jwk.get("kty") == "RSA" and isinstance(jwk.get("kid"), str):
            public = {name: jwk[name] for name in (*PUBLIC_MEMBERS, "kid") if name in jwk}
            try:
                found.append(RSAKey.import_key(public))
            except (JoseError, ValueError, TypeError):
                continue  # not a usable RSA public key: as if absent
    return KeySet(found)


def key_by_kid(keys: KeySet, kid: object) -> RSAKey | None:
    """The RSA key of that `kid` in the set, or None (joserfc's `get_by_kid` raises, and
    hands out the only key of a one-key set for a missing kid)."""
    found = next((k for k in keys.keys if isinstance(kid, str) and k.kid == kid), None)
    return found if isinstance(found, RSAKey) else None


def public_keys_statement(tenant_ids: Sequence[int]) -> Select[Any]:
    """The public columns of the tenants' keys (never the private one): a statement a
    request may run past row security (`rows_as_system`), its answer being public."""
    k = m.IssuerKey
    return (select(k.tenant_id, k.kid, k.public_jwk, k.created_at, k.retired_at)
            .where(k.tenant_id.in_(sorted(set(tenant_ids)))).order_by(k.id))


def public_keys_of(rows: Iterable[Any]) -> dict[int, list[PublicKey]]:
    found: dict[int, list[PublicKey]] = {}
    for row in rows:
        members = {name: str(row.public_jwk[name]) for name in PUBLIC_MEMBERS}
        found.setdefault(row.tenant_id, []).append(
            PublicKey(row.tenant_id, row.kid, members, row.created_at, row.retired_at))
    return found


async def public_keys(session: AsyncSession, tenant_ids: Sequence[int]
                      ) -> dict[int, list[PublicKey]]:
    return public_keys_of((await session.execute(public_keys_statement(tenant_ids))).all())


async def create_key(session: AsyncSession, tenant_id: int) -> PublicKey:
    """A new active key for the tenant (its others stay as they are)."""
    public, _ = await _new_key(session, tenant_id)
    return public


async def _new_key(session: AsyncSession, tenant_id: int) -> tuple[PublicKey, RSAKey]:
    key = RSAKey.generate_key(RSA_BITS, private=True)
    members = {name: str(value) for name, value in key.as_dict(private=False).items()
               if name in PUBLIC_MEMBERS}
    row = m.IssuerKey(tenant_id=tenant_id, kid=key.thumbprint(), algorithm=ALGORITHM,
                      public_jwk=members, private_pem=key.as_pem(private=True).decode("ascii"),
                      created_at=utcnow())
    session.add(row)
    await session.flush()
    return PublicKey(tenant_id, row.kid, members, row.created_at, None), key


async def rotate_key(session: AsyncSession, tenant_id: int) -> tuple[list[str], PublicKey]:
    """Retire the tenant's active keys and create the one that signs from now on; returns
    the retired keys' thumbprints and the new key."""
    k = m.IssuerKey
    retired = list((await session.scalars(select(k.kid).where(
        k.tenant_id == tenant_id, k.retired_at.is_(None)))).all())
    if retired:
        await session.execute(update(k).where(k.tenant_id == tenant_id, k.retired_at.is_(None))
                              .values(retired_at=utcnow()))
    return retired, await create_key(session, tenant_id)


async def signing_key(session: AsyncSession, tenant_id: int) -> SigningKey:
    """The key that signs for the tenant now: its newest active key, created on first use."""
    k = m.IssuerKey
    row = (await session.execute(
        select(k.kid, k.private_pem).where(k.tenant_id == tenant_id, k.retired_at.is_(None))
        .order_by(k.id.desc()).limit(1))).first()
    if row is None:
        public, key = await _new_key(session, tenant_id)
        return SigningKey(tenant_id, public.thumbprint, key)
    return SigningKey(tenant_id, row.kid, RSAKey.import_key(row.private_pem))
