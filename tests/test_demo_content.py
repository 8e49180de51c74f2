"""The hand-written demo records hold together: keys, references, hours, locales and places."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Iterable, Iterator

import pytest

from hub.db.models.enums import (
    ApplicationStatus,
    EventKind,
    OpportunityFormat,
    RecordStatus,
    Visibility,
    VolunteerGroup,
)
from hub.demo.content import CONTENT
from hub.demo.records import DemoContent, OpportunitySeed, VolunteerSeed
from tenants import load_registry

LOCALES = {"ar", "en", "fr"}
ORGANIZATION_KINDS = {
    "SCHOOL", "UNIVERSITY", "MUNICIPALITY", "BRANCH", "NGO", "HOSPITAL", "TRAINING_CENTER",
    "COMPANY",
}
NO_HOURS = {"APPLIED", "REJECTED", "WITHDRAWN", "NO_SHOW"}
TENANTS = load_registry()


def duplicates(keys: Iterable[str]) -> list[str]:
    return sorted(k for k, n in Counter(keys).items() if n > 1)


def opportunities_by_key(content: DemoContent) -> dict[str, OpportunitySeed]:
    return {o.key: o for o in content.opportunities}


def has_started(opportunity: OpportunitySeed) -> bool:
    return opportunity.is_ongoing or (
        opportunity.starts_day is not None and opportunity.starts_day < 0
    )


def reference_problems(content: DemoContent) -> list[str]:
    """Every key a record names exists, and belongs to the record's tenant."""
    problems: list[str] = []
    categories = {c.code for c in content.categories}
    skills = {s.code for s in content.skills}
    organizations = {o.key: o.tenant for o in content.organizations}
    campaigns = {c.key: c.tenant for c in content.campaigns}
    for o in content.opportunities:
        if o.category not in categories:
            problems.append(f"{o.key}: unknown category {o.category}")
        problems += [f"{o.key}: unknown skill {s}" for s in o.skills if s not in skills]
        if o.organization is not None and organizations.get(o.organization) != o.tenant:
            problems.append(f"{o.key}: organization {o.organization} is not of {o.tenant}")
        if o.campaign is not None and campaigns.get(o.campaign) != o.tenant:
            problems.append(f"{o.key}: campaign {o.campaign} is not of {o.tenant}")
    opportunities = opportunities_by_key(content)
    for v in content.volunteers:
        problems += [f"{v.key}: unknown skill {s}" for s in v.skills if s not in skills]
        problems += [f"{v.key}: unknown tenant {t}" for t in v.tenants if t not in TENANTS]
        named = [key for key, *_ in v.applications] + list(v.saved)
        for key in named:
            opportunity = opportunities.get(key)
            if opportunity is None:
                problems.append(f"{v.key}: unknown opportunity {key}")
            elif opportunity.tenant not in v.tenants:
                problems.append(f"{v.key}: {key} is of {opportunity.tenant}, not a membership")
            elif opportunity.status == "DRAFT":
                problems.append(f"{v.key}: {key} is an unpublished draft")
    return problems


def hours_problems(content: DemoContent) -> list[str]:
    """Hours are never negative, verified never exceed logged, and none before the start."""
    problems: list[str] = []
    opportunities = opportunities_by_key(content)
    for v in content.volunteers:
        for key, status, logged, verified in v.applications:
            where = f"{v.key} on {key}"
            if status not in ApplicationStatus.__members__:
                problems.append(f"{where}: unknown status {status}")
            if logged < 0 or verified < 0:
                problems.append(f"{where}: negative hours")
            if verified > logged:
                problems.append(f"{where}: {verified} verified > {logged} logged")
            if status in NO_HOURS and (logged or verified):
                problems.append(f"{where}: {status} with hours")
            opportunity = opportunities.get(key)
            if opportunity and not has_started(opportunity) and (logged or status == "COMPLETED"):
                problems.append(f"{where}: hours or completion before the opportunity starts")
    return problems


def volunteer_problems(volunteer: VolunteerSeed) -> list[str]:
    problems: list[str] = []
    if volunteer.group not in VolunteerGroup.__members__:
        problems.append(f"{volunteer.key}: unknown group {volunteer.group}")
    if volunteer.group == "PUPIL" and not 2008 <= volunteer.birth_year <= 2011:
        problems.append(f"{volunteer.key}: a pupil born in {volunteer.birth_year}")
    if volunteer.group == "RETIREE" and not 1950 <= volunteer.birth_year <= 1962:
        problems.append(f"{volunteer.key}: a retiree born in {volunteer.birth_year}")
    if not volunteer.tenants:
        problems.append(f"{volunteer.key}: member of no tenant")
    keys = [key for key, *_ in volunteer.applications]
    problems += [f"{volunteer.key}: applies twice to {k}" for k in duplicates(keys)]
    return problems


def all_texts(content: DemoContent) -> Iterator[tuple[str, str, dict[str, object]]]:
    """(kind, key, texts by locale) for every translated record."""
    for o in content.opportunities:
        yield "opportunity", o.key, dict(o.texts)
    for e in content.events:
        yield "event", e.key, dict(e.texts)
    for n in content.news:
        yield "news", n.key, dict(n.texts)


def text_values(text: object) -> list[str]:
    return [getattr(text, f.name) for f in dataclasses.fields(text)]  # type: ignore[arg-type]


def tenant_languages(slug: str) -> set[str]:
    return {tag.split("-")[0] for tag in TENANTS[slug].locales}


# --- keys and tenants -------------------------------------------------------------------


@pytest.mark.parametrize("kind", [
    "categories", "skills", "organizations", "campaigns", "opportunities", "events", "news",
    "volunteers",
])
def test_keys_are_unique_within_each_kind(kind: str) -> None:
    records = getattr(CONTENT, kind)
    keys = [getattr(r, "code", None) or r.key for r in records]
    assert records
    assert duplicates(keys) == []


def test_every_record_belongs_to_a_known_tenant() -> None:
    owned = [*CONTENT.organizations, *CONTENT.campaigns, *CONTENT.opportunities,
             *CONTENT.events, *CONTENT.news]
    assert sorted({r.key for r in owned if r.tenant not in TENANTS}) == []


def test_every_volunteer_tenant_is_known() -> None:
    unknown = {t for v in CONTENT.volunteers for t in v.tenants if t not in TENANTS}
    assert unknown == set()


def test_taxonomy_labels_are_in_the_three_locales() -> None:
    for seed in (*CONTENT.categories, *CONTENT.skills):
        assert set(seed.labels) == LOCALES, seed.code
        assert all(label.strip() for label in seed.labels.values()), seed.code


def test_organizations_have_a_known_kind_and_a_city() -> None:
    for o in CONTENT.organizations:
        assert o.kind in ORGANIZATION_KINDS, o.key
        assert o.name.strip() and o.city.strip(), o.key


def test_campaigns_end_after_they_start_and_have_titles() -> None:
    for c in CONTENT.campaigns:
        assert c.starts_day <= c.ends_day, c.key
        assert c.titles and set(c.titles) <= LOCALES, c.key
        assert all(t.strip() for t in c.titles.values()), c.key


# --- references -------------------------------------------------------------------------


def test_references_resolve_within_the_same_tenant() -> None:
    assert reference_problems(CONTENT) == []


def test_hours_are_consistent_with_statuses_and_dates() -> None:
    assert hours_problems(CONTENT) == []


def test_volunteers_are_consistent() -> None:
    problems = [p for v in CONTENT.volunteers for p in volunteer_problems(v)]
    assert problems == []


def test_accepted_applications_fit_the_capacity() -> None:
    taken = Counter(key for v in CONTENT.volunteers for key, status, *_ in v.applications
                    if status in ("ACCEPTED", "COMPLETED"))
    for o in CONTENT.opportunities:
        if o.capacity is not None:
            assert taken[o.key] <= o.capacity, o.key


def test_the_checks_catch_broken_records() -> None:
    """The checks above find real faults: break one record at a time and look."""
    first = CONTENT.volunteers[0]
    foreign = next(o for o in CONTENT.opportunities if o.tenant not in first.tenants)
    not_started = next(o for o in CONTENT.opportunities
                       if not has_started(o) and o.status == "PUBLISHED"
                       and o.tenant in first.tenants)
    other_org = next(o for o in CONTENT.organizations
                     if o.tenant != CONTENT.opportunities[0].tenant)
    broken = {
        "foreign application": dataclasses.replace(first, applications=(
            (foreign.key, "APPLIED", 0.0, 0.0),)),
        "unknown saved": dataclasses.replace(first, saved=("no-such-opportunity",)),
        "verified > logged": dataclasses.replace(first, applications=(
            (not_started.key, "ACCEPTED", 2.0, 3.0),)),
        "completed before start": dataclasses.replace(first, applications=(
            (not_started.key, "COMPLETED", 0.0, 0.0),)),
    }
    for name, volunteer in broken.items():
        content = dataclasses.replace(CONTENT, volunteers=(volunteer,))
        assert reference_problems(content) + hours_problems(content), name
    opportunity = dataclasses.replace(CONTENT.opportunities[0], organization=other_org.key)
    content = dataclasses.replace(CONTENT, opportunities=(opportunity,), volunteers=())
    assert reference_problems(content)
    pupil = dataclasses.replace(first, group="PUPIL", birth_year=1990)
    assert volunteer_problems(pupil)


# --- volunteers ---------------------------------------------------------------------------


def test_every_volunteer_group_is_represented() -> None:
    groups = {v.group for v in CONTENT.volunteers}
    assert groups == {g.value for g in VolunteerGroup}


def test_the_setif_association_has_pupils_and_retirees() -> None:
    groups = {v.group for v in CONTENT.volunteers if "setif-youth" in v.tenants}
    assert {"PUPIL", "RETIREE", "UNIVERSITY_STUDENT", "VOCATIONAL_TRAINEE"} <= groups


def test_some_volunteers_belong_to_two_tenants_and_some_share_with_the_network() -> None:
    assert sum(len(v.tenants) > 1 for v in CONTENT.volunteers) >= 3
    sharing = sum(v.shares_with_network for v in CONTENT.volunteers)
    assert 0.2 <= sharing / len(CONTENT.volunteers) <= 0.5


def test_volunteer_contacts_are_unique_and_never_real_addresses() -> None:
    emails = [v.email for v in CONTENT.volunteers]
    assert duplicates(emails) == []
    for v in CONTENT.volunteers:
        assert re.fullmatch(r"[a-z0-9.\-]+@[a-z0-9.\-]+\.example\.[a-z]{2,3}", v.email), v.key
        assert re.fullmatch(r"\+\d{1,3}( \d{1,4})+", v.phone), v.key
        assert v.languages and v.country.isupper() and len(v.country) == 2, v.key


# --- opportunities ------------------------------------------------------------------------


def test_every_tenant_has_at_least_three_opportunities() -> None:
    per_tenant = Counter(o.tenant for o in CONTENT.opportunities)
    assert {slug: per_tenant[slug] for slug in TENANTS if per_tenant[slug] < 3} == {}
    assert len(CONTENT.opportunities) >= 40


def test_there_are_emergency_calls() -> None:
    emergencies = [o for o in CONTENT.opportunities if o.is_emergency]
    assert len(emergencies) >= 5
    assert all(o.format != "REMOTE" for o in emergencies)


def test_opportunity_fields_use_known_values() -> None:
    for o in CONTENT.opportunities:
        assert o.format in OpportunityFormat.__members__, o.key
        assert o.visibility in Visibility.__members__, o.key
        assert o.status in RecordStatus.__members__, o.key
        assert o.capacity is None or o.capacity > 0, o.key
        assert o.credited_hours is None or o.credited_hours > 0, o.key
        assert 0 <= o.starts_hour <= 23, o.key


def test_a_handful_are_not_public() -> None:
    hidden = [o for o in CONTENT.opportunities
              if o.visibility != "PUBLIC" or o.status != "PUBLISHED"]
    assert 4 <= len(hidden) <= 6
    assert {o.visibility for o in hidden} >= {"NETWORK", "TENANT"}
    assert {o.status for o in hidden} >= {"DRAFT", "CLOSED"}


def test_remote_opportunities_have_no_place_and_others_do() -> None:
    for o in CONTENT.opportunities:
        place = (o.city, o.region, o.latitude, o.longitude)
        if o.format == "REMOTE":
            assert place == (None, None, None, None), o.key
        else:
            assert None not in place, o.key
            assert -90 <= o.latitude <= 90 and -180 <= o.longitude <= 180, o.key  # type: ignore[operator]


def test_dates_of_opportunities() -> None:
    for o in CONTENT.opportunities:
        assert -60 <= o.published_day <= -1, o.key
        if o.is_ongoing:
            assert o.starts_day is None, o.key
        if o.starts_day is not None:
            assert -10 <= o.starts_day <= 90, o.key
            assert o.published_day <= o.starts_day, o.key
    remote = [o for o in CONTENT.opportunities if o.format == "REMOTE"]
    assert remote and all(o.is_ongoing for o in remote if o.tenant == "arco")


def test_opportunity_contacts_use_example_domains() -> None:
    for o in CONTENT.opportunities:
        assert o.contact_name and o.contact_email and o.contact_phone, o.key
        assert re.fullmatch(r"[a-z0-9.\-]+@[a-z0-9.\-]+\.example\.[a-z]{2,3}",
                            o.contact_email), o.key
        assert re.fullmatch(r"\+\d{1,3}( \d{1,4})+", o.contact_phone), o.key


def test_opportunity_titles_are_short() -> None:
    long_titles = [(o.key, locale) for o in CONTENT.opportunities
                   for locale, t in o.texts.items() if len(t.title) > 80]
    assert long_titles == []


def test_most_opportunities_carry_three_locales_and_some_fewer() -> None:
    full = [o for o in CONTENT.opportunities if set(o.texts) == LOCALES]
    assert len(full) >= 0.6 * len(CONTENT.opportunities)
    assert len(CONTENT.opportunities) - len(full) >= 3
    assert any(len(o.texts) == 1 for o in CONTENT.opportunities)


# --- texts --------------------------------------------------------------------------------


def test_texts_are_in_known_locales_of_the_tenant_and_not_empty() -> None:
    tenant_of = {r.key: r.tenant for r in (*CONTENT.opportunities, *CONTENT.events,
                                           *CONTENT.news)}
    for kind, key, texts in all_texts(CONTENT):
        assert texts, (kind, key)
        assert set(texts) <= LOCALES, (kind, key)
        assert set(texts) <= tenant_languages(tenant_of[key]), (kind, key)
        for locale, text in texts.items():
            values = text_values(text)
            assert all(v.strip() == v and v for v in values), (kind, key, locale)


def test_the_source_language_is_arabic_or_french() -> None:
    sources = Counter(next(iter(texts)) for _, _, texts in all_texts(CONTENT))
    assert set(sources) <= {"ar", "fr"}
    assert sources["ar"] > sources["fr"] > 0


def test_no_sentence_is_repeated_across_records() -> None:
    seen: dict[str, str] = {}
    repeated: list[tuple[str, str]] = []
    for _, key, texts in all_texts(CONTENT):
        for text in texts.values():
            for value in text_values(text):
                for sentence in re.split(r"(?<=[.!?؟])\s+", value):
                    if len(sentence) < 40:
                        continue
                    if seen.setdefault(sentence, key) != key:
                        repeated.append((seen[sentence], key))
    assert repeated == []


# --- events and news ----------------------------------------------------------------------


def test_events_happen_somewhere_and_in_the_window() -> None:
    for e in CONTENT.events:
        assert e.kind in EventKind.__members__, e.key
        assert (e.city is None) != (e.online_url is None), e.key
        if e.online_url:
            assert re.match(r"https://[a-z0-9.\-]+\.example\.[a-z]{2,3}/", e.online_url), e.key
        assert -20 <= e.starts_day <= 120, e.key
        assert e.duration_hours > 0, e.key
        assert e.visibility in Visibility.__members__ and e.status in RecordStatus.__members__


def test_news_dates_and_tags() -> None:
    for n in CONTENT.news:
        assert -90 <= n.published_day <= 0, n.key
        assert n.tags and all(re.fullmatch(r"[a-z]+", t) for t in n.tags), n.key
        assert n.author, n.key
    assert any(len(n.texts) == 1 for n in CONTENT.news)
    assert {n.tenant for n in CONTENT.news} == set(TENANTS)
