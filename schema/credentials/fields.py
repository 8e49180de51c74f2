"""The credentials fields of Volunteer, mixed into it as a base:
`class Volunteer(Node, VolunteerInquiryFields, VolunteerNotificationFields,
VolunteerCredentialFields)`."""

from __future__ import annotations

import strawberry

from hub.db import models as m
from schema.core.info import Info
from schema.core.permissions import Personal
from schema.credentials.types import ImportedRecognition


@strawberry.type
class VolunteerCredentialFields:
    """Recognition the volunteer carried here from other societies."""

    row: strawberry.Private[m.Volunteer]

    @strawberry.field(permission_classes=[Personal],
                      description="Recognition other societies issued and the volunteer "
                                  "presented, with consent: staff see what was presented to "
                                  "their own society, the volunteer all of theirs; newest "
                                  "first.")
    async def recognized_elsewhere(self, info: Info) -> list[ImportedRecognition] | None:
        rows = await info.context.loaders.recognition_by_volunteer.load(self.row.id)
        return [ImportedRecognition(row=r)
                for r in sorted(rows, key=lambda r: (r.valid_from, r.id), reverse=True)]
