"""The trust list: the federation's signed statement of who its member societies are, and
the keys they sign credentials with, for verifiers that have no network.

A compact JWS (header `alg: RS256`, `typ: trust-list+jwt`, `kid`: a federation key's URL)
signed by the FEDERATION tenant's key, whose payload is:

    {"iss": "{public_url}/issuers/arco", "sub": "{public_url}/trust-list.jwt",
     "jti": "...#<uuid>", "iat": ..., "nbf": ..., "exp": ... (30 days by default),
     "members": [{"id": "{public_url}/issuers/dz-crescent", "slug": "dz-crescent",
                  "name": "...", "kind": "NATIONAL_SOCIETY", "country": "DZ",
                  "jwks": {"keys": [...]},           # every key, retired ones included
                  "statusList": "<VC-JWT>"}, ...]}   # its revocation list when the list was made

The chain of trust, offline: the verifier pins the federation's key once, out of band (its
JWKS file, `/issuers/arco/jwks.json`, or just its RFC 7638 thumbprint); the trust list must
verify with that key and be unexpired; each member's keys come from the verified list, and
a credential must verify with its issuer's keys; revocation is read from the member's
status list bundled in the trust list (each list is signed by its member, and checked with
that member's keys), or from a fresher copy the verifier was given. So revocation is known
as of the trust list's (or the fresher copy's) making, and a credential whose list is
missing fails as STATUS_UNKNOWN rather than passing unchecked.

The explicit `typ` keeps the two kinds of token apart: a credential is never accepted as a
trust list, nor a trust list as a credential.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from joserfc import jws, jwt
from joserfc.errors import BadSignatureError, JoseError
from joserfc.jwk import KeySet, RSAKey
from sqlalchemy.ext.asyncio import AsyncSession

from hub.db.types import utcnow
from resolvers.credentials import keys as issuer_keys
from resolvers.credentials import status_list
from resolvers.credentials.addresses import issuer_id, trust_list_url
from resolvers.credentials.keys import ALGORITHM
from resolvers.credentials.open_badges import name_in
from resolvers.credentials.signing import REGISTRY, moment, seconds, sign
from resolvers.credentials.verification import Rejected, validate_times

TRUST_LIST_TYPE = "trust-list+jwt"
MAX_TRUST_LIST_CHARS = 50_000_000
DEFAULT_VALID_DAYS = 30
FEDERATION = "FEDERATION"


class TrustListError(ValueError):
    """The trust list cannot be trusted (unreadable, not signed by the pinned federation
    key, expired): nothing may be verified with it."""


@dataclass(frozen=True, slots=True)
class Member:
    id: str
    slug: str
    name: str
    kind: str
    jwks: dict[str, Any]
    status_list: str | None

    @property
    def keys(self) -> KeySet:
        return issuer_keys.key_set(self.jwks)


@dataclass(frozen=True, slots=True)
class TrustList:
    issuer: str
    issued_at: datetime
    expires_at: datetime
    members: dict[str, Member] = field(default_factory=dict)

    def keys_for(self, issuer: str) -> KeySet | None:
        member = self.members.get(issuer)
        return member.keys if member is not None else None


# --- making it -------------------------------------------------------------------------------


async def status_list_token(session: AsyncSession, public_url: str, tenant: Any,
                            *, now: datetime | None = None) -> str:
    """The tenant's current status list, signed by its key (created on first use)."""
    issuer = issuer_id(public_url, tenant.slug)
    revoked = await status_list.revoked_indices(session, tenant.id)
    signed_at = now or utcnow()
    document = status_list.document(issuer, revoked, signed_at)
    key = await issuer_keys.signing_key(session, tenant.id)
    return sign(document, key, issuer, subject=document["credentialSubject"]["id"],
                signed_at=signed_at)


async def make_trust_list(session: AsyncSession, public_url: str, tenants: Sequence[Any], *,
                          valid_days: int = DEFAULT_VALID_DAYS,
                          now: datetime | None = None) -> str:
    """The trust list of `tenants` (the active ones: `m.Tenant` rows), signed by the
    federation's key (created on first use). A member without a key has issued nothing:
    it is listed with no keys and no status list."""
    federation = next((t for t in tenants if t.kind == FEDERATION), None)
    if federation is None:
        raise TrustListError("there is no FEDERATION tenant to sign the trust list")
    signed_at = moment(now or utcnow())
    # The federation's key first: made on first use, it is among the keys listed below.
    key = await issuer_keys.signing_key(session, federation.id)
    published = await issuer_keys.public_keys(session, [t.id for t in tenants])
    members = []
    for tenant in sorted(tenants, key=lambda t: t.slug):
        issuer = issuer_id(public_url, tenant.slug)
        owned = published.get(tenant.id, [])
        members.append({
            "id": issuer, "slug": tenant.slug, "kind": tenant.kind, "country": tenant.country,
            "name": name_in(tenant.names, tenant.default_locale, tenant.default_locale),
            "jwks": issuer_keys.jwks(issuer, owned),
            "statusList": (await status_list_token(session, public_url, tenant, now=signed_at)
                           if owned else None),
        })
    issuer = issuer_id(public_url, federation.slug)
    claims = {"iss": issuer, "sub": trust_list_url(public_url),
              "jti": f"{trust_list_url(public_url)}#{uuid.uuid4()}",
              "iat": seconds(signed_at), "nbf": seconds(signed_at),
              "exp": seconds(signed_at + timedelta(days=valid_days)), "members": members}
    header = {"alg": ALGORITHM, "kid": key.kid(issuer), "typ": TRUST_LIST_TYPE}
    return jwt.encode(header, claims, key.key, registry=REGISTRY, default_type=None)


# --- reading it ------------------------------------------------------------------------------


def read_trust_list(token: str, *, pinned: KeySet | None = None,
                    thumbprint: str | None = None, now: datetime | None = None) -> TrustList:
    """The verified trust list. Its signing key must be one of the `pinned` federation keys,
    or the key of that thumbprint (RFC 7638) found in the list's own FEDERATION member."""
    if pinned is None and not thumbprint:
        raise TrustListError("pin the federation's key: its JWKS file or its thumbprint")
    token = token.strip()
    if not token or len(token) > MAX_TRUST_LIST_CHARS:
        raise TrustListError("the trust list is empty or too large")
    try:
        obj = jws.extract_compact(token.encode("ascii"), registry=REGISTRY)
        claims = json.loads(obj.payload)
    except (JoseError, ValueError, TypeError):
        raise TrustListError("the trust list is not a compact JWS with a JSON payload") \
            from None
    header = obj.headers()
    if header.get("typ") != TRUST_LIST_TYPE or header.get("alg") != ALGORITHM:
        raise TrustListError(f"not a trust list (typ {TRUST_LIST_TYPE}, alg {ALGORITHM})")
    if not isinstance(claims, dict) or not isinstance(claims.get("members"), list):
        raise TrustListError("the trust list has no members")
    key = _federation_key(header.get("kid"), claims, pinned, thumbprint)
    try:
        jwt.decode(token, key, registry=REGISTRY)
    except BadSignatureError:
        raise TrustListError("the trust list's signature does not verify") from None
    except (JoseError, ValueError, TypeError):
        raise TrustListError("the trust list cannot be decoded") from None
    try:
        validate_times(claims, now, iss={"essential": True}, exp={"essential": True},
                       nbf={"essential": True})
    except Rejected as exc:
        raise TrustListError(f"the trust list is not valid now ({exc.detail})") from None
    members = {}
    for item in claims["members"]:
        member = _member(item)
        if member is not None:
            members[member.id] = member
    issuer = str(claims["iss"])
    if members.get(issuer) is None or members[issuer].kind != FEDERATION:
        raise TrustListError("the trust list's issuer is not its FEDERATION member")
    return TrustList(issuer, datetime.fromtimestamp(claims["nbf"], UTC),
                     datetime.fromtimestamp(claims["exp"], UTC), members)


def _federation_key(kid: Any, claims: dict[str, Any], pinned: KeySet | None,
                    thumbprint: str | None) -> RSAKey:
    if not isinstance(kid, str):
        raise TrustListError("the trust list names no key (kid)")
    if pinned is not None:
        key = issuer_keys.key_by_kid(pinned, kid)
        if key is None:
            raise TrustListError("the trust list is not signed by a pinned federation key")
        return key
    for item in claims["members"]:
        if isinstance(item, dict) and item.get("id") == claims.get("iss") \
                and item.get("kind") == FEDERATION and isinstance(item.get("jwks"), dict):
            for found in issuer_keys.key_set(item["jwks"]).keys:
                if found.kid == kid and isinstance(found, RSAKey) \
                        and found.thumbprint() == thumbprint:
                    return found
    raise TrustListError("the trust list is not signed by the federation key of the pinned "
                         "thumbprint")


def _member(item: Any) -> Member | None:
    if not isinstance(item, dict):
        return None
    texts = {name: item.get(name) for name in ("id", "slug", "name", "kind")}
    if not all(isinstance(v, str) and v for v in texts.values()) \
            or not isinstance(item.get("jwks"), dict):
        return None
    listed = item.get("statusList")
    return Member(id=str(texts["id"]), slug=str(texts["slug"]), name=str(texts["name"]),
                  kind=str(texts["kind"]), jwks=item["jwks"],
                  status_list=listed if isinstance(listed, str) else None)
