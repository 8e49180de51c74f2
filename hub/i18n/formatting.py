"""Dates and relative times formatted by Babel in the served locale and the tenant's zone."""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import format_date, format_time, format_timedelta


@lru_cache(maxsize=256)
def _locale(tag: str) -> Locale:
    return Locale.parse(tag, sep="-")


@lru_cache(maxsize=128)
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def format_moment(moment: datetime, locale: str, time_zone: str) -> str:
    """`moment` in the tenant's time zone: long date and short time, joined the locale's way
    ("12 décembre 2026 à 09:00", "12 ديسمبر 2026 في 9:00 ص")."""
    local = moment.astimezone(_zone(time_zone))
    loc = _locale(locale)
    pattern = str(loc.datetime_formats["long"])
    return pattern.replace("{1}", format_date(local, "long", locale=loc)).replace(
        "{0}", format_time(local, "short", locale=loc)
    )


def format_relative(moment: datetime, now: datetime, locale: str) -> str:
    """ "3 days ago" / "قبل 3 أيام" / "il y a 3 jours" (or "in ..." for the future)."""
    return format_timedelta(moment - now, add_direction=True, locale=_locale(locale))
