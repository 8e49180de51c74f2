"""GraphQL enums: the stored enums themselves, registered under their API names."""

from enum import StrEnum

import strawberry

from hub.db.models.enums import ApplicationStatus, OpportunityFormat, Visibility, VolunteerGroup
from hub.db.models.enums import RecordStatus as OpportunityStatus
from tenants import TenantKind

for _enum, _name in (
    (TenantKind, "TenantKind"),
    (Visibility, "Visibility"),
    (OpportunityStatus, "OpportunityStatus"),
    (OpportunityFormat, "OpportunityFormat"),
    (ApplicationStatus, "ApplicationStatus"),
    (VolunteerGroup, "VolunteerGroup"),
):
    strawberry.enum(_enum, name=_name)


@strawberry.enum
class TextDirection(StrEnum):
    LTR = "LTR"
    RTL = "RTL"


__all__ = [
    "ApplicationStatus",
    "OpportunityFormat",
    "OpportunityStatus",
    "TenantKind",
    "TextDirection",
    "Visibility",
    "VolunteerGroup",
]
