"""The rules of `hub.demo.rules`, beyond the shapes: known codes, sane numbers, texts in the
tenant's languages, unique keys, and references that resolve within one tenant. Each case
breaks the valid folder of demo_files.py in one place and expects exactly that problem.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from hub.demo.loader import DemoDataError, load_demo
from tests.hub.demo.demo_files import NEWS, SETIF, TENANTS, VALID, VOL, problems_after, write

# --- rules of one record ------------------------------------------------------------------

TUT = '(record "setif-tutoring")'
SETIF_0 = "opportunities/setif-youth.toml: opportunities[0]"


@pytest.mark.parametrize(("name", "old", "new", "expected"), [
    # taxonomy, organizations, campaigns
    ("taxonomy.toml", 'en = "Teaching", ', "",
     'taxonomy.toml: skills[0].labels.en: is required (labels in ar, en, fr) (record "TEACHING")'),
    ("taxonomy.toml", 'en = "Blood donation", ', 'en = "Blood donation", de = "Blutspende", ',
     'taxonomy.toml: categories[1].labels.de: is not one of ar, en, fr (record "BLOOD_DONATION")'),
    ("taxonomy.toml", 'en = "Blood donation"', 'en = " "',
     'taxonomy.toml: categories[1].labels.en: must not be blank (record "BLOOD_DONATION")'),
    ("organizations.toml", '"BRANCH"', '"CLUB"',
     "organizations.toml: organizations[1].kind: 'CLUB' is not one of SCHOOL, UNIVERSITY, "
     "MUNICIPALITY, BRANCH, NGO, HOSPITAL, TRAINING_CENTER, COMPANY "
     '(record "dz-oran-branch")'),
    ("organizations.toml", 'city = "Oran"', 'city = ""',
     'organizations.toml: organizations[1].city: must not be blank (record "dz-oran-branch")'),
    ("organizations.toml", 'name = "فرع وهران"', 'name = " "',
     'organizations.toml: organizations[1].name: must not be blank (record "dz-oran-branch")'),
    ("campaigns.toml", "ends_day = 40", "ends_day = 10",
     "campaigns.toml: campaigns[0].ends_day: ends before it starts (starts_day 14) "
     '(record "setif-volunteer-day")'),
    ("campaigns.toml", "titles = { ar", "titles = { de = \"Tag\", ar",
     'campaigns.toml: campaigns[0].titles.de: is not one of ar, en, fr '
     '(record "setif-volunteer-day")'),
    ("campaigns.toml", 'titles = { ar = "اليوم العالمي للتطوع", fr = '
     '"Journée internationale des volontaires" }', "titles = {}",
     "campaigns.toml: campaigns[0].titles: needs a title in its source language at least "
     '(record "setif-volunteer-day")'),
    ("campaigns.toml", 'fr = "Journée internationale des volontaires"', 'fr = ""',
     'campaigns.toml: campaigns[0].titles.fr: must not be blank (record "setif-volunteer-day")'),
    # opportunities
    (SETIF, 'format = "ONSITE"', 'format = "ON_SITE"',
     f"{SETIF_0}.format: 'ON_SITE' is not one of ONSITE, REMOTE, HYBRID {TUT}"),
    (SETIF, "published_day = -20", 'published_day = -20\nvisibility = "SECRET"',
     f"{SETIF_0}.visibility: 'SECRET' is not one of PUBLIC, NETWORK, TENANT {TUT}"),
    (SETIF, "published_day = -20", 'published_day = -20\nstatus = "LIVE"',
     f"{SETIF_0}.status: 'LIVE' is not one of DRAFT, PUBLISHED, CLOSED, ARCHIVED {TUT}"),
    (SETIF, "starts_day = 20", "starts_day = 20\ncapacity = 0",
     'opportunities/setif-youth.toml: opportunities[1].capacity: must be positive '
     '(record "setif-later")'),
    (SETIF, "credited_hours = 10", "credited_hours = -1",
     f"{SETIF_0}.credited_hours: must be positive {TUT}"),
    (SETIF, "published_day = -20", "published_day = -20\nstarts_hour = 24",
     f"{SETIF_0}.starts_hour: must be an hour from 0 to 23 {TUT}"),
    (SETIF, 'region = "Sétif"', "", f"{SETIF_0}.region: is required for an ONSITE opportunity {TUT}"),
    (SETIF, "latitude = 36.19", "latitude = 96.19", f"{SETIF_0}.latitude: must be between -90 "
                                                    f"and 90 {TUT}"),
    (SETIF, "longitude = 5.41", "longitude = 185.41", f"{SETIF_0}.longitude: must be between "
                                                      f"-180 and 180 {TUT}"),
    (SETIF, "is_ongoing = true", 'is_ongoing = true\ncity = "Sétif"',
     'opportunities/setif-youth.toml: opportunities[2].city: a REMOTE opportunity has no place '
     '(record "setif-draft")'),
    (SETIF, "is_ongoing = true", "is_ongoing = true\nstarts_day = 3",
     'opportunities/setif-youth.toml: opportunities[2].starts_day: an ongoing opportunity has no '
     'start day (record "setif-draft")'),
    (SETIF, "published_day = -20", "published_day = -2",
     f"{SETIF_0}.published_day: is after the start (day -3) {TUT}"),
    # texts
    (SETIF, "[opportunities.texts.fr]", "[opportunities.texts.de]",
     f"{SETIF_0}.texts.de: is not one of ar, en, fr {TUT}"),
    ("news/sa-crescent.toml", "[news.texts.en]", "[news.texts.fr]",
     'news/sa-crescent.toml: news[0].texts.fr: sa-crescent does not publish in fr '
     '(record "sa-rain-alert")'),
    (SETIF, 'summary = "Aidez', 'summary = " Aidez',
     f"{SETIF_0}.texts.fr.summary: starts or ends with white space {TUT}"),
    (SETIF, 'title = "Soutien scolaire pour le bac"', 'title = ""',
     f"{SETIF_0}.texts.fr.title: must not be blank {TUT}"),
    (SETIF, "كل سبت \\\n", "كل سبت\n",
     f'{SETIF_0}.texts.ar.description: has a line break (end each wrapped line of a multi-line '
     f'string with "\\") {TUT}'),
    # events
    ("events/setif-youth.toml", 'kind = "SEMINAR"', 'kind = "PARTY"',
     "events/setif-youth.toml: events[0].kind: 'PARTY' is not one of EXHIBITION, SEMINAR, "
     'TRAINING, CAMPAIGN_DAY, AWARENESS_DAY, MEETING (record "setif-study-day")'),
    ("events/setif-youth.toml", 'city = "Sétif"', 'city = "Sétif"\nonline_url = "https://x.example.org/"',
     'events/setif-youth.toml: events[0].city: an event has either a city or an online_url '
     '(record "setif-study-day")'),
    ("events/setif-youth.toml", 'online_url = "https://meet.example.org/setif"', "",
     'events/setif-youth.toml: events[1].city: an event has either a city or an online_url '
     '(record "setif-webinar")'),
    ("events/setif-youth.toml", "starts_day = 5", "starts_day = 5\nduration_hours = 0",
     'events/setif-youth.toml: events[0].duration_hours: must be positive '
     '(record "setif-study-day")'),
    ("events/setif-youth.toml", "starts_day = 5", 'starts_day = 5\nvisibility = "ALL"',
     "events/setif-youth.toml: events[0].visibility: 'ALL' is not one of PUBLIC, NETWORK, "
     'TENANT (record "setif-study-day")'),
    ("events/setif-youth.toml", "starts_day = 5", 'starts_day = 5\nstatus = "DONE"',
     "events/setif-youth.toml: events[0].status: 'DONE' is not one of DRAFT, PUBLISHED, "
     'CLOSED, ARCHIVED (record "setif-study-day")'),
    ("events/setif-youth.toml", '[events.texts.ar]\ntitle = "يوم دراسي حول التطوع"\n'
     'description = "يوم دراسي في الجامعة."\n', "texts = {}\n",
     'events/setif-youth.toml: events[0].texts: needs texts in its source language at least '
     '(record "setif-study-day")'),
    # news
    (NEWS, "published_day = -2", 'published_day = -2\nvisibility = "WORLD"',
     "news/dz-crescent.toml: news[0].visibility: 'WORLD' is not one of PUBLIC, NETWORK, TENANT "
     '(record "dz-blood-call")'),
    (NEWS, "published_day = -2", 'published_day = -2\nstatus = "ONLINE"',
     "news/dz-crescent.toml: news[0].status: 'ONLINE' is not one of DRAFT, PUBLISHED, CLOSED, "
     'ARCHIVED (record "dz-blood-call")'),
    (NEWS, 'tags = ["blood"]', 'tags = ["blood", "Don du sang"]',
     "news/dz-crescent.toml: news[0].tags[1]: 'Don du sang' must be lower-case letters a-z "
     '(record "dz-blood-call")'),
    # volunteers
    (VOL, '"UNIVERSITY_STUDENT"', '"STUDENT"',
     "volunteers.toml: volunteers[0].group: 'STUDENT' is not one of PUPIL, UNIVERSITY_STUDENT, "
     'VOCATIONAL_TRAINEE, EMPLOYED, SELF_EMPLOYED, UNEMPLOYED, RETIREE, OTHER (record "amina")'),
    (VOL, 'languages = ["ar", "fr"]', "languages = []",
     'volunteers.toml: volunteers[0].languages: must name one language at least (record "amina")'),
    (VOL, 'country = "DZ"', 'country = "Algeria"',
     "volunteers.toml: volunteers[0].country: 'Algeria' is not an ISO 3166-1 alpha-2 code "
     '(record "amina")'),
    (VOL, 'status = "ACCEPTED"', 'status = "OK"',
     "volunteers.toml: volunteers[0].applications[0].status: 'OK' is not one of APPLIED, "
     'WAITLISTED, ACCEPTED, REJECTED, WITHDRAWN, COMPLETED, NO_SHOW (record "amina")'),
    (VOL, "logged_hours = 4, verified_hours = 2", "logged_hours = -4, verified_hours = -5",
     'volunteers.toml: volunteers[0].applications[0]: hours must not be negative (record "amina")'),
    (VOL, "verified_hours = 2", "verified_hours = 5",
     'volunteers.toml: volunteers[0].applications[0].verified_hours: 5 verified > 4 logged '
     '(record "amina")'),
    (VOL, 'status = "ACCEPTED"', 'status = "REJECTED", reason = "OTHER"',
     'volunteers.toml: volunteers[0].applications[0]: an application REJECTED carries no hours '
     '(record "amina")'),
    (VOL, '{ opportunity = "setif-later", status = "APPLIED" },',
     '{ opportunity = "setif-later", status = "APPLIED" },\n'
     '    { opportunity = "setif-later", status = "WITHDRAWN" },',
     'volunteers.toml: volunteers[1].applications[1].opportunity: applies twice to setif-later '
     '(record "younes")'),
])
def test_record_rules(tmp_path: Path, name: str, old: str, new: str, expected: str) -> None:
    assert problems_after(tmp_path, name, old, new) == [expected]


# --- rules across records -----------------------------------------------------------------


@pytest.mark.parametrize(("name", "old", "new", "expected"), [
    ("opportunities/dz-crescent.toml", 'key = "dz-blood-drive"', 'key = "setif-later"',
     "opportunities/dz-crescent.toml: opportunities[0].key: 'setif-later' is also "
     'opportunities[1] in opportunities/setif-youth.toml (record "setif-later")'),
    ("taxonomy.toml", 'code = "BLOOD_DONATION"', 'code = "FIRST_AID"',
     "taxonomy.toml: categories[1].code: 'FIRST_AID' is also categories[0] in taxonomy.toml "
     '(record "FIRST_AID")'),
    (VOL, 'key = "younes"', 'key = "amina"',
     "volunteers.toml: volunteers[1].key: 'amina' is also volunteers[0] in volunteers.toml "
     '(record "amina")'),
    ("taxonomy.toml", "[[skills]]", '[[skills]]\ncode = "TEACHING"\n'
     'labels = { ar = "تدريس", en = "Tutoring", fr = "Soutien" }\n\n[[skills]]',
     "taxonomy.toml: skills[1].code: 'TEACHING' is also skills[0] in taxonomy.toml "
     '(record "TEACHING")'),
    ("organizations.toml", 'key = "dz-oran-branch"', 'key = "setif-apc"', None),
    ("news/sa-crescent.toml", 'key = "sa-rain-alert"', 'key = "dz-blood-call"',
     "news/sa-crescent.toml: news[0].key: 'dz-blood-call' is also news[0] in "
     'news/dz-crescent.toml (record "dz-blood-call")'),
    ("campaigns.toml", "[[campaigns]]", '[[campaigns]]\nkey = "setif-volunteer-day"\n'
     'tenant = "setif-youth"\nstarts_day = 1\nends_day = 2\ntitles = { ar = "حملة" }\n\n'
     "[[campaigns]]",
     "campaigns.toml: campaigns[1].key: 'setif-volunteer-day' is also campaigns[0] in "
     'campaigns.toml (record "setif-volunteer-day")'),
    ("events/setif-youth.toml", 'key = "setif-webinar"', 'key = "setif-study-day"',
     "events/setif-youth.toml: events[1].key: 'setif-study-day' is also events[0] in "
     'events/setif-youth.toml (record "setif-study-day")'),
    ("organizations.toml", 'tenant = "dz-crescent"', 'tenant = "atlantis"',
     "organizations.toml: organizations[1].tenant: 'atlantis' is not a known tenant "
     '(record "dz-oran-branch")'),
    ("campaigns.toml", 'tenant = "setif-youth"', 'tenant = "atlantis"',
     "campaigns.toml: campaigns[0].tenant: 'atlantis' is not a known tenant "
     '(record "setif-volunteer-day")'),
    (VOL, 'tenants = ["setif-youth", "dz-crescent"]', 'tenants = ["setif-youth", "atlantis"]',
     "volunteers.toml: volunteers[1].tenants[1]: 'atlantis' is not a known tenant "
     '(record "younes")'),
    (SETIF, 'category = "FIRST_AID"', 'category = "SPORTS"',
     f"{SETIF_0}.category: 'SPORTS' is not a known category {TUT}"),
    (SETIF, 'skills = ["TEACHING"]', 'skills = ["TEACHING", "JUGGLING"]',
     f"{SETIF_0}.skills[1]: 'JUGGLING' is not a known skill {TUT}"),
    (SETIF, 'organization = "setif-apc"', 'organization = "setif-univ"',
     f"{SETIF_0}.organization: 'setif-univ' is not a known organization {TUT}"),
    (SETIF, 'organization = "setif-apc"', 'organization = "dz-oran-branch"',
     f"{SETIF_0}.organization: 'dz-oran-branch' is of dz-crescent, not of setif-youth {TUT}"),
    ("campaigns.toml", 'tenant = "setif-youth"', 'tenant = "dz-crescent"',
     f"{SETIF_0}.campaign: 'setif-volunteer-day' is of dz-crescent, not of setif-youth {TUT}"),
    (SETIF, 'campaign = "setif-volunteer-day"', 'campaign = "setif-ramadan"',
     f"{SETIF_0}.campaign: 'setif-ramadan' is not a known campaign {TUT}"),
    (VOL, 'skills = ["TEACHING"]', 'skills = ["TEACHING", "JUGGLING"]',
     'volunteers.toml: volunteers[0].skills[1]: \'JUGGLING\' is not a known skill (record "amina")'),
    (VOL, 'saved = ["setif-later"]', 'saved = ["setif-nowhere"]',
     "volunteers.toml: volunteers[0].saved[0]: 'setif-nowhere' is not a known opportunity "
     '(record "amina")'),
    (VOL, 'saved = ["setif-later"]', 'saved = ["dz-blood-drive"]',
     "volunteers.toml: volunteers[0].saved[0]: 'dz-blood-drive' is of dz-crescent, which the "
     'volunteer is not a member of (record "amina")'),
    (VOL, 'saved = ["setif-later"]', 'saved = ["setif-draft"]',
     "volunteers.toml: volunteers[0].saved[0]: 'setif-draft' is an unpublished draft "
     '(record "amina")'),
    (VOL, '{ opportunity = "setif-later", status = "APPLIED" }',
     '{ opportunity = "setif-nowhere", status = "APPLIED" }',
     "volunteers.toml: volunteers[1].applications[0].opportunity: 'setif-nowhere' is not a "
     'known opportunity (record "younes")'),
    (VOL, '{ opportunity = "setif-later", status = "APPLIED" }',
     '{ opportunity = "setif-later", status = "ACCEPTED", logged_hours = 2 }',
     "volunteers.toml: volunteers[1].applications[0]: hours or completion before setif-later "
     'starts (record "younes")'),
    (VOL, '{ opportunity = "setif-later", status = "APPLIED" }',
     '{ opportunity = "setif-later", status = "COMPLETED" }',
     "volunteers.toml: volunteers[1].applications[0]: hours or completion before setif-later "
     'starts (record "younes")'),
])
def test_references_between_records(tmp_path: Path, name: str, old: str, new: str,
                                    expected: str | None) -> None:
    problems = problems_after(tmp_path, name, old, new)
    if expected is None:  # a code or key used twice in one file (the second is the culprit)
        key = new.split('"')[1]
        [problem] = problems
        assert problem.startswith(f"{name}: ") and f"'{key}' is also " in problem
        assert problem.endswith(f' in {name} (record "{key}")')
    else:
        assert problems == [expected]


def test_a_volunteer_of_no_tenant_can_reach_no_opportunity(tmp_path: Path) -> None:
    assert problems_after(tmp_path, VOL, 'tenants = ["setif-youth"]', "tenants = []") == [
        'volunteers.toml: volunteers[0].tenants: a volunteer is a member of one tenant at least '
        '(record "amina")',
        "volunteers.toml: volunteers[0].applications[0].opportunity: 'setif-tutoring' is of "
        'setif-youth, which the volunteer is not a member of (record "amina")',
        "volunteers.toml: volunteers[0].saved[0]: 'setif-later' is of setif-youth, which the "
        'volunteer is not a member of (record "amina")',
    ]


def test_accepted_applications_fit_the_capacity(tmp_path: Path) -> None:
    second = VALID[VOL].replace('{ opportunity = "setif-later", status = "APPLIED" }',
                                '{ opportunity = "setif-tutoring", status = "COMPLETED" }')
    files = {**VALID, VOL: second,
             SETIF: VALID[SETIF].replace("capacity = 2", "capacity = 1")}
    with pytest.raises(DemoDataError) as raised:
        load_demo(write(tmp_path, files), TENANTS)
    assert [str(p) for p in raised.value.problems] == [
        f"{SETIF_0}.capacity: 2 applications accepted or completed, more than the capacity 1 "
        f"{TUT}"]


def test_a_tenant_that_stops_publishing_a_language(tmp_path: Path) -> None:
    """Texts are checked against the tenant registry the loader is given."""
    only_arabic = dataclasses.replace(TENANTS["dz-crescent"], locales=("ar",))
    with pytest.raises(DemoDataError) as raised:
        load_demo(write(tmp_path, VALID), {**TENANTS, "dz-crescent": only_arabic})
    assert [str(p) for p in raised.value.problems] == [
        'news/dz-crescent.toml: news[0].texts.fr: dz-crescent does not publish in fr '
        '(record "dz-blood-call")']
