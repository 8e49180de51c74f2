"""Issuing and revoking the Open Badges 3.0 credentials of certificates and badge awards,
inside the transaction of the write that made (or revoked) them.

`issue_credentials` signs one credential for each named certificate or award that is live
(not revoked) and has no live credential, with the issuing tenant's key, and stores it
(`credential`: its VC-JWT, its random bit in the tenant's status list). A tenant without a
key gets one (keys.py). A badge award met again (live after being revoked) gets a new
credential stating its current hours; the old one stays revoked, kept apart from the award
(`award_id` null) with its bit, which is never handed to another credential.

`revoke_credentials` marks the credentials of the named certificates and awards revoked:
their bits are set in the status list served from then on. Credentials are never deleted
(a deleted row would free its bit, and the old credential would read as valid again).

Both run their statements with `tx.as_system()`: the keys are the hub's own, and the
status list's free bits are computed over every credential of the tenant, not only the
caller's. The hub's public address comes from the settings (`HUB_PUBLIC_URL`).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from hub.db import models as m
from hub.db.types import utcnow
from hub.i18n import base_language
from resolvers.core.writes import Tx
from resolvers.credentials import keys as issuer_keys
from resolvers.credentials import status_list
from resolvers.credentials.addresses import (
    badge_achievement_id,
    certificate_achievement_id,
    credential_url,
    hub_public_url,
    issuer_id,
    subject_id,
)
from resolvers.credentials.open_badges import (
    BADGE,
    CERTIFICATE,
    Achievement,
    Award,
    Issuer,
    badge_achievement,
    certificate_achievement,
    credential,
    name_in,
)
from resolvers.credentials.signing import sign
from tenants.recognition import Recognition


async def issue_credentials(tx: Tx, *, certificate_ids: Sequence[int] = (),
                            award_ids: Sequence[int] = ()) -> None:
    """Sign and store a credential for each certificate and badge award named (those that
    have none yet), in the caller's transaction."""
    if not certificate_ids and not award_ids:
        return
    async with tx.as_system() as session:
        await issue(session, hub_public_url(), certificate_ids=certificate_ids,
                    award_ids=award_ids)


async def revoke_credentials(tx: Tx, *, certificate_ids: Sequence[int] = (),
                             award_ids: Sequence[int] = ()) -> None:
    """Mark the credentials of these certificates and awards revoked (their status list bit
    is set from then on)."""
    if not certificate_ids and not award_ids:
        return
    async with tx.as_system() as session:
        await revoke(session, certificate_ids=certificate_ids, award_ids=award_ids)


@dataclass(frozen=True, slots=True)
class Source:
    """A certificate or an award, as its credential needs it."""

    kind: str
    row: Any
    tenant_id: int
    volunteer_id: int


async def issue(session: AsyncSession, public_url: str, *,
                certificate_ids: Sequence[int] = (), award_ids: Sequence[int] = (),
                now: datetime | None = None, valid_from: datetime | None = None
                ) -> list[int]:
    """Issue the credentials of these certificates and awards that have no live one, with
    `session` on the hub's own account; the ids of the credentials issued.
    `valid_from` (default: now) is for tests of credentials not valid yet."""
    now = now or utcnow()
    sources = await _live_sources(session, certificate_ids, award_ids)
    if not sources:
        return []
    c = m.Credential
    held = (await session.execute(select(c.id, c.certificate_id, c.award_id, c.revoked_at).where(
        or_(c.certificate_id.in_([s.row.id for s in sources if s.kind == CERTIFICATE]),
            c.award_id.in_([s.row.id for s in sources if s.kind == BADGE]))))).all()
    live = {(CERTIFICATE, r.certificate_id) if r.certificate_id is not None
            else (BADGE, r.award_id) for r in held if r.revoked_at is None}
    superseded = [r.id for r in held if r.revoked_at is not None]
    if superseded:
        # Live again: the revoked credential stays revoked (it keeps its bit, and the
        # holder's history), no longer the certificate's or the award's; a new one follows.
        await session.execute(update(c).where(c.id.in_(superseded))
                              .values(certificate_id=None, award_id=None))
    wanted = [s for s in sources if (s.kind, s.row.id) not in live]
    return await _sign_all(session, public_url, wanted, now, valid_from or now)


async def revoke(session: AsyncSession, *, certificate_ids: Sequence[int] = (),
                 award_ids: Sequence[int] = (), now: datetime | None = None) -> int:
    """Revoke the credentials of these certificates and awards; how many were live."""
    c = m.Credential
    result = await session.execute(update(c).where(
        or_(c.certificate_id.in_(list(certificate_ids)), c.award_id.in_(list(award_ids))),
        c.revoked_at.is_(None)).values(revoked_at=now or utcnow()))
    return int(result.rowcount)  # type: ignore[attr-defined]


async def _live_sources(session: AsyncSession, certificate_ids: Sequence[int],
                        award_ids: Sequence[int]) -> list[Source]:
    found: list[Source] = []
    if certificate_ids:
        t = m.Certificate.__table__
        rows = (await session.execute(select(t).where(
            t.c.id.in_(sorted(set(certificate_ids))), t.c.revoked_at.is_(None)))).all()
        found.extend(Source(CERTIFICATE, r, r.tenant_id, r.volunteer_id) for r in rows)
    if award_ids:
        t = m.BadgeAward.__table__
        rows = (await session.execute(select(t).where(
            t.c.id.in_(sorted(set(award_ids))), t.c.revoked_at.is_(None)))).all()
        found.extend(Source(BADGE, r, r.tenant_id, r.volunteer_id) for r in rows)
    return found


async def _sign_all(session: AsyncSession, public_url: str, sources: list[Source],
                    now: datetime, valid_from: datetime) -> list[int]:
    if not sources:
        return []
    tenants = {t.id: t for t in (await session.execute(select(m.Tenant.__table__).where(
        m.Tenant.id.in_({s.tenant_id for s in sources})))).all()}
    volunteers = {v.id: v for v in (await session.execute(
        select(m.Volunteer.id, m.Volunteer.created_at, m.Volunteer.locale).where(
            m.Volunteer.id.in_({s.volunteer_id for s in sources})))).all()}
    titles = await _titles(session, [s.row.opportunity_id for s in sources
                                     if s.kind == CERTIFICATE and s.row.opportunity_id])
    made: list[m.Credential] = []
    for tenant_id in sorted({s.tenant_id for s in sources}):
        tenant = tenants[tenant_id]
        key = await issuer_keys.signing_key(session, tenant_id)
        used = await status_list.used_indices(session, tenant_id)
        issuer = issuer_id(public_url, tenant.slug)
        for source in (s for s in sources if s.tenant_id == tenant_id):
            volunteer = volunteers[source.volunteer_id]
            index = status_list.choose_index(used)
            achievement = _achievement(source, tenant, issuer, volunteer, titles)
            award = Award(
                credential_id=credential_url(public_url, uuid.uuid4()),
                # The issuer named in the credential's language, as the rest of its texts.
                issuer=Issuer(issuer, name_in(tenant.names, achievement.language,
                                              tenant.default_locale), tenant.country),
                subject=subject_id(issuer, volunteer.id, volunteer.created_at),
                achievement=achievement,
                hours=float(source.row.hours),
                awarded_at=(source.row.issued_at if source.kind == CERTIFICATE
                            else source.row.awarded_at),
                valid_from=valid_from, status=status_list.entry(issuer, index),
                started_on=getattr(source.row, "started_on", None),
                completed_on=getattr(source.row, "completed_on", None))
            document = credential(award)
            token = sign(document, key, issuer, subject=award.subject, signed_at=now)
            row = m.Credential(
                tenant_id=tenant_id, jti=award.credential_id, volunteer_id=volunteer.id,
                kind=source.kind, status_index=index, token=token, issued_at=now,
                certificate_id=source.row.id if source.kind == CERTIFICATE else None,
                award_id=source.row.id if source.kind == BADGE else None)
            session.add(row)
            made.append(row)
    await session.flush()
    return [row.id for row in made]


def _achievement(source: Source, tenant: Any, issuer: str, volunteer: Any,
                 titles: dict[int, dict[str, str]]) -> Achievement:
    default = tenant.default_locale
    if source.kind == CERTIFICATE:
        locale = source.row.locale or default
        society = name_in(tenant.names, locale, default)
        opportunity = source.row.opportunity_id
        title = _pick(titles.get(opportunity, {}), locale, default) if opportunity else None
        return certificate_achievement(
            title, float(source.row.hours), society, locale,
            certificate_achievement_id(issuer, opportunity))
    spoken = {base_language(tag) for tag in (tenant.locales or [default])}
    wanted = volunteer.locale
    locale = wanted if wanted and base_language(wanted) in spoken else default
    code = source.row.badge_code
    return badge_achievement(code, Recognition.of(tenant.settings).badge_rule(code),
                             name_in(tenant.names, locale, default), locale, default,
                             badge_achievement_id(issuer, code))


async def _titles(session: AsyncSession, opportunity_ids: list[int]
                  ) -> dict[int, dict[str, str]]:
    """The titles of these opportunities by locale (with `"*"`: the source language's)."""
    if not opportunity_ids:
        return {}
    t = m.OpportunityTranslation
    found: dict[int, dict[str, str]] = {}
    for row in (await session.execute(select(t.opportunity_id, t.locale, t.title, t.is_source)
                                      .where(t.opportunity_id.in_(set(opportunity_ids))))):
        texts = found.setdefault(row.opportunity_id, {})
        texts[row.locale] = row.title
        if row.is_source:
            texts["*"] = row.title
    return found


def _pick(texts: dict[str, str], locale: str, default: str) -> str | None:
    for tag in (locale, base_language(locale), default, base_language(default), "*"):
        if texts.get(tag):
            return texts[tag]
    return next(iter(texts.values()), None)
