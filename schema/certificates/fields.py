"""The certificate fields of Volunteer, mixed into it as a base:
`Volunteer(..., VolunteerCertificateFields)`."""

from __future__ import annotations

import strawberry

from hub.db import models as m
from resolvers.certificates.queries import volunteer_certificates
from schema.certificates.types import Certificate
from schema.core.info import Info
from schema.core.permissions import Personal


@strawberry.type
class VolunteerCertificateFields:
    """Volunteer's certificates (the volunteer; staff: those their society issued)."""

    row: strawberry.Private[m.Volunteer]

    @strawberry.field(permission_classes=[Personal],
                      description="Certificates of completed opportunities, newest first "
                                  "(staff: those their society issued; revoked ones carry "
                                  "revokedAt).")
    async def certificates(self, info: Info) -> list[Certificate] | None:
        rows = await volunteer_certificates(info.context, self.row.id)
        return [Certificate.of(row) for row in rows]
