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
