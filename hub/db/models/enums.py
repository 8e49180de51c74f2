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
    WAITLISTED = "WAITLISTED"  # the opportunity was full: moves up when a place frees
    ACCEPTED = "ACCEPTED"
    REJECTED = "REJECTED"
    WITHDRAWN = "WITHDRAWN"
    COMPLETED = "COMPLETED"
    NO_SHOW = "NO_SHOW"


class Acceptance(StrEnum):
    AUTOMATIC = "AUTOMATIC"  # accepted at once while places are left
    REVIEW = "REVIEW"  # staff accept or reject


class DecisionReason(StrEnum):
    """Why an application was rejected: shown to the volunteer in their own language."""

    NOT_ELIGIBLE = "NOT_ELIGIBLE"  # the opportunity's requirements are not met
    SCHEDULE = "SCHEDULE"  # the dates do not fit
    POSITIONS_FILLED = "POSITIONS_FILLED"
    PROFILE_INCOMPLETE = "PROFILE_INCOMPLETE"
    OTHER = "OTHER"  # the note says why


class HoursStatus(StrEnum):
    PENDING = "PENDING"
    APPROVED = "APPROVED"
    REJECTED = "REJECTED"


class ConsentKind(StrEnum):
    TERMS = "TERMS"  # the tenant's terms, with their version
    GUARDIAN = "GUARDIAN"  # a guardian's consent for a volunteer under 18


class InquiryStatus(StrEnum):
    OPEN = "OPEN"  # waiting for the manager
    ANSWERED = "ANSWERED"  # the manager replied last
    CLOSED = "CLOSED"


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
