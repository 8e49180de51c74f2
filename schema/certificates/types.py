"""Certificates: personal records, read by their holder and by staff of the issuing tenant
(hub/access.py scopes the rows); and the public answer of a verification."""

from __future__ import annotations

from datetime import date, datetime

import strawberry

from hub.db import models as m
from hub.i18n import hours_display
from hub.ids import encode_id
from resolvers.certificates.document import verification_url
from resolvers.certificates.queries import holder_name, opportunity_titles
from resolvers.certificates.verification import Verification
from schema.core.common import Node
from schema.core.info import Info
from schema.core.localize import display_locale, serve
from schema.core.node import by_loader, register
from schema.core.policy import EVERYONE, PERSONAL_RECORD_REACH, policy
from schema.tenants.types import Tenant, tenant_of


@policy(reach=PERSONAL_RECORD_REACH,
        open=("id", "code", "tenant", "volunteerName", "opportunityTitle", "hours",
              "hoursDisplay", "startedOn", "completedOn", "issuedAt", "revokedAt", "pdfUrl",
              "verificationUrl"),
        note="the holder's own certificates; staff: the certificates their tenant issued "
             "(the holder's full name only if they may see the holder's personal data)")
@strawberry.type
class Certificate(Node):
    row: strawberry.Private[m.Certificate]
    code: str = strawberry.field(description="The public verification code, e.g. "
                                             "K7QX-M2PD-4RTA-...")
    hours: float = strawberry.field(description="The verified hours it certifies.")
    started_on: date | None = strawberry.field(description="The first day served.")
    completed_on: date
    issued_at: datetime
    revoked_at: datetime | None = strawberry.field(
        description="Set once revoked (or replaced by a new certificate): no longer valid.")

    @classmethod
    def of(cls, row: m.Certificate) -> Certificate:
        return cls(id=strawberry.ID(encode_id("Certificate", row.id)), row=row, code=row.code,
                   hours=row.hours, started_on=row.started_on, completed_on=row.completed_on,
                   issued_at=row.issued_at, revoked_at=row.revoked_at)

    @strawberry.field(description="The society that issued it.")
    def tenant(self, info: Info) -> Tenant:
        return tenant_of(info, self.row.tenant_id)

    @strawberry.field(description="The holder's full name; staff of the issuing society who "
                                  "are not the holder's own society see the first name and "
                                  "initial.")
    async def volunteer_name(self, info: Info) -> str:
        return await holder_name(info.context, self.row)

    @strawberry.field(description="The opportunity's title in the served language.")
    async def opportunity_title(self, info: Info) -> str:
        ctx = info.context
        rows = await opportunity_titles(ctx, self.row)
        default = ctx.tenants.by_id[self.row.tenant_id].default_locale
        served = serve(ctx, rows, "title", default)
        return served.value if served else ""

    @strawberry.field(description='Plural-correct with the society\'s digits: "١٢ ساعة".')
    def hours_display(self, info: Info) -> str:
        tenant = info.context.tenants.by_id.get(self.row.tenant_id)
        locale, digits = display_locale(info.context, tenant)
        return hours_display(locale, self.row.hours, digits)

    @strawberry.field(description="The PDF, for the holder and the issuing society's staff "
                                  "(with their bearer token).")
    def pdf_url(self, info: Info) -> str:
        return verification_url(info.context.settings.public_url, self.row.code) + ".pdf"

    @strawberry.field(description="The public verification page (the QR code's address).")
    def verification_url(self, info: Info) -> str:
        return verification_url(info.context.settings.public_url, self.row.code)


register("Certificate", by_loader(lambda loaders: loaders.certificate_by_id, Certificate.of))


@policy(reach=EVERYONE,
        open=("valid", "tenant", "volunteerName", "hours", "issuedAt", "startedOn",
              "completedOn"),
        note="anyone with the code: a valid certificate's issuer, hours, dates and the "
             "holder's display name; nothing at all for an unknown or revoked code")
@strawberry.type
class CertificateVerification:
    valid: bool
    volunteer_name: str | None = strawberry.field(
        description="The holder's display name (first name and initial).")
    hours: float | None
    issued_at: datetime | None
    started_on: date | None
    completed_on: date | None
    tenant_id: strawberry.Private[int | None]

    @classmethod
    def of(cls, found: Verification) -> CertificateVerification:
        return cls(valid=found.valid, volunteer_name=found.holder, hours=found.hours,
                   issued_at=found.issued_at, started_on=found.started_on,
                   completed_on=found.completed_on, tenant_id=found.tenant_id)

    @strawberry.field(description="The society that issued it.")
    def tenant(self, info: Info) -> Tenant | None:
        return tenant_of(info, self.tenant_id) if self.tenant_id is not None else None
