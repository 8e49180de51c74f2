"""Credentials presented to the hub, verified against what the hub knows of its member
societies: their keys (every key each published, retired ones included) and, for
revocation, the credential's own record (the database is the source of the status lists,
so it is checked directly: online, nothing is stale). A credential the hub has no record
of is STATUS_UNKNOWN: every credential of a member society was issued here.

The statements read public columns only (keys' public members, a credential's id, issuer
and revocation time), past the caller's row security: the caller may know all of it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from joserfc.jwk import KeySet
from sqlalchemy import Executable, select

from hub.db import models as m
from resolvers.credentials import keys as issuer_keys
from resolvers.credentials.addresses import badge_code_of, issuer_slug
from resolvers.credentials.open_badges import BADGE
from resolvers.credentials.verification import (
    Failure,
    Rejected,
    Verified,
    peek,
    verify_credential,
)
from resolvers.tenants.index import TenantIndex
from tenants.recognition import Recognition

Run = Callable[[Executable], Awaitable[Sequence[Any]]]


@dataclass(frozen=True, slots=True)
class Checked:
    """One presented credential: verified (`credential`, its issuer's tenant) or not."""

    credential: Verified | None
    issuer_tenant_id: int | None
    rejected: Rejected | None


async def check_presented(tokens: Sequence[str], *, public_url: str, tenants: TenantIndex,
                          run: Run, now: datetime | None = None) -> list[Checked]:
    """Verify each token against the hub's member societies (`run` executes a statement
    past row security: `RequestDatabase.rows_as_system`, or a session's own)."""
    peeked = [peek(token) for token in tokens]
    issuers: dict[str, int] = {}
    for claims in peeked:
        iss = claims.get("iss")
        slug = issuer_slug(public_url, iss) if isinstance(iss, str) else None
        tenant = tenants.find(slug) if slug else None
        if tenant is not None and isinstance(iss, str):
            issuers[iss] = tenant.id
    published = issuer_keys.public_keys_of(
        await run(issuer_keys.public_keys_statement(sorted(set(issuers.values())))))
    key_sets = {iss: issuer_keys.key_set(issuer_keys.jwks(iss, published.get(tenant_id, [])))
                for iss, tenant_id in issuers.items()}
    jtis = sorted({str(c["jti"]) for c in peeked if isinstance(c.get("jti"), str)})
    c = m.Credential
    records = {r.jti: r for r in await run(
        select(c.jti, c.tenant_id, c.revoked_at).where(c.jti.in_(jtis)))} if jtis else {}

    def keys_for(issuer: str) -> KeySet | None:
        return key_sets.get(issuer)

    def revoked(credential: Verified) -> bool:
        record = records.get(credential.id)
        if record is None or record.tenant_id != issuers.get(credential.issuer):
            raise Rejected(Failure.STATUS_UNKNOWN, "its issuer has no record of it")
        return record.revoked_at is not None

    checked: list[Checked] = []
    for token in tokens:
        try:
            found = verify_credential(token, keys_for=keys_for, revoked=revoked, now=now)
        except Rejected as exc:
            checked.append(Checked(None, None, exc))
            continue
        checked.append(Checked(found, issuers[found.issuer], None))
    return checked


def achievement_record(credential: Verified, issuer_tenant: Any | None) -> dict[str, Any]:
    """What an import keeps of the achievement (`recognition_import.achievement`): its texts
    by language (the credential's own; for a badge of a member society, also the badge's
    names in every language of the society's rules), its id, type and badge code."""
    achievement = credential.achievement
    language = str(achievement.get("inLanguage") or "und")

    def texts(value: Any) -> dict[str, str]:
        return {language: value} if isinstance(value, str) and value else {}

    criteria = achievement.get("criteria")
    names = texts(achievement.get("name"))
    code = badge_code_of(credential.issuer, str(achievement.get("id") or ""))
    if credential.kind == BADGE and code and issuer_tenant is not None:
        rule = Recognition.of(issuer_tenant.settings).badge_rule(code)
        if rule is not None:
            names = {**rule.names, **names}
    return {
        "id": achievement.get("id"), "type": achievement.get("achievementType"),
        "language": language, "names": names,
        "descriptions": texts(achievement.get("description")),
        "criteria": texts(criteria.get("narrative") if isinstance(criteria, dict) else None),
        "badgeCode": code, "issuerName": credential.issuer_name,
    }
