"""The demo loader reads the TOML data files and refuses a bad one with a problem naming the
file, the record and the field. The rules beyond the shapes: test_demo_rules.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hub.demo.loader import DATA_DIR, DemoDataError, load_demo, main
from hub.demo.records import ApplicationSeed, OpportunityTexts
from tests.hub.demo.demo_files import NEWS, SETIF, TENANTS, VALID, VOL, problems_after, write

# --- the valid folder and the packaged one ------------------------------------------------


def test_the_valid_folder_loads_in_order(tmp_path: Path) -> None:
    content = load_demo(write(tmp_path, VALID), TENANTS)
    assert [o.key for o in content.opportunities] == [
        "setif-tutoring", "setif-later", "setif-draft", "dz-blood-drive"]
    tutoring = content.opportunities[0]
    assert tutoring.tenant == "setif-youth" and tutoring.skills == ("TEACHING",)
    assert list(tutoring.texts) == ["ar", "fr"]  # the first is the source language
    assert tutoring.texts["ar"] == OpportunityTexts(
        "دروس دعم لتلاميذ البكالوريا", "ساعد التلاميذ على التحضير للامتحان.",
        "دروس دعم في الرياضيات والفيزياء كل سبت في دار الشباب.")
    assert tutoring.credited_hours == 10.0 and isinstance(tutoring.credited_hours, float)
    assert content.volunteers[1].applications == (
        ApplicationSeed("setif-later", "APPLIED", 0, 0),
        ApplicationSeed("dz-blood-drive", "COMPLETED", 3.0, 3.0))
    assert [e.key for e in content.events] == ["setif-study-day", "setif-webinar"]
    assert [n.tenant for n in content.news] == ["dz-crescent", "sa-crescent"]


def test_order_toml_decides_the_order_of_the_tenant_files(tmp_path: Path) -> None:
    order = 'tenants = ["dz-crescent", "setif-youth", "sa-crescent"]\n'
    content = load_demo(write(tmp_path, {**VALID, "order.toml": order}), TENANTS)
    assert [o.tenant for o in content.opportunities] == [
        "dz-crescent", "setif-youth", "setif-youth", "setif-youth"]


def test_the_packaged_data_loads() -> None:
    content = load_demo(DATA_DIR, TENANTS)
    assert len(content.opportunities) >= 40 and content.volunteers


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    files = {**VALID,
             "taxonomy.toml": VALID["taxonomy.toml"].replace('code = "TEACHING"', "code = 7"),
             "news/dz-crescent.toml": VALID["news/dz-crescent.toml"].replace(
                 'title = "نداء للتبرع بالدم"\n', "")}
    with pytest.raises(DemoDataError) as raised:
        load_demo(write(tmp_path, files), TENANTS)
    assert [str(p) for p in raised.value.problems] == [
        "taxonomy.toml: skills[0].code: must be a string, not 7",
        'news/dz-crescent.toml: news[0].texts.ar.title: field required (record "dz-blood-call")',
    ]
    assert "2 problems" in str(raised.value)


# --- files --------------------------------------------------------------------------------


def test_invalid_toml_names_the_file_and_the_line(tmp_path: Path) -> None:
    problems = problems_after(tmp_path, "news/dz-crescent.toml", "published_day = -2",
                              "published_day = ")
    assert len(problems) == 1
    assert problems[0].startswith("news/dz-crescent.toml: is not valid TOML (")
    assert "line 4" in problems[0]


def test_a_missing_file(tmp_path: Path) -> None:
    write(tmp_path, {k: v for k, v in VALID.items() if k != "taxonomy.toml"})
    with pytest.raises(DemoDataError) as raised:
        load_demo(tmp_path, TENANTS)
    assert [str(p) for p in raised.value.problems] == ["taxonomy.toml: is missing"]


@pytest.mark.parametrize(("name", "expected"), [
    ("news/tn-crescent.toml", "news/tn-crescent.toml: 'tn-crescent' is not a tenant listed in "
                              "order.toml"),
    ("notes.toml", "notes.toml: is not a demo data file"),
    ("news/2026/dz.toml", "news/2026/dz.toml: is not a demo data file"),
])
def test_a_file_the_loader_would_not_read_is_an_error(tmp_path: Path, name: str,
                                                      expected: str) -> None:
    write(tmp_path, {**VALID, name: VALID["news/dz-crescent.toml"]})
    with pytest.raises(DemoDataError) as raised:
        load_demo(tmp_path, TENANTS)
    assert [str(p)[:len(expected)] for p in raised.value.problems] == [expected]


@pytest.mark.parametrize(("name", "old", "new", "expected"), [
    ("order.toml", '"sa-crescent"', '"sa-crescent", "atlantis"',
     "order.toml: tenants[3]: 'atlantis' is not a known tenant"),
    ("order.toml", '"sa-crescent"', '"sa-crescent", "dz-crescent"',
     "order.toml: tenants[3]: 'dz-crescent' is listed twice"),
    ("order.toml", "tenants = [", "tenant = [",
     "order.toml: tenants: must be an array of tenant slugs"),
    ("news/dz-crescent.toml", "[[news]]", "[[nws]]",
     "news/dz-crescent.toml: nws: unknown key (this file holds [[news]])"),
    ("taxonomy.toml", "[[skills]]", "[[skill]]",
     "taxonomy.toml: skill: unknown key (this file holds [[categories]] or [[skills]])"),
    ("news/dz-crescent.toml", VALID["news/dz-crescent.toml"], "news = 3\n",
     "news/dz-crescent.toml: news: must be an array of tables ([[news]])"),
    ("opportunities/setif-youth.toml", VALID["opportunities/setif-youth.toml"],
     "opportunities = [1]\n", "opportunities/setif-youth.toml: opportunities[0]: must be a table"),
])
def test_file_level_problems(tmp_path: Path, name: str, old: str, new: str,
                             expected: str) -> None:
    assert expected in problems_after(tmp_path, name, old, new)


# --- shapes -------------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "old", "new", "expected"), [
    (NEWS, 'title = "نداء للتبرع بالدم"\n', "",
     'news/dz-crescent.toml: news[0].texts.ar.title: field required (record "dz-blood-call")'),
    (NEWS, "tags = [", 'colour = "red"\ntags = [',
     'news/dz-crescent.toml: news[0].colour: unknown key (record "dz-blood-call")'),
    (NEWS, 'body = "Le Croissant', 'image = "x.png"\nbody = "Le Croissant',
     'news/dz-crescent.toml: news[0].texts.fr.image: unknown key (record "dz-blood-call")'),
    (NEWS, "published_day = -2", 'published_day = "-2"',
     'news/dz-crescent.toml: news[0].published_day: must be a whole number, not "-2" '
     '(record "dz-blood-call")'),
    (NEWS, "published_day = -2", "published_day = -2.5",
     'news/dz-crescent.toml: news[0].published_day: must be a whole number, not -2.5 '
     '(record "dz-blood-call")'),
    (NEWS, "published_day = -2", "published_day = 2026-10-30",
     'news/dz-crescent.toml: news[0].published_day: is a TOML date or time; demo dates are '
     'day offsets from the seeding day, like -14 (record "dz-blood-call")'),
    (NEWS, "published_day = -2", 'published_day = -2\ntenant = "dz-crescent"',
     'news/dz-crescent.toml: news[0].tenant: unknown key (the tenant is the file\'s name: '
     'dz-crescent) (record "dz-blood-call")'),
    (NEWS, 'tags = ["blood"]', 'tags = "blood"',
     'news/dz-crescent.toml: news[0].tags: must be an array, not "blood" (record "dz-blood-call")'),
    (SETIF, "is_ongoing = true", "is_ongoing = 1",
     'opportunities/setif-youth.toml: opportunities[2].is_ongoing: must be true or false, '
     'not 1 (record "setif-draft")'),
    (SETIF, "capacity = 2", "capacity = nan",
     'opportunities/setif-youth.toml: opportunities[0].capacity: must be a whole number, '
     'not NaN (record "setif-tutoring")'),
    (SETIF, "latitude = 36.19", "latitude = inf",
     'opportunities/setif-youth.toml: opportunities[0].latitude: must be a finite number, '
     'not Infinity (record "setif-tutoring")'),
    (VOL, "verified_hours = 2", 'verified_hours = "2"',
     'volunteers.toml: volunteers[0].applications[0].verified_hours: must be a number, '
     'not "2" (record "amina")'),
    (VOL, 'status = "APPLIED" }', 'status = "APPLIED", hours = 3 }',
     'volunteers.toml: volunteers[1].applications[0].hours: unknown key (record "younes")'),
])
def test_shape_problems_name_the_file_the_record_and_the_field(
        tmp_path: Path, name: str, old: str, new: str, expected: str) -> None:
    assert problems_after(tmp_path, name, old, new) == [expected]


def test_the_check_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`python -m hub.demo.loader [folder]`, for whoever edits the files."""
    write(tmp_path, VALID)
    assert main([str(tmp_path)]) == 0
    assert capsys.readouterr().out.startswith(f"{tmp_path}: valid (2 categories, 1 skills, ")
    broken = VALID[NEWS].replace('title = "نداء للتبرع بالدم"\n', "")
    write(tmp_path, {NEWS: broken})
    assert main([str(tmp_path)]) == 1
    assert ('  news/dz-crescent.toml: news[0].texts.ar.title: field required '
            '(record "dz-blood-call")\n') in capsys.readouterr().err
