"""Enum labels, counted nouns and error messages in Arabic, French and English."""

from __future__ import annotations

import importlib
import re
from enum import StrEnum
from types import ModuleType

import pytest

from hub.db.models import enums
from hub.i18n import enum_label, hours_display, message, spots_left_display
from hub.i18n import messages as catalog_messages
from hub.i18n.labels import ENUM_LABELS
from hub.i18n.markers import Plural
from hub.i18n.messages import (
    ALL_MESSAGES,
    FIRST_TOO_LARGE,
    MORE_ERRORS_LEFT_OUT,
    SEARCH_TOO_LONG,
    TOO_MANY_VALUES,
    UNKNOWN_TENANT,
)
from hub.i18n.plurals import plural_operand
from tests.paths import ROOT

ARABIC_LETTER = re.compile(r"[\u0621-\u064A]")
API_ENUMS: dict[str, type[StrEnum]] = {
    "ApplicationStatus": enums.ApplicationStatus,
    "VolunteerGroup": enums.VolunteerGroup,
    "OpportunityFormat": enums.OpportunityFormat,
    "OpportunityStatus": enums.RecordStatus,
    "EventKind": enums.EventKind,
    "Acceptance": enums.Acceptance,
    "DecisionReason": enums.DecisionReason,
    "HoursStatus": enums.HoursStatus,
    "InquiryStatus": enums.InquiryStatus,
}


@pytest.mark.parametrize("enum_name", sorted(API_ENUMS))
def test_every_enum_value_has_a_label_in_every_language(enum_name: str) -> None:
    values = {member.value for member in API_ENUMS[enum_name]}
    assert set(ENUM_LABELS[enum_name]) == values
    for value in values:
        english = enum_label("en", enum_name, value)
        assert ARABIC_LETTER.search(enum_label("ar", enum_name, value)), value
        assert enum_label("fr", enum_name, value) != english, value


@pytest.mark.parametrize(("locale", "enum_name", "value", "text"), [
    ("ar-DZ", "VolunteerGroup", "VOCATIONAL_TRAINEE", "متربص في التكوين المهني"),
    ("fr", "VolunteerGroup", "VOCATIONAL_TRAINEE", "Stagiaire de la formation professionnelle"),
    ("ar", "OpportunityStatus", "CLOSED", "مغلقة"),  # agrees with فرصة (feminine)
    ("fr", "OpportunityStatus", "CLOSED", "Clôturée"),
    ("ar", "ApplicationStatus", "ACCEPTED", "مقبول"),  # agrees with طلب (masculine)
    ("ar", "OpportunityFormat", "REMOTE", "عن بُعد"),
    ("fr", "EventKind", "AWARENESS_DAY", "Journée de sensibilisation"),
    ("en", "EventKind", "CAMPAIGN_DAY", "Campaign day"),
    ("de", "ApplicationStatus", "NO_SHOW", "No-show"),  # no catalog: English
])
def test_enum_labels(locale: str, enum_name: str, value: str, text: str) -> None:
    assert enum_label(locale, enum_name, value) == text


def test_enum_label_accepts_the_enum_and_rejects_unknowns() -> None:
    assert enum_label("fr", "OpportunityFormat", enums.OpportunityFormat.HYBRID) == "Hybride"
    with pytest.raises(KeyError):
        enum_label("ar", "OpportunityFormat", "TELEPATHIC")
    with pytest.raises(KeyError):
        enum_label("ar", "Mood", "HAPPY")


@pytest.mark.parametrize(("locale", "n", "digits", "text"), [
    ("ar", 0, None, "لا أماكن متبقية"),
    ("ar", 1, None, "مكان واحد متبقٍّ"),
    ("ar", 2, None, "مكانان متبقيان"),
    ("ar", 3, None, "3 أماكن متبقية"),
    ("ar", 11, None, "11 مكانًا متبقيًا"),
    ("ar", 100, None, "100 مكان متبقٍّ"),
    ("ar-EG", 3, None, "٣ أماكن متبقية"),
    ("ar-EG", 11, "latn", "11 مكانًا متبقيًا"),
    ("ar-DZ", 1500, "arab", "١٬٥٠٠ مكان متبقٍّ"),
    ("fr", 0, None, "complet"),
    ("fr", 1, None, "1 place restante"),
    ("fr", 3, None, "3 places restantes"),
    ("en", 0, None, "full"),
    ("en", -2, None, "full"),  # overbooked
    ("en", 1, None, "1 spot left"),
    ("en", 3, None, "3 spots left"),
])
def test_spots_left(locale: str, n: int, digits: str | None, text: str) -> None:
    assert spots_left_display(locale, n, digits) == text


@pytest.mark.parametrize(("locale", "hours", "digits", "text"), [
    ("ar", 1, None, "ساعة واحدة"),
    ("ar", 2, None, "ساعتان"),
    ("ar", 2.0, None, "ساعتان"),  # shown as "2": the dual
    ("ar", 3, None, "3 ساعات"),
    ("ar", 11, None, "11 ساعةً"),
    ("ar", 100, None, "100 ساعة"),
    ("ar", 2.5, None, "2.5 ساعة"),  # a fraction is "other" in Arabic, never the dual
    ("ar-EG", 2.5, None, "٢٫٥ ساعة"),
    ("ar-SA", 3, "latn", "3 ساعات"),
    ("ar-DZ", 10.5, "arab", "١٠٫٥ ساعة"),
    ("fr", 1, None, "1 heure"),
    ("fr", 1.5, None, "1,5 heure"),  # French "one" covers 0 <= n < 2
    ("fr", 2.5, None, "2,5 heures"),
    ("en", 1, None, "1 hour"),
    ("en", 1.5, None, "1.5 hours"),
    ("en", 1.0004, None, "1 hour"),  # rounded as displayed, then the form of "1"
])
def test_hours(locale: str, hours: float, digits: str | None, text: str) -> None:
    assert hours_display(locale, hours, digits) == text


@pytest.mark.parametrize(("locale", "value", "operand"), [
    ("ar", 2.5, 100), ("ar", 2, 2), ("fr", 1.5, 0), ("fr", 2.5, 2), ("en", 1.5, 0),
])
def test_plural_operand_keeps_the_cldr_category(locale: str, value: float, operand: int) -> None:
    assert plural_operand(locale, value) == operand


def _params(msgid: str | Plural) -> dict[str, object]:
    text = msgid if isinstance(msgid, str) else msgid.plural
    values: dict[str, object] = {"count": 12, "max": 100}
    return {name: values.get(name, "x") for name in re.findall(r"%\((\w+)\)s", text)}


# Each domain keeps its messages beside its code (resolvers/<domain>/messages.py, or a core
# package's hub/<package>/messages.py; a tuple MESSAGES): found on disk, so a new domain's
# messages are checked without listing it here.
DOMAIN_MODULES = tuple(
    importlib.import_module(f"{path.parent.parent.name}.{path.parent.name}.messages")
    for layer in ("hub", "resolvers")
    for path in sorted((ROOT / layer).glob("*/messages.py"))
    if path.parent.name != "i18n")  # hub/i18n/messages.py: the hub's own, checked above
DOMAIN_MESSAGES = tuple(msgid for module in DOMAIN_MODULES for msgid in module.MESSAGES)


@pytest.mark.parametrize("module", DOMAIN_MODULES, ids=lambda module: module.__name__)
def test_every_domain_message_constant_is_listed(module: ModuleType) -> None:
    constants = [value for name, value in vars(module).items()
                 if name.isupper() and isinstance(value, str | Plural) and name != "MESSAGES"]
    assert sorted(map(str, constants)) == sorted(map(str, module.MESSAGES))


def test_every_message_constant_is_listed() -> None:
    constants = {
        name for name, value in vars(catalog_messages).items()
        if name.isupper() and isinstance(value, str | Plural) and name != "ALL_MESSAGES"
    }
    assert constants == {
        name for name, value in vars(catalog_messages).items() if value in ALL_MESSAGES
    }
    assert len(ALL_MESSAGES) == len(constants)


@pytest.mark.parametrize("msgid", ALL_MESSAGES + DOMAIN_MESSAGES, ids=str)
def test_every_message_is_translated(msgid: str | Plural) -> None:
    params = _params(msgid)
    english = message("en", msgid, **params)
    arabic = message("ar", msgid, **params)
    french = message("fr", msgid, **params)
    assert ARABIC_LETTER.search(arabic) and arabic != english
    assert french != english
    assert "%(" not in arabic + french + english


def test_message_numbers_and_plurals() -> None:
    assert message("fr", FIRST_TOO_LARGE, max=1000) == (
        "La valeur de `first` ne doit pas dépasser 1\u202f000\u202f; "
        "demandez la page suivante avec `after`.")
    assert message("ar-EG", FIRST_TOO_LARGE, max=100) == (
        "يجب ألّا تتجاوز قيمة `first` ١٠٠؛ اطلب الصفحة التالية باستخدام `after`.")
    assert message("en", TOO_MANY_VALUES, argument="tenants", count=1) == (
        "`tenants` takes at most 1 value.")
    assert message("ar", TOO_MANY_VALUES, argument="tenants", count=2) == (
        "لا يقبل `tenants` أكثر من قيمتين.")
    assert message("ar", SEARCH_TOO_LONG, count=200) == "لا يقبل `search` أكثر من 200 حرف."
    assert message("ar", SEARCH_TOO_LONG, count=50) == "لا يقبل `search` أكثر من 50 حرفًا."
    assert message("ar", MORE_ERRORS_LEFT_OUT, count=5) == "لم تُدرج 5 أخطاء أخرى في القائمة."
    assert message("fr", MORE_ERRORS_LEFT_OUT, count=1) == "1 autre erreur a été omise."
    assert message("fr", UNKNOWN_TENANT, slug="xx") == (
        "Il n’existe aucune organisation «\u00a0xx\u00a0».")


def test_a_plural_message_needs_an_integer_count() -> None:
    with pytest.raises(TypeError):
        message("ar", MORE_ERRORS_LEFT_OUT, count=2.5)
    with pytest.raises(KeyError):
        message("ar", MORE_ERRORS_LEFT_OUT)
