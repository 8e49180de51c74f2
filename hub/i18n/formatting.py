"""Dates and relative times formatted by Babel in the served locale and the tenant's zone,
with the locale's (or tenant's) digits and, where the tenant asks, the Hijri date."""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_time, format_timedelta

from hub.i18n.cldr import babel_locale
from hub.i18n.digits import numbering_system, write_digits
from hub.i18n.hijri import hijri_date


@lru_cache(maxsize=128)
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


# Pages show the same few dates again and again (events, campaign days, the same start times
# in many opportunities): Babel's formatting is the costly part, so answers are kept (bounded).
@lru_cache(maxsize=4096)
def format_moment(
    moment: datetime,
    locale: str,
    time_zone: str,
    *,
    digits: str | None = None,
    hijri: bool = False,
) -> str:
    """`moment` in the tenant's time zone: long date and short time, joined the locale's way
    ("12 décembre 2026, 09:00", "١٢ ديسمبر ٢٠٢٦، ٩:٠٠ ص" for ar-EG).

    `digits` overrides the locale's CLDR digits ("latn" | "arab"). `hijri` adds the
    Umm al-Qura date of the local day: "12 ديسمبر 2026، 9:00 ص (3 رجب 1448 هـ)"; outside
    the supported range (1924-2077) it is left out.
    """
    local = moment.astimezone(_zone(time_zone))
    loc = babel_locale(locale)
    pattern = str(loc.datetime_formats["long"])
    text = pattern.replace("{1}", format_date(local, "long", locale=loc)).replace(
        "{0}", format_time(local, "short", locale=loc)
    )
    if hijri and (hijri_text := hijri_date(local.date(), locale)) is not None:
        text = f"{text} ({hijri_text})"
    return write_digits(text, numbering_system(locale, digits))


def format_relative(
    moment: datetime, now: datetime, locale: str, *, digits: str | None = None
) -> str:
    """ "3 days ago" / "قبل 3 أيام" (ar-EG: "قبل ٣ أيام") / "il y a 3 jours", or "in ..."."""
    text = format_timedelta(moment - now, add_direction=True, locale=babel_locale(locale))
    return write_digits(text, numbering_system(locale, digits))
