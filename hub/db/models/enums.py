"""Enumerations stored as short strings (portable; new values need no type migration)."""

from enum import StrEnum


class Visibility(StrEnum):
    PUBLIC = "PUBLIC"  # anyone
    NETWORK = "NETWORK"  # staff of any member tenant
    TENANT = "TENANT"  # the owning tenant only


class RecordStatus(StrEnum):
    DRAFT = "DRAFT"
    PUBLISHED = "PUBLISHED"
    CLOSED = "CLOSED"
    ARCHIVED = "ARCHIVED"


class OpportunityFormat(StrEnum):
    ONSITE = "ONSITE"
    REMOTE = "REMOTE"
    HYBRID = "HYBRID"


class ApplicationStatus(StrEnum):
    APPLIED = "APPLIED"
    ACCEPTED = "ACCEPTED"
    REJECTED = "REJECTED"
    WITHDRAWN = "WITHDRAWN"
    COMPLETED = "COMPLETED"
    NO_SHOW = "NO_SHOW"


class VolunteerGroup(StrEnum):
    PUPIL = "PUPIL"
    UNIVERSITY_STUDENT = "UNIVERSITY_STUDENT"
    VOCATIONAL_TRAINEE = "VOCATIONAL_TRAINEE"
    EMPLOYED = "EMPLOYED"
    SELF_EMPLOYED = "SELF_EMPLOYED"
    UNEMPLOYED = "UNEMPLOYED"
    RETIREE = "RETIREE"
    OTHER = "OTHER"


class EventKind(StrEnum):
    EXHIBITION = "EXHIBITION"
    SEMINAR = "SEMINAR"
    TRAINING = "TRAINING"
    CAMPAIGN_DAY = "CAMPAIGN_DAY"
    AWARENESS_DAY = "AWARENESS_DAY"
    MEETING = "MEETING"
