"""The shapes of hand-written demo records. Dates are day offsets from the seeding day.

Texts are keyed by locale ("ar", "en", "fr"); the first locale in `texts` is the source
language the record was written in; the others are its translations. A record may have
only one or two locales, as real societies publish.

The records are written in the TOML files of `hub/demo/data/`; `hub.demo.loader` validates
each against these shapes when it loads them: strictly typed (no "25" for 25), a key the
shape does not name is an error.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple


@dataclass(frozen=True, slots=True)
class OrganizationSeed:
    key: str  # unique across the demo, referenced by opportunities
    tenant: str  # tenant slug
    name: str  # as the organization writes its own name
    # SCHOOL | UNIVERSITY | MUNICIPALITY | BRANCH | NGO | HOSPITAL | TRAINING_CENTER | COMPANY
    kind: str
    city: str


@dataclass(frozen=True, slots=True)
class CampaignSeed:
    key: str
    tenant: str
    titles: dict[str, str]  # locale -> title
    starts_day: int  # offset in days from the seeding day (negative = past)
    ends_day: int


@dataclass(frozen=True, slots=True)
class OpportunityTexts:
    title: str
    summary: str
    description: str


@dataclass(frozen=True, slots=True)
class OpportunitySeed:
    key: str
    tenant: str
    format: str  # ONSITE | REMOTE | HYBRID
    category: str  # a CategorySeed code
    skills: tuple[str, ...]  # SkillSeed codes
    texts: dict[str, OpportunityTexts]
    organization: str | None = None  # OrganizationSeed key
    campaign: str | None = None  # CampaignSeed key
    city: str | None = None  # None for REMOTE
    region: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    starts_day: int | None = None  # None with is_ongoing=True (remote, any time)
    starts_hour: int = 9  # local hour in the tenant's time zone
    duration_hours: float | None = None
    is_ongoing: bool = False
    capacity: int | None = None
    credited_hours: float | None = None
    is_emergency: bool = False
    visibility: str = "PUBLIC"  # PUBLIC | NETWORK | TENANT
    status: str = "PUBLISHED"  # DRAFT | PUBLISHED | CLOSED | ARCHIVED
    published_day: int = -7
    contact_name: str | None = None
    contact_email: str | None = None
    contact_phone: str | None = None
    min_age: int | None = None  # applicants younger than this (whole years) are refused
    # AUTOMATIC (accepted at once while places are left) or REVIEW (staff decide); None:
    # AUTOMATIC for a REMOTE ongoing opportunity, REVIEW otherwise (see `acceptance_of`)
    acceptance: str | None = None


def acceptance_of(opportunity: OpportunitySeed) -> str:
    """The opportunity's acceptance mode, its default filled in."""
    if opportunity.acceptance is not None:
        return opportunity.acceptance
    remote_anytime = opportunity.format == "REMOTE" and opportunity.is_ongoing
    return "AUTOMATIC" if remote_anytime else "REVIEW"


@dataclass(frozen=True, slots=True)
class EventTexts:
    title: str
    description: str


@dataclass(frozen=True, slots=True)
class EventSeed:
    key: str
    tenant: str
    kind: str  # EXHIBITION | SEMINAR | TRAINING | CAMPAIGN_DAY | AWARENESS_DAY | MEETING
    texts: dict[str, EventTexts]
    starts_day: int
    starts_hour: int = 10
    duration_hours: float = 2
    city: str | None = None
    online_url: str | None = None
    visibility: str = "PUBLIC"
    status: str = "PUBLISHED"


@dataclass(frozen=True, slots=True)
class NewsTexts:
    title: str
    summary: str
    body: str


@dataclass(frozen=True, slots=True)
class NewsSeed:
    key: str
    tenant: str
    texts: dict[str, NewsTexts]
    published_day: int  # negative: days ago
    tags: tuple[str, ...] = ()
    author: str | None = None
    image_url: str | None = None
    visibility: str = "PUBLIC"
    status: str = "PUBLISHED"


class ApplicationSeed(NamedTuple):
    """A volunteer's application to an opportunity, with the hours logged on it."""

    opportunity: str  # OpportunitySeed key
    status: str  # an ApplicationStatus
    logged_hours: float = 0
    verified_hours: float = 0  # of the logged hours, how many staff verified
    # the day the volunteer applied (offset, <= 0); None: the later of the opportunity's
    # publication and 30 days ago (see `hub.demo.rules.applied_day`)
    applied_day: int | None = None
    reason: str | None = None  # a DecisionReason code: why a REJECTED application was
    hours_note: str | None = None  # the volunteer's note on the first hours entry to verify


@dataclass(frozen=True, slots=True)
class GuardianSeed:
    """Who consented for a volunteer under 18 (a parent or legal guardian)."""

    name: str
    contact: str  # a fictitious phone number or e-mail address


@dataclass(frozen=True, slots=True)
class VolunteerSeed:
    key: str
    first_name: str
    last_name: str
    group: str  # PUPIL | UNIVERSITY_STUDENT | VOCATIONAL_TRAINEE | EMPLOYED | SELF_EMPLOYED | ...
    birth_year: int
    country: str
    city: str
    tenants: tuple[str, ...]  # memberships, by tenant slug
    languages: tuple[str, ...]
    skills: tuple[str, ...]
    email: str
    phone: str
    shares_with_network: bool = False
    applications: tuple[ApplicationSeed, ...] = ()
    saved: tuple[str, ...] = ()  # opportunity keys
    birth_date: str | None = None  # "2009-04-17": decides minimum ages exactly
    locale: str | None = None  # the language of the volunteer's notifications: ar, en, fr
    guardian: GuardianSeed | None = None  # required for a volunteer under 18


@dataclass(frozen=True, slots=True)
class InquiryMessageSeed:
    """One message of a thread: by the volunteer or by the opportunity's staff."""

    author: str  # VOLUNTEER | STAFF
    body: str
    day: int  # offset from the seeding day (<= 0)
    hour: int = 10  # local hour in the tenant's time zone


@dataclass(frozen=True, slots=True)
class InquirySeed:
    """A volunteer's question to the staff of an opportunity ("ask the manager"); the
    thread belongs to the opportunity's tenant."""

    key: str
    opportunity: str  # OpportunitySeed key
    volunteer: str  # VolunteerSeed key
    subject: str
    status: str  # OPEN (the volunteer wrote last) | ANSWERED (the staff did) | CLOSED
    messages: tuple[InquiryMessageSeed, ...]


@dataclass(frozen=True, slots=True)
class CategorySeed:
    code: str
    labels: dict[str, str]


@dataclass(frozen=True, slots=True)
class SkillSeed:
    code: str
    labels: dict[str, str]


@dataclass(frozen=True, slots=True)
class DemoContent:
    """Every demo record, in seeding order."""

    categories: tuple[CategorySeed, ...]
    skills: tuple[SkillSeed, ...]
    organizations: tuple[OrganizationSeed, ...]
    campaigns: tuple[CampaignSeed, ...]
    opportunities: tuple[OpportunitySeed, ...]
    events: tuple[EventSeed, ...]
    news: tuple[NewsSeed, ...]
    volunteers: tuple[VolunteerSeed, ...] = field(default=())
    inquiries: tuple[InquirySeed, ...] = field(default=())
