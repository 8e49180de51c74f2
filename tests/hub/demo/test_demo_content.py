"""The demo tells a believable story: every tenant and group present, dates in the demo's
window, fictitious contacts, texts that are not copied from one record to another.

Whether the records are valid (shapes, known codes, references, hours, locales) is the
loader's job, tested in test_demo_loader.py; loading here already proves the packaged files
pass it.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Iterable, Iterator

import pytest

from hub.db.models.enums import VolunteerGroup
from hub.demo.loader import demo_content
from hub.demo.records import DemoContent, VolunteerSeed
from tenants import load_registry

LOCALES = {"ar", "en", "fr"}
TENANTS = load_registry()
CONTENT = demo_content()
EXAMPLE_EMAIL = r"[a-z0-9.\-]+@[a-z0-9.\-]+\.example\.[a-z]{2,3}"
PHONE = r"\+\d{1,3}( \d{1,4})+"


def duplicates(keys: Iterable[str]) -> list[str]:
    return sorted(k for k, n in Counter(keys).items() if n > 1)


def age_problems(volunteer: VolunteerSeed) -> list[str]:
    """Pupils are of school age and retirees of retirement age on the demo's day."""
    problems: list[str] = []
    if volunteer.group == "PUPIL" and not 2008 <= volunteer.birth_year <= 2011:
        problems.append(f"{volunteer.key}: a pupil born in {volunteer.birth_year}")
    if volunteer.group == "RETIREE" and not 1950 <= volunteer.birth_year <= 1962:
        problems.append(f"{volunteer.key}: a retiree born in {volunteer.birth_year}")
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


# --- the whole demo -----------------------------------------------------------------------


@pytest.mark.parametrize("kind", [f.name for f in dataclasses.fields(DemoContent)])
def test_every_kind_of_record_is_there(kind: str) -> None:
    assert getattr(CONTENT, kind)


def test_the_demo_is_loaded_once() -> None:
    assert demo_content() is CONTENT


# --- volunteers ---------------------------------------------------------------------------


def test_volunteers_are_of_an_age_that_fits_their_group() -> None:
    assert [p for v in CONTENT.volunteers for p in age_problems(v)] == []


def test_the_age_check_catches_a_misfit() -> None:
    first = CONTENT.volunteers[0]
    assert age_problems(dataclasses.replace(first, group="PUPIL", birth_year=1990))
    assert age_problems(dataclasses.replace(first, group="RETIREE", birth_year=2001))
    assert age_problems(dataclasses.replace(first, group="PUPIL", birth_year=2009)) == []


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
        assert re.fullmatch(EXAMPLE_EMAIL, v.email), v.key
        assert re.fullmatch(PHONE, v.phone), v.key


# --- opportunities ------------------------------------------------------------------------


def test_every_tenant_has_at_least_three_opportunities() -> None:
    per_tenant = Counter(o.tenant for o in CONTENT.opportunities)
    assert {slug: per_tenant[slug] for slug in TENANTS if per_tenant[slug] < 3} == {}
    assert len(CONTENT.opportunities) >= 40


def test_there_are_emergency_calls() -> None:
    emergencies = [o for o in CONTENT.opportunities if o.is_emergency]
    assert len(emergencies) >= 5
    assert all(o.format != "REMOTE" for o in emergencies)


def test_a_handful_are_not_public() -> None:
    hidden = [o for o in CONTENT.opportunities
              if o.visibility != "PUBLIC" or o.status != "PUBLISHED"]
    assert 4 <= len(hidden) <= 6
    assert {o.visibility for o in hidden} >= {"NETWORK", "TENANT"}
    assert {o.status for o in hidden} >= {"DRAFT", "CLOSED"}


def test_opportunity_dates_fall_in_the_demo_window() -> None:
    for o in CONTENT.opportunities:
        assert -60 <= o.published_day <= -1, o.key
        if o.starts_day is not None:
            assert -10 <= o.starts_day <= 90, o.key
    remote = [o for o in CONTENT.opportunities if o.format == "REMOTE"]
    assert remote and all(o.is_ongoing for o in remote if o.tenant == "arco")


def test_opportunity_contacts_use_example_domains() -> None:
    for o in CONTENT.opportunities:
        assert o.contact_name and o.contact_email and o.contact_phone, o.key
        assert re.fullmatch(EXAMPLE_EMAIL, o.contact_email), o.key
        assert re.fullmatch(PHONE, o.contact_phone), o.key


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


def test_events_fall_in_the_window_and_online_ones_use_example_domains() -> None:
    for e in CONTENT.events:
        if e.online_url:
            assert re.match(r"https://[a-z0-9.\-]+\.example\.[a-z]{2,3}/", e.online_url), e.key
        assert -20 <= e.starts_day <= 120, e.key


def test_news_dates_tags_and_authors() -> None:
    for n in CONTENT.news:
        assert -90 <= n.published_day <= 30, n.key  # ahead: scheduled
        assert n.tags and n.author, n.key
    assert any(n.published_day > 0 and n.status == "PUBLISHED" for n in CONTENT.news), \
        "the demo shows a scheduled news item"
    assert any(len(n.texts) == 1 for n in CONTENT.news)
    assert {n.tenant for n in CONTENT.news} == set(TENANTS)
