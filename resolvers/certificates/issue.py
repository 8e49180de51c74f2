"""Issuing and revoking certificates.

A certificate is issued for an application COMPLETED with verified hours:

- automatically, when staff complete the application (`certificate_on_completion`, called
  by `completeApplication` in its own transaction) and it has verified hours then;
- on demand, by admins and coordinators of the application's society (`issueCertificate`):
  for hours verified after the completion, or to issue again after a revocation.

One live certificate per application. Issuing again is idempotent: while the application's
verified hours are those of its certificate, the same certificate answers. When they
changed (hours verified, or corrected, after the certificate was issued) or the certificate
was revoked, a new certificate (new code) replaces it: the old one is revoked (its public
page says "not valid") and gives its link to the application to the new one. `verifyHours`
never issues by itself: a certificate is a document staff stand behind, so re-issuing after
a correction is their decision.

What a certificate states is fixed when it is issued: the hours, the first day served
(the first verified day), the day completed (the completion's local day, or the last
verified day if later) and the volunteer's language. The holder's name and the texts are
read when it is rendered, so a corrected name or title shows on the next download.

Each issued certificate gets its Open Badges credential (`issue_credentials`) in the same
transaction; a revoked one has its credential revoked (`revoke_credentials`).

Row security: the staff member's own tenant's rows are written as them; the holder's
language is read on the hub's account (`tx.as_system()`): the holder may be a volunteer of
another society, whose row the issuing staff may not read.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select, update

from hub.access import COORDINATOR_ROLES
from hub.db import models as m
from hub.db.models.enums import ApplicationStatus
from hub.db.types import utcnow
from hub.errors import Conflict, Forbidden, NotFound
from hub.i18n import messages as hub_msg
from hub.ids import encode_id
from resolvers.applications.rules import local_day
from resolvers.certificates import messages as msg
from resolvers.certificates.codes import new_code
from resolvers.context import RequestContext
from resolvers.core.writes import Tx, Write
from resolvers.credentials.issue import issue_credentials, revoke_credentials

C, A, E = m.Certificate, m.Application, m.HoursEntry
HOURS_EPSILON = 0.005  # hours are kept with 2 decimals


@dataclass(frozen=True, slots=True)
class Issued:
    certificate_id: int
    new: bool  # False: the application's certificate already stated these hours
    replaced: int | None = None  # the certificate this one replaces, revoked now


async def certificate_on_completion(tx: Tx, application: Any) -> None:
    """`application` (a row) was just completed (status COMPLETED): issue its certificate
    when it has verified hours, in the same transaction."""
    issued = await issue_for(tx, application, issued_by=tx.subject)
    if issued is not None and issued.new:
        _audit_issue(tx, application, issued, automatic=True)


async def issue_for(tx: Tx, application: Any, *, issued_by: str | None,
                    at: datetime | None = None) -> Issued | None:
    """The certificate of a completed `application` (a row): its live one if the verified
    hours are unchanged, else a new one issued `at` (now). None when no hours are verified."""
    session = tx.session
    # One issuing of an application at a time (PostgreSQL; SQLite writes one at a time).
    await session.execute(select(A.id).where(A.id == application.id).with_for_update())
    served = (await session.execute(
        select(func.coalesce(func.sum(E.hours), 0), func.min(E.date), func.max(E.date))
        .where(E.application_id == application.id, E.verified.is_(True)))).one()
    hours, first_day, last_day = round(float(served[0]), 2), served[1], served[2]
    if hours <= 0:
        return None
    existing = (await session.execute(select(C.id, C.hours, C.revoked_at).where(
        C.application_id == application.id))).first()
    now = at or utcnow()
    if existing is not None:
        if existing.revoked_at is None and abs(existing.hours - hours) < HOURS_EPSILON:
            return Issued(int(existing.id), new=False)
        await session.execute(update(C).where(C.id == existing.id).values(
            application_id=None, revoked_at=func.coalesce(C.revoked_at, now)))
        if existing.revoked_at is None:
            await revoke_credentials(tx, certificate_ids=[existing.id])
        tx.changed(lambda loaders: loaders.certificate_by_id, existing.id)
    tenant = (await session.execute(select(m.Tenant.time_zone, m.Tenant.default_locale)
                                    .where(m.Tenant.id == application.tenant_id))).one()
    async with tx.as_system() as system:
        language = await system.scalar(select(m.Volunteer.locale).where(
            m.Volunteer.id == application.volunteer_id))
    completed = local_day(application.completed_at or now, tenant.time_zone)
    certificate = C(
        code=new_code(), tenant_id=application.tenant_id,
        volunteer_id=application.volunteer_id, application_id=application.id,
        opportunity_id=application.opportunity_id, hours=hours,
        started_on=_earliest(first_day, completed), completed_on=_latest(last_day, completed),
        locale=language or tenant.default_locale, issued_at=now, issued_by=issued_by)
    session.add(certificate)
    await session.flush()
    await issue_credentials(tx, certificate_ids=[certificate.id])
    tx.changed(lambda loaders: loaders.certificates_by_volunteer, application.volunteer_id)
    return Issued(int(certificate.id), new=True,
                  replaced=int(existing.id) if existing is not None else None)


def _earliest(day: date | None, other: date) -> date:
    return other if day is None else min(day, other)


def _latest(day: date | None, other: date) -> date:
    return other if day is None else max(day, other)


def _audit_issue(tx: Tx, application: Any, issued: Issued, **details: Any) -> None:
    tx.audit("issue_certificate", "Certificate", encode_id("Certificate", issued.certificate_id),
             tenant_id=application.tenant_id,
             application=encode_id("Application", application.id), new=issued.new,
             replaces=encode_id("Certificate", issued.replaced) if issued.replaced else None,
             **details)


def _check_issuer(ctx: RequestContext, tenant_id: int) -> None:
    if not ctx.scope.is_owner_staff(tenant_id, COORDINATOR_ROLES):
        raise Forbidden(msg.ISSUERS_ONLY)


@dataclass(frozen=True)
class IssueCertificate(Write[Any, int]):
    """Admins and coordinators of the application's society issue its certificate (the
    certificate's id): the live one when nothing changed, else a new one."""

    application_id: int

    async def allow(self, ctx: RequestContext) -> Any:
        if not ctx.scope.principal.is_staff:
            raise Forbidden(msg.ISSUERS_ONLY)
        row = await ctx.loaders.application_by_id.load(self.application_id)
        if row is None:
            raise NotFound(hub_msg.NOT_FOUND, argument="application", type="Application")
        _check_issuer(ctx, row.tenant_id)
        if row.status != ApplicationStatus.COMPLETED.value:
            raise Conflict(msg.NOT_COMPLETED, argument="application")
        entries = await ctx.loaders.hours_by_application.load(row.id)
        if not any(entry.verified for entry in entries):
            raise Conflict(msg.NO_VERIFIED_HOURS, argument="application")
        return row

    async def apply(self, tx: Tx, row: Any) -> int:
        issued = await issue_for(tx, row, issued_by=tx.subject)
        if issued is None:  # unverified since `allow` read them
            raise Conflict(msg.NO_VERIFIED_HOURS, argument="application")
        _audit_issue(tx, row, issued)
        return issued.certificate_id


@dataclass(frozen=True)
class RevokeCertificate(Write[Any, int]):
    """Admins and coordinators of the issuing society revoke a certificate (its id): its
    public page and `verifyCertificate` say "not valid" from then on, its PDF is no longer
    served, and its credential is revoked."""

    certificate_id: int

    async def allow(self, ctx: RequestContext) -> Any:
        if not ctx.scope.principal.is_staff:
            raise Forbidden(msg.ISSUERS_ONLY)
        row = await ctx.loaders.certificate_by_id.load(self.certificate_id)
        if row is None:
            raise NotFound(hub_msg.NOT_FOUND, argument="certificate", type="Certificate")
        _check_issuer(ctx, row.tenant_id)
        if row.revoked_at is not None:
            raise Conflict(msg.ALREADY_REVOKED, argument="certificate")
        return row

    async def apply(self, tx: Tx, row: Any) -> int:
        result: Any = await tx.session.execute(update(C).where(
            C.id == row.id, C.revoked_at.is_(None)).values(revoked_at=utcnow()))
        if result.rowcount != 1:  # revoked meanwhile
            raise Conflict(msg.ALREADY_REVOKED, argument="certificate")
        await revoke_credentials(tx, certificate_ids=[row.id])
        tx.audit("revoke_certificate", "Certificate", encode_id("Certificate", row.id),
                 tenant_id=row.tenant_id)
        tx.changed(lambda loaders: loaders.certificate_by_id, row.id)
        tx.changed(lambda loaders: loaders.certificates_by_volunteer, row.volunteer_id)
        return int(row.id)
