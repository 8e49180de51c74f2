"""Loading, before the first request, what the first answer in each language would load.

Babel reads a locale's CLDR data, its plural rules and number and date patterns, and
gettext its compiled catalog, on first use: ~150 ms for the first French error on this
class of machine, paid by whoever asks first (and mistaken for the cost of the request by
anyone who measures it). The lifespan calls `warm_up` with the supported languages and the
tenants' own locales before the hub reports ready.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from hub.i18n.chain import normalize_tag
from hub.i18n.cldr import babel_locale
from hub.i18n.formatting import format_moment
from hub.i18n.labels import enum_label, hours_display
from hub.i18n.locales import supported_locales
from hub.i18n.messages import INVALID_QUERY, QUERY_TOO_DEEP, message
from hub.i18n.numbers import format_number

SAMPLE_MOMENT = datetime(2026, 1, 1, 9, tzinfo=UTC)


def warm_up(tags: Iterable[str] = ()) -> tuple[str, ...]:
    """Load the locale data, catalogs and formats of `tags` and of every supported
    language; the tags warmed, in order. A tag Babel does not know is left out."""
    warmed: list[str] = []
    for tag in dict.fromkeys((*supported_locales(), *tags)):
        normalized = normalize_tag(tag)
        if normalized is None:
            continue
        try:
            babel_locale(normalized)
        except (ValueError, LookupError):
            continue
        message(normalized, INVALID_QUERY)
        message(normalized, QUERY_TOO_DEEP, count=12)
        format_number(1234.5, normalized)
        hours_display(normalized, 2.5)
        enum_label(normalized, "ApplicationStatus", "ACCEPTED")
        format_moment(SAMPLE_MOMENT, normalized, "UTC")
        warmed.append(normalized)
    return tuple(warmed)
