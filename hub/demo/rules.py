"""The rules demo records must keep beyond their shapes: known codes, sane numbers, texts in
the tenant's languages, and references between records that resolve within one tenant.

`hub.demo.loader` runs them after every record has passed its shape; each problem names the
file, the record and the field, so the person who edited the file can find it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields, is_dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Any, Generic, TypeVar

from hub.db.models.enums import (
    Acceptance,
    ApplicationStatus,
    DecisionReason,
    EventKind,
    InquiryStatus,
    OpportunityFormat,
    RecordStatus,
    Visibility,
    VolunteerGroup,
)
from hub.demo.records import (
    ApplicationSeed,
    CampaignSeed,
    CategorySeed,
    DemoContent,
    EventSeed,
    InquirySeed,
    NewsSeed,
    OpportunitySeed,
    OrganizationSeed,
    SkillSeed,
    VolunteerSeed,
    acceptance_of,
)
from tenants import TenantDefinition

DEMO_LOCALES = ("ar", "en", "fr")
ORGANIZATION_KINDS = ("SCHOOL", "UNIVERSITY", "MUNICIPALITY", "BRANCH", "NGO", "HOSPITAL",
                      "TRAINING_CENTER", "COMPANY")
NO_HOURS = ("APPLIED", "REJECTED", "WITHDRAWN", "NO_SHOW")  # statuses that cannot carry hours
TAKES_A_SPOT = ("ACCEPTED", "COMPLETED")
AUTHORS = ("VOLUNTEER", "STAFF")
ADULT = 18  # a volunteer younger than this joins with a guardian's consent
DEFAULT_APPLIED_DAY = -30  # an application without applied_day: 30 days ago at most
DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
TAG_RE = re.compile(r"[a-z]+")
COUNTRY_RE = re.compile(r"[A-Z]{2}")

R = TypeVar("R")


@dataclass(frozen=True, slots=True)
class Problem:
    """One fault in the demo data: `file: table[index].field: message (record "key")`."""

    file: str  # relative to the data folder, e.g. "news/dz-crescent.toml"
    message: str
    record: str | None = None  # e.g. "news[3]"
    field: str | None = None  # e.g. "texts.ar.title"
    key: str | None = None  # the record's key, when it has one

    def __str__(self) -> str:
        where = self.file
        if self.record:
            where += f": {self.record}" + (f".{self.field}" if self.field else "")
        elif self.field:
            where += f": {self.field}"
        named = f' (record "{self.key}")' if self.key else ""
        return f"{where}: {self.message}{named}"


@dataclass(frozen=True, slots=True)
class Placed(Generic[R]):
    """A validated record and where it was written."""

    record: R
    file: str
    table: str
    index: int

    @property
    def key(self) -> str:
        key = getattr(self.record, "key", None) or getattr(self.record, "code", "")
        return str(key)

    def problem(self, field_name: str | None, message: str) -> Problem:
        return Problem(self.file, message, f"{self.table}[{self.index}]", field_name, self.key)


@dataclass(slots=True)
class PlacedContent:
    """Every record of the demo with its place, in seeding order."""

    categories: list[Placed[CategorySeed]] = field(default_factory=list)
    skills: list[Placed[SkillSeed]] = field(default_factory=list)
    organizations: list[Placed[OrganizationSeed]] = field(default_factory=list)
    campaigns: list[Placed[CampaignSeed]] = field(default_factory=list)
    opportunities: list[Placed[OpportunitySeed]] = field(default_factory=list)
    events: list[Placed[EventSeed]] = field(default_factory=list)
    news: list[Placed[NewsSeed]] = field(default_factory=list)
    volunteers: list[Placed[VolunteerSeed]] = field(default_factory=list)
    inquiries: list[Placed[InquirySeed]] = field(default_factory=list)

    def content(self) -> DemoContent:
        return DemoContent(
            categories=tuple(p.record for p in self.categories),
            skills=tuple(p.record for p in self.skills),
            organizations=tuple(p.record for p in self.organizations),
            campaigns=tuple(p.record for p in self.campaigns),
            opportunities=tuple(p.record for p in self.opportunities),
            events=tuple(p.record for p in self.events),
            news=tuple(p.record for p in self.news),
            volunteers=tuple(p.record for p in self.volunteers),
            inquiries=tuple(p.record for p in self.inquiries),
        )


def check(placed: PlacedContent, tenants: Mapping[str, TenantDefinition],
          today: date) -> list[Problem]:
    """Every rule over every record, then the references between records; ages are
    counted on `today`."""
    problems: list[Problem] = []
    for kind in (placed.categories, placed.skills):
        for p in kind:
            problems += _labels(p, p.record.labels)
    for o in placed.organizations:
        problems += _organization(o)
    for c in placed.campaigns:
        problems += _campaign(c)
    for op in placed.opportunities:
        problems += _opportunity(op) + _texts(op, op.record.texts, op.record.tenant, tenants)
    for e in placed.events:
        problems += _event(e) + _texts(e, e.record.texts, e.record.tenant, tenants)
    for n in placed.news:
        problems += _news(n) + _texts(n, n.record.texts, n.record.tenant, tenants)
    for v in placed.volunteers:
        problems += _volunteer(v, today)
    for t in placed.inquiries:
        problems += _inquiry(t)
    keys_and_tenants = _unique_keys(placed) + _tenants_known(placed, tenants)
    if keys_and_tenants:  # references are followed once keys are unique and tenants known
        return problems + keys_and_tenants
    problems += _opportunity_references(placed)
    problems += _volunteer_references(placed, today)
    problems += _capacity(placed)
    problems += _inquiry_references(placed)
    return problems


def has_started(opportunity: OpportunitySeed) -> bool:
    """Ongoing, or starting before the seeding day: hours may have been logged on it."""
    return opportunity.is_ongoing or (
        opportunity.starts_day is not None and opportunity.starts_day < 0
    )


def birth_date(volunteer: VolunteerSeed) -> date | None:
    """The exact birth date, when the record gives a valid one."""
    if volunteer.birth_date is None or not DATE_RE.fullmatch(volunteer.birth_date):
        return None
    try:
        return date.fromisoformat(volunteer.birth_date)
    except ValueError:
        return None


def youngest_age(volunteer: VolunteerSeed, on: date) -> int:
    """The age in whole years on `on`: exact from the birth date, else the youngest the
    birth year allows (born on 31 December), so that a doubt counts as younger."""
    born = birth_date(volunteer)
    if born is None:
        return on.year - volunteer.birth_year - 1
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def is_minor(volunteer: VolunteerSeed, on: date) -> bool:
    return youngest_age(volunteer, on) < ADULT


def applied_day(application: ApplicationSeed, opportunity: OpportunitySeed) -> int:
    """The day the volunteer applied: as written, else the later of the opportunity's
    publication and 30 days ago."""
    if application.applied_day is not None:
        return application.applied_day
    return max(opportunity.published_day, DEFAULT_APPLIED_DAY)


# --- one record at a time -------------------------------------------------------------------


def _one_of(p: Placed[Any], name: str, value: str,
            allowed: type[StrEnum] | tuple[str, ...]) -> list[Problem]:
    names = [str(a) for a in allowed]
    if value in names:
        return []
    return [p.problem(name, f"{value!r} is not one of {', '.join(names)}")]


def _blank(p: Placed[Any], name: str, value: str) -> list[Problem]:
    return [] if value.strip() else [p.problem(name, "must not be blank")]


def _labels(p: Placed[Any], labels: dict[str, str]) -> list[Problem]:
    problems = [p.problem(f"labels.{loc}", f"is required (labels in {', '.join(DEMO_LOCALES)})")
                for loc in DEMO_LOCALES if loc not in labels]
    for loc, label in labels.items():
        if loc not in DEMO_LOCALES:
            problems.append(p.problem(f"labels.{loc}", f"is not one of {', '.join(DEMO_LOCALES)}"))
        problems += _blank(p, f"labels.{loc}", label)
    return problems


def _organization(p: Placed[OrganizationSeed]) -> list[Problem]:
    o = p.record
    return (_one_of(p, "kind", o.kind, ORGANIZATION_KINDS) + _blank(p, "name", o.name)
            + _blank(p, "city", o.city))


def _campaign(p: Placed[CampaignSeed]) -> list[Problem]:
    c = p.record
    problems = []
    if c.ends_day < c.starts_day:
        problems.append(p.problem("ends_day", f"ends before it starts (starts_day {c.starts_day})"))
    if not c.titles:
        problems.append(p.problem("titles", "needs a title in its source language at least"))
    for loc, title in c.titles.items():
        if loc not in DEMO_LOCALES:
            problems.append(p.problem(f"titles.{loc}", f"is not one of {', '.join(DEMO_LOCALES)}"))
        problems += _blank(p, f"titles.{loc}", title)
    return problems


def _opportunity(p: Placed[OpportunitySeed]) -> list[Problem]:
    o = p.record
    problems = (_one_of(p, "format", o.format, OpportunityFormat)
                + _one_of(p, "visibility", o.visibility, Visibility)
                + _one_of(p, "status", o.status, RecordStatus))
    for name, number in (("capacity", o.capacity), ("credited_hours", o.credited_hours)):
        if number is not None and number <= 0:
            problems.append(p.problem(name, "must be positive"))
    if not 0 <= o.starts_hour <= 23:
        problems.append(p.problem("starts_hour", "must be an hour from 0 to 23"))
    place = {"city": o.city, "region": o.region, "latitude": o.latitude, "longitude": o.longitude}
    for name, value in place.items():
        if o.format == "REMOTE" and value is not None:
            problems.append(p.problem(name, "a REMOTE opportunity has no place"))
        elif o.format != "REMOTE" and value is None:
            problems.append(p.problem(name, f"is required for an {o.format} opportunity"))
    if o.latitude is not None and not -90 <= o.latitude <= 90:
        problems.append(p.problem("latitude", "must be between -90 and 90"))
    if o.longitude is not None and not -180 <= o.longitude <= 180:
        problems.append(p.problem("longitude", "must be between -180 and 180"))
    if o.is_ongoing and o.starts_day is not None:
        problems.append(p.problem("starts_day", "an ongoing opportunity has no start day"))
    if o.starts_day is not None and o.published_day > o.starts_day:
        problems.append(p.problem("published_day", f"is after the start (day {o.starts_day})"))
    if o.acceptance is not None:
        problems += _one_of(p, "acceptance", o.acceptance, Acceptance)
    if o.min_age is not None and not 1 <= o.min_age <= 99:
        problems.append(p.problem("min_age", "must be a number of years from 1 to 99"))
    return problems


def _event(p: Placed[EventSeed]) -> list[Problem]:
    e = p.record
    problems = (_one_of(p, "kind", e.kind, EventKind)
                + _one_of(p, "visibility", e.visibility, Visibility)
                + _one_of(p, "status", e.status, RecordStatus))
    if (e.city is None) == (e.online_url is None):
        problems.append(p.problem("city", "an event has either a city or an online_url"))
    if e.duration_hours <= 0:
        problems.append(p.problem("duration_hours", "must be positive"))
    return problems


def _news(p: Placed[NewsSeed]) -> list[Problem]:
    n = p.record
    problems = (_one_of(p, "visibility", n.visibility, Visibility)
                + _one_of(p, "status", n.status, RecordStatus))
    for i, tag in enumerate(n.tags):
        if not TAG_RE.fullmatch(tag):
            problems.append(p.problem(f"tags[{i}]", f"{tag!r} must be lower-case letters a-z"))
    return problems


def _texts(p: Placed[Any], texts: Mapping[str, object], tenant: str,
           tenants: Mapping[str, TenantDefinition]) -> list[Problem]:
    """Texts in the demo locales the tenant publishes in; the first is the source language."""
    if not texts:
        return [p.problem("texts", "needs texts in its source language at least")]
    problems = []
    definition = tenants.get(tenant)
    languages = {t.split("-")[0] for t in definition.locales} if definition else set()
    for loc, text in texts.items():
        if loc not in DEMO_LOCALES:
            problems.append(p.problem(f"texts.{loc}", f"is not one of {', '.join(DEMO_LOCALES)}"))
        elif definition is not None and loc not in languages:
            problems.append(p.problem(f"texts.{loc}", f"{tenant} does not publish in {loc}"))
        for name, value in _text_fields(text):
            where = f"texts.{loc}.{name}"
            if not value.strip():
                problems.append(p.problem(where, "must not be blank"))
            elif value != value.strip():
                problems.append(p.problem(where, "starts or ends with white space"))
            if "\n" in value or "\r" in value:
                problems.append(p.problem(where, "has a line break (end each wrapped line of a "
                                                 'multi-line string with "\\")'))
    return problems


def _text_fields(text: object) -> Iterator[tuple[str, str]]:
    assert is_dataclass(text)
    for f in fields(text):
        yield f.name, getattr(text, f.name)


def _volunteer(p: Placed[VolunteerSeed], today: date) -> list[Problem]:
    v = p.record
    problems = _one_of(p, "group", v.group, VolunteerGroup)
    if not v.tenants:
        problems.append(p.problem("tenants", "a volunteer is a member of one tenant at least"))
    if not v.languages:
        problems.append(p.problem("languages", "must name one language at least"))
    if not COUNTRY_RE.fullmatch(v.country):
        problems.append(p.problem("country", f"{v.country!r} is not an ISO 3166-1 alpha-2 code"))
    problems += _birth_and_guardian(p, today)
    if v.locale is not None:
        problems += _one_of(p, "locale", v.locale, DEMO_LOCALES)
    seen: set[str] = set()
    for i, a in enumerate(v.applications):
        where = f"applications[{i}]"
        status, logged, verified = a.status, a.logged_hours, a.verified_hours
        problems += _one_of(p, f"{where}.status", status, ApplicationStatus)
        if logged < 0 or verified < 0:
            problems.append(p.problem(where, "hours must not be negative"))
        if verified > logged:
            problems.append(p.problem(f"{where}.verified_hours",
                                      f"{verified:g} verified > {logged:g} logged"))
        if status in NO_HOURS and (logged or verified):
            problems.append(p.problem(where, f"an application {status} carries no hours"))
        if a.opportunity in seen:
            problems.append(p.problem(f"{where}.opportunity", f"applies twice to {a.opportunity}"))
        seen.add(a.opportunity)
        if a.applied_day is not None and a.applied_day > 0:
            problems.append(p.problem(f"{where}.applied_day",
                                      "must not be after the seeding day (day 0)"))
        if a.reason is not None:
            problems += _one_of(p, f"{where}.reason", a.reason, DecisionReason)
            if status != "REJECTED":
                problems.append(p.problem(f"{where}.reason",
                                          "only a REJECTED application has a reason"))
        elif status == "REJECTED":
            problems.append(p.problem(where, "a REJECTED application names its reason "
                                             f"({', '.join(DecisionReason)})"))
        if a.hours_note is not None:
            problems += _sentence(p, f"{where}.hours_note", a.hours_note)
            if logged <= verified:
                problems.append(p.problem(f"{where}.hours_note", "a note goes with hours to "
                                          "verify (logged_hours more than verified_hours)"))
    return problems


def _birth_and_guardian(p: Placed[VolunteerSeed], today: date) -> list[Problem]:
    v = p.record
    problems = []
    if v.birth_date is not None:
        born = birth_date(v)
        if born is None:
            problems.append(p.problem("birth_date", f"{v.birth_date!r} is not a date written "
                                                    "YYYY-MM-DD"))
        elif born.year != v.birth_year:
            problems.append(p.problem("birth_date", f"is in {born.year}, not in birth_year "
                                                    f"{v.birth_year}"))
    if v.guardian is not None:
        problems += _sentence(p, "guardian.name", v.guardian.name)
        problems += _sentence(p, "guardian.contact", v.guardian.contact)
    elif is_minor(v, today):
        problems.append(p.problem("guardian", f"is required: the volunteer is under {ADULT} "
                                              f"on {today.isoformat()} (guardian = {{ name = "
                                              '"...", contact = "..." })'))
    return problems


def _sentence(p: Placed[Any], name: str, value: str) -> list[Problem]:
    """A text written in a data file: not blank, no stray space or line break."""
    if not value.strip():
        return [p.problem(name, "must not be blank")]
    problems = []
    if value != value.strip():
        problems.append(p.problem(name, "starts or ends with white space"))
    if "\n" in value or "\r" in value:
        problems.append(p.problem(name, "has a line break (end each wrapped line of a "
                                        'multi-line string with "\\")'))
    return problems


def _inquiry(p: Placed[InquirySeed]) -> list[Problem]:
    t = p.record
    problems = _one_of(p, "status", t.status, InquiryStatus) + _sentence(p, "subject", t.subject)
    if not t.messages:
        return [*problems, p.problem("messages", "a thread has one message at least")]
    if t.messages[0].author != "VOLUNTEER":
        problems.append(p.problem("messages[0].author", "a thread starts with the "
                                                        "volunteer's question"))
    previous: tuple[int, int] | None = None
    for i, message in enumerate(t.messages):
        where = f"messages[{i}]"
        problems += _one_of(p, f"{where}.author", message.author, AUTHORS)
        problems += _sentence(p, f"{where}.body", message.body)
        if not 0 <= message.hour <= 23:
            problems.append(p.problem(f"{where}.hour", "must be an hour from 0 to 23"))
        if message.day > 0:
            problems.append(p.problem(f"{where}.day", "must not be after the seeding day "
                                                      "(day 0)"))
        if previous is not None and (message.day, message.hour) < previous:
            problems.append(p.problem(f"{where}.day", "is before the message above it "
                                                      "(messages are in the order sent)"))
        previous = (message.day, message.hour)
    last = t.messages[-1].author
    if last not in AUTHORS:
        return problems
    if t.status == "OPEN" and last != "VOLUNTEER":
        problems.append(p.problem("status", "an OPEN thread waits for the staff: its last "
                                            "message is the volunteer's (else ANSWERED)"))
    if t.status == "ANSWERED" and last != "STAFF":
        problems.append(p.problem("status", "an ANSWERED thread's last message is the staff's "
                                            "(else OPEN)"))
    return problems


# --- across records -------------------------------------------------------------------------


def _unique_keys(placed: PlacedContent) -> list[Problem]:
    kinds: list[tuple[str, Sequence[Placed[Any]]]] = [
        ("code", placed.categories), ("code", placed.skills), ("key", placed.organizations),
        ("key", placed.campaigns), ("key", placed.opportunities), ("key", placed.events),
        ("key", placed.news), ("key", placed.volunteers), ("key", placed.inquiries)]
    problems = []
    for name, kind in kinds:
        first: dict[str, Placed[Any]] = {}
        for p in kind:
            other = first.setdefault(p.key, p)
            if other is not p:
                problems.append(p.problem(name, f"{p.key!r} is also {other.table}[{other.index}]"
                                                f" in {other.file}"))
    return problems


def _tenants_known(placed: PlacedContent, tenants: Mapping[str, TenantDefinition]) -> list[Problem]:
    owned: list[Placed[Any]] = [*placed.organizations, *placed.campaigns, *placed.opportunities,
                                *placed.events, *placed.news]
    problems = [p.problem("tenant", f"{p.record.tenant!r} is not a known tenant")
                for p in owned if p.record.tenant not in tenants]
    for v in placed.volunteers:
        problems += [v.problem(f"tenants[{i}]", f"{slug!r} is not a known tenant")
                     for i, slug in enumerate(v.record.tenants) if slug not in tenants]
    return problems


def _opportunity_references(placed: PlacedContent) -> list[Problem]:
    categories = {c.record.code for c in placed.categories}
    skills = {s.record.code for s in placed.skills}
    owners = {"organization": {o.key: o.record.tenant for o in placed.organizations},
              "campaign": {c.key: c.record.tenant for c in placed.campaigns}}
    problems = []
    for p in placed.opportunities:
        o = p.record
        if o.category not in categories:
            problems.append(p.problem("category", f"{o.category!r} is not a known category"))
        problems += [p.problem(f"skills[{i}]", f"{code!r} is not a known skill")
                     for i, code in enumerate(o.skills) if code not in skills]
        for name, key in (("organization", o.organization), ("campaign", o.campaign)):
            if key is None:
                continue
            owner = owners[name].get(key)
            if owner is None:
                problems.append(p.problem(name, f"{key!r} is not a known {name}"))
            elif owner != o.tenant:
                problems.append(p.problem(name, f"{key!r} is of {owner}, not of {o.tenant}"))
    return problems


def _volunteer_references(placed: PlacedContent, today: date) -> list[Problem]:
    skills = {s.record.code for s in placed.skills}
    opportunities = {o.key: o.record for o in placed.opportunities}
    problems = []
    for p in placed.volunteers:
        v = p.record
        problems += [p.problem(f"skills[{i}]", f"{code!r} is not a known skill")
                     for i, code in enumerate(v.skills) if code not in skills]
        named = [(f"applications[{i}].opportunity", a.opportunity)
                 for i, a in enumerate(v.applications)]
        named += [(f"saved[{i}]", key) for i, key in enumerate(v.saved)]
        for where, key in named:
            opportunity = opportunities.get(key)
            if opportunity is None:
                problems.append(p.problem(where, f"{key!r} is not a known opportunity"))
            elif opportunity.tenant not in v.tenants:
                problems.append(p.problem(where, f"{key!r} is of {opportunity.tenant}, which "
                                                 "the volunteer is not a member of"))
            elif opportunity.status == "DRAFT":
                problems.append(p.problem(where, f"{key!r} is an unpublished draft"))
        for i, a in enumerate(v.applications):
            opportunity = opportunities.get(a.opportunity)
            if opportunity is not None:
                problems += _application(p, i, a, opportunity, today)
    return problems


def _application(p: Placed[VolunteerSeed], i: int, a: ApplicationSeed,
                 opportunity: OpportunitySeed, today: date) -> list[Problem]:
    """An application against its opportunity: dates, ages and the acceptance mode."""
    where, key = f"applications[{i}]", a.opportunity
    problems = []
    if not has_started(opportunity) and (a.logged_hours or a.status == "COMPLETED"):
        problems.append(p.problem(where, f"hours or completion before {key} starts"))
    day = applied_day(a, opportunity)
    if a.applied_day is not None and day < opportunity.published_day:
        problems.append(p.problem(f"{where}.applied_day", f"is before {key} was published "
                                                          f"(day {opportunity.published_day})"))
    if opportunity.min_age is not None and a.status != "REJECTED":
        age = youngest_age(p.record, today + timedelta(days=day))
        if age < opportunity.min_age:
            problems.append(p.problem(where, f"the volunteer ({age} on the day they applied) "
                                             f"is younger than the minimum age "
                                             f"{opportunity.min_age} of {key}: only a REJECTED "
                                             "application can stay"))
    if a.status == "APPLIED" and acceptance_of(opportunity) == "AUTOMATIC":
        problems.append(p.problem(f"{where}.status", f"{key} accepts at once (acceptance "
                                                     "AUTOMATIC): no application waits there "
                                                     "as APPLIED"))
    return problems


def _capacity(placed: PlacedContent) -> list[Problem]:
    """Accepted and completed applications fit the capacity; a waiting list forms only on a
    full opportunity, after its places were taken."""
    opportunities = {o.key: o.record for o in placed.opportunities}
    taken = Counter(a.opportunity for v in placed.volunteers for a in v.record.applications
                    if a.status in TAKES_A_SPOT)
    problems = [p.problem("capacity", f"{taken[p.key]} applications accepted or completed, "
                                      f"more than the capacity {p.record.capacity}")
                for p in placed.opportunities
                if p.record.capacity is not None and taken[p.key] > p.record.capacity]
    last_taken: dict[str, int] = {}
    for v in placed.volunteers:
        for a in v.record.applications:
            opportunity = opportunities.get(a.opportunity)
            if opportunity is not None and a.status in TAKES_A_SPOT:
                day = applied_day(a, opportunity)
                last_taken[a.opportunity] = max(last_taken.get(a.opportunity, day), day)
    for v in placed.volunteers:
        for i, a in enumerate(v.record.applications):
            opportunity = opportunities.get(a.opportunity)
            if opportunity is None or a.status != "WAITLISTED":
                continue
            where, key, capacity = f"applications[{i}]", a.opportunity, opportunity.capacity
            if capacity is None or taken[key] < capacity:
                places = "has no capacity" if capacity is None else \
                    f"has {taken[key]} of its {capacity} places taken"
                problems.append(v.problem(f"{where}.status", f"WAITLISTED on {key}, which is "
                                                             f"not full ({places})"))
            elif applied_day(a, opportunity) <= last_taken.get(key, DEFAULT_APPLIED_DAY):
                problems.append(v.problem(
                    f"{where}.applied_day",
                    f"day {applied_day(a, opportunity)} is not after the last accepted "
                    f"application to {key} (day {last_taken[key]}): a waiting list forms once "
                    "the places are taken"))
    return problems


def _inquiry_references(placed: PlacedContent) -> list[Problem]:
    """A thread is about an opportunity its volunteer can see, and starts once published."""
    opportunities = {o.key: o.record for o in placed.opportunities}
    volunteers = {v.key for v in placed.volunteers}
    problems = []
    for p in placed.inquiries:
        t = p.record
        if t.volunteer not in volunteers:
            problems.append(p.problem("volunteer", f"{t.volunteer!r} is not a known volunteer"))
        opportunity = opportunities.get(t.opportunity)
        if opportunity is None:
            problems.append(p.problem("opportunity",
                                      f"{t.opportunity!r} is not a known opportunity"))
            continue
        known = (opportunity.status in {str(s) for s in RecordStatus}
                 and opportunity.visibility in {str(v) for v in Visibility})
        if known and (opportunity.status != "PUBLISHED" or opportunity.visibility != "PUBLIC"):
            problems.append(p.problem("opportunity", f"{t.opportunity!r} is "
                                      f"{opportunity.visibility} and {opportunity.status}: a "
                                      "volunteer sees only PUBLIC and PUBLISHED opportunities"))
        elif t.messages and t.messages[0].day < opportunity.published_day:
            problems.append(p.problem("messages[0].day", f"is before {t.opportunity} was "
                                      f"published (day {opportunity.published_day})"))
    return problems
