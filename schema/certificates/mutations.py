"""Issuing and revoking certificates (a part of the root type: schema/root.py). The writes
are `resolvers.certificates.issue`; each is one transaction, audited, and safe to retry
(issuing is idempotent; the `Idempotency-Key` header also works)."""

from __future__ import annotations

from typing import Any

import strawberry

from hub.errors import NotFound
from hub.i18n import messages as hub_msg
from resolvers.certificates.issue import IssueCertificate, RevokeCertificate
from resolvers.core.writes import Write, perform
from schema.applications.inputs import key_of
from schema.certificates.types import Certificate
from schema.core.info import Info
from schema.core.policy import EVERYONE, policy


async def _certificate(info: Info, write: Write[Any, int]) -> Certificate:
    certificate_id = await perform(info.context, write)
    row = await info.context.loaders.certificate_by_id.load(certificate_id)
    if row is None:  # pragma: no cover - the caller's own change
        raise NotFound(hub_msg.NOT_FOUND, type="Certificate")
    return Certificate.of(row)


@policy(reach=EVERYONE, open=("issueCertificate", "revokeCertificate"))
@strawberry.type
class CertificateMutations:
    @strawberry.mutation(description="Admins and coordinators of the application's society "
                                      "issue the certificate of a COMPLETED application with "
                                      "verified hours (also issued on completion). Again: "
                                      "the same certificate while its hours are unchanged, "
                                      "else a new one that replaces it.")
    async def issue_certificate(self, info: Info, application: strawberry.ID) -> Certificate:
        write = IssueCertificate(key_of(application, "Application", "application"))
        return await _certificate(info, write)

    @strawberry.mutation(description="Admins and coordinators of the issuing society revoke "
                                      "a certificate: no longer valid, its PDF no longer "
                                      "served, its credential revoked.")
    async def revoke_certificate(self, info: Info, certificate: strawberry.ID) -> Certificate:
        write = RevokeCertificate(key_of(certificate, "Certificate", "certificate"))
        return await _certificate(info, write)
