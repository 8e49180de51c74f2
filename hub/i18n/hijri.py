"""The Umm al-Qura (Hijri) date of a Gregorian day, with month names from the catalogs."""

from __future__ import annotations

from datetime import date

from hijridate import Gregorian

from hub.i18n.labels import HIJRI_DATE, HIJRI_MONTHS, label


def hijri_date(day: date, locale: str) -> str | None:
    """"3 رجب 1448 هـ" for 2026-12-12 (Latin digits: the caller writes the digits it wants);
    None outside hijridate's Umm al-Qura table (1924-08-01 to 2077-11-16)."""
    try:
        hijri = Gregorian.fromdate(day).to_hijri()
    except OverflowError:
        return None
    # The year is a label, not a quantity: never grouped ("1448", not "1,448").
    return label(locale, HIJRI_DATE) % {
        "day": str(hijri.day),
        "month": label(locale, HIJRI_MONTHS[hijri.month - 1]),
        "year": str(hijri.year),
    }
