"""The rules of `hub.demo.rules`, beyond the shapes: known codes, sane numbers, texts in the
tenant's languages, unique keys, and references that resolve within one tenant. Each case
breaks the valid folder of demo_files.py in one place and expects exactly that problem.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest

from hub.demo.loader import DemoDataError, load_demo
from tests.hub.demo.demo_files import (
    DAY,
    GUARDIAN,
    INQ,
    NEWS,
    SETIF,
    TENANTS,
    VALID,
    VOL,
    YOUNES_PHONE,
    problems_after,
    write,
)

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


# --- the volunteer journey: ages, guardians, waiting lists, threads ----------------------

AMINA_0 = "volunteers.toml: volunteers[0]"
YOUNES = "volunteers.toml: volunteers[1]"
INQ_0 = "inquiries.toml: inquiries[0]"
ASKS = '(record "amina-asks")'


@pytest.mark.parametrize(("name", "old", "new", "expected"), [
    (VOL, GUARDIAN, "",
     f'{YOUNES}.guardian: is required: the volunteer is under 18 on 2026-11-01 (guardian = '
     '{ name = "...", contact = "..." }) (record "younes")'),
    (VOL, GUARDIAN, 'birth_date = "2008-11-02"\n',
     f'{YOUNES}.guardian: is required: the volunteer is under 18 on 2026-11-01 (guardian = '
     '{ name = "...", contact = "..." }) (record "younes")'),
    (VOL, 'name = "Salima Ferhati"', 'name = " "',
     f'{YOUNES}.guardian.name: must not be blank (record "younes")'),
    (VOL, 'birth_year = 2002', 'birth_year = 2002\nbirth_date = "2001-05-21"',
     f'{AMINA_0}.birth_date: is in 2001, not in birth_year 2002 (record "amina")'),
    (VOL, 'birth_year = 2002', 'birth_year = 2002\nbirth_date = "21/05/2002"',
     f"{AMINA_0}.birth_date: '21/05/2002' is not a date written YYYY-MM-DD (record \"amina\")"),
    (VOL, 'birth_year = 2002', 'birth_year = 2002\nlocale = "de"',
     f"{AMINA_0}.locale: 'de' is not one of ar, en, fr (record \"amina\")"),
    (VOL, '{ opportunity = "setif-later", status = "APPLIED" }',
     '{ opportunity = "setif-later", status = "REJECTED" }',
     f"{YOUNES}.applications[0]: a REJECTED application names its reason (NOT_ELIGIBLE, "
     'SCHEDULE, POSITIONS_FILLED, PROFILE_INCOMPLETE, OTHER) (record "younes")'),
    (VOL, '{ opportunity = "setif-later", status = "APPLIED" }',
     '{ opportunity = "setif-later", status = "APPLIED", reason = "SCHEDULE" }',
     f'{YOUNES}.applications[0].reason: only a REJECTED application has a reason '
     '(record "younes")'),
    (VOL, '{ opportunity = "setif-later", status = "APPLIED" }',
     '{ opportunity = "setif-later", status = "REJECTED", reason = "BUSY" }',
     f"{YOUNES}.applications[0].reason: 'BUSY' is not one of NOT_ELIGIBLE, SCHEDULE, "
     'POSITIONS_FILLED, PROFILE_INCOMPLETE, OTHER (record "younes")'),
    (VOL, "verified_hours = 2 }", 'verified_hours = 4, hours_note = "Samedi matin" }',
     f"{AMINA_0}.applications[0].hours_note: a note goes with hours to verify (logged_hours "
     'more than verified_hours) (record "amina")'),
    (VOL, '{ opportunity = "setif-later", status = "APPLIED" }',
     '{ opportunity = "setif-later", status = "APPLIED", applied_day = 2 }',
     f'{YOUNES}.applications[0].applied_day: must not be after the seeding day (day 0) '
     '(record "younes")'),
    (VOL, '{ opportunity = "setif-later", status = "APPLIED" }',
     '{ opportunity = "setif-later", status = "APPLIED", applied_day = -9 }',
     f'{YOUNES}.applications[0].applied_day: is before setif-later was published (day -7) '
     '(record "younes")'),
    (SETIF, "starts_day = 20", "starts_day = 20\nmin_age = 18",
     f"{YOUNES}.applications[0]: the volunteer (17 on the day they applied) is younger than "
     "the minimum age 18 of setif-later: only a REJECTED application can stay "
     '(record "younes")'),
    (SETIF, "starts_day = 20", "starts_day = 20\nmin_age = 0",
     'opportunities/setif-youth.toml: opportunities[1].min_age: must be a number of years '
     'from 1 to 99 (record "setif-later")'),
    (SETIF, "starts_day = 20", 'starts_day = 20\nacceptance = "AUTO"',
     "opportunities/setif-youth.toml: opportunities[1].acceptance: 'AUTO' is not one of "
     'AUTOMATIC, REVIEW (record "setif-later")'),
    (SETIF, "starts_day = 20", 'starts_day = 20\nacceptance = "AUTOMATIC"',
     f"{YOUNES}.applications[0].status: setif-later accepts at once (acceptance AUTOMATIC): "
     'no application waits there as APPLIED (record "younes")'),
    # waiting lists
    (VOL, '{ opportunity = "setif-later", status = "APPLIED" }',
     '{ opportunity = "setif-later", status = "WAITLISTED" }',
     f"{YOUNES}.applications[0].status: WAITLISTED on setif-later, which is not full (has no "
     'capacity) (record "younes")'),
    (VOL, '{ opportunity = "setif-later", status = "APPLIED" }',
     '{ opportunity = "setif-tutoring", status = "WAITLISTED", applied_day = -1 }',
     f"{YOUNES}.applications[0].status: WAITLISTED on setif-tutoring, which is not full (has "
     '1 of its 2 places taken) (record "younes")'),
    # threads
    (INQ, 'status = "ANSWERED"', 'status = "OPEN"',
     f"{INQ_0}.status: an OPEN thread waits for the staff: its last message is the "
     f"volunteer's (else ANSWERED) {ASKS}"),
    (INQ, 'status = "ANSWERED"', 'status = "PENDING"',
     f"{INQ_0}.status: 'PENDING' is not one of OPEN, ANSWERED, CLOSED {ASKS}"),
    (INQ, '{ author = "STAFF", day = -4,', '{ author = "VOLUNTEER", day = -4,',
     f"{INQ_0}.status: an ANSWERED thread's last message is the staff's (else OPEN) {ASKS}"),
    (INQ, '{ author = "VOLUNTEER", day = -5', '{ author = "STAFF", day = -5',
     f"{INQ_0}.messages[0].author: a thread starts with the volunteer's question {ASKS}"),
    (INQ, '{ author = "STAFF", day = -4,', '{ author = "MANAGER", day = -4,',
     f"{INQ_0}.messages[1].author: 'MANAGER' is not one of VOLUNTEER, STAFF {ASKS}"),
    (INQ, "day = -4", "day = -6",
     f"{INQ_0}.messages[1].day: is before the message above it (messages are in the order "
     f"sent) {ASKS}"),
    (INQ, "day = -5, hour = 18", "day = -8, hour = 18",
     f"{INQ_0}.messages[0].day: is before setif-later was published (day -7) {ASKS}"),
    (INQ, 'body = "Oui, de 9 h', 'body = " Oui, de 9 h',
     f"{INQ_0}.messages[1].body: starts or ends with white space {ASKS}"),
    (INQ, 'opportunity = "setif-later"', 'opportunity = "setif-draft"',
     f"{INQ_0}.opportunity: 'setif-draft' is PUBLIC and DRAFT: a volunteer sees only PUBLIC "
     f"and PUBLISHED opportunities {ASKS}"),
    (INQ, 'opportunity = "setif-later"', 'opportunity = "setif-nowhere"',
     f"{INQ_0}.opportunity: 'setif-nowhere' is not a known opportunity {ASKS}"),
    (INQ, 'volunteer = "amina"', 'volunteer = "nobody"',
     f"{INQ_0}.volunteer: 'nobody' is not a known volunteer {ASKS}"),
    (INQ, "messages = [", 'colour = "red"\nmessages = [',
     f"{INQ_0}.colour: unknown key {ASKS}"),
])
def test_journey_rules(tmp_path: Path, name: str, old: str, new: str, expected: str) -> None:
    assert problems_after(tmp_path, name, old, new) == [expected]


def test_a_waiting_list_forms_after_the_places_are_taken(tmp_path: Path) -> None:
    """setif-tutoring (2 places): amina accepted, younes completed it; a third volunteer
    waits, but only if they applied after the last accepted one."""
    full = VALID[VOL].replace('{ opportunity = "setif-later", status = "APPLIED" }',
                              '{ opportunity = "setif-tutoring", status = "COMPLETED", '
                              'applied_day = -15 }')
    third = '''
[[volunteers]]
key = "lina"
first_name = "Lina"
last_name = "Saadi"
group = "UNIVERSITY_STUDENT"
birth_year = 2001
country = "DZ"
city = "Sétif"
tenants = ["setif-youth"]
languages = ["ar"]
skills = []
email = "lina@mail.example.dz"
phone = "+213 770 18 44 52"
applications = [{ opportunity = "setif-tutoring", status = "WAITLISTED", applied_day = -10 }]
'''
    files = {**VALID, VOL: full + third}
    load_demo(write(tmp_path, files), TENANTS, DAY)  # -10 is after -15 and -20 (amina's)
    assert problems_after(tmp_path, VOL, "applied_day = -15", "applied_day = -3", files) == [
        'volunteers.toml: volunteers[2].applications[0].applied_day: day -10 is not after the '
        'last accepted application to setif-tutoring (day -3): a waiting list forms once the '
        'places are taken (record "lina")']


def test_the_inquiries_file_is_optional_and_read_when_present(tmp_path: Path) -> None:
    content = load_demo(write(tmp_path, VALID), TENANTS, DAY)
    [thread] = content.inquiries
    assert thread.key == "amina-asks" and [mm.author for mm in thread.messages] == [
        "VOLUNTEER", "STAFF"]
    assert thread.messages[1].hour == 10  # the default hour
    (tmp_path / INQ).unlink()
    assert load_demo(tmp_path, TENANTS, DAY).inquiries == ()


def test_a_minor_is_counted_on_the_given_day(tmp_path: Path) -> None:
    """Born 2008 without a date: a minor all of 2026 (perhaps born on 31 December), an adult
    from 2027; with a birth date, from the birthday."""
    no_guardian = {**VALID, VOL: VALID[VOL].replace(GUARDIAN, "")}
    write(tmp_path, no_guardian)
    load_demo(tmp_path, TENANTS, date(2027, 1, 1))
    with pytest.raises(DemoDataError):
        load_demo(tmp_path, TENANTS, date(2026, 12, 31))
    dated = no_guardian[VOL].replace(YOUNES_PHONE, YOUNES_PHONE + 'birth_date = "2008-04-17"\n')
    write(tmp_path, {**no_guardian, VOL: dated})
    load_demo(tmp_path, TENANTS, date(2026, 4, 17))
    with pytest.raises(DemoDataError):
        load_demo(tmp_path, TENANTS, date(2026, 4, 16))
