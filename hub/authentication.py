"""Turn a request's credentials into a `Principal`: bearer tokens (OIDC or development) and
API keys. A bad credential is UNAUTHENTICATED, never silently anonymous.

Token claims (the contract of `hub.auth.dev_tokens`, and what an identity provider puts in
a `tatawwu` claim): `{"tenant": slug, "roles": [...], "federation": bool}`. Without a tenant
or federation, a signed-in subject is a volunteer, linked to a volunteer record by
`volunteer.subject`, which holds the issuer-qualified subject `issuer|sub`: two issuers'
equal `sub` values are two people.

Each issuer speaks only for what its `HUB_OIDC_ISSUERS` entry grants (hub/auth/issuers.py):
the tenants whose staff it may name, federation analysts, volunteers. A token asserting
anything else is refused and logged with the issuer and the claim, never the token. The
development issuer (dev mode only) speaks for all, and only it may name a volunteer by a
`volunteer_id` claim (`tatawwu token --volunteer ID`, the tests' principals).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from hub.access import ANONYMOUS, ROLES, Principal, PrincipalKind
from hub.auth import (
    IssuerConfig,
    TokenVerifier,
    Unauthenticated,
    VerifiedToken,
    digest_of,
    matches,
    origin_allowed,
    prefix_of,
)
from hub.db import models as m
from hub.db.types import utcnow

log = logging.getLogger("tatawwu.auth")


@dataclass(frozen=True, slots=True)
class TenantDirectory:
    """What authentication needs to know of tenants (slugs of active tenants)."""

    ids_by_slug: Mapping[str, int]
    federation_id: int | None


class Authenticator:
    def __init__(self, verifier: TokenVerifier, sessions: async_sessionmaker[AsyncSession],
                 tenants: TenantDirectory, issuers: Iterable[IssuerConfig] = ()) -> None:
        self.verifier, self.sessions, self.tenants = verifier, sessions, tenants
        # What each configured issuer may speak for; a verified token of an issuer missing
        # here (there is none, unless misassembled) speaks for nobody.
        self.grants = {config.issuer: config for config in issuers}
        for config in self.grants.values():
            for slug in sorted(config.tenants - set(tenants.ids_by_slug)):
                log.warning("issuer %s may speak for tenant %r, which is not an active tenant",
                            config.issuer, slug)

    async def principal(self, headers: Mapping[str, str]) -> Principal:
        authorization = headers.get("authorization", "").strip()
        api_key = headers.get("x-api-key", "").strip()
        if authorization:
            scheme, _, credential = authorization.partition(" ")
            scheme = scheme.lower()
            if scheme == "bearer" and credential.strip():
                return await self._from_token(credential.strip())
            if scheme == "apikey" and credential.strip():
                api_key = credential.strip()
            else:
                raise Unauthenticated("Use 'Authorization: Bearer <token>' or an API key.")
        if api_key:
            return await self._from_api_key(api_key, headers.get("origin"))
        return ANONYMOUS

    async def _from_token(self, token: str) -> Principal:
        verified = await self.verifier.verify(token)
        claims: Mapping[str, Any] = verified.claims.get("tatawwu") or {}
        if not isinstance(claims, Mapping):
            raise Unauthenticated("The token's tatawwu claim is malformed.")
        grant = _Grant(verified, self.grants.get(verified.issuer))
        subject = f"{verified.issuer}|{verified.subject}"
        if claims.get("federation"):
            grant.check(grant.federation, "tatawwu.federation")
            if self.tenants.federation_id is None:
                raise Unauthenticated("There is no federation tenant.")
            return Principal(kind=PrincipalKind.FEDERATION, subject=subject,
                             tenant_id=self.tenants.federation_id,
                             roles=frozenset({"analyst"}))
        slug = claims.get("tenant")
        if slug:
            grant.check(grant.tenant(str(slug)), "tatawwu.tenant")
            tenant_id = self.tenants.ids_by_slug.get(str(slug))
            roles = frozenset(str(r) for r in claims.get("roles") or ()) & frozenset(ROLES)
            if tenant_id is None or not roles:
                raise Unauthenticated("The token names no active tenant or no known role.")
            return Principal(kind=PrincipalKind.STAFF, subject=subject, tenant_id=tenant_id,
                             roles=roles)
        volunteer_id = claims.get("volunteer_id")
        if volunteer_id is not None:
            grant.check(verified.is_dev, "tatawwu.volunteer_id")
        grant.check(grant.volunteers, "a volunteer (no tenant)")
        return await self._volunteer(subject, volunteer_id)

    async def _volunteer(self, subject: str, volunteer_id: Any) -> Principal:
        """The volunteer signed in as `subject` (`issuer|sub`), or a development token's
        `volunteer_id`."""
        async with self.sessions() as session:
            if isinstance(volunteer_id, int) and not isinstance(volunteer_id, bool):
                found = await session.scalar(select(m.Volunteer.id).where(
                    m.Volunteer.id == volunteer_id))
            else:
                found = await session.scalar(select(m.Volunteer.id).where(
                    m.Volunteer.subject == subject))
            tenants: frozenset[int] = frozenset()
            if found is not None:
                tenants = frozenset((await session.scalars(select(m.Membership.tenant_id).where(
                    m.Membership.volunteer_id == found))).all())
        # A signed-in person without a volunteer record yet: signed in, sees public data.
        return Principal(kind=PrincipalKind.VOLUNTEER, subject=subject, volunteer_id=found,
                         member_tenant_ids=tenants)

    async def _from_api_key(self, key: str, origin: str | None) -> Principal:
        prefix = prefix_of(key)
        if prefix is None:
            raise Unauthenticated("This API key is not valid.")
        async with self.sessions() as session:
            client = await session.scalar(select(m.ApiClient).where(
                m.ApiClient.prefix == prefix, m.ApiClient.revoked_at.is_(None)))
        if client is None or not matches(key, client.digest):
            raise Unauthenticated("This API key is not valid.")
        if not origin_allowed(origin, client.allowed_origins):
            raise Unauthenticated("This API key may not be used from this origin.")
        return Principal(kind=PrincipalKind.CLIENT, subject=f"client|{client.id}",
                         tenant_id=client.tenant_id, client_id=client.id,
                         scopes=frozenset(client.scopes))


@dataclass(frozen=True, slots=True)
class _Grant:
    """What the issuer of one verified token may speak for."""

    verified: VerifiedToken
    config: IssuerConfig | None

    @property
    def federation(self) -> bool:
        return self.verified.is_dev or (self.config is not None and self.config.federation)

    @property
    def volunteers(self) -> bool:
        return self.verified.is_dev or (self.config is not None and self.config.volunteers)

    def tenant(self, slug: str) -> bool:
        return self.verified.is_dev or (
            self.config is not None and self.config.speaks_for_tenant(slug))

    def check(self, allowed: bool, claim: str) -> None:
        """Refuse (and log, without the token or the claim's value) what the issuer may not
        assert."""
        if not allowed:
            log.warning("token refused: issuer %s may not assert %s", self.verified.issuer,
                        claim)
            raise Unauthenticated(f"The token's issuer may not assert {claim}.")


async def create_api_client(session: AsyncSession, *, tenant_id: int, name: str,
                            scopes: list[str], origins: list[str]) -> tuple[m.ApiClient, str]:
    """A new client and its key, in plain text once: only the digest is stored."""
    from hub.auth import new_api_key

    key = new_api_key()
    client = m.ApiClient(tenant_id=tenant_id, name=name, prefix=key.prefix, digest=key.digest,
                         scopes=scopes, allowed_origins=origins, created_at=utcnow())
    session.add(client)
    await session.flush()
    assert digest_of(key.plaintext) == client.digest
    return client, key.plaintext
