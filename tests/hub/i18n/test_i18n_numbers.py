"""Digits and numbers: the locale's CLDR numbering system unless the tenant overrides it."""

from __future__ import annotations

from decimal import Decimal

import pytest

from hub.i18n import format_number, format_percent, numbering_system, tenant_digits
from hub.i18n.digits import write_digits

ARABIC_INDIC = "٠١٢٣٤٥٦٧٨٩"


@pytest.mark.parametrize(("locale", "system"), [
    ("ar-EG", "arab"), ("ar-SA", "arab"), ("ar-IQ", "arab"), ("ar-LB", "arab"),
    ("ar-DZ", "latn"), ("ar-MA", "latn"), ("ar-TN", "latn"), ("ar", "latn"),
    ("fr", "latn"), ("en", "latn"), ("fa", "arabext"),
])
def test_the_default_is_cldr_s(locale: str, system: str) -> None:
    assert numbering_system(locale) == system


def test_an_override_wins_both_ways_and_must_be_known() -> None:
    assert numbering_system("ar-EG", "latn") == "latn"
    assert numbering_system("ar-DZ", "arab") == "arab"
    with pytest.raises(ValueError, match="roman"):
        numbering_system("ar", "roman")


def test_write_digits() -> None:
    assert write_digits("0123456789 12:30", "arab") == f"{ARABIC_INDIC} ١٢:٣٠"
    assert write_digits("2026", "latn") == "2026"


@pytest.mark.parametrize(("locale", "digits", "text"), [
    ("ar-EG", None, "١٬٢٣٤٫٥"),  # CLDR: arab digits and the arab separators
    ("ar-EG", "latn", "1,234.5"),
    ("ar-DZ", None, "1.234,5"),  # CLDR: latn, with ar-DZ's own separators
    ("ar-DZ", "arab", "١٬٢٣٤٫٥"),
    ("ar-SA", None, "١٬٢٣٤٫٥"),
    ("fr", None, "1\u202f234,5"),
    ("en", None, "1,234.5"),
])
def test_numbers(locale: str, digits: str | None, text: str) -> None:
    assert format_number(1234.5, locale, digits=digits) == text
    assert format_number(Decimal("1234.5"), locale, digits=digits) == text


def test_decimals_and_signs() -> None:
    assert format_number(3, "ar-EG", decimals=2) == "٣٫٠٠"
    assert format_number(2.345, "fr", decimals=1) == "2,3"
    assert format_number(7, "ar-DZ") == "7"
    # CLDR's arab minus sign carries an Arabic letter mark; Babel would write a bare '-'.
    assert format_number(-5, "ar-EG") == "\u061c-٥"
    assert format_number(-5, "ar-EG", digits="latn") == "-5"


@pytest.mark.parametrize(("locale", "digits", "text"), [
    ("ar-EG", None, "٢٥٪\u061c"),
    ("ar-EG", "latn", "25%"),
    ("ar-DZ", None, "25%"),
    ("ar-DZ", "arab", "٢٥٪\u061c"),
    ("fr", None, "25\xa0%"),
    ("en", None, "25%"),
])
def test_percentages(locale: str, digits: str | None, text: str) -> None:
    assert format_percent(0.25, locale, digits=digits) == text


def test_percentages_with_decimals() -> None:
    assert format_percent(0.125, "ar-SA", decimals=1) == "١٢٫٥٪\u061c"
    assert format_percent(0.125, "en", decimals=1) == "12.5%"


@pytest.mark.parametrize(("locale", "setting", "digits"), [
    ("ar-SA", "arab", "arab"),
    ("ar", "arab", "arab"),
    ("ar-EG", "latn", "latn"),
    ("en", "arab", None),  # an English answer of a Saudi tenant keeps Latin digits
    ("fr", "arab", None),
    ("ar-DZ", None, None),
    ("fa", "latn", "latn"),
])
def test_tenant_setting_applies_to_arabic_script_locales(
    locale: str, setting: str | None, digits: str | None
) -> None:
    assert tenant_digits(locale, setting) == digits
