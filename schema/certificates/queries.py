"""The certificates domain's root queries (a part of the root type: schema/root.py)."""

from __future__ import annotations

import strawberry

from resolvers.certificates.verification import verify
from schema.certificates.types import CertificateVerification
from schema.core.info import Info
from schema.core.policy import EVERYONE, policy


@policy(reach=EVERYONE, open=("verifyCertificate",))
@strawberry.type
class CertificateQueries:
    @strawberry.field(description="Anyone: whether a certificate code is valid and, if it "
                                  "is, its issuer, hours, dates and the holder's display "
                                  "name. An unknown or revoked code answers valid: false "
                                  "and nothing else.")
    async def verify_certificate(self, info: Info, code: str) -> CertificateVerification:
        ctx = info.context
        found = await verify(ctx.db.rows_as_system, code, ctx.tenants)
        return CertificateVerification.of(found)
