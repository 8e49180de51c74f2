"""A tenant's published badges and levels (`badges(tenant:)`, `levels(tenant:)`): anyone may
read them, in the request's language through its locale chain, falling back for a locale
the tenant file lacks. SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

from tests.applications.world import code_of
from tests.badges.world import RESCUE, TENANT, BadgeWorld

BADGES = """query($tenant: String!) { badges(tenant: $tenant) {
  code name description thresholdHours periodMonths group tenant { slug }
  category { code label } benefits { code text }
  nameI18n { value locale isFallback } french: nameI18n(locale: "fr") { value isFallback } }
  levels(tenant: $tenant) { code name hours badges { code } categories { code } } }"""


def published(world: BadgeWorld, language: str) -> dict[str, Any]:
    return world.ok(BADGES, {"tenant": TENANT}, {"Accept-Language": language})


def test_badges_and_levels_in_the_callers_language(world: BadgeWorld) -> None:
    ar_dz = published(world, "ar-DZ")["badges"]
    by_code = {b["code"]: b for b in ar_dz}
    assert list(by_code) == ["ten", "rescuer", "recent", "pupil"]
    assert by_code["ten"]["name"] == "شارة العشرة"  # the file's ar-DZ name
    assert by_code["rescuer"]["name"] == "شارة المسعف"  # no ar-DZ: its base language
    assert by_code["ten"]["nameI18n"] == {"value": "شارة العشرة", "locale": "ar-DZ",
                                          "isFallback": False}
    assert by_code["ten"]["french"] == {"value": "Dix heures", "isFallback": False}
    assert by_code["ten"]["benefits"] == [{"code": "bus-pass", "text": "اشتراك الحافلة"}]
    assert (by_code["ten"]["thresholdHours"], by_code["recent"]["periodMonths"],
            by_code["pupil"]["group"]) == (10, 12, "PUPIL")
    assert by_code["rescuer"]["category"] == {"code": RESCUE, "label": "إنقاذ"}
    assert by_code["recent"]["description"] is None  # none in the file
    assert {b["tenant"]["slug"] for b in ar_dz} == {TENANT}
    fr_ca = {b["code"]: b for b in published(world, "fr-CA")["badges"]}
    assert (fr_ca["ten"]["name"], fr_ca["ten"]["description"]) == (
        "Dix heures", "Dix heures vérifiées.")
    assert fr_ca["rescuer"]["benefits"][1] == {"code": "first-aid-kit",
                                               "text": "Une trousse de secours"}
    # German is not in the file: the tenant's default language (ar-DZ), marked a fallback.
    german = {b["code"]: b for b in published(world, "de")["badges"]}
    assert german["ten"]["nameI18n"] == {"value": "شارة العشرة", "locale": "ar-DZ",
                                         "isFallback": True}
    levels = published(world, "en")["levels"]
    assert [(v["code"], v["name"], v["hours"]) for v in levels] == [
        ("starter", "Starter", 2), ("trained", "Trained", 10), ("expert", "Expert", 40)]
    assert levels[2]["badges"] == [{"code": "ten"}, {"code": "rescuer"}]
    assert levels[2]["categories"] == [{"code": RESCUE}, {"code": "test-category"}]
    unknown = world.call(BADGES, {"tenant": "atlantis"}, {})
    assert code_of(unknown) == "BAD_USER_INPUT"
    assert unknown["errors"][0]["extensions"]["argument"] == "tenant"
