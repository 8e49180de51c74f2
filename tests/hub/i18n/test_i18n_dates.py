"""Dates, times and relative times: regional month names, digits, and the Hijri date."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

import pytest
from hijridate import Gregorian

from hub.i18n import format_moment, format_relative
from hub.i18n.hijri import hijri_date

LATIN_DIGIT = re.compile(r"[0-9]")
JAN_5 = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(("locale", "zone", "text"), [
    ("ar-DZ", "Africa/Algiers", "5 جانفي 2026، 10:00 ص"),
    ("ar-TN", "Africa/Tunis", "5 جانفي 2026، 10:00 ص"),
    ("ar-EG", "Africa/Cairo", "٥ يناير ٢٠٢٦، ١١:٠٠ ص"),
    ("ar-LB", "Asia/Beirut", "٥ كانون الثاني ٢٠٢٦، ١١:٠٠ ص"),
    ("ar-SY", "Asia/Damascus", "٥ كانون الثاني ٢٠٢٦، ١٢:٠٠ م"),
    ("fr", "Africa/Algiers", "5 janvier 2026, 10:00"),
    ("en", "UTC", "January 5, 2026, 9:00\u202fAM"),
])
def test_regional_month_names_and_default_digits(locale: str, zone: str, text: str) -> None:
    assert format_moment(JAN_5, locale, zone) == text


def test_date_digits_override_both_ways() -> None:
    assert format_moment(JAN_5, "ar-EG", "Africa/Cairo", digits="latn") == (
        "5 يناير 2026، 11:00 ص")
    algiers = format_moment(JAN_5, "ar-DZ", "Africa/Algiers", digits="arab")
    assert algiers == "٥ جانفي ٢٠٢٦، ١٠:٠٠ ص"
    assert not LATIN_DIGIT.search(algiers)


@pytest.mark.parametrize(("locale", "digits", "days", "text"), [
    ("ar", None, -3, "قبل 3 أيام"),
    ("ar-DZ", None, -3, "قبل 3 أيام"),
    ("ar-EG", None, -3, "قبل ٣ أيام"),
    ("ar-EG", "latn", -3, "قبل 3 أيام"),
    ("ar-DZ", "arab", -3, "قبل ٣ أيام"),
    ("ar", None, -2, "قبل يومين"),  # the dual, not "2 أيام"
    ("fr", None, -3, "il y a 3 jours"),
    ("en", None, -3, "3 days ago"),
    ("ar-SA", None, 3, "خلال ٣ أيام"),
    ("fr", None, 3, "dans 3 jours"),
    ("en", None, 3, "in 3 days"),
])
def test_relative_times(locale: str, digits: str | None, days: int, text: str) -> None:
    now = datetime(2026, 12, 12, 9, 0, tzinfo=UTC)
    assert format_relative(now + timedelta(days=days), now, locale, digits=digits) == text


# 2026-12-11T22:00Z is already 12 December in Riyadh (UTC+3): 3 Rajab 1448.
LATE_EVENING_UTC = datetime(2026, 12, 11, 22, 0, tzinfo=UTC)


def test_the_known_date_pair_from_hijridate() -> None:
    assert Gregorian(2026, 12, 12).to_hijri().datetuple() == (1448, 7, 3)
    assert Gregorian(2026, 12, 11).to_hijri().datetuple() == (1448, 7, 2)


@pytest.mark.parametrize(("locale", "digits", "text"), [
    ("ar-SA", None, "١٢ ديسمبر ٢٠٢٦، ١:٠٠ ص (٣ رجب ١٤٤٨ هـ)"),
    ("ar-SA", "latn", "12 ديسمبر 2026، 1:00 ص (3 رجب 1448 هـ)"),
    ("en", None, "December 12, 2026, 1:00\u202fAM (3 Rajab 1448 AH)"),
    ("fr", None, "12 décembre 2026, 01:00 (3 radjab 1448 de l’hégire)"),
])
def test_hijri_date_of_the_local_day(locale: str, digits: str | None, text: str) -> None:
    moment = format_moment(LATE_EVENING_UTC, locale, "Asia/Riyadh", digits=digits, hijri=True)
    assert moment == text


def test_no_hijri_unless_asked_or_outside_the_table() -> None:
    assert "(" not in format_moment(LATE_EVENING_UTC, "ar-SA", "Asia/Riyadh")
    assert format_moment(datetime(2080, 1, 1, 9, tzinfo=UTC), "ar-SA", "Asia/Riyadh",
                         hijri=True) == "١ يناير ٢٠٨٠، ١٢:٠٠ م"
    assert hijri_date(date(1900, 1, 1), "ar") is None
    assert hijri_date(date(1924, 8, 1), "ar") == "1 محرم 1343 هـ"


@pytest.mark.parametrize(("day", "text"), [
    (date(2027, 2, 8), "1 رمضان 1448 هـ"),
    (date(2026, 10, 13), "2 جمادى الأولى 1448 هـ"),
    (date(2027, 5, 7), "1 ذو الحجة 1448 هـ"),
])
def test_arabic_hijri_month_names(day: date, text: str) -> None:
    assert hijri_date(day, "ar") == text
