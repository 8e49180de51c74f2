"""GraphQL enums: the stored enums themselves, registered under their API names."""

from enum import StrEnum

import strawberry

from hub.db.models.enums import (
    Acceptance,
    ApplicationStatus,
    ConsentKind,
    DecisionReason,
    HoursStatus,
    InquiryStatus,
    OpportunityFormat,
    Visibility,
    VolunteerGroup,
)
from hub.db.models.enums import RecordStatus as OpportunityStatus
from tenants import TenantKind

for _enum, _name in (
    (TenantKind, "TenantKind"),
    (Visibility, "Visibility"),
    (OpportunityStatus, "OpportunityStatus"),
    (OpportunityFormat, "OpportunityFormat"),
    (ApplicationStatus, "ApplicationStatus"),
    (VolunteerGroup, "VolunteerGroup"),
    (Acceptance, "Acceptance"),
    (HoursStatus, "HoursStatus"),
    (ConsentKind, "ConsentKind"),
    (DecisionReason, "DecisionReason"),
    (InquiryStatus, "InquiryStatus"),
):
    strawberry.enum(_enum, name=_name)


@strawberry.enum
class TextDirection(StrEnum):
    LTR = "LTR"
    RTL = "RTL"


__all__ = [
    "Acceptance",
    "ApplicationStatus",
    "ConsentKind",
    "DecisionReason",
    "HoursStatus",
    "InquiryStatus",
    "OpportunityFormat",
    "OpportunityStatus",
    "TenantKind",
    "TextDirection",
    "Visibility",
    "VolunteerGroup",
]
